"""The skills catalogue: technologies, tools and skills that job postings ask for.

Shipped as package data (``screener/data/catalogue.yaml``). Each entry is a spec
`Matchable` (name, aliases with the spec's matching rules, context words) plus a
category and the broader entries a spec may fold it into (PostgreSQL into SQL, Kafka
into Message queues). The catalogue is validated like a spec: every alias belongs to
one entry only, and errors read ``file: entries[3].aliases: ...``.

`find_in` matches text against the whole catalogue with the spec matcher (exact stage
only: postings are edited text, and a fuzzy guess would put a skill in a spec that the
posting never asked for). The compiled catalogue is built once and cached.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache, cached_property
from importlib.resources import files
from typing import Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from screener.errors import SpecError
from screener.match import Matcher, MatchResult
from screener.spec import Matchable, ShortText, format_path, normalise_alias

Category = Literal[
    # the tool categories (drafted into a spec's tools)
    "Programming Languages",
    "Databases",
    "Version Control",
    "IDEs",
    "API Tools",
    "Cloud Platforms",
    "Testing Tools",
    "Monitoring",
    "DevOps",
    "Operating Systems",
    "Design",
    "Project Tools",
    "Data and ML",
    # drafted as hard skills
    "Frameworks",
    "Methods",
    "Domains",
    "Spoken Languages",
    "Soft Skills",
]
TOOL_CATEGORIES: tuple[str, ...] = get_args(Category)[:13]
SKILL_CATEGORIES: tuple[str, ...] = get_args(Category)[13:17]
SOFT = "Soft Skills"
ASKED_CATEGORIES = frozenset({"Domains", "Spoken Languages"})


class CatalogueEntry(Matchable):
    """One technology, tool or skill; soft skills' aliases are evidence phrases."""

    category: Category
    broader: list[ShortText] = Field(
        default_factory=list,
        description="Broader entries a spec may fold this one into (PostgreSQL: SQL).",
    )
    resume_only: list[ShortText] = Field(
        default_factory=list,
        description="Aliases that count in a resume but never draft the entry from a "
        "posting ('documented' experience is proof, not documentation).",
    )
    needs_ask: bool = Field(
        default=False,
        description="Drafted only from a line that asks for it, not one describing the "
        "company or team (broad areas such as 'mobile' or 'backend').",
    )

    @property
    def kind(self) -> str:
        """The matcher's kind: tools and hard skills support ambiguous names on a line."""
        if self.category == SOFT:
            return "soft"
        return "tool" if self.category in TOOL_CATEGORIES else "hard"

    def drafts_from(self, alias: str) -> bool:
        """Can a posting naming ``alias`` draft this entry?"""
        if not self.resume_only:
            return True
        return normalise_alias(alias) not in {normalise_alias(a) for a in self.resume_only}

    @property
    def drafted_only_when_asked(self) -> bool:
        """Domains, spoken languages and broad areas are often context, not an ask."""
        return self.needs_ask or self.category in ASKED_CATEGORIES


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    entries: list[CatalogueEntry] = Field(min_length=1, max_length=5000)

    def matchables(self) -> Iterator[tuple[str, str, Matchable]]:
        """What the matcher compiles: every entry as a hard skill, tool or soft skill."""
        for entry in self.entries:
            yield entry.kind, entry.category, entry

    @cached_property
    def by_name(self) -> dict[str, CatalogueEntry]:
        return {entry.name: entry for entry in self.entries}

    @cached_property
    def owners(self) -> dict[str, str]:
        """Normalised alias -> entry name."""
        return {
            normalise_alias(rule.text): entry.name
            for entry in self.entries
            for rule in entry.alias_rules()
        }

    def lookup(self, text: str) -> CatalogueEntry | None:
        """The entry whose name or alias is ``text`` (any case), if any."""
        name = self.owners.get(normalise_alias(text))
        return self.by_name[name] if name else None

    def broader_closure(self, name: str) -> set[str]:
        """Every entry ``name`` folds into, directly or through others."""
        seen: set[str] = set()
        todo = list(self.by_name[name].broader)
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.by_name[current].broader)
        return seen

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher(self, with_fuzzy=False)

    def find_in(self, lines: Sequence[str]) -> MatchResult:
        """Every catalogue entry named in ``lines`` (hits carry the line numbers)."""
        return self.matcher.match(lines, ["other"] * len(lines))


def catalogue_problems(catalogue: Catalogue) -> list[tuple[str, str]]:
    """Duplicate names or aliases, and unknown ``broader`` references."""
    problems: list[tuple[str, str]] = []
    owner: dict[str, str] = {}
    names = {entry.name for entry in catalogue.entries}
    for i, entry in enumerate(catalogue.entries):
        for rule in entry.alias_rules():
            key = normalise_alias(rule.text)
            if owner.setdefault(key, entry.name) != entry.name:
                problems.append(
                    (f"entries[{i}].aliases", f"alias '{rule.text}' is also used by '{owner[key]}'")
                )
        owned = {normalise_alias(rule.text) for rule in entry.alias_rules()}
        for alias in entry.resume_only:
            if normalise_alias(alias) not in owned:
                problems.append((f"entries[{i}].resume_only", f"'{alias}' is not an alias"))
        for broader in entry.broader:
            if broader not in names or broader == entry.name:
                problems.append((f"entries[{i}].broader", f"unknown entry '{broader}'"))
    return problems


def parse_catalogue(text: str, *, source: str = "<catalogue>") -> Catalogue:
    """Validate a catalogue given as YAML text; ``source`` names it in errors."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise SpecError(source, [("", f"not valid YAML: {exc}")]) from exc
    try:
        catalogue = Catalogue.model_validate(data)
    except ValidationError as exc:
        problems = [
            (format_path(tuple(p for p in err["loc"] if p not in ("str", "Alias"))), err["msg"])
            for err in exc.errors()
        ]
        raise SpecError(source, problems) from exc
    problems = catalogue_problems(catalogue)
    if problems:
        raise SpecError(source, problems)
    return catalogue


@cache
def default_catalogue() -> Catalogue:
    """The shipped catalogue, validated and compiled once per process."""
    resource = files("screener") / "data" / "catalogue.yaml"
    catalogue = parse_catalogue(resource.read_text(encoding="utf-8"), source=str(resource))
    _ = catalogue.matcher  # compile now, so the first draft does not pay for it
    return catalogue
