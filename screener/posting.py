"""A job posting read line by line: each line's section, its wording, and the basics.

Headings ("Key Responsibilities:", "## Nice to have", "Perks") set the section of the
lines under them; wording overrides it ("must", "at least 2 years" versus "preferred",
"a plus"). Perks, legal and how-to-apply lines are marked wherever they stand, and lead-ins
("Here's what you can expect:"), category labels and bare job titles are marked as naming
no skill. Also here: the title, level, location, employment type, summary and duties.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from screener.catalogue import SKILL_CATEGORIES, SOFT, TOOL_CATEGORIES

Strength = Literal["must", "nice", "core", "mention"]

Kind = Literal[
    "about", "responsibilities", "requirements", "nice", "perks", "legal", "faq", "tools", "other"
]

_HEADING_PATTERNS: tuple[tuple[Kind, str], ...] = (
    ("nice", r"nice[- ]to[- ]have|preferred|bonus|desirable|plus|extra credit"),
    ("faq", r"frequently asked|\bfaq\b|questions"),
    ("perks", r"perks|benefits|we offer|what'?s in it|compensation|salary"),
    ("tools", r"tools|toolbox|tech stack|technolog|programs"),
    (
        "responsibilities",
        r"responsib|what you('| wi)ll do|duties|day[- ]to[- ]day|your role|the job|tasks",
    ),
    (
        "requirements",
        r"requirement|qualification|prerequisite|must[- ]have|skills|what you('ll)? bring"
        r"|you have|about you|experience|who you are|looking for|essential",
    ),
    ("about", r"about|overview|summary|description|the role|who we are|company"),
)

_HEADINGS = tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in _HEADING_PATTERNS)

_NICE = re.compile(
    r"nice[- ]to[- ]have|\bprefer(red|ably|able)?\b|\bbonus\b|\b(a|big|huge) plus\b|"
    r"\bdesir(able|ed)\b|\bideally\b|\badvantage(ous)?\b|would be (great|good|nice)|"
    r"familiarity with|exposure to|not required|\boptional\b|\bwelcome\b",
    re.IGNORECASE,
)

_MUST = re.compile(
    r"\bmust\b|\brequired\b|\brequirements?\b|\bminimum\b|\bat least\b|\d+\+? ?years|"
    r"\bessential\b|\bmandatory\b|\bstrong\b|\bsolid\b|\bproficien|\bexpert|\bdeep\b|"
    r"\bextensive\b|\bexperience (with|in|of)\b|\bknowledge of\b|\bhands[- ]on\b",
    re.IGNORECASE,
)

# Lines about the package or the law, wherever they stand: never a skill the role asks for.
_PERK_LINE = re.compile(
    r"\bbenefits?\b|\bpension|annual leave|\bholidays?\b|\bvacation|\bdental\b|"
    r"health ?(care|insurance)|life insurance|employee assistance|parental leave|"
    r"\bgym\b|stock options|\bperks?\b|salary|compensation package|cycle to work",
    re.IGNORECASE,
)

# What the employer gives, in any section: "Private health insurance", "an insurance plan",
# "Access to e-learning portals", "discount program", "Onsite cafes".
_OFFER_LINE = re.compile(
    r"\b(private|health|dental|injury|life|travel) (\w+ )?(and \w+ )?insurance\b|"
    r"insurance (plan|scheme|cover)|\bdiscounts?\b|^(free |full )?access to\b|\bbudget for\b|"
    r"\bon-?site (cafes?|canteen|gym)|\bcafes?\b|\bcanteen\b|\bfree (lunch|fruit|coffee|snacks)|"
    r"\bwe offer\b|\byou will (receive|get)\b|\bwe('| a)re offering\b|\bcompetitive (salary|pay)",
    re.IGNORECASE,
)

_LEGAL_LINE = re.compile(
    r"equal (employment )?opportunit|reasonable adjustments?|\bsponsor|authori[sz]ation to work|"
    r"discriminat|harassment|without regard to|"
    r"employment authori[sz]ation|regardless of|protected (characteristic|veteran)|"
    r"\bveterans?\b|disabilit|privacy (policy|notice)|right to work|background check",
    re.IGNORECASE,
)

_EQUAL_OPPORTUNITY = re.compile(
    r"equal (employment )?opportunit|discriminat|harassment|without regard to|"
    r"regardless of (age|gender|race|sex|religion|their|personal)|irrespective of age",
    re.IGNORECASE,
)

_APPLY_START = re.compile(
    r"(the |your )?applications? (must|should)|to apply\b|please (apply|send)", re.IGNORECASE
)

_APPLY_LINE = re.compile(
    r"\bapply\b(?=\s*(?:[!.?:]|$|now\b|today\b|online\b|here\b|below\b|via\b|through\b|"
    r"by\b|right away\b|in english\b|with your\b|for (?:the |this |a |an |our )?"
    r"(?:job|post|position|role|gig|vacancy|opening)))|\b(?:how|encouraged|ready|please) to apply|"
    r"\bplease (only )?apply\b|\bapplications? (must|should)|curriculum vitae|cover letter|"
    r"recruitment (system|process|procedure|agenc|partner|consultant)|send (us )?your (cv|resume)|"
    r"\bdeadline\b|applications? received|"
    r"\bthird[- ]party (recruit|agenc)|\bagencies\b|(more|further) information|"
    r"\b(phone|mobile|tel|e-?mail)\s*:|(please|welcome to) contact\b|can be found (here|at|on)\b",
    re.IGNORECASE,
)

_COMPANY_VOICE = re.compile(r"^(we|we're|we are|our|at <organization>)\b", re.IGNORECASE)

# "Acme Health is a leading ...", "The Centre has become ...", "<ORGANIZATION> provides ...":
# a named subject (capitalised words) and a verb that describes it, at the start of a line.
_COMPANY_SUBJECT = re.compile(
    r"^(?!(?i:you|your|it|this|that|there|what|who|i|candidates?|applicants?)\b)"
    r"(?:about\s+)?(?:the\s+)?(?:(?i:<organization>)\s+|[A-Z][\w.&'’-]*\s+)"
    r"(?:(?:(?i:<organization>)|[A-Z][\w.&'’-]*|of|for|and|on|in|&)\s+){0,10}(?:"
    r"(?:is|are|was|has|have)\s+(?!(?:a|an)\s+(?:must|plus|bonus|requirement|advantage)\b)"
    r"(?:a|an|the|part|more|not|one|celebrating|proud|committed|dedicated|founded|"
    r"established|headquartered|based|leading|known|trusted|developed|become|grown|been)\b|"
    r"(?:provides|offers|builds|creates|develops|helps|serves|launched|inspires|delights|"
    r"utili[sz]es|collaborates|combines|enables|operates|employs|speciali[sz]es|delivers|"
    r"supports|works)\b)"
)

# "We are looking for someone who...", "We value:", "We'd like to meet": an ask in our voice.
_WE_ASK = re.compile(
    r"\bwe(?: are|'re|’re| would|'d|’d| also)?\s+(?:looking|seeking|searching|need|expect|"
    r"require|value|like to meet|love to meet|hope|are hiring|want (?:you|someone|people|a|an))\b|"
    r"\bsomeone (?:who|with)\b|"
    r"\bideal candidate|\byou (?:must|should|need|will need)\b|\byour profile\b",
    re.IGNORECASE,
)
_WE = re.compile(r"\bwe\b", re.IGNORECASE)

# Said of an employer wherever it stands: "has become a leading...", "was founded in",
# "our mission", "This growing team owns...", "academics are currently working at".
_COMPANY_PHRASE = re.compile(
    r"\b(?:has|have) (?:become|developed into|grown into)\b|\bwas (?:founded|established)\b|"
    r"\bis (?:a|the) (?:leading|global leader|world leader|market leader)\b|\bis part of\b|"
    r"\bheadquartered\b|\b(?:are|is) (?:currently )?working at\b|"
    r"\bour (?:effort|mission|vision|ambition|purpose)\b|"
    r"\bour (?:\w+ )?(?:blog|newsletter|channel)\b|"
    r"\b(?:read|follow|visit|see|watch) (?:our|us)\b|"
    r"^(?:explains|says|adds)\b|\b(?:explains|says|adds) (?:<name>|[A-Z][a-z]+ [A-Z][a-z]+)|"
    r"^(?:this|the|our) (?:[\w&-]+ ){0,4}(?:team|group|department|unit|centre|center|faculty|"
    r"company|organi[sz]ation)(?: (?:at|in|of)(?: \S+){1,3}?)? (?!(?:you|where|that|which|who)\b)"
    r"[a-z]+s\b",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(
    r"\b(you|your|you're|you’re|you'll|you’ll|candidates?|applicants?|role|position)\b",
    re.IGNORECASE,
)

_MARKUP = re.compile(r"\*\*|__|`")

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u00b7\u2013\u25aa\u25cf>]+|\d{1,2}[.)])\s*")

_FIELD = re.compile(
    r"^(job title|title|position|role|location|type|employment type|job type|level)\s*:\s*(.+)$",
    re.IGNORECASE,
)

# "Organization Name: ...", "Department: ...": where the job sits, not what it asks.
_ORG_FIELD = re.compile(
    r"^(organi[sz]ation|company|department|division|business unit|professional area)"
    r"( name)?\s*:",
    re.IGNORECASE,
)

_ROLE_NOUN = re.compile(
    r"\b(engineer|developer|manager|analyst|designer|scientist|specialist|consultant|"
    r"architect|administrator|officer|coordinator|intern|technician|tester|lead|director|"
    r"assistant|programmer|accountant|nurse|teacher|chef)s?\b",
    re.IGNORECASE,
)

_LEVELS = ("Intern", "Junior", "Graduate", "Mid", "Senior", "Lead", "Staff", "Principal", "Head")

_EMPLOYMENT = re.compile(
    r"\b(full[- ]time|part[- ]time|contract|freelance|internship|temporary)\b", re.I
)

_CATEGORY_NAMES = frozenset(c.casefold() for c in (*TOOL_CATEGORIES, *SKILL_CATEGORIES, SOFT))


@dataclass(frozen=True)
class PostingLine:
    number: int  # 1-based, in the text given
    text: str  # bullet marks removed
    kind: Kind
    heading: bool  # a section heading, lead-in or label: not itself a duty or requirement
    names_skills: bool = True  # False for lead-ins, category labels and bare job titles
    company: bool = False  # describes the employer (set by `posting_lines`, see `about_company`)


def posting_lines(text: str) -> list[PostingLine]:
    """The posting's non-empty lines, each with the kind of section it sits in."""
    out: list[PostingLine] = []
    kind: Kind = "other"
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = _printable(raw).strip()
        if not stripped:
            continue
        markdown_heading = stripped.startswith("#")
        stripped = _MARKUP.sub("", stripped.lstrip("#")).strip()
        bullet = bool(_BULLET.match(stripped))
        line = _BULLET.sub("", stripped).strip() if bullet else stripped
        heading_kind = None if bullet else _heading_kind(line)
        if markdown_heading and heading_kind is None:
            heading_kind = _heading_kind(line + ":") or "other"
        if heading_kind is not None:
            kind = heading_kind
        # A lead-in ("Here's what you can expect:") or a category name in a tools list
        # introduces items; it is not one.
        lead_in = not bullet and line.endswith(":") and not _FIELD.match(line)
        label = kind == "tools" and line.casefold() in _CATEGORY_NAMES
        if line:
            label = lead_in or label or _job_title(line) or bool(_ORG_FIELD.match(line))
            company = describes_company(line) or (
                bool(out) and out[-1].company and _continues(out[-1].text, line)
            )
            out.append(
                PostingLine(
                    number,
                    line,
                    _line_kind(line, kind),
                    heading_kind is not None or label,
                    not label,
                    company,
                )
            )
    return out


def _continues(previous: str, line: str) -> bool:
    """A sentence wrapped onto the next line: no end mark before, lower case after."""
    return not previous.endswith((".", ":", "!", "?", ";")) and line[:1].islower()


def _printable(line: str) -> str:
    """Control and other unprintable characters become spaces (YAML refuses them)."""
    return line if line.isprintable() else "".join(c if c.isprintable() else " " for c in line)


def _line_kind(line: str, section: Kind) -> Kind:
    """Perks, legal and how-to-apply lines are marked wherever they stand; a line led by
    its own heading ("Job benefits: ...", "Requirements: ...") is of that heading's kind."""
    label, colon, rest = line.partition(":")
    if colon and rest.strip() and len(label.split()) <= 4:
        section = _heading_kind(label + ":") or section
    if len(line.split()) > 40:  # a whole pasted paragraph: only legal wording is decisive
        legal = _EQUAL_OPPORTUNITY.search(line) or _APPLY_START.match(line)
        return "legal" if legal else section
    if _LEGAL_LINE.search(line) or _APPLY_LINE.search(line):
        return "legal"
    if _OFFER_LINE.search(line) or (
        section not in ("requirements", "nice") and _PERK_LINE.search(line)
    ):
        return "perks"
    return section


def _job_title(line: str) -> bool:
    """A short line naming a role ("Full Stack Developer"): a title, not an ask."""
    words = line.split()
    return len(words) <= 5 and bool(_ROLE_NOUN.search(line)) and not line.endswith(".")


def _heading_kind(line: str) -> Kind | None:
    words = line.rstrip(":").split()
    looks_like = line.endswith(":") or (len(words) <= 8 and not line.endswith((".", "!", "?")))
    if not looks_like or len(words) > 10 or _FIELD.match(line):
        return None
    for kind, pattern in _HEADINGS:
        if pattern.search(line):
            return kind
    return None


def describes_company(text: str) -> bool:
    """Is the line about the employer ("We are...", "Acme is a..."), not what it asks of you?"""
    if _WE_ASK.search(text):
        return False
    subject = _COMPANY_SUBJECT.match(text)
    if subject and not (_SECOND_PERSON.search(subject[0]) or _ROLE_NOUN.search(subject[0])):
        return True
    if _COMPANY_VOICE.match(text):
        return True
    if len(text.split()) > 40:  # a whole pasted paragraph mixes both
        return False
    if _COMPANY_PHRASE.search(text):
        return True
    return bool(_WE.search(text)) and not _SECOND_PERSON.search(text)


def about_company(line: PostingLine) -> bool:
    """Does the line (or the sentence it continues) describe the employer?"""
    return line.company or describes_company(line.text)


def asks(line: PostingLine) -> bool:
    """Does the line ask for something (not describe the company or team)?"""
    if about_company(line):
        return False
    return (
        line.kind in ("requirements", "nice")
        or line_strength(line) in ("must", "nice")
        or bool(_CANDIDATE_ASK.search(line.text))
    )


# Said to the candidate: "You have a degree in physics", "fluent in Danish", "Your profile".
_CANDIDATE_ASK = re.compile(
    r"^you (?:have|are|possess|speak|bring|hold|know|master|can|should|need)\b|\byour profile\b|"
    r"\bdegree in\b|\bfluen(?:t|cy)\b|\bcommand of\b|\bbackground in\b",
    re.IGNORECASE,
)


def line_strength(line: PostingLine) -> Strength:
    """must / nice from the line's wording first, then from its section."""
    if _NICE.search(line.text) or line.kind == "nice":
        return "nice"
    if _MUST.search(line.text) or line.kind in ("requirements", "tools"):
        return "must"
    return "core" if line.kind == "responsibilities" else "mention"


def section_lines(lines: Sequence[PostingLine], kind: Kind) -> list[PostingLine]:
    """The items of one kind of section, without headings and repeats."""
    seen: set[str] = set()
    out = []
    for line in lines:
        key = line.text.casefold()
        if line.kind == kind and not line.heading and key not in seen and len(line.text) > 3:
            seen.add(key)
            out.append(line)
    return out[:40]


def duties(lines: Sequence[PostingLine]) -> list[PostingLine]:
    """No responsibilities section: sentences saying what the person will do, else the first."""
    duties = [
        line
        for line in lines
        if re.search(r"\byou('ll| will)\b|\bresponsible for\b", line.text, re.I)
    ]
    prose = [line for line in lines if len(line.text.split()) >= 6 and not line.heading]
    return (duties or prose or list(lines))[:12]


def metadata(lines: Sequence[PostingLine], title: str | None) -> dict[str, str]:
    """Title, level, location and employment type ("Job Title: ..." fields first)."""
    fields: dict[str, str] = {}
    for line in lines[:40]:
        match = _FIELD.match(line.text)
        if match:
            fields.setdefault(match.group(1).lower(), match.group(2).strip())
    found_title = title or next(
        (fields[k] for k in ("job title", "title", "position", "role") if k in fields), None
    )
    if not found_title:
        found_title = _guess_title(lines)
    found_title = cap(re.sub(r"\s*job description$", "", found_title, flags=re.I), 120)
    employment = fields.get("employment type") or fields.get("job type") or fields.get("type")
    if not employment:
        match = next((m for line in lines if (m := _EMPLOYMENT.search(line.text))), None)
        employment = match.group(1).capitalize() if match else "Not specified"
    level = fields.get("level") or next(
        (lv for lv in _LEVELS if re.search(rf"\b{lv}\b", found_title, re.I)), "Not specified"
    )
    return {
        "title": found_title,
        "level": cap(level, 120),
        "location": cap(fields.get("location", "Not specified"), 120),
        "employment_type": cap(employment, 120),
    }


def _guess_title(lines: Sequence[PostingLine]) -> str:
    for line in lines[:10]:
        if len(line.text.split()) <= 8 and _ROLE_NOUN.search(line.text):
            return line.text
    return "Drafted role"


def summary(lines: Sequence[PostingLine], title: str) -> str:
    """The longest "About" paragraph, else the first long sentence, else the title."""
    prose = [line for line in lines if len(line.text.split()) >= 12 and not line.heading]
    about = [line.text for line in prose if line.kind == "about"]
    return cap(max(about, key=len) if about else prose[0].text if prose else title, 2000)


def cap(text: str, limit: int = 2000) -> str:
    """Whitespace collapsed, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
