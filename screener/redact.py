"""Blind screening: remove personal details from resume text, keep skills and experience.

Removed: the candidate's name (header and repeats, any capitalisation), emails, phone
numbers, street addresses and postcodes, profile URLs (replaced by a marker such as
``[GitHub profile]``, because the link is evidence but its id is as identifying as the
name), dates of birth and ages, gender words and pronouns, marital status, nationality
and religion, and photo references. Words in ``keep`` (a spec's aliases) are never removed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from screener.sections import heading_of
from screener.spec import RoleSpec

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PROFILES = (
    (re.compile(r"(?:https?://)?(?:[\w-]+\.)?linkedin\.com/[^\s|,;)]*", re.I),
     "[LinkedIn profile]"),
    (re.compile(r"(?:https?://)?(?:www\.)?github\.com/[^\s|,;)]*", re.I), "[GitHub profile]"),
    (re.compile(r"(?:https?://)?(?:www\.)?gitlab\.com/[^\s|,;)]*", re.I), "[GitLab profile]"),
    (re.compile(r"(?:https?://)?(?:[\w-]+\.)?indeed\.com/[^\s|,;)]*", re.I), "[Indeed profile]"),
    (re.compile(r"(?:https?://)?(?:www\.)?(?:twitter|x|facebook|instagram)\.com/[^\s|,;)]*", re.I),
     "[social profile]"),
    (re.compile(r"\b(?:https?://)?(?:www\.)?[\w-]+\.(?:dev|io|me|site|page|net|com)(?:/[^\s|,;)]*)?"
                r"(?=[ \t]+portfolio|[ \t]*$|[ \t]*[|·])", re.I | re.M), "[portfolio site]"),
)  # fmt: skip
_PHONE = re.compile(
    r"(?<![\w/])(?:\+\d{1,3}[ \t.-]?)?(?:\(\d{2,5}\)[ \t.-]?)?"
    r"\d{2,6}(?:[ \t.-]\d{2,6}){1,4}(?![\w/])"
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
        "he she him her his hers himself herself mr mrs ms miss male female man woman men women "
        "boy girl gentleman lady ladies fraternity sorority husband wife mother father maternity "
        "paternity daughter son brother sister"
    ),
    "[marital status]": "married divorced widowed widow widower",
    "[religion]": "christian muslim jewish hindu buddhist sikh catholic protestant church mosque "
    "synagogue temple",
    "[photo]": "photo photograph headshot selfie",
}
_WORD_PATTERNS = {
    marker: re.compile(r"\b(?:" + "|".join(words.split()) + r")\b", re.I)
    for marker, words in _WORDS.items()
}
_NAME_PART = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$|^[A-ZÀ-Ý]{2,}$")
_NAME_SEPARATORS = re.compile(r"[ \t]+[—–|·-][ \t]+|,")


@dataclass(frozen=True)
class Redacted:
    text: str
    removed: Counter[str]


def redact(text: str, *, keep: Iterable[str] = ()) -> Redacted:
    """Remove personal details from ``text``; ``keep`` words (skills) are never removed."""
    protected = {k.lower() for k in keep}
    removed: Counter[str] = Counter()
    name = guess_name(text)

    def sub(pattern: re.Pattern[str], marker: str, value: str) -> str:
        def replace(match: re.Match[str]) -> str:
            if match.group(0).lower() in protected:
                return match.group(0)
            removed[marker] += 1
            return marker

        return pattern.sub(replace, value)

    out = sub(_EMAIL, "[email]", text)
    for pattern, marker in _PROFILES:
        out = sub(pattern, marker, out)
    out = sub(_BIRTH, "[date of birth]", out)
    out = sub(_AGE, "[age]", out)
    out = sub(_STREET, "[address]", out)
    for pattern in _POSTCODES:
        out = sub(pattern, "[postcode]", out)
    out = _redact_phones(out, removed)
    out = _LABELLED.sub(lambda m: _count(removed, f"[{m.group(1).lower()}]"), out)
    for marker, pattern in _WORD_PATTERNS.items():
        out = sub(pattern, marker, out)
    if name:
        out = sub(_name_pattern(name, protected), "[name]", out)
    return Redacted(out, removed)


def _count(removed: Counter[str], marker: str) -> str:
    removed[marker] += 1
    return marker


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


def guess_name(text: str) -> str | None:
    """The candidate's name: the first header line that looks like 2-4 capitalised words.

    >>> guess_name("José Müller — Développeur Python\\nMontréal"), guess_name("SKILLS\\nPython")
    ('José Müller', None)
    """
    for line in text.split("\n")[:8]:
        line = line.strip().lstrip("# ").strip("*")
        if not line:
            continue
        if heading_of(line):
            return None
        if line.lower().startswith("name:"):
            line = line[5:].strip()
        first = _NAME_SEPARATORS.split(line)[0].strip()
        parts = first.split()
        if 2 <= len(parts) <= 4 and all(_NAME_PART.match(p) for p in parts) and "@" not in first:
            return first
    return None


def _name_pattern(name: str, protected: set[str]) -> re.Pattern[str]:
    """The full name, then each part of it (2+ letters, not a protected skill word)."""
    parts = [p for p in name.split() if len(p) >= 2 and p.lower() not in protected]
    alternatives = [re.escape(name), *sorted(map(re.escape, parts), key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.I)


def spec_words(spec: RoleSpec) -> frozenset[str]:
    """Every single word of a spec's aliases, for ``keep`` (so 'Ruby' the skill survives)."""
    aliases = (rule.text for _, _, item in spec.matchables() for rule in item.alias_rules())
    return frozenset(word.lower() for alias in aliases for word in alias.split())
