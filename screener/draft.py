"""Draft a role spec from a job description.

`draft_spec` reads the posting's structure and wording (`screener.posting`), finds every
skills-catalogue entry it names, and builds a `RoleSpec` that validates and screens as it
is: must-haves and weights from structure, wording and emphasis, tools grouped by
category, soft skills with evidence phrases, any-of groups from "Python, Java or Go", and
red flags and 2-3 interview rounds from editable templates (`screener.draft_templates`).
Every drafted item records the posting line it came from (`Draft.sources`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from screener.catalogue import SOFT, TOOL_CATEGORIES, Catalogue, CatalogueEntry, default_catalogue
from screener.draft_templates import (
    Templates,
    choose_rounds,
    chosen_red_flags,
    cue_line,
    default_templates,
)
from screener.errors import ScreenerError, SpecError
from screener.match import Hit, ItemMatch
from screener.posting import (
    PostingLine,
    Strength,
    about_company,
    asks,
    cap,
    duties,
    line_strength,
    metadata,
    posting_lines,
    section_lines,
    summary,
)
from screener.spec import RoleSpec, normalise_alias, spec_from_dict

_ROLE_NOUNS = (
    r"(engineers?|developers?|devs?|designers?|managers?|experts?|analysts?|masters?|"
    r"specialists?|architects?|consultants?|leads?|owners?|testers?|administrators?|"
    r"coordinators?|officers?|warriors?|partners?)"
)
# Right after the match: "our QA engineer", "the DevOps team", "UI Technical Lead".
_PEOPLE = re.compile(
    rf"\s*(technical\s+)?({_ROLE_NOUNS}|engineering|teams?|department|division|institutions?|"
    r"partnerships?|organi[sz]ations?|agencies|bodies)\b",
    re.IGNORECASE,
)
# The alias itself names a role: "Project Manager", "Business Analyst", "Data Engineer".
_ROLE_ALIAS = re.compile(rf"\b{_ROLE_NOUNS}$", re.IGNORECASE)

_AREA_CATEGORIES = frozenset({"Methods", "Domains", "Spoken Languages"})

# A spoken language is asked for with words about using it ("fluent in Danish", "written
# English"), not as an adjective ("Danish universities", "the German market").
_LANGUAGE_CUE = re.compile(
    r"fluen|\bspeak|spoken|written|writing|\boral|verbal|language|proficien|command of|"
    r"skills|native|mother tongue|\blevel\b|communicat|\bread\b",
    re.IGNORECASE,
)
_LANGUAGE_BEFORE = re.compile(r"\b(in|and|or|both)\s+$", re.IGNORECASE)

_EMPHASIS = re.compile(r"\bstrong|\bexpert|\bdeep\b|\bextensive|\bproficien|\bexcellent", re.I)

_ANY_OF = re.compile(r"\bor\b|\bone of\b|\bany of\b|\beither\b|/", re.IGNORECASE)

_GUIDANCE = re.compile(
    r"^(focus on|look for|avoid|keep the process|use a combination|watch for|consider|"
    r"prioriti[sz]e|when hiring|don'?t|do not)\b",
    re.IGNORECASE,
)

_INTERVIEW_WORDS = re.compile(r"interview|round|process|assessment|exercise|take-home", re.I)

BASE_WEIGHT: dict[Strength, float] = {"must": 8, "core": 6, "nice": 4, "mention": 3}


class DraftError(ScreenerError):
    """A job description that cannot be drafted into a spec (named, with the cause)."""


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


def _names_people(hit: Hit) -> bool:
    """The match is followed by a role noun: it names colleagues, not a skill."""
    if _ROLE_ALIAS.search(hit.matched):
        return True
    at = hit.evidence.find(hit.matched)
    return at >= 0 and bool(_PEOPLE.match(hit.evidence[at + len(hit.matched) :]))


def _named_share(items: Iterable[ItemMatch], lines: Sequence[PostingLine]) -> dict[int, float]:
    """Per line (1-based), the share of its letters inside catalogue names: a line that is
    only names ("Financial Services", "B2B Mobility SaaS") is a keyword list, an ask."""
    covered: dict[int, int] = {}
    for item in items:
        for hit in item.hits:
            covered[hit.line] = covered.get(hit.line, 0) + sum(c.isalnum() for c in hit.matched)
    return {
        number: covered.get(number, 0) / max(1, sum(c.isalnum() for c in line.text))
        for number, line in enumerate(lines, start=1)
    }


def _labels_list(hit: Hit, text: str) -> bool:
    """The match is a short label before a colon with a list after it ("Backend: Go")."""
    label, colon, rest = text.partition(":")
    return bool(colon) and len(label.split()) <= 4 and hit.matched in label and bool(rest.strip())


def _asks_language(hit: Hit) -> bool:
    at = hit.evidence.find(hit.matched)
    before = hit.evidence[:at] if at >= 0 else ""
    return bool(_LANGUAGE_CUE.search(hit.evidence) or _LANGUAGE_BEFORE.search(before))


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
    meta = metadata(lines, title)
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
    named = _named_share(result.found(), lines)
    found = []
    for item in result.found():
        soft = item.category == SOFT
        entry = catalogue.by_name[item.name]
        hits = [
            (hit, line)
            for hit in item.hits
            if (line := lines[hit.line - 1]).names_skills
            and line.kind not in ("perks", "legal")
            and (soft or line.kind != "faq")
            and entry.drafts_from(hit.alias)
        ]
        if entry.drafted_only_when_asked:
            hits = [(hit, line) for hit, line in hits if asks(line) or named[hit.line] >= 0.8]
        if entry.category in _AREA_CATEGORIES:  # "our QA engineer", "DevOps team": people;
            # "Backend: Python, Django": a label for the items after it
            hits = [
                (hit, line)
                for hit, line in hits
                if not _names_people(hit) and not _labels_list(hit, line.text)
            ]
        if entry.category == "Spoken Languages":
            hits = [(hit, line) for hit, line in hits if _asks_language(hit)]
        if not soft:  # "We work with Kafka", "Acme is a healthcare leader": not an ask
            hits = [(hit, line) for hit, line in hits if not about_company(line)]
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
        self._link_implied()

    def _link_implied(self) -> None:
        """A drafted item implies the drafted items it folds into (PostgreSQL: SQL)."""
        technical = self.hard + [t for tools in self.tools.values() for t in tools]
        names = {item["name"] for item in technical}
        for item in technical:
            broader = self.catalogue.broader_closure(item["name"]) & names
            if broader:
                item["implies"] = sorted(broader)

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
        responsibilities = section_lines(lines, "responsibilities") or duties(lines)
        for i, line in enumerate(responsibilities):
            self.sources[f"responsibilities/{i}"] = Source(line.number, line.text)
        guidance = [line for line in lines if _GUIDANCE.match(line.text)]
        evaluation = [line for line in guidance if not _INTERVIEW_WORDS.search(line.text)]
        for i, line in enumerate(evaluation):
            self.sources[f"evaluation_guidance/{i}"] = Source(line.number, line.text)
        rounds = choose_rounds(self.templates, text)
        round_ids = {r["id"] for r in rounds}
        flags = chosen_red_flags(self.templates, text, round_ids)
        cued = [("red_flags", t.id, t.cues) for t in self.templates.red_flags]
        cued += [("interview.rounds", t.id, t.cues) for t in self.templates.rounds]
        for section, item_id, cues in cued:
            if cue := cue_line(lines, cues):
                self.sources[f"{section}/{item_id}"] = Source(cue.number, cue.text)
        return {
            **meta,
            "summary": summary(lines, meta["title"]),
            "responsibilities": [cap(line.text) for line in responsibilities],
            "prerequisites": [
                cap(line.text)
                for line in lines
                if line.kind == "requirements"
                and not line.heading
                and line_strength(line) == "must"
            ][:30],
            "perks": [cap(line.text) for line in section_lines(lines, "perks")][:30],
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
                    cap(line.text) for line in guidance if _INTERVIEW_WORDS.search(line.text)
                ],
                "coding_exercises": self._exercises(),
            },
            "evaluation_guidance": [cap(line.text) for line in evaluation],
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


def _scoring(has_tools: bool, has_soft: bool) -> dict[str, Any]:
    """Default part weights; a part the posting gives nothing for moves to hard skills."""
    weights = {"hard_skills": 50.0, "tools": 20.0, "soft_skills": 10.0, "practical_evidence": 20.0}
    for part, present in (("tools", has_tools), ("soft_skills", has_soft)):
        if not present:
            weights["hard_skills"] += weights[part]
            weights[part] = 0.0
    return {"weights": weights, "tools_per_category": 1}


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
    return [f"{indent}# line {source.line}: {cap(source.text, 110)}"]


def _dump(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)


def _indent(text: str, prefix: str = "") -> str:
    return "\n".join(prefix + line for line in text.rstrip().splitlines())
