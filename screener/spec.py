"""Role specs: the pydantic models, and loading them from YAML with clear errors.

A role spec is data. A new role is a new YAML file validated by `RoleSpec`;
any problem is reported as ``file: field.path: message``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property, wraps
from pathlib import Path
from typing import Annotated, Any, Literal, Self, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from screener.errors import SpecError

Text = Annotated[str, Field(min_length=1, max_length=2000)]
ShortText = Annotated[str, Field(min_length=1, max_length=120)]
Phrases = Annotated[list[ShortText], Field(default_factory=list, max_length=200)]

SECTION_NAMES = (
    "summary",
    "skills",
    "experience",
    "projects",
    "education",
    "certifications",
    "other",
)
Section = Literal[
    "summary", "skills", "experience", "projects", "education", "certifications", "other"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Alias(_Model):
    """An alias with matching rules, for short or common-word names (Go, C, REST, Excel).

    ``case_sensitive``: the text must match letter case exactly ("REST" but not "rest").
    ``needs_context``: counts only on a line that names another skill or tool, or one
    of the skill's ``context`` words, and never when glued by ``-`` or ``&`` to a
    neighbouring word ("go-to-market", "R&D", "C-level").
    """

    text: ShortText
    case_sensitive: bool = False
    needs_context: bool = False


class Matchable(_Model):
    """Anything matched in resume text: a canonical name plus aliases."""

    name: ShortText
    aliases: list[ShortText | Alias] = Field(default_factory=list, max_length=60)
    context: Phrases = Field(
        description="Words that confirm an ambiguous alias when on the same line."
    )

    def alias_rules(self) -> list[Alias]:
        """Every alias as an `Alias`, the canonical name included unless listed."""
        rules = [a if isinstance(a, Alias) else Alias(text=a) for a in self.aliases]
        listed = {normalise_alias(rule.text) for rule in rules}
        if normalise_alias(self.name) not in listed:
            rules.insert(0, Alias(text=self.name))
        return rules


class Technical(Matchable):
    """A hard skill or tool; finding it can imply others (PostgreSQL implies SQL)."""

    implies: list[ShortText] = Field(
        default_factory=list,
        max_length=20,
        description="Names of hard skills or tools that this one shows (Django: Python).",
    )


class HardSkill(Technical):
    weight: float = Field(default=5, ge=1, le=10)
    must_have: bool = False
    any_of: ShortText | None = Field(
        default=None,
        description="Group name; the group is met when any one of its skills is found.",
    )
    tool_category: ShortText | None = Field(
        default=None, description="Also counts towards this tools category (e.g. languages)."
    )
    questions: Phrases = Field(description="Interview questions, fundamentals level.")


class SoftSkill(Matchable):
    """A soft skill; its aliases are evidence phrases ("mentored", "code reviews")."""

    questions: Phrases


class Tool(Technical):
    pass


class ToolCategory(_Model):
    name: ShortText
    tools: list[Tool] = Field(default_factory=list, max_length=100)


class RedFlag(_Model):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
    name: ShortText
    description: Text
    probe: Text = Field(description="How to probe this in an interview.")
    questions: Phrases
    detector: Literal["keyword_stuffing", "no_hands_on_evidence"] | None = Field(
        default=None, description="Built-in resume check that raises this flag."
    )
    penalty: float = Field(default=0, ge=0, le=30, description="Points taken off when raised.")
    band_cap: Literal["possible", "weak"] | None = Field(
        default=None, description="Highest band a resume that raises this flag can reach."
    )
    round: str | None = Field(
        default=None, description="Id of the interview round that probes it (default: the last)."
    )


class PracticalSignal(Matchable):
    """Hands-on evidence (projects, internships, bootcamps, open source, portfolio links)."""

    points: float = Field(ge=0, le=100)
    in_job_titles: bool = Field(
        default=False,
        description="Counts only in a job title of the experience section (a hands-on role).",
    )
    sections: list[Section] = Field(
        default_factory=list, description="A resume section of this kind also counts."
    )


class InterviewRound(_Model):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
    name: ShortText
    purpose: Text
    format: Text
    duration_minutes: int = Field(ge=10, le=240)
    assesses: list[ShortText] = Field(min_length=1)
    optional: bool = Field(
        default=False, description="Dropped from the short process for well-evidenced candidates."
    )


class CodingExercise(_Model):
    title: ShortText
    prompt: Text
    duration_minutes: int = Field(ge=10, le=120)
    skills: list[ShortText] = Field(default_factory=list)


class InterviewProcess(_Model):
    min_rounds: int = Field(ge=1, le=6)
    max_rounds: int = Field(ge=1, le=6)
    rounds: list[InterviewRound] = Field(min_length=1, max_length=8)
    guidance: list[Text] = Field(default_factory=list)
    coding_exercises: list[CodingExercise] = Field(default_factory=list)
    rating_scale: dict[int, ShortText] = Field(
        default_factory=lambda: {
            1: "No evidence / could not do it",
            2: "Partial, needed heavy help",
            3: "Solid for the level, small hints",
            4: "Strong, clear and independent",
        }
    )

    @model_validator(mode="after")
    def _rounds_fit(self) -> InterviewProcess:
        if self.min_rounds > self.max_rounds:
            raise ValueError("min_rounds must be <= max_rounds")
        if len(self.rounds) < self.min_rounds:
            raise ValueError(f"needs at least min_rounds={self.min_rounds} rounds")
        return self


class ScoreWeights(_Model):
    hard_skills: float = Field(default=50, ge=0, le=100)
    tools: float = Field(default=20, ge=0, le=100)
    soft_skills: float = Field(default=10, ge=0, le=100)
    practical_evidence: float = Field(default=20, ge=0, le=100)

    @model_validator(mode="after")
    def _sum_to_100(self) -> ScoreWeights:
        total = self.hard_skills + self.tools + self.soft_skills + self.practical_evidence
        if abs(total - 100) > 1e-6:
            raise ValueError(f"weights must add up to 100, not {total:g}")
        return self


class Scoring(_Model):
    weights: ScoreWeights = Field(default_factory=ScoreWeights)
    hard_skill_target: float = Field(
        default=0.35, gt=0, le=1, description="Share of total hard-skill weight for full marks."
    )
    tools_per_category: int = Field(default=2, ge=1, le=10, description="Tools for full marks.")
    soft_skills_target: int = Field(default=4, ge=1, le=20, description="Soft skills for full.")
    listed_only_credit: float = Field(
        default=0.5, ge=0, le=1, description="Credit of a skill seen only in a skills list."
    )
    implied_credit: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Share of credit for a skill only implied by another (SQL by PostgreSQL).",
    )
    stated_use_credit: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Credit of a listed skill with a stated time of use ('Java (1 year)'); "
        "it then counts with skills used, outside the listed-only cap.",
    )
    listed_only_cap: float = Field(
        default=0.5, ge=0, le=1, description="Most of a part that skills-list mentions can earn."
    )
    practical_target: float = Field(
        default=12, gt=0, le=100, description="Practical-evidence points for full marks."
    )
    support_gate: float = Field(
        default=0.25,
        ge=0,
        le=1,
        description="Share of hard-skill and tool points at which soft skills and practical "
        "evidence count in full (below it, in proportion).",
    )
    stuffing_min_skills: int = Field(
        default=12, ge=2, le=200, description="Keyword stuffing: at least this many skills named"
    )
    stuffing_max_used_share: float = Field(
        default=0.25, ge=0, le=1, description="...and at most this share used in work/projects."
    )
    strong_band: float = Field(default=65, ge=0, le=100)
    possible_band: float = Field(default=40, ge=0, le=100)


class SalaryBand(_Model):
    level: ShortText
    minimum: int = Field(ge=0)
    maximum: int = Field(ge=0)
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "USD"


class RoleSpec(_Model):
    title: ShortText
    level: ShortText
    location: ShortText
    employment_type: ShortText
    summary: Text
    responsibilities: list[Text] = Field(min_length=1)
    prerequisites: list[Text] = Field(default_factory=list)
    perks: list[Text] = Field(default_factory=list)
    hard_skills: list[HardSkill] = Field(min_length=1, max_length=200)
    soft_skills: list[SoftSkill] = Field(default_factory=list, max_length=100)
    tools: list[ToolCategory] = Field(default_factory=list, max_length=30)
    red_flags: list[RedFlag] = Field(default_factory=list, max_length=50)
    practical_evidence: list[PracticalSignal] = Field(default_factory=list, max_length=30)
    interview: InterviewProcess
    evaluation_guidance: list[Text] = Field(default_factory=list)
    scoring: Scoring = Field(default_factory=Scoring)
    salary_bands: list[SalaryBand] = Field(default_factory=list)

    def any_of_groups(self) -> dict[str, list[str]]:
        """Each any-of group's member skills, in spec order."""
        groups: dict[str, list[str]] = {}
        for skill in self.hard_skills:
            if skill.any_of:
                groups.setdefault(skill.any_of, []).append(skill.name)
        return groups

    def matchables(self) -> Iterator[tuple[str, str, Matchable]]:
        """Yield ``(kind, category, item)`` for everything matched in resumes."""
        for skill in self.hard_skills:
            yield "hard", skill.tool_category or "Hard skills", skill
        for soft in self.soft_skills:
            yield "soft", "Soft skills", soft
        for category in self.tools:
            for tool in category.tools:
                yield "tool", category.name, tool
        for signal in self.practical_evidence:
            yield "practical", "Practical evidence", signal

    def technical_items(self) -> list[Technical]:
        """Hard skills and tools, in spec order."""
        return [*self.hard_skills, *(tool for category in self.tools for tool in category.tools)]

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        copy = super().model_copy(update=update, deep=deep)
        copy.__dict__.pop("fingerprint", None)  # computed from the old content
        return copy

    @cached_property
    def fingerprint(self) -> str:
        """A short stable hash of the spec's content (for caches and audit records)."""
        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True).encode()
        return hashlib.sha256(payload).hexdigest()[:16]


T = TypeVar("T")


def per_spec(build: Callable[[RoleSpec], T]) -> Callable[[RoleSpec], T]:
    """`build(spec)` made once per spec content (its fingerprint); a few specs are kept."""
    cache: dict[str, T] = {}

    @wraps(build)
    def cached(spec: RoleSpec) -> T:
        key = spec.fingerprint
        if key not in cache:
            if len(cache) > 32:
                cache.clear()
            cache[key] = build(spec)
        return cache[key]

    return cached


def normalise_alias(text: str) -> str:
    """The form in which aliases are compared for uniqueness."""
    return " ".join(text.casefold().split())


# libyaml's parser (when PyYAML was built with it) reads a spec in ~10 ms, not ~70.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_spec(path: str | Path) -> RoleSpec:
    """Read and validate a role spec YAML file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(str(path), [("", f"cannot read file: {exc}")]) from exc
    return parse_spec(text, source=str(path))


def parse_spec(text: str, *, source: str = "<spec>") -> RoleSpec:
    """Validate a role spec given as YAML text; ``source`` names it in errors."""
    try:
        data = yaml.load(text, Loader=_FAST_LOADER) or {}
    except yaml.YAMLError as exc:
        raise SpecError(source, [("", f"not valid YAML: {_yaml_problem(text, exc)}")]) from exc
    if not isinstance(data, dict):
        raise SpecError(source, [("", "a role spec must be a mapping of fields")])
    return spec_from_dict(data, source=source)


def _yaml_problem(text: str, error: yaml.YAMLError) -> yaml.YAMLError:
    """The pure-Python parser's error (it quotes the offending line), else libyaml's."""
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return exc
    return error


def spec_from_dict(data: dict[str, Any], *, source: str = "<spec>") -> RoleSpec:
    """Validate already-parsed spec data (used for in-app weight adjustments too)."""
    try:
        spec = RoleSpec.model_validate(data)
    except ValidationError as exc:
        raise SpecError(source, [_problem(err) for err in exc.errors()]) from exc
    problems = cross_check(spec)
    if problems:
        raise SpecError(source, problems)
    return spec


def _problem(err: Any) -> tuple[str, str]:
    loc = err["loc"]
    # Drop union-branch tags pydantic adds, e.g. ('aliases', 0, 'str').
    loc = tuple(p for p in loc if p not in ("str", "Alias", "function-after[_rounds_fit()]"))
    return format_path(loc), _message(err)


def format_path(loc: tuple[Any, ...]) -> str:
    """('hard_skills', 3, 'weight') -> 'hard_skills[3].weight'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _message(err: Any) -> str:
    ctx = err.get("ctx") or {}
    kind = err["type"]
    simple = {
        "missing": "field required",
        "extra_forbidden": "unknown field",
        "less_than_equal": "must be <= {le}",
        "greater_than_equal": "must be >= {ge}",
        "less_than": "must be < {lt}",
        "greater_than": "must be > {gt}",
        "too_short": "needs at least {min_length} item(s)",
        "string_too_short": "must not be empty",
    }
    if kind in simple:
        return simple[kind].format(
            **{k: f"{v:g}" if isinstance(v, float) else v for k, v in ctx.items()}
        )
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return str(err["msg"])


def cross_check(spec: RoleSpec) -> list[tuple[str, str]]:
    """Checks that span fields: unique aliases and names, known references."""
    problems: list[tuple[str, str]] = []
    owner: dict[str, str] = {}
    for path, item in _matchable_paths(spec):
        for alias in item.alias_rules():
            key = normalise_alias(alias.text)
            if key in owner and owner[key] != item.name:
                problems.append(
                    (f"{path}.aliases", f"alias '{alias.text}' is also used by '{owner[key]}'")
                )
            owner.setdefault(key, item.name)
    categories = {c.name for c in spec.tools}
    for i, skill in enumerate(spec.hard_skills):
        if skill.tool_category and skill.tool_category not in categories:
            problems.append(
                (
                    f"hard_skills[{i}].tool_category",
                    f"unknown tools category '{skill.tool_category}'",
                )
            )
    technical = {item.name for item in spec.technical_items()}
    for path, item in _matchable_paths(spec):
        for name in getattr(item, "implies", []):
            if name not in technical or name == item.name:
                problems.append((f"{path}.implies", f"'{name}' is not another hard skill or tool"))
    ids = [flag.id for flag in spec.red_flags]
    for i, flag_id in enumerate(ids):
        if ids.index(flag_id) != i:
            problems.append((f"red_flags[{i}].id", f"duplicate id '{flag_id}'"))
    round_ids = [r.id for r in spec.interview.rounds]
    for i, round_id in enumerate(round_ids):
        if round_ids.index(round_id) != i:
            problems.append((f"interview.rounds[{i}].id", f"duplicate id '{round_id}'"))
    for i, flag in enumerate(spec.red_flags):
        if flag.round and flag.round not in round_ids:
            problems.append((f"red_flags[{i}].round", f"unknown interview round '{flag.round}'"))
    if spec.scoring.possible_band > spec.scoring.strong_band:
        problems.append(("scoring.possible_band", "must be <= scoring.strong_band"))
    return problems


def _matchable_paths(spec: RoleSpec) -> Iterator[tuple[str, Matchable]]:
    for i, skill in enumerate(spec.hard_skills):
        yield f"hard_skills[{i}]", skill
    for i, soft in enumerate(spec.soft_skills):
        yield f"soft_skills[{i}]", soft
    for c, category in enumerate(spec.tools):
        for t, tool in enumerate(category.tools):
            yield f"tools[{c}].tools[{t}]", tool
    for i, signal in enumerate(spec.practical_evidence):
        yield f"practical_evidence[{i}]", signal


def json_schema() -> dict[str, Any]:
    """The JSON Schema of role specs (committed as ``role_specs/schema.json``)."""
    return RoleSpec.model_json_schema()
