"""Editable templates for drafting: red flags, interview rounds, practical evidence.

Shipped as ``screener/data/draft_templates.yaml``; a user copy is passed with
``--templates`` or uploaded in the app. A red flag or round with ``cues`` is chosen when the
posting contains one of them (strongest cue first); ``always`` flags and ``default`` rounds
are used regardless, and a draft always gets 2-3 rounds.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from screener.errors import SpecError
from screener.posting import PostingLine
from screener.spec import (
    CodingExercise,
    InterviewRound,
    PracticalSignal,
    RedFlag,
    ShortText,
    format_path,
)


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
    """Read and validate a templates YAML file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(str(path), [("", f"cannot read file: {exc}")]) from exc
    return parse_templates(text, source=str(path))


def default_templates_text() -> str:
    """The shipped templates file, for the user to copy and edit."""
    return (files("screener") / "data" / "draft_templates.yaml").read_text(encoding="utf-8")


@cache
def default_templates() -> Templates:
    """The shipped templates, validated once."""
    return parse_templates(default_templates_text(), source="draft_templates.yaml")


def choose_rounds(templates: Templates, text: str) -> list[dict[str, Any]]:
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


def cue_line(lines: Sequence[PostingLine], cues: Sequence[str]) -> PostingLine | None:
    """The first posting line with the first of ``cues`` found (cues go strongest first)."""
    for cue in cues:
        found = next((line for line in lines if cue.lower() in line.text.lower()), None)
        if found:
            return found
    return None


def chosen_red_flags(templates: Templates, text: str, round_ids: set[str]) -> list[dict[str, Any]]:
    """Always-on flags and those the posting cues, without rounds the draft does not have."""
    lowered = text.lower()
    flags = []
    for flag in templates.red_flags:
        if flag.always or any(c.lower() in lowered for c in flag.cues):
            data = flag.model_dump(mode="json", exclude={"cues", "always"}, exclude_defaults=True)
            if flag.round not in round_ids:
                data.pop("round", None)
            flags.append(data)
    return flags
