"""Resume sections (summary, skills, experience, projects…) as line spans."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "profile",
        "about",
        "about me",
        "objective",
        "professional summary",
        "career objective",
        "personal statement",
        "résumé",
        "overview",
        "executive profile",
        "career overview",
        "executive summary",
        "profile summary",
        "career summary",
        "professional profile",
        "synopsis",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core skills",
        "key skills",
        "skills and tools",
        "skills & tools",
        "technologies",
        "tech stack",
        "tools",
        "competencies",
        "core competencies",
        "technical competencies",
        "expertise",
        "toolbox",
        "skill",
        "it skills",
        "skill set",
        "skillset",
        "skill highlights",
        "highlights",
        "core qualifications",
        "qualifications",
        "technical expertise",
        "areas of expertise",
        "technical proficiencies",
        "technical summary",
        "software",
        "computer skills",
        "key skills",
        "strengths",
        "core strengths",
        "technical skill set",
        "additional skills",
        "additional information",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "internships",
        "internship",
        "company",
        "experience details",
        "work experience details",
        "professional history",
        "career",
        "employment details",
        "positions held",
        "job history",
        "organisational experience",
        "organizational experience",
    ),
    "projects": (
        "projects",
        "personal projects",
        "selected projects",
        "side projects",
        "open source",
        "open-source",
        "open source contributions",
        "portfolio",
        "key projects",
        "academic projects",
        "project",
        "project details",
        "projects undertaken",
        "project experience",
        "technical projects",
    ),
    "education": (
        "education",
        "academic background",
        "educational qualifications",
        "educational qualification",
        "academic qualifications",
        "academic qualification",
        "educational background",
        "education background",
        "academics",
        "scholastic profile",
        "training",
        "learning",
        "education and training",
        "courses",
        "coursework",
    ),
    "certifications": (
        "certifications",
        "certificates",
        "licenses",
        "licences",
        "licenses and certifications",
        "certification",
    ),
    "other": (
        "interests",
        "hobbies",
        "languages",
        "references",
        "links",
        "awards",
        "publications",
        "volunteering",
        "volunteer experience",
        "achievements",
        "contact",
        "accomplishments",
        "core accomplishments",
        "professional affiliations",
        "affiliations",
        "personal information",
        "personal details",
        "personal profile",
        "declaration",
        "presentations",
        "honors",
        "honours",
        "activities",
        "extracurricular activities",
        "additional",
        "miscellaneous",
    ),
}
_LOOKUP = {name: section for section, names in HEADINGS.items() for name in names}
# Words that decorate a heading without changing it: "Skill Details", "Education Section".
_SUFFIXES = ("details", "detail", "section", "summary", "information", "info", "profile")
_FUZZY_MIN = 90  # near-miss spellings: "Experiance", "Eduction", "Certfications"
_FUZZY_NAMES = [name for name in _LOOKUP if len(name) >= 6]
# Numbering and decorations around a heading: "1.", "II)", "A.", "#", "*", "=", "•", "|".
_DECORATION = re.compile(r"^[\W_]*(?:(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+)?|[\W_]+$", re.IGNORECASE)
_WORDS = re.compile(r"[a-z]+(?:[-'][a-z]+)?")
# Date ranges of job entries: "Jan 2018 to Current", "04/2013 - 05/2016", "2016 - 2019",
# "January 2015 to Present"; durations: "6 months", "2 years".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s*'?\d{{2,4}}|\d{{1,2}}[/.-]\d{{2,4}}|(?:19|20)\d{{2}})"
_DATE_RANGE = re.compile(
    rf"\b{_DATE}\s*(?:to|till|until|–|—|-|~)\s*(?:{_DATE}|present|current|now|date|today|ongoing)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(r"\b\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?)\b", re.IGNORECASE)
JOB_SECTIONS = frozenset({"header", "summary", "other"})
_HEADLINE_SPLIT = re.compile(r"\s+-\s*|\s*-\s+|\s+at\s+|,\s+")
_HEADLINE_ROLE = re.compile(
    r"\b(?:engineer|developer|programmer|analyst|manager|consultant|architect|designer|"
    r"administrator|lead|specialist|intern|trainee|tester|officer|executive|associate|"
    r"lecturer|teacher|accountant|technician|expert|member|head|director)s?\b",
    re.IGNORECASE,
)
USED = frozenset({"experience", "projects"})  # sections whose skills count as used
MAIN_SECTIONS = frozenset({"experience", "education", "skills", "projects", "certifications"})


@dataclass(frozen=True, slots=True)
class SectionSpan:
    """Lines ``start`` to ``end`` (0-based, end exclusive) belong to section ``name``."""

    name: str
    start: int
    end: int


def heading_of(line: str) -> str | None:
    """The section a heading line opens, or None. Headings are told by form: any case,
    numbering and decorations, a trailing colon, a "Details"-style suffix, a near-miss
    spelling, or an upper-case heading followed by its content on the same line.

    >>> heading_of("## Work Experience"), heading_of("SKILLS: Python, Go"), heading_of("Built APIs")
    ('experience', 'skills', None)
    >>> heading_of("3. SKILL DETAILS"), heading_of("TECHNICAL SKILLS Java, SQL")
    ('skills', 'skills')
    """
    if not line or len(line) > 200 or line.startswith(("- ", "• ", "● ")):
        return None
    head, colon, _ = line.partition(":")
    if colon and len(head) <= 40:
        found = _title_section(head)
        return found or _caps_prefix_section(line)  # "TECHNICAL SKILLS Skills: Java"
    found = _title_section(line) if len(line) <= 60 else None
    return found or _caps_prefix_section(line)


@functools.lru_cache(maxsize=16384)  # short lines repeat across resumes ("Python", "SKILLS")
def _title_section(text: str) -> str | None:
    title = " ".join(_DECORATION.sub("", text.strip()).lower().replace("&", "and").split())
    if not title or len(title) > 45 or title[-1] == ".":
        return None
    if title in _LOOKUP:
        return _LOOKUP[title]
    for suffix in _SUFFIXES:
        if title.endswith(" " + suffix) and title[: -len(suffix) - 1] in _LOOKUP:
            return _LOOKUP[title[: -len(suffix) - 1]]
    if len(title) >= 6 and len(title.split()) <= 3 and not any(ch.isdigit() for ch in title):
        best = process.extractOne(title, _FUZZY_NAMES, scorer=fuzz.ratio, score_cutoff=_FUZZY_MIN)
        if best:
            return _LOOKUP[best[0]]
    return None


def _caps_prefix_section(line: str) -> str | None:
    """An upper-case heading run at the start of a line with content after it."""
    if not line[:2].isupper():
        return None
    words = line.split()
    for size in (3, 2, 1):
        if len(words) > size and all(_is_caps(w) for w in words[:size]):
            found = _title_section(" ".join(words[:size]))
            if found and not _is_caps(words[size]):
                return found
    return None


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def find_sections(lines: list[str]) -> tuple[SectionSpan, ...]:
    """Split a resume into section spans; lines before the first heading are the header.

    Inside a job or project, field labels ("Responsibilities:", "Technologies: Java",
    "Achievements") stay with the job; only a main heading opens a new section there.
    Job entries (a line with a date range such as "Jan 2018 to Current") outside any
    experience-type heading open an experience span, from the entry's title line (the line
    above, when it is short) to the next heading; a headline such as "Java Developer -
    Infosys" in the header is a one-line job entry.
    """
    spans: list[SectionSpan] = []
    current, start = "header", 0
    for number, line in enumerate(lines):
        section = heading_of(line)
        if section is None or (current in USED and not _main_heading(line, section)):
            continue
        if number > start or current != "header":
            spans.append(SectionSpan(current, start, number))
        current, start = section, number
    spans.append(SectionSpan(current, start, len(lines)))
    return tuple(
        piece
        for span in spans
        if span.end > span.start
        for piece in _split_job_entries(span, lines)
    )


def _main_heading(line: str, section: str) -> bool:
    """A heading that ends a job entry: upper case, or a main section name on its own."""
    head, colon, rest = line.partition(":")
    if colon and rest.strip():
        return _is_caps(head)
    return _is_caps(line) or section in MAIN_SECTIONS


def _split_job_entries(span: SectionSpan, lines: list[str]) -> list[SectionSpan]:
    if span.name not in JOB_SECTIONS:
        return [span]
    first = span.start + (span.name != "header")  # a heading line stays with its heading
    pieces: list[SectionSpan] = []
    start = span.start
    for number in range(first, span.end):
        line = lines[number]
        if is_job_entry(line):
            begin = number - 1 if number > first and looks_like_title(lines[number - 1]) else number
            if begin > start:
                pieces.append(SectionSpan(span.name, start, begin))
            return [*pieces, SectionSpan("experience", begin, span.end)]
        if span.name == "header" and is_headline(line, after_name=number == first + 1):
            if number > start:
                pieces.append(SectionSpan(span.name, start, number))
            pieces.append(SectionSpan("experience", number, number + 1))
            start = number + 1
    if span.end > start:
        pieces.append(SectionSpan(span.name, start, span.end))
    return pieces


def is_headline(line: str, *, after_name: bool = False) -> bool:
    """A header line naming a role, often at an employer: "Java Developer - Infosys",
    "Test Analyst at Oracle, Hyderabad", "Devops Engineer -Oracle"; right after the name,
    a bare title ("Technical Project Manager") too."""
    if not looks_like_title(line) or "@" in line or any(ch.isdigit() for ch in line):
        return False
    if not _HEADLINE_ROLE.search(line):  # "Pune, Maharashtra" is a place, not a job
        return False
    if after_name and len(line.split()) >= 2:
        return True
    parts = _HEADLINE_SPLIT.split(line, maxsplit=1)
    if len(parts) < 2:
        return False
    role, employer = parts
    return bool(role.strip()) and employer.strip()[:1].isupper()


def is_job_entry(line: str) -> bool:
    """A line that dates a job: a date range, with few enough words to be an entry line."""
    return len(line) <= 160 and bool(_DATE_RANGE.search(line))


def looks_like_title(line: str) -> bool:
    """A short line that could name a role or an employer ("Jr. Java Developer")."""
    words = line.split()
    return 0 < len(words) <= 8 and not line.rstrip().endswith(".") and heading_of(line) is None


def stated_duration(line: str) -> str | None:
    """A duration stated on a line ("24 months", "2+ years"), as written, or None."""
    found = _DURATION.search(line)
    return found.group() if found else None


def section_per_line(spans: tuple[SectionSpan, ...], line_count: int) -> list[str]:
    """The section name of every line."""
    names = ["header"] * line_count
    for span in spans:
        names[span.start : span.end] = [span.name] * (span.end - span.start)
    return names


def job_of(lines: list[str], spans: tuple[SectionSpan, ...], index: int) -> str | None:
    """The job entry a line (0-based) belongs to, as its title line ("Jr. Java Developer
    | Jan 2018 to Current"), or None outside experience or before the first dated entry."""
    span = next((s for s in spans if s.start <= index < s.end), None)
    if span is None or span.name != "experience":
        return None
    start = index
    if index + 1 < span.end and is_job_entry(lines[index + 1]) and looks_like_title(lines[index]):
        start = index + 1  # the title line above its dates
    for number in range(start, span.start - 1, -1):
        line = lines[number]
        if is_job_entry(line) or (number == span.start and is_headline(line)):
            title = lines[number - 1] if number > span.start else ""
            if title and looks_like_title(title) and not is_job_entry(title):
                return f"{title.strip()} | {line.strip()}"
            return line.strip()
    return None
