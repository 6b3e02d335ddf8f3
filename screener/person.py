"""Who a resume is about: the candidate's name and home places, learned from the resume itself.

The name comes from the header (any case, initials allowed), ``Name:`` fields and
declarations (``I, Asha Rao, hereby declare``); home places from the header's contact
line (``Pune, Maharashtra · asha@example.com``), ``Address:``/``Place:`` fields and a
header ``Location:``. No fixed list of names or places is used: what is learned here is
what `screener.redact` removes everywhere else in the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from screener.sections import heading_of

HEADER_LINES = 8
MISSPELLING = 90  # fuzz.ratio: "hyderbad" 94 from "hyderabad"; "mangalore" 89 from "bangalore"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Technologies that are also personal names or surnames: removed only as part of a full
# name ("Mark Jenkins"), never alone ("Jenkins, Docker").
TECH_NAMES = _words(
    "ada alexa apollo atlas bamboo cassandra chef crystal dart django elixir ember express "
    "flask flutter go hadoop hudson java jasmine jenkins jest julia kafka karma kotlin laravel "
    "linux lotus luigi maven maya mocha nagios oracle pascal perl puppet python rails ram "
    "raspberry react ruby rust sage salt scala selenium sharepoint siebel spark spring swift "
    "tableau teradata travis unity vue"
)  # fmt: skip
_TITLE_WORDS = _words(
    "developer engineer analyst manager lead designer consultant intern student architect "
    "administrator admin specialist officer executive scientist tester programmer director "
    "head associate trainee graduate teacher lecturer accountant assistant coordinator "
    "technician support expert professional member owner founder president senior junior "
    "principal staff qa sde sdet devops data software web mobile cloud test freelance "
    "remote hybrid anywhere relocate relocation available immediately portfolio website "
    "resume curriculum vitae cv email e-mail phone mobile tel linkedin github"
)  # fmt: skip
# Job titles glued by PDF extraction ("DEVELOPMENTMANAGER", "PERSONALCHEF").
_GLUED_TITLES = re.compile(
    r"developer|engineer|manager|management|analyst|consultant|director|officer|technician|"
    r"specialist|assistant|coordinator|administrator|instructor|executive|supervisor|associate|"
    r"representative|accountant|teacher|nurse|chef|clerk|intern|designer|attendant|secretary",
    re.I,
)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?$")
_NAME_SEPARATORS = re.compile(r"[ \t]+[—–|·-][ \t]+|,|[ \t]{2,}|\t")
_CONTACT = re.compile(
    r"@[\w-]+\.\w|\+?\d[\d ().-]{7,}\d|\b(?:https?://|www\.)|"
    r"\b[\w-]+\.(?:com|org|net|io|dev|me)/|\bemail me\b|\be-?mail\b|\bphone\b",
    re.I,
)
_SEGMENT_SPLIT = re.compile(r"[ \t]+[|·•—–-][ \t]+|[ \t]*[|·•][ \t]*|\t|;")
_PLACE_PART = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’. -])*$")
_POSTCODE_TAIL = re.compile(r"[ \t]*[-–]?[ \t]*\b(?:\d{5,6}|\d{3}[ \t]\d{3}|\d{5}-\d{4})$")
NAME_FIELD = re.compile(
    r"(?im)(?:(?:^[ \t•*-]*|(?<=:)[ \t]*)(?:(?:full|candidate'?s?)[ \t]+)?|\b(?:father|mother|"
    r"spouse|husband|wife|"
    r"guardian)'?s?[ \t]*)name[ \t]*[:\-–][ \t]*(?P<value>[^\n|·,;]+)"
)  # "Name: …" opening a line; "Father's name: …" anywhere
_NEXT_LABEL = re.compile(r"[ \t]+(?:[A-Z][\w']*[ \t]?){1,3}:")  # "Anand Father Name: …"
_DECLARATION = re.compile(
    r"\bI,?[ \t]+(?P<value>[^\W\d_][\w.' -]{2,40}?),?[ \t]+(?:do[ \t]+)?here[ \t]?by\b", re.I
)
HOME_FIELD = re.compile(
    r"(?im)(?:^[ \t•*-]*(?:(?:permanent|present|current|residential|home|postal|mailing|"
    r"correspondence)[ \t]+)?(?:address|place|residence|home[ \t]?town|native[ \t]+place|"
    r"domicile|city|state|country)|(?<=[ \t.])(?-i:Place|PLACE))"
    r"[ \t]*[:\-–]+[ \t]*(?P<value>[^\n]+)"
)  # a line's "Address: …"; "… Date: 2 May 2014 Place: Pune" also mid-line
_HEADER_LOCATION = re.compile(
    r"(?im)^[ \t•*-]*(?:current[ \t]+)?location[ \t]*:[ \t]*(?P<value>[^\n]+)"
)
_PLACE_STOP = _words(
    "new old north south east west central upper lower greater urban rural city town district "
    "county state province region near road street nagar colony sector village post the of "
    "and saint san santa los las el la le de"
)  # fmt: skip


@dataclass(frozen=True)
class Person:
    """What identifies the candidate: name forms and home places (as written in the resume)."""

    name: str | None
    names: tuple[str, ...]
    places: tuple[str, ...]


def identify(text: str) -> Person:
    """The candidate's header name, every name form found, and the home places.

    >>> identify("asha rao\\nPune, Maharashtra - Email me on Indeed").places
    ('Pune', 'Maharashtra')
    """
    lines = text.split("\n")
    name = guess_name(text)
    names = [name] if name else []
    names += [n for n in _field_names(text) if n not in names]
    places: list[str] = []
    for segment in home_segments(lines):
        places += [p for p in place_units(segment) if p not in places]
    return Person(name, tuple(names), tuple(places + misspellings(text, places)))


def misspellings(text: str, places: list[str]) -> list[str]:
    """Words of ``text`` that are near-misses of a 6+ letter place ("hyderbad", "Banglore")."""
    long_places = [p.lower() for p in places if len(p) >= 6 and " " not in p]
    if not long_places:
        return []
    words = sorted({w.lower() for w in re.findall(r"[^\W\d_]{6,}", text)} - set(long_places))
    scores = process.cdist(long_places, words, scorer=fuzz.ratio, score_cutoff=MISSPELLING)
    return [words[j] for j in sorted({int(j) for j in scores.nonzero()[1]})]


def guess_name(text: str) -> str | None:
    """The candidate's name: the first header line that looks like 2-4 name words and is
    confirmed by the resume (contact details or a "Town, Region" line right after it, or a
    part of it in an e-mail address or profile link). A job title on the first line of a
    resume with no name ("FITNESS INSTRUCTOR") is not confirmed.

    Capitalised words anywhere in the first lines; on the very first line, any case
    ("kimaya rao"). Initials count ("B. Gokul").

    >>> guess_name("José Müller — Développeur Python\nMontréal, QC"), guess_name("SKILLS\nPython")
    ('José Müller', None)
    """
    lines = text.split("\n")
    handles = " ".join(_handles(text))
    first_line = True
    for number, line in enumerate(lines[:HEADER_LINES]):
        line = line.strip().lstrip("# ").strip("*").strip()
        if not line:
            continue
        if heading_of(line):
            return None
        labelled = line.lower().startswith("name:")
        if labelled:
            line = line[5:].strip()
        first = _NAME_SEPARATORS.split(line)[0].strip()
        if (
            line.count(",") < 3
            and _looks_like_name(first, any_case=first_line)
            and (labelled or _confirmed(first, lines[number : number + 4], handles))
        ):
            return first
        first_line = False
    return None


def _handles(text: str) -> list[str]:
    """E-mail local parts and profile-link paths, lower case, letters and digits only."""
    found = re.findall(r"([\w.+-]+)[ \t]?@[ \t]?[\w-]+\.", text) if "@" in text else []
    found += re.findall(r"\.(?:com|org|net|io|dev|me)/(?:in/|r/|u/)?([^\s|,;()]+)", text, re.I)
    return [re.sub(r"[\W_]+", "", h).lower() for h in found]


def _confirmed(name: str, lines: list[str], handles: str) -> bool:
    """A part of the name in a handle, or contact details on its line or the next three, or
    a "Town, Region" line after it."""
    if any(len(p) >= 3 and p.lower() in handles for p in re.split(r"[\s.'’-]+", name)):
        return True
    return any(_CONTACT.search(line) for line in lines) or any(map(_is_town_line, lines[1:]))


def _looks_like_name(value: str, *, any_case: bool) -> bool:
    parts = value.split()
    if not 2 <= len(parts) <= 4 or "@" in value or not all(_NAME_WORD.match(p) for p in parts):
        return False
    if sum(len(p.strip(".")) >= 2 for p in parts) < 1:
        return False
    lowered = {p.lower().strip(".") for p in parts}
    if lowered & _TITLE_WORDS or heading_of(value) or _GLUED_TITLES.search(value):
        return False
    return any_case or all(p[0].isupper() for p in parts)


def _field_names(text: str) -> list[str]:
    """Names written in ``Name:`` fields and declarations ("I, Asha Rao, hereby declare")."""
    found = []
    for pattern in (NAME_FIELD, _DECLARATION):
        for match in pattern.finditer(text):
            value = _NEXT_LABEL.split(match.group("value"))[0]
            value = " ".join(value.split()).strip(" ,.")
            if _looks_like_name(value, any_case=True) or (
                1 <= len(value.split()) <= 4 and (pattern is NAME_FIELD or value[:1].isupper())
            ):
                found.append(value)
    return [v for v in found if not any(ch.isdigit() for ch in v)]


def home_segments(lines: list[str]) -> list[str]:
    """Text that states where the candidate lives: header contact-line places and fields."""
    found: list[str] = []
    header = _header(lines)
    for number, line in enumerate(header):
        if _CONTACT.search(line):
            found += [s for s in _SEGMENT_SPLIT.split(line) if _is_place(s)]
        elif _is_town_line(line) and (
            number <= 2 or any(_CONTACT.search(near) for near in header[number - 2 : number + 3])
        ):
            found.append(line)
        match = _HEADER_LOCATION.match(line)
        if match:
            found.append(match.group("value"))
    text = "\n".join(lines)
    for match in HOME_FIELD.finditer(text):
        found += [p for p in match.group("value").split(",") if _is_place(p)]
    return found


def _header(lines: list[str]) -> list[str]:
    header = []
    for line in lines[:HEADER_LINES]:
        if heading_of(line.strip().lstrip("# ")):
            break
        header.append(line)
    return header


def _is_town_line(line: str) -> bool:
    """A whole line such as "Atlanta, GA" or "Pune, Maharashtra, India": 2-3 capitalised
    parts, no technology ("Python, Django" is a skills line)."""
    parts = [p.strip() for p in _POSTCODE_TAIL.sub("", line.strip()).split(",")]
    words = [w for p in parts for w in p.split()]
    return (
        2 <= len(parts) <= 3
        and _is_place(line)
        and all(w[0].isupper() for w in words)
        and not {w.lower() for w in words} & TECH_NAMES
    )


def _is_place(segment: str) -> bool:
    """1-3 comma-separated parts of 1-3 letter-only words, no job title: "Pune, Maharashtra"."""
    value = _POSTCODE_TAIL.sub("", segment.strip().strip(" .-–"))
    if not value or "@" in value:
        return False
    parts = [p.strip() for p in value.split(",")]
    if len(parts) > 4 or not all(_PLACE_PART.match(p) and len(p.split()) <= 3 for p in parts):
        return False
    words = {w.lower().strip(".") for p in parts for w in p.split()}
    return not words & _TITLE_WORDS and not _GLUED_TITLES.search(value)


def place_units(segment: str) -> list[str]:
    """The places in a segment: "Navi Mumbai, Maharashtra 400703" -> Navi Mumbai, Mumbai,
    Maharashtra. Words of a multi-word town (4+ letters, not "New" or "Urban") count too;
    a region's do not (the "Tamil" of "Tamil Nadu" is also a language)."""
    value = _POSTCODE_TAIL.sub("", segment.strip().strip(" .-–"))
    units: list[str] = []
    for number, part in enumerate(value.split(",")):
        whole = " ".join(part.split()).strip(".")
        if not whole:
            continue
        pieces = re.split(r"[ -]", whole) if number == 0 else []  # "Tamil" of "Tamil Nadu": no
        candidates = [whole, *(w for w in pieces if w != whole)]
        for unit in candidates:
            if len(unit) >= 4 and unit.lower() not in _PLACE_STOP and unit not in units:
                units.append(unit)
    return units


# ---------------------------------------------------------------- own details in matching
def own_details(
    lines: Sequence[str],
    sections: Sequence[str],
    found: Mapping[int, Sequence[str]],
) -> dict[int, list[tuple[int, int]]]:
    """Character spans, by line (0-based), where the resume gives the candidate's name or
    home: a skill named there ("Perl Mesta", "Bandung, West Java, Indonesia") says nothing
    about what they can do. ``found`` holds the texts matched as skills on each line that
    has any: a place has at most one part that is a skill ("Spring, Texas"), a skills
    line more ("Python, Go"), and a name is not made of skills only ("Python Django")."""
    first = next((i for i, text in enumerate(lines) if text.strip()), -1)
    name = _opening_name(lines, first, found.get(first, ())) if first >= 0 else None
    spans: dict[int, list[tuple[int, int]]] = {}
    for number, matched in found.items():
        line = lines[number]
        own: list[tuple[int, int]] = []
        if sections[number] == "header":
            if name:
                own += [_span(line, name)] if name in line else []
            if _CONTACT.search(line):
                segments = [s for s in _SEGMENT_SPLIT.split(line) if _is_place(s)]
            else:
                segments = [line] if _is_town_shaped(line) else []
            own += [_span(line, s) for s in segments if _is_place_not_skills(s, matched)]
        if ":" in line or "–" in line or " - " in line:  # "Address: …", "Location - …"
            for pattern in (HOME_FIELD, _HEADER_LOCATION):
                own += [
                    match.span("value")
                    for match in pattern.finditer(line)
                    if _is_place_not_skills(match.group("value"), matched)
                ]  # not "… 1st Place - Java hackathon"
        if own:
            spans[number] = own
    return spans


def _opening_name(lines: Sequence[str], number: int, found: Sequence[str]) -> str | None:
    """The name opening the resume, confirmed as `guess_name` confirms it, unless every
    word of it is a skill."""
    line = lines[number]
    first = _NAME_SEPARATORS.split(line.strip().lstrip("# ").strip("*").strip())[0].strip()
    skills = {word.lower() for text in found for word in text.split()}
    if not _looks_like_name(first, any_case=True) or {w.lower() for w in first.split()} <= skills:
        return None
    near = lines[number : number + 4]
    if not (any(map(_CONTACT.search, near)) or any(map(_is_town_line, near[1:]))):
        return None
    return first


def _is_town_shaped(line: str) -> bool:
    """Like `_is_town_line`, technology names allowed: which parts are skills decides."""
    parts = [p.strip() for p in _POSTCODE_TAIL.sub("", line.strip()).split(",")]
    words = [w for p in parts for w in p.split()]
    return 2 <= len(parts) <= 3 and _is_place(line) and all(w[0].isupper() for w in words)


def _is_place_not_skills(segment: str, found: Sequence[str]) -> bool:
    matched = [t.lower() for t in found]
    with_skill = [any(t in part for t in matched) for part in segment.lower().split(",")]
    return sum(with_skill) <= 1 and not all(with_skill)


def _span(line: str, part: str) -> tuple[int, int]:
    start = line.find(part)
    return (start, start + len(part)) if start >= 0 else (0, 0)
