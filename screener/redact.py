"""Blind screening: remove personal details from resume text, keep skills and experience.

Removed: the candidate's name in every form `screener.person` learns from the resume
(header, fields, declarations; any case, glued into handles), e-mails, phone numbers,
profile links (replaced by a marker such as ``[GitHub profile]``: the link is evidence, its
slug and id identify the person; also when text extraction wrapped them over lines) and
the ids left beside them, the candidate's own site, the home town and region wherever they
appear, street addresses and postcodes, dates of birth, ages, ID numbers, gender words,
pronouns and honorifics, marital status, nationality, religion and photo references.
Other places (an employer's city elsewhere) stay. Words in ``keep`` (skills) and
technologies that are also surnames are never removed on their own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from screener.links import EMAIL, PROFILE, SITES, URL
from screener.person import (
    HEADER_LINES,
    HOME_FIELD,
    NAME_FIELD,
    TECH_NAMES,
    guess_name,
    home_segments,
    identify,
)
from screener.spec import RoleSpec

__all__ = ["Redacted", "guess_name", "redact", "spec_words"]

_OWN_SITE = re.compile(
    r"wordpress\.|blogspot\.|github\.io|about\.me|sites\.google|plus\.google|wixsite\.|"
    r"netlify\.app|vercel\.app|carrd\.co|\.dev\b",
    re.I,
)
_SITE_LABEL = re.compile(
    r"(?:portfolio|website|web site|blog|web link|homepage|home page)\b[^\n]{0,3}$", re.I
)
_SITE_AFTER = re.compile(r"[ \t]*(?:portfolio|website|blog)\b", re.I)
# Ids left beside a link (12+ hex digits, letters and digits mixed): as identifying as the link.
_BARE_ID = re.compile(r"(?<![\w-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,40}(?![\w-])", re.I)
_PHONE = re.compile(
    r"(?<![\w/])(?:\+\d{1,3}[ \t.-]?)?(?:\(\d{2,5}\)[ \t.-]?)?"
    r"\d{2,6}(?:[ \t.-]?\d{2,6}){1,4}(?![\w/])"
)
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2} \w+ \d{4}|\w+ \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})"
)
_BIRTH = re.compile(
    rf"\b(?:born(?: on)?|date of birth|d\.?o\.?b\.?)[ \t]*:?[ \t]*(?:{_DATE}|(?:in )?\d{{4}})", re.I
)
_AGE = re.compile(
    r"\b(?:age[d]?[ \t]*:?[ \t]*\d{2}|\d{2}[ \t]*(?:years|yrs)[ \t]*old|\d{2}[ \t]*y/o)\b", re.I
)
_STREET = re.compile(
    r"\b\d{1,5}[a-z]?[ \t]+(?:[A-Z][\w'-]*[ \t]+){1,3}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Square|Strasse|Straße)\b\.?"
    r"(?![ \t]+[A-Z][a-z]+[ \t]+[A-Z]?[a-z])"  # not a title: "5 Day Close Monitoring Tool"
)
_POSTCODES = (
    re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"),  # UK
    re.compile(r"\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b"),  # Canada
    re.compile(r"\b(?:[A-Z]{2}|[A-Z][a-z]+)[ \t]+\d{5}(?:-\d{4})?\b"),  # US: state + ZIP
)
_LABELLED = re.compile(
    r"\b(nationality|citizenship|religion|religious affiliation|marital status|gender|sex|"
    r"pronouns|ethnicity|race)[ \t]*:[ \t]*[^|·,;.\n]+",
    re.I,
)
_WORDS = {
    "[gender]": (
        "he she him her his hers himself herself male female man woman men "
        "women boy girl gentleman lady ladies fraternity sorority husband wife mother father "
        "maternity paternity daughter son brother sister"
    ),
    "[marital status]": "married divorced widowed widow widower",
    "[religion]": "christian muslim jewish hindu buddhist sikh catholic protestant church mosque "
    "synagogue temple",
}
_NOT_COMPOUND = r"(?![ \t-]?(?:hours?|power|days?|months?|years?|made|university)\b)"
_PHOTO = re.compile(
    r"\b(?:headshots?|selfies?)\b|\b(?:(?:passport[- ]size|my|recent)[ \t]+)?photo(?:graph)?s?\b"
    r"(?=[ \t]*(?:attached|enclosed|included|overleaf|:|\(|$))|\b(?:passport[- ]size|my|recent)"
    r"[ \t]+photo(?:graph)?s?\b",
    re.I | re.M,
)  # the candidate's photo ("Photo attached"), not a skill ("photo editing")
_WORD_PATTERNS = {
    marker: re.compile(r"\b(?:" + "|".join(words.split()) + r")\b" + _NOT_COMPOUND, re.I)
    for marker, words in _WORDS.items()
}
_HONORIFIC = re.compile(
    r"(?-i:\b(?:Mr|Mrs|Ms|Mx|Miss|Smt)\b\.?|\b(?:MR|MRS|MS|MISS|SMT|mr|mrs|ms)\.)"
    r"(?=[ \t]+(?!(?:office|excel|word|access|outlook|power|powerpoint|project|"
    r"visio|sql|dynamics|teams|windows|paint|publisher|onenote|sharepoint|azure|exchange|dos|"
    r"visual|dotnet|navision|ax|crm|bi|flow|forms)\b)(?-i:[A-Z][a-z]|[A-Z]{3,}))",
    re.I,
)  # "Ms Priya", "MR. RAO"; never "MS Access", "Ms Office", "MS University" or "miss a deadline"
_ID_FIELD = re.compile(
    r"(?im)\b(?:passport|pan|aadhaa?r|social security|ssn|national insurance|driving licen[cs]e)"
    r"(?:[ \t]+(?:no\.?|number|card|num))?[ \t]*[:\-–][ \t]*[^\n|·,;]+"
)
_AFTER_PLACE_CODE = re.compile(r"(?<=\[location\])([ \t,–-]*)\d{5,6}(?:-\d{4})?\b")
_LETTERS = r"(?<![^\W\d_]){}(?![^\W\d_])"


@dataclass(frozen=True)
class Redacted:
    text: str
    removed: Counter[str]


def redact(text: str, *, keep: Iterable[str] = ()) -> Redacted:
    """Remove personal details from ``text``; ``keep`` words (skills) are never removed.

    Line breaks are kept (a link wrapped over two lines leaves an empty line), so line
    numbers and evidence lines still match the original.
    """
    protected = {k.lower() for k in keep} | TECH_NAMES
    removed: Counter[str] = Counter()
    person = identify(text)

    def sub(pattern: re.Pattern[str], marker: str, value: str) -> str:
        def replace(match: re.Match[str]) -> str:
            found = match.group(0)
            if found.lower() in protected:
                return found
            removed[marker] += 1
            return marker + "\n" * found.count("\n")

        return pattern.sub(replace, value)

    out = _home_segments(text, removed)
    if "@" in out:
        out = sub(EMAIL, "[email]", out)
    out = PROFILE.sub(lambda m: _profile_marker(m, removed), out)
    out = _own_sites(out, person.names, removed)
    out = sub(_BARE_ID, "[id]", out)
    out = sub(_BIRTH, "[date of birth]", out)
    out = sub(_AGE, "[age]", out)
    out = sub(_STREET, "[address]", out)
    for pattern in _POSTCODES:
        out = sub(pattern, "[postcode]", out)
    out = _redact_phones(out, removed)
    out = sub(_ID_FIELD, "[id]", out)
    out = _LABELLED.sub(lambda m: _count(removed, f"[{m.group(1).lower()}]"), out)
    out = _fields(out, NAME_FIELD, "[name]", removed)
    out = _fields(out, HOME_FIELD, "[location]", removed)
    out = sub(_HONORIFIC, "[gender]", out)
    for marker, pattern in _WORD_PATTERNS.items():
        out = sub(pattern, marker, out)
    out = sub(_PHOTO, "[photo]", out)
    for pattern in _name_patterns(person.names, protected):
        out = sub(pattern, "[name]", out)
    if person.places:
        out = sub(_words_pattern(person.places, protected), "[location]", out)
        out = _AFTER_PLACE_CODE.sub(lambda m: m.group(1) + _count(removed, "[postcode]"), out)
    return Redacted(out, removed)


def _count(removed: Counter[str], marker: str) -> str:
    removed[marker] += 1
    return marker


def _home_segments(text: str, removed: Counter[str]) -> str:
    """The header's home places replaced in place (also short codes such as "WA", "UK")."""
    lines = text.split("\n")
    for segment in home_segments(lines[:HEADER_LINES]):
        segment = segment.strip(" \t.-–")
        for number, line in enumerate(lines[:HEADER_LINES]):
            if segment and segment in line:
                lines[number] = line.replace(segment, _count(removed, "[location]"))
    return "\n".join(lines)


def _profile_marker(match: re.Match[str], removed: Counter[str]) -> str:
    marker = SITES[int((match.lastgroup or "site0")[4:])][1]
    return _count(removed, marker) + "\n" * match.group(0).count("\n")


def _own_sites(text: str, names: Sequence[str], removed: Counter[str]) -> str:
    """Links to the candidate's own site become ``[website]``; other links stay."""
    parts = {p.lower() for n in names for p in re.split(r"[\s.,'’-]+", n) if len(p) >= 3}

    def replace(match: re.Match[str]) -> str:
        url, before = match.group(0), text[max(0, match.start() - 40) : match.start()]
        own = (
            _OWN_SITE.search(url)
            or any(part in url.lower() for part in parts)
            or _SITE_LABEL.search(before)
            or _SITE_AFTER.match(text, match.end())
        )
        return _count(removed, "[website]") if own else url

    return URL.sub(replace, text)


def _fields(text: str, pattern: re.Pattern[str], marker: str, removed: Counter[str]) -> str:
    """A labelled field's value (``Name: …``, ``Address: …``) replaced, its label kept."""

    def replace(match: re.Match[str]) -> str:
        start = match.start("value") - match.start()
        return match.group(0)[:start] + _count(removed, marker)

    return pattern.sub(replace, text)


def _redact_phones(text: str, removed: Counter[str]) -> str:
    """Digit runs with 9 to 15 digits, except year ranges such as '2019 - 2023'."""

    def check(match: re.Match[str]) -> str:
        value = match.group(0)
        digits = sum(ch.isdigit() for ch in value)
        if not 9 <= digits <= 15 or re.fullmatch(r"\d{4}[ \t]*[-–][ \t]*\d{4}", value.strip()):
            return value
        removed["[phone]"] += 1
        return "[phone]"

    return _PHONE.sub(check, text)


def contact_details(text: str, *, header_lines: int = 12) -> tuple[str, str]:
    """(e-mail, phone) from the resume's header, '' where none: for non-blind exports only.

    >>> contact_details("Ana Diaz\nana@example.com | +1 404 555 0182\nSKILLS")
    ('ana@example.com', '+1 404 555 0182')
    """
    header = "\n".join(text.split("\n")[:header_lines])
    email = EMAIL.search(header)
    phones = (m.group(0).strip() for m in _PHONE.finditer(header))
    phone = next((p for p in phones if _redact_phones(p, Counter()) == "[phone]"), "")
    return (email.group(0) if email else "", phone)


def _name_patterns(names: Sequence[str], protected: set[str]) -> list[re.Pattern[str]]:
    """Patterns for every form of the name, longest first: the full name (any spacing, line
    breaks allowed), handles glued from its parts ("asha.rao91", "arao"), then each part of
    3+ letters alone (2-letter parts only as written: "GV"). A part that is also a
    technology ("Jenkins") is removed only inside the full name."""
    parts = sorted(
        {p for name in names for p in re.split(r"[\s.,'’-]+", name) if p}, key=len, reverse=True
    )
    if not parts:
        return []
    words = [p for p in parts if len(p) >= 3]
    patterns = [
        _LETTERS.format(
            "(?:"
            + "|".join(r"[ \t]*\n?[ \t]*".join(map(re.escape, n.split())) for n in names)
            + ")"
        )
    ]
    if words:
        unit = "(?:" + "|".join(map(re.escape, words)) + ")"
        initial = "[" + "".join(sorted({p[0].lower() for p in parts})) + "]"
        glued = rf"(?:{initial}[._-]?)?{unit}(?:[._-]?(?:{unit}|\d+|{initial}(?![a-z])))+"
        patterns.append(rf"(?<![\w@/.-])(?:{glued}|{initial}{unit})(?![\w@-])")
    alone = [p for p in words if p.lower() not in protected]  # protected includes TECH_NAMES
    if alone:
        patterns.append(_LETTERS.format("(?:" + "|".join(map(re.escape, alone)) + ")"))
    out = [re.compile(p, re.I) for p in patterns]
    short = [p for p in parts if len(p) == 2 and p.isupper()]
    if short:
        out.append(re.compile(r"(?<!\w)(?:" + "|".join(short) + r")(?!\w)"))
    return out


def _words_pattern(phrases: Sequence[str], protected: set[str]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words, any case, any spacing (not the protected ones)."""
    wanted = sorted((p for p in phrases if p.lower() not in protected), key=len, reverse=True)
    alternatives = [r"\s+".join(map(re.escape, p.split())) for p in wanted] or ["(?!)"]
    return re.compile(_LETTERS.format("(?:" + "|".join(alternatives) + ")"), re.I)


def spec_words(spec: RoleSpec) -> frozenset[str]:
    """Every single word of a spec's aliases, for ``keep`` (so 'Ruby' the skill survives)."""
    aliases = (rule.text for _, _, item in spec.matchables() for rule in item.alias_rules())
    return frozenset(word.lower() for alias in aliases for word in alias.split())
