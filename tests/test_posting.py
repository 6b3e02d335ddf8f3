from __future__ import annotations

import pytest

from screener.posting import PostingLine, cap, line_strength, metadata, posting_lines


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("At least 3 years of Java", "other", "must"),
        ("Experience with Kafka is a plus", "requirements", "nice"),
        ("Kubernetes", "nice", "nice"),
        ("Python", "requirements", "must"),
        ("Familiarity with Terraform", "other", "nice"),
        ("Build APIs in Go", "responsibilities", "core"),
        ("We build APIs in Go", "about", "mention"),
    ],
)
def test_line_strength(text, kind, expected):
    assert line_strength(PostingLine(1, text, kind, False)) == expected


def test_headings_set_the_section_kind():
    lines = posting_lines("Key Responsibilities:\n- Build APIs\nNice to have\n- Go\n")
    assert [(line.text, line.kind, line.heading) for line in lines] == [
        ("Key Responsibilities:", "responsibilities", True),
        ("Build APIs", "responsibilities", False),
        ("Nice to have", "nice", True),
        ("Go", "nice", False),
    ]


@pytest.mark.parametrize(
    ("line", "kind", "names_skills"),
    [
        ("Here's what you can expect them to handle:", "other", False),  # a lead-in
        ("Full Stack Developer", "other", False),  # a bare job title
        ("Private healthcare, dental and a pension", "perks", True),
        ("We are an equal opportunity employer", "legal", True),
        ("Please apply with your CV", "legal", True),
    ],
)
def test_lines_that_ask_for_nothing(line, kind, names_skills):
    [read] = posting_lines(line)
    assert (read.kind, read.names_skills) == (kind, names_skills)


def test_markdown_and_fields():
    lines = posting_lines(
        "# Data Engineer\nLocation: Remote\nType: Contract\n**Requirements**\n- SQL"
    )
    assert metadata(lines, None) == {
        "title": "Data Engineer",
        "level": "Not specified",
        "location": "Remote",
        "employment_type": "Contract",
    }
    assert (lines[-1].text, lines[-1].kind) == ("SQL", "requirements")
    assert metadata(lines, "Senior Data Engineer")["level"] == "Senior"


def test_unprintable_characters_become_spaces():
    assert [line.text for line in posting_lines("Python\x1bSQL\u00a0Go")] == ["Python SQL Go"]
    assert cap("a  b\n c", 3) == "a\u2026"  # cut to 2 characters, trimmed, plus an ellipsis
