from __future__ import annotations

import pytest

from screener.sections import (
    find_sections,
    heading_of,
    is_headline,
    is_job_entry,
    is_job_statement,
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
        # a qualifier before the heading name, upper case or with a bare colon
        ("ORACLE DBA SKILL SET:", "skills"),
        ("TEACHING EXPERIENCE", "experience"),
        ("Testing Skills:", "skills"),
        ("Mobile App Projects:", "projects"),
        # not headings: field labels, sentences, titles
        ("Environment: Java, Spring, Oracle", None),
        ("skills.", None),  # the end of a wrapped sentence
        ("Excellent communication skills", None),
        ("Payment Skills: cash handling", None),  # a qualifier needs a bare heading
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
     "Aug 2007 – Now", "March '19 - Sept '21", "from Jan2014 to till date"],
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
        ("PYTHON - 6 YRS", "6 YRS"),
        ("Go 18 Months", "18 Months"),
        ("Years of Java, months of Go", None),
    ],
)
def test_stated_duration(line, duration):
    assert stated_duration(line) == duration


def test_labelled_rows_of_a_skills_table_stay_in_skills():
    lines = [
        "TECHNICAL SKILLS",
        "Languages: C, Core Java, Python",
        "Database: MySQL",
        "TOOLS Jira, Git, Maven",
        "Operating Systems: Ubuntu",
        "LANGUAGES",  # a heading of its own: spoken languages follow
        "English, Tamil",
    ]
    assert _sections_of(lines) == ["skills"] * 5 + ["other"] * 2


@pytest.mark.parametrize("title", ["Software", "Key Skills"])
def test_a_job_title_that_reads_like_a_heading_stays_in_the_job(title):
    lines = [
        "WORK EXPERIENCE",
        "Support Engineer",
        "Jan 2015 to Dec 2017",
        title,
        "Northwind Traders - Pune, Maharashtra -",
        "Mar 2019 to Present",
        "- Built the billing service",
        "Skills",
        "Java, SQL",
    ]
    assert _sections_of(lines) == ["experience"] * 7 + ["skills"] * 2


@pytest.mark.parametrize(
    ("line", "after_name", "expected"),
    [
        ("Analyst@Globex Labs, Bengaluru", False, True),
        ("Working as payroll officer @ northwind", True, True),
        ("Developer", True, True),
        ("DESKTOP SUPPORT", True, True),  # a function named as a title, under the name only
        ("Network support, Technical Support", False, False),
        ("QA Lead, Cloud Developer - Northwind Traders Pvt Ltd (Retail)", True, True),
        ("Trainer - Retail Lending Systems", False, True),
        ("asha.rao@example.com - Pune", False, False),
        ("Mobile: 98450 12345", True, False),
        ("Keen to find a role in .NET development", True, False),
        ("Python, Django, Flask", True, False),
        # a long line is a sentence unless right under the name
        ("Budgets, Vendor reviews, Planning and Assisting the Manager daily", False, False),
    ],
)
def test_headlines(line, after_name, expected):
    assert is_headline(line, after_name=after_name) is expected


def test_a_headline_wrapped_over_two_lines_is_one_job():
    lines = [
        "Meera Iyer",
        "Head of Fleet Operations (Coastal & Inland) -",
        "Harbour Freight Lines Ltd",
        "",
        "Chennai, Tamil Nadu - Email me on Indeed",
    ]
    assert _sections_of(lines) == ["header", "experience", "experience", "header", "header"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- Currently working as Support Engineer.", True),
        ("- Earlier worked with Acme Ltd, Nagpur as a QA Engineer.", True),
        ("- 3 years of experience in retail IT as a Java Developer.", True),
        ("- Data Analyst with 3 years of experience in reporting", True),
        ("- Data centre move as a Release Lead for Globex Retail", True),
        ("- Worked as a volunteer tutor for Northwind Trust", True),
        ("- Joined Initech in 2016 on the payments team", True),
        ("- 9 years of experience in Initech Pvt Ltd", True),
        ("Employed at Initech Ltd since 2018", True),
        ("Seeking a challenging position to work as a Java Developer", False),
        ("- Worked with designers and business analysts on the backlog", False),
        ("- Good knowledge of Java and SQL", False),
    ],
)
def test_job_statements(line, expected):
    assert is_job_statement(line) is expected


def test_a_job_statement_in_a_summary_is_a_one_line_job():
    lines = [
        "PROFILE",
        "- 4 years of release testing.",
        "- Working as Build Engineer for Globex Systems since 2019.",
        "- Quick learner.",
    ]
    spans = find_sections(lines)
    assert section_per_line(spans, len(lines)) == ["summary", "summary", "experience", "summary"]
    assert job_of(lines, spans, 2) == lines[2]


@pytest.mark.parametrize(
    "line", ["- IT skills - Excel, Tally", "- Cloud Skills: EC2, S3, IAM", "Data skills: SQL, dbt"]
)
def test_a_skills_line_under_another_heading_is_a_one_line_skills_list(line):
    lines = ["INTERESTS", line, "- Cricket", "- Travel - Asia, Europe"]
    assert _sections_of(lines) == ["other", "skills", "other", "other"]


def test_a_job_kept_under_a_skills_heading_is_experience():
    lines = [
        "ADDITIONAL INFORMATION",
        "Operating systems: Ubuntu",
        "Role: Systems Administrator",
        "Responsibilities:",
        "- Patched and monitored the Linux servers",
        "EDUCATION",
    ]
    assert _sections_of(lines) == ["skills", "skills"] + ["experience"] * 3 + ["education"]


def test_job_field_labels_outside_experience_are_one_line_jobs():
    lines = [
        "PERSONAL DETAILS",
        "Designation: Test Engineer",
        "Organisation: Globex Systems",
        "Date of birth: withheld",
        "role – I ran the nightly builds",  # the end of a wrapped sentence, not a label
    ]
    assert _sections_of(lines) == ["other", "experience", "experience", "other", "other"]
