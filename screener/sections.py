"""Resume sections (summary, skills, experience, projects…) as line spans."""

from __future__ import annotations

from dataclasses import dataclass

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
    ),
    "education": (
        "education",
        "academic background",
        "qualifications",
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
        "additional information",
        "contact",
    ),
}
_LOOKUP = {name: section for section, names in HEADINGS.items() for name in names}


@dataclass(frozen=True, slots=True)
class SectionSpan:
    """Lines ``start`` to ``end`` (0-based, end exclusive) belong to section ``name``."""

    name: str
    start: int
    end: int


def heading_of(line: str) -> str | None:
    """The section a heading line opens, or None.

    >>> heading_of("## Work Experience"), heading_of("SKILLS: Python, Go"), heading_of("Built APIs")
    ('experience', 'skills', None)
    """
    if not line or line.startswith("- ") or len(line) > 200:
        return None
    title = line.split(":", 1)[0] if ":" in line else line
    title = " ".join(title.strip("#*_ ").lower().split())
    return _LOOKUP.get(title)


def find_sections(lines: list[str]) -> tuple[SectionSpan, ...]:
    """Split a resume into section spans; lines before the first heading are the header."""
    spans: list[SectionSpan] = []
    current, start = "header", 0
    for number, line in enumerate(lines):
        section = heading_of(line)
        if section is None:
            continue
        if number > start or current != "header":
            spans.append(SectionSpan(current, start, number))
        current, start = section, number
    spans.append(SectionSpan(current, start, len(lines)))
    return tuple(span for span in spans if span.end > span.start)


def section_per_line(spans: tuple[SectionSpan, ...], line_count: int) -> list[str]:
    """The section name of every line."""
    names = ["header"] * line_count
    for span in spans:
        names[span.start : span.end] = [span.name] * (span.end - span.start)
    return names
