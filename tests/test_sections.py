from __future__ import annotations

import pytest

from screener.sections import find_sections, heading_of, section_per_line


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("SKILLS", "skills"),
        ("## Technical Skills", "skills"),
        ("**Experience**", "experience"),
        ("Work Experience:", "experience"),
        ("Skills: Python, Go", "skills"),
        ("PERSONAL PROJECTS", "projects"),
        ("Open source", "projects"),
        ("Education", "education"),
        ("Certifications", "certifications"),
        ("About me", "summary"),
        ("- Skills in Python", None),
        ("Built an API for skills matching", None),
        ("", None),
    ],
)
def test_heading_of(line, section):
    assert heading_of(line) == section


def test_find_sections_spans():
    lines = [
        "Jane Doe",
        "jane@example.com",
        "SKILLS",
        "Python",
        "EXPERIENCE",
        "- Built APIs",
        "- Led",
    ]
    spans = find_sections(lines)
    assert [(s.name, s.start, s.end) for s in spans] == [
        ("header", 0, 2),
        ("skills", 2, 4),
        ("experience", 4, 7),
    ]
    assert section_per_line(spans, len(lines)) == [
        "header",
        "header",
        "skills",
        "skills",
        "experience",
        "experience",
        "experience",
    ]


def test_resume_without_headings_is_all_header():
    spans = find_sections(["Jane", "jane@example.com", "Loves Python"])
    assert [(s.name, s.start, s.end) for s in spans] == [("header", 0, 3)]
