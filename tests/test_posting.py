from __future__ import annotations

import pytest

from screener.posting import (
    PostingLine,
    about_company,
    cap,
    describes_company,
    line_strength,
    metadata,
    posting_lines,
)


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
        ("Private health insurance", "perks", True),  # under any heading, Requirements too
        ("Access to e-learning portals and budget for conferences", "perks", True),
        ("NO THIRD PARTY RECRUITMENT AGENCIES PLEASE", "legal", True),
        ("More information: Jane Roe, mobile: 555 0100", "legal", True),
        ("Job benefits: health insurance, gym and a pension", "perks", True),
        ("Requirements: 3+ years of Python", "requirements", True),  # its own heading
        ("You will apply design patterns to our services", "other", True),  # a verb, not a CV
        ("Develop and apply a quantitative screen", "other", True),
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


def test_equal_opportunity_wording_marks_even_a_long_sentence():
    sentence = (
        "Acme provides equal employment opportunities to all employees and applicants and "
        "prohibits discrimination of any type without regard to race color religion age sex "
        "national origin disability status genetics protected veteran status or any other "
        "characteristic protected by law in every location where we have facilities ."
    )
    assert len(sentence.split()) > 40
    [read] = posting_lines(sentence)
    assert read.kind == "legal"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are a leading healthcare provider in Europe", True),
        ("Acme Health is a global leader in financial services", True),
        ("About Acme Centre of Excellence for Health is a medical research organization", True),
        ("The company was founded in 1998 as a research section", True),
        ("Our team is dynamic and agile", True),
        ("Technology is king we want to do it right from the start: agile and modular", True),
        ("This rapidly growing team owns a charter combining machine learning and big data", True),
        ("Read our weekly newsletter about Ruby on Rails", True),
        ("The Cybersecurity & Technology Controls group at Acme Bank aligns access controls", True),
        ("explains Jane Roe Senior Manager PCS & Business Analysis", True),
        ("We are looking for someone with fintech experience", False),
        ("We value: documentation, test coverage and code review", False),
        ("We'd like to meet someone with the following experience: HTML CSS", False),
        ("You have a solid understanding of IT project management", False),
        ("Make our backend resilient with an event driven architecture", False),
        ("The Principal Cloud Architect is a subject matter expert in analytics", False),
        ("We work in an agile setting and you must know Scrum", False),
    ],
)
def test_describes_company(text, expected):
    assert describes_company(text) is expected


def test_a_wrapped_company_sentence_stays_about_the_company():
    lines = posting_lines(
        "Acme utilises best of breed Java toolsets focused on powerful front\n"
        "and backend frameworks from NoSQL databases like MongoDB\n"
        "Requirements\n"
        "and more Python.\n"
        "experience with MongoDB"
    )
    assert [about_company(line) for line in lines] == [True, True, False, False, False]
