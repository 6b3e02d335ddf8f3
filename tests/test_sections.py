from __future__ import annotations

import pytest

from screener.sections import (
    find_sections,
    heading_of,
    is_headline,
    is_job_entry,
    job_of,
    section_per_line,
    stated_duration,
)


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


@pytest.mark.parametrize(
    ("line", "section"),
    [
        # headings as real resumes write them: case, colons, numbering, decorations
        ("Skill Details", "skills"),
        ("COMPANY DETAILS", "experience"),
        ("Education Details", "education"),
        ("TECHNICAL SKILLS Skills: Java, SQL, Spring", "skills"),
        ("Work History", "experience"),
        ("Highlights", "skills"),
        ("Accomplishments", "other"),
        ("I. PROFESSIONAL EXPERIENCE", "experience"),
        ("3) Projects Undertaken", "projects"),
        ("== Experiance ==", "experience"),  # near-miss spelling
        ("Eduction:", "education"),
        ("Personal Details:", "other"),
        ("Executive Profile", "summary"),
        ("Core Qualifications", "skills"),
        # not headings: field labels, sentences, titles
        ("Environment: Java, Spring, Oracle", None),
        ("Responsibilities:", None),
        ("Built a skills matrix for the team.", None),
        ("Java Developer", None),
    ],
)
def test_headings_by_form(line, section):
    assert heading_of(line) == section


def _sections_of(lines):
    return section_per_line(find_sections(lines), len(lines))


def test_dated_job_entry_under_unknown_heading_is_experience():
    lines = [
        "Priya Raman",
        "Career Snapshot",  # not a known heading: stays in the header
        "Backend developer with two years in Java.",
        "Jr. Java Developer",
        "Jan 2018 to Current",
        "- Built REST APIs with Spring Boot",
        "EDUCATION",
        "B.Tech, 2014 - 2018",
    ]
    assert _sections_of(lines) == [
        "header",
        "header",
        "header",
        "experience",
        "experience",
        "experience",
        "education",
        "education",
    ]


@pytest.mark.parametrize(
    "dates",
    ["Jan 2018 to Current", "04/2013 - 05/2016", "2016 - 2019", "January 2015 to Present",
     "Aug 2007 – Now", "March '19 - Sept '21"],
)  # fmt: skip
def test_date_ranges_mark_job_entries(dates):
    assert is_job_entry(f"Developer, Acme Corp   {dates}")


def test_a_single_year_is_not_a_job_entry():
    assert not is_job_entry("Graduated 2019 with honours")


def test_field_labels_inside_a_job_stay_in_the_job():
    lines = [
        "WORK EXPERIENCE",
        "Software Engineer - Acme",
        "Achievements:",
        "- Cut latency by 40%",
        "Technologies: Java, Kafka",
        "Languages: Python",
        "SKILLS",
        "Docker",
    ]
    assert _sections_of(lines) == ["experience"] * 6 + ["skills"] * 2


def test_headline_in_the_header_is_a_one_line_job():
    lines = ["Rahul Verma", "Java Developer - Infosys Limited", "Pune, Maharashtra"]
    assert _sections_of(lines) == ["header", "experience", "header"]
    assert is_headline("Test Analyst at Oracle, Hyderabad")
    assert not is_headline("rahul@example.com - Pune")


def test_job_of_names_the_entry_a_line_belongs_to():
    lines = ["EXPERIENCE", "Jr. Java Developer", "Jan 2018 to Current", "- Wrote SQL", "SKILLS"]
    spans = find_sections(lines)
    assert job_of(lines, spans, 3) == "Jr. Java Developer | Jan 2018 to Current"
    assert job_of(lines, spans, 4) is None


@pytest.mark.parametrize(
    ("line", "duration"),
    [
        ("Java- Exprience - 24 months", "24 months"),
        ("Python (2+ years)", "2+ years"),
        ("SQL, Oracle (Less than 1 year)", "1 year"),
        ("Docker", None),
    ],
)
def test_stated_duration(line, duration):
    assert stated_duration(line) == duration
