"""Draft a role spec from a job description.

`draft_spec` reads the posting's structure (headings such as "Responsibilities",
"Requirements", "Nice to have", "FAQ") and wording ("must", "at least 2 years" versus
"preferred", "a plus"), finds every skills-catalogue entry it names, and builds a
`RoleSpec` that validates and screens as it is: must-haves and weights from structure,
wording and emphasis, tools grouped by category, soft skills with evidence phrases, any-of
groups from "Python, Java or Go", and red flags and 2-3 interview rounds from editable
templates. Every drafted item records the posting line it came from (`Draft.sources`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from screener.catalogue import (
    SKILL_CATEGORIES,
    SOFT,
    TOOL_CATEGORIES,
    Catalogue,
    CatalogueEntry,
    default_catalogue,
)
from screener.errors import ScreenerError, SpecError
from screener.match import Hit
from screener.spec import (
    CodingExercise,
    InterviewRound,
    PracticalSignal,
    RedFlag,
    RoleSpec,
    ShortText,
    format_path,
    normalise_alias,
    spec_from_dict,
)

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
_LEGAL_LINE = re.compile(
    r"equal opportunit|reasonable adjustments?|\bsponsor|authori[sz]ation to work|"
    r"employment authori[sz]ation|regardless of|protected (characteristic|veteran)|"
    r"\bveterans?\b|disabilit|privacy (policy|notice)|right to work|background check",
    re.IGNORECASE,
)
_APPLY_LINE = re.compile(
    r"\bapply\b|\bapplications? (must|should)|curriculum vitae|cover letter|"
    r"recruitment (system|process)|send (us )?your (cv|resume)",
    re.IGNORECASE,
)
_PEOPLE = re.compile(
    r"\s*(engineers?|engineering|developers?|devs?|designers?|managers?|experts?|teams?|"
    r"analysts?|masters?|specialists?|architects?|consultants?|leads?|owners?)\b",
    re.IGNORECASE,
)
_AREA_CATEGORIES = frozenset({"Methods", "Domains", "Spoken Languages"})
_COMPANY_VOICE = re.compile(r"^(we|we're|we are|our|at <organization>)\b", re.IGNORECASE)
_EMPHASIS = re.compile(r"\bstrong|\bexpert|\bdeep\b|\bextensive|\bproficien|\bexcellent", re.I)
_ANY_OF = re.compile(r"\bor\b|\bone of\b|\bany of\b|\beither\b|/", re.IGNORECASE)
_MARKUP = re.compile(r"\*\*|__|`")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u00b7\u2013\u25aa\u25cf>]+|\d{1,2}[.)])\s*")
_FIELD = re.compile(
    r"^(job title|title|position|role|location|type|employment type|job type|level)\s*:\s*(.+)$",
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
_GUIDANCE = re.compile(
    r"^(focus on|look for|avoid|keep the process|use a combination|watch for|consider|"
    r"prioriti[sz]e|when hiring|don'?t|do not)\b",
    re.IGNORECASE,
)
_INTERVIEW_WORDS = re.compile(r"interview|round|process|assessment|exercise|take-home", re.I)
_CATEGORY_NAMES = frozenset(c.casefold() for c in (*TOOL_CATEGORIES, *SKILL_CATEGORIES, SOFT))
BASE_WEIGHT: dict[Strength, float] = {"must": 8, "core": 6, "nice": 4, "mention": 3}


class DraftError(ScreenerError):
    """A job description that cannot be drafted into a spec (named, with the cause)."""


# ---------------------------------------------------------------- templates
class _Template(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FlagTemplate(RedFlag):
    cues: list[ShortText] = Field(default_factory=list)
    always: bool = False


class RoundTemplate(InterviewRound):
    cues: list[ShortText] = Field(default_factory=list)
    default: bool = False


class Templates(_Template):
    """The editable part of a draft: red flags, rounds, practical evidence, questions."""

    hard_skill_question: ShortText
    soft_skill_question: ShortText
    practical_evidence: list[PracticalSignal] = Field(default_factory=list)
    red_flags: list[FlagTemplate] = Field(default_factory=list)
    rounds: list[RoundTemplate] = Field(min_length=2)
    coding_exercises: list[CodingExercise] = Field(default_factory=list)


def parse_templates(text: str, *, source: str = "<templates>") -> Templates:
    """Validate draft templates given as YAML text."""
    try:
        return Templates.model_validate(yaml.safe_load(text) or {})
    except yaml.YAMLError as exc:
        raise SpecError(source, [("", f"not valid YAML: {exc}")]) from exc
    except ValidationError as exc:
        problems = [(format_path(tuple(err["loc"])), err["msg"]) for err in exc.errors()]
        raise SpecError(source, problems) from exc


def load_templates(path: str | Path) -> Templates:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(str(path), [("", f"cannot read file: {exc}")]) from exc
    return parse_templates(text, source=str(path))


def default_templates_text() -> str:
    return (files("screener") / "data" / "draft_templates.yaml").read_text(encoding="utf-8")


@cache
def default_templates() -> Templates:
    return parse_templates(default_templates_text(), source="draft_templates.yaml")


# ---------------------------------------------------------------- the posting
@dataclass(frozen=True)
class PostingLine:
    number: int  # 1-based, in the text given
    text: str  # bullet marks removed
    kind: Kind
    heading: bool  # a section heading, lead-in or label: not itself a duty or requirement
    names_skills: bool = True  # False for lead-ins, category labels and bare job titles


@dataclass(frozen=True)
class Source:
    """The posting line an item came from."""

    line: int
    text: str


@dataclass(frozen=True)
class Draft:
    """A drafted spec; ``sources`` maps an item (``hard_skills/Python``) to its line."""

    spec: RoleSpec
    sources: dict[str, Source] = field(default_factory=dict)

    def source_of(self, section: str, name: str) -> Source | None:
        return self.sources.get(f"{section}/{name}")


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
            label = lead_in or label or _job_title(line)
            out.append(
                PostingLine(
                    number,
                    line,
                    _line_kind(line, kind),
                    heading_kind is not None or label,
                    not label,
                )
            )
    return out


def _printable(line: str) -> str:
    """Control and other unprintable characters become spaces (YAML refuses them)."""
    return line if line.isprintable() else "".join(c if c.isprintable() else " " for c in line)


def _line_kind(line: str, section: Kind) -> Kind:
    if len(line.split()) > 40:  # a whole pasted paragraph: only its section says anything
        return section
    if _LEGAL_LINE.search(line) or _APPLY_LINE.search(line):
        return "legal"
    if section not in ("requirements", "nice") and _PERK_LINE.search(line):
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


def _names_people(hit: Hit) -> bool:
    """The match is followed by a role noun: it names colleagues, not a skill."""
    at = hit.evidence.find(hit.matched)
    return at >= 0 and bool(_PEOPLE.match(hit.evidence[at + len(hit.matched) :]))


def _asks(line: PostingLine) -> bool:
    """Does the line ask for something (not describe the company or team)?"""
    if _COMPANY_VOICE.match(line.text):
        return False
    return line.kind in ("requirements", "nice") or line_strength(line) in ("must", "nice")


def line_strength(line: PostingLine) -> Strength:
    """must / nice from the line's wording first, then from its section."""
    if _NICE.search(line.text) or line.kind == "nice":
        return "nice"
    if _MUST.search(line.text) or line.kind in ("requirements", "tools"):
        return "must"
    return "core" if line.kind == "responsibilities" else "mention"


# ---------------------------------------------------------------- drafting
def draft_spec(
    text: str,
    *,
    title: str | None = None,
    source: str = "job description",
    catalogue: Catalogue | None = None,
    templates: Templates | None = None,
) -> Draft:
    """Draft a role spec from a job description's text."""
    catalogue = catalogue or default_catalogue()
    templates = templates or default_templates()
    lines = posting_lines(text)
    if not lines:
        raise DraftError(f"{source}: the job description is empty")
    meta = _metadata(lines, title)
    found = _found_skills(lines, catalogue)
    if not found:
        raise DraftError(
            f"{source}: no skill, tool or technology from the catalogue was found; "
            "add hard skills to the spec by hand"
        )
    builder = _Builder(catalogue, templates)
    builder.add_skills(found, lines)
    data = builder.spec_data(meta, lines, text)
    try:
        spec = spec_from_dict(data, source=source)
    except SpecError as exc:  # a defect in the drafter or templates, reported with the cause
        raise DraftError(f"{source}: the drafted spec is invalid: {exc}") from exc
    return Draft(spec, builder.sources)


def draft_document(data: bytes, filename: str, **options: Any) -> Draft:
    """Draft from an uploaded file (text, Markdown, PDF, DOCX) through normal ingestion."""
    from screener.ingest import ingest_bytes

    document = ingest_bytes(data, filename)
    return draft_spec(document.text, source=filename, **options)


@dataclass
class _Found:
    entry: CatalogueEntry
    hits: list[tuple[Hit, PostingLine]]


def _found_skills(lines: Sequence[PostingLine], catalogue: Catalogue) -> list[_Found]:
    """Catalogue entries named (not in labels or bare titles), in order of first mention.

    Perks and hiring FAQs talk about the job, not what it asks for: only soft skills
    count there.
    """
    result = catalogue.find_in([line.text for line in lines])
    found = []
    for item in result.found():
        soft = item.category == SOFT
        hits = [
            (hit, line)
            for hit in item.hits
            if (line := lines[hit.line - 1]).names_skills
            and line.kind not in ("perks", "legal")
            and (soft or line.kind != "faq")
        ]
        entry = catalogue.by_name[item.name]
        if entry.drafted_only_when_asked:
            hits = [(hit, line) for hit, line in hits if _asks(line)]
        if entry.category in _AREA_CATEGORIES:  # "our QA engineer", "DevOps team": people
            hits = [(hit, line) for hit, line in hits if not _names_people(hit)]
        if hits:
            found.append(_Found(entry, hits))
    return sorted(found, key=lambda f: min(h.line for h, _ in f.hits))


class _Builder:
    def __init__(self, catalogue: Catalogue, templates: Templates) -> None:
        self.catalogue, self.templates = catalogue, templates
        self.hard: list[dict[str, Any]] = []
        self.soft: list[dict[str, Any]] = []
        self.tools: dict[str, list[dict[str, Any]]] = {}
        self.sources: dict[str, Source] = {}

    def add_skills(self, found: list[_Found], lines: Sequence[PostingLine]) -> None:
        groups = _any_of_groups(found)
        for item in found:
            strength, best = _strength(item)
            entry = item.entry
            source = Source(best.number, best.text)
            base = _matchable(entry)
            if entry.category == SOFT:
                self.soft.append(
                    base
                    | {"questions": [self.templates.soft_skill_question.format(name=entry.name)]}
                )
                self._record("soft_skills", entry.name, source)
                continue
            tool_category = entry.category if entry.category in TOOL_CATEGORIES else None
            as_hard = tool_category is None or tool_category == "Programming Languages"
            if as_hard or strength in ("must", "core"):
                skill = base | {
                    "weight": _weight(item, strength),
                    "must_have": strength == "must",
                    "questions": [self.templates.hard_skill_question.format(name=entry.name)],
                }
                if entry.name in groups:
                    skill["any_of"] = groups[entry.name]
                if tool_category:
                    skill["tool_category"] = tool_category
                    self.tools.setdefault(tool_category, [])
                self.hard.append(skill)
                self._record("hard_skills", entry.name, source)
            else:
                assert tool_category is not None
                self.tools.setdefault(tool_category, []).append(base)
                self._record(f"tools/{tool_category}", entry.name, source)
        if not self.hard:  # a spec needs one hard skill: promote the first-named tool
            self._promote_first_tool()

    def _record(self, section: str, name: str, source: Source) -> None:
        self.sources[f"{section}/{name}"] = source

    def _promote_first_tool(self) -> None:
        for category, tools in self.tools.items():
            if tools:
                tool = tools.pop(0)
                key = f"tools/{category}/{tool['name']}"
                self.hard.append(
                    tool
                    | {
                        "weight": BASE_WEIGHT["nice"],
                        "tool_category": category,
                        "questions": [self.templates.hard_skill_question.format(name=tool["name"])],
                    }
                )
                self.sources[f"hard_skills/{tool['name']}"] = self.sources.pop(key)
                return
        if self.soft:  # only soft skills were named: nothing technical to screen on
            raise DraftError("only soft skills were found; add hard skills by hand")

    def spec_data(
        self, meta: dict[str, str], lines: Sequence[PostingLine], text: str
    ) -> dict[str, Any]:
        responsibilities = _lines_of(lines, "responsibilities") or _fallback_duties(lines)
        for i, line in enumerate(responsibilities):
            self.sources[f"responsibilities/{i}"] = Source(line.number, line.text)
        guidance = [line for line in lines if _GUIDANCE.match(line.text)]
        evaluation = [line for line in guidance if not _INTERVIEW_WORDS.search(line.text)]
        for i, line in enumerate(evaluation):
            self.sources[f"evaluation_guidance/{i}"] = Source(line.number, line.text)
        rounds = _rounds(self.templates, text)
        round_ids = {r["id"] for r in rounds}
        flags = _red_flags(self.templates, text, round_ids)
        cued = [("red_flags", t.id, t.cues) for t in self.templates.red_flags]
        cued += [("interview.rounds", t.id, t.cues) for t in self.templates.rounds]
        for section, item_id, cues in cued:
            if cue := _cue_line(lines, cues):
                self.sources[f"{section}/{item_id}"] = Source(cue.number, cue.text)
        return {
            **meta,
            "summary": _summary(lines, meta["title"]),
            "responsibilities": [_cap(line.text) for line in responsibilities],
            "prerequisites": [
                _cap(line.text)
                for line in lines
                if line.kind == "requirements" and not line.heading and _MUST.search(line.text)
            ][:30],
            "perks": [_cap(line.text) for line in _lines_of(lines, "perks")][:30],
            "hard_skills": self.hard[:200],
            "soft_skills": self.soft[:100],
            "tools": [{"name": name, "tools": tools} for name, tools in self.tools.items()],
            "practical_evidence": self._practical(),
            "red_flags": flags,
            "interview": {
                "min_rounds": 2,
                "max_rounds": len(rounds),
                "rounds": rounds,
                "guidance": [
                    _cap(line.text) for line in guidance if _INTERVIEW_WORDS.search(line.text)
                ],
                "coding_exercises": self._exercises(),
            },
            "evaluation_guidance": [_cap(line.text) for line in evaluation],
            "scoring": _scoring(bool(self.tools), bool(self.soft)),
        }

    def _practical(self) -> list[dict[str, Any]]:
        """Template signals minus any alias a drafted skill already owns."""
        owned = {
            normalise_alias(rule.text)
            for item in self.hard + self.soft + [t for ts in self.tools.values() for t in ts]
            for rule in self.catalogue.by_name[item["name"]].alias_rules()
        }
        out = []
        for signal in self.templates.practical_evidence:
            data = signal.model_dump(mode="json", exclude_defaults=True)
            data["aliases"] = [
                a for a in data.get("aliases", []) if normalise_alias(_alias_text(a)) not in owned
            ]
            if normalise_alias(signal.name) not in owned:
                out.append(data)
        return out

    def _exercises(self) -> list[dict[str, Any]]:
        names = {skill["name"] for skill in self.hard} | {s["name"] for s in self.soft}
        return [
            exercise.model_dump(mode="json", exclude_defaults=True)
            | {"skills": [s for s in exercise.skills if s in names]}
            for exercise in self.templates.coding_exercises
        ]


def _alias_text(alias: str | dict[str, Any]) -> str:
    return alias if isinstance(alias, str) else str(alias["text"])


def _matchable(entry: CatalogueEntry) -> dict[str, Any]:
    data: dict[str, Any] = {"name": entry.name}
    if entry.aliases:
        data["aliases"] = [
            a if isinstance(a, str) else a.model_dump(exclude_defaults=True) for a in entry.aliases
        ]
    if entry.context:
        data["context"] = list(entry.context)
    return data


def _strength(item: _Found) -> tuple[Strength, PostingLine]:
    """The strongest wording among an entry's lines, and that line."""
    order: tuple[Strength, ...] = ("must", "core", "nice", "mention")
    ranked = sorted(
        ((order.index(line_strength(line)), line.number, line) for _, line in item.hits),
        key=lambda r: (r[0], r[1]),
    )
    rank, _, line = ranked[0]
    return order[rank], line


def _weight(item: _Found, strength: Strength) -> float:
    """Base weight from must/nice, +1 per extra line naming it (up to 2), +1 for emphasis."""
    lines = {line.number: line for _, line in item.hits}
    emphasis = any(_EMPHASIS.search(line.text) for line in lines.values())
    weight = BASE_WEIGHT[strength] + min(2, len(lines) - 1) + (1 if emphasis else 0)
    return float(min(10, weight))


def _any_of_groups(found: Iterable[_Found]) -> dict[str, str]:
    """Entries named together as alternatives ("Python, Java or Go") share a group."""
    by_line: dict[tuple[int, str], list[str]] = {}
    texts: dict[int, str] = {}
    for item in found:
        for _, line in item.hits:
            names = by_line.setdefault((line.number, item.entry.category), [])
            if item.entry.name not in names:
                names.append(item.entry.name)
            texts[line.number] = line.text
    groups: dict[str, str] = {}
    for (number, category), names in by_line.items():
        if len(names) >= 2 and category != SOFT and _ANY_OF.search(texts[number]):
            group = f"{category.removesuffix('s')} (any one)"
            for name in names:
                groups.setdefault(name, group)
    return groups


def _lines_of(lines: Sequence[PostingLine], kind: Kind) -> list[PostingLine]:
    seen: set[str] = set()
    out = []
    for line in lines:
        key = line.text.casefold()
        if line.kind == kind and not line.heading and key not in seen and len(line.text) > 3:
            seen.add(key)
            out.append(line)
    return out[:40]


def _fallback_duties(lines: Sequence[PostingLine]) -> list[PostingLine]:
    """No responsibilities section: sentences saying what the person will do, else the first."""
    duties = [
        line
        for line in lines
        if re.search(r"\byou('ll| will)\b|\bresponsible for\b", line.text, re.I)
    ]
    prose = [line for line in lines if len(line.text.split()) >= 6 and not line.heading]
    return (duties or prose or list(lines))[:12]


def _metadata(lines: Sequence[PostingLine], title: str | None) -> dict[str, str]:
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
    found_title = _cap(re.sub(r"\s*job description$", "", found_title, flags=re.I), 120)
    employment = fields.get("employment type") or fields.get("job type") or fields.get("type")
    if not employment:
        match = next((m for line in lines if (m := _EMPLOYMENT.search(line.text))), None)
        employment = match.group(1).capitalize() if match else "Not specified"
    level = fields.get("level") or next(
        (lv for lv in _LEVELS if re.search(rf"\b{lv}\b", found_title, re.I)), "Not specified"
    )
    return {
        "title": found_title,
        "level": _cap(level, 120),
        "location": _cap(fields.get("location", "Not specified"), 120),
        "employment_type": _cap(employment, 120),
    }


def _guess_title(lines: Sequence[PostingLine]) -> str:
    for line in lines[:10]:
        if len(line.text.split()) <= 8 and _ROLE_NOUN.search(line.text):
            return line.text
    return "Drafted role"


def _summary(lines: Sequence[PostingLine], title: str) -> str:
    prose = [line for line in lines if len(line.text.split()) >= 12 and not line.heading]
    about = [line.text for line in prose if line.kind == "about"]
    return _cap(max(about, key=len) if about else prose[0].text if prose else title, 2000)


def _rounds(templates: Templates, text: str) -> list[dict[str, Any]]:
    """Rounds the posting names (defaults first when more than 3), else the defaults; 2-3."""
    lowered = text.lower()
    named = [r for r in templates.rounds if any(c.lower() in lowered for c in r.cues)]
    chosen = sorted(named, key=lambda r: not r.default)[:3]
    wanted = 2 if named else 3  # nothing named: the default process
    for template in templates.rounds:
        if len(chosen) >= wanted:
            break
        if template.default and template not in chosen:
            chosen.append(template)
    for template in templates.rounds:  # templates with too few defaults
        if len(chosen) >= 2:
            break
        if template not in chosen:
            chosen.append(template)
    ordered = [r for r in templates.rounds if r in chosen]
    if len(ordered) < 3:  # the short process needs a spare round to drop
        ordered = [r.model_copy(update={"optional": False}) for r in ordered]
    return [r.model_dump(mode="json", exclude={"cues", "default"}) for r in ordered]


def _cue_line(lines: Sequence[PostingLine], cues: Sequence[str]) -> PostingLine | None:
    """The first posting line with the first of ``cues`` found (cues go strongest first)."""
    for cue in cues:
        found = next((line for line in lines if cue.lower() in line.text.lower()), None)
        if found:
            return found
    return None


def _red_flags(templates: Templates, text: str, round_ids: set[str]) -> list[dict[str, Any]]:
    lowered = text.lower()
    flags = []
    for flag in templates.red_flags:
        if flag.always or any(c.lower() in lowered for c in flag.cues):
            data = flag.model_dump(mode="json", exclude={"cues", "always"}, exclude_defaults=True)
            if flag.round not in round_ids:
                data.pop("round", None)
            flags.append(data)
    return flags


def _scoring(has_tools: bool, has_soft: bool) -> dict[str, Any]:
    """Default part weights; a part the posting gives nothing for moves to hard skills."""
    weights = {"hard_skills": 50.0, "tools": 20.0, "soft_skills": 10.0, "practical_evidence": 20.0}
    for part, present in (("tools", has_tools), ("soft_skills", has_soft)):
        if not present:
            weights["hard_skills"] += weights[part]
            weights[part] = 0.0
    return {"weights": weights, "tools_per_category": 1}


def _cap(text: str, limit: int = 2000) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# ---------------------------------------------------------------- YAML with source lines
_COMMENTED = ("responsibilities", "hard_skills", "soft_skills", "red_flags", "evaluation_guidance")


def draft_yaml(draft: Draft) -> str:
    """The drafted spec as YAML, each drafted item preceded by its posting line."""
    data = draft.spec.model_dump(mode="json", exclude_defaults=True)
    out = [f"# Drafted by screener from a job description: {draft.spec.title}", ""]
    for key, value in data.items():
        if key in _COMMENTED and isinstance(value, list):
            out.append(f"{key}:")
            for i, item in enumerate(value):
                name = (
                    str(item.get("name" if key != "red_flags" else "id"))
                    if isinstance(item, dict)
                    else str(i)
                )
                out += _comment(draft.source_of(key, name))
                out.append(_indent(_dump([item])))
        elif key == "tools":
            out.append("tools:")
            for category in value:
                tools = category.get("tools", [])
                out.append(f"- name: {json.dumps(category['name'])}")
                out.append("  tools:" if tools else "  tools: []")
                for tool in tools:
                    source = draft.source_of(f"tools/{category['name']}", tool["name"])
                    out += _comment(source, indent="    ")
                    out.append(_indent(_dump([tool]), "    "))
        else:
            out.append(_dump({key: value}).rstrip())
    return "\n".join(out) + "\n"


def _comment(source: Source | None, indent: str = "") -> list[str]:
    if source is None:
        return []
    return [f"{indent}# line {source.line}: {_cap(source.text, 110)}"]


def _dump(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)


def _indent(text: str, prefix: str = "") -> str:
    return "\n".join(prefix + line for line in text.rstrip().splitlines())
