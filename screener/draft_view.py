"""Tables for reviewing a drafted spec in the app, and the spec rebuilt from their edits.

Each table row shows where the item came from (posting line number and text). Aliases
are edited as comma-separated text; an alias kept as it was keeps its matching rules
(case-sensitive, needs-context). Rows deleted in a table are dropped from the spec.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from screener.draft import Draft, Source
from screener.spec import Alias, Matchable, RoleSpec, spec_from_dict

HARD_COLUMNS = [
    "skill", "weight", "must_have", "any_of", "line", "posting_line", "aliases", "tool_category",
]  # fmt: skip
TOOL_COLUMNS = ["category", "tool", "line", "posting_line", "aliases"]
SOFT_COLUMNS = ["skill", "line", "posting_line", "evidence"]
ROUND_COLUMNS = ["id", "name", "duration_minutes", "optional", "assesses", "line", "posting_line"]
SOURCE_COLUMNS = ["line", "posting_line"]


def file_name(spec: RoleSpec) -> str:
    """'Junior Backend Engineer' -> 'junior_backend_engineer.yaml'."""
    stem = re.sub(r"[^a-z0-9]+", "_", spec.title.lower()).strip("_")
    return f"{stem or 'role'}.yaml"


def _source(source: Source | None) -> dict[str, Any]:
    return {"line": source.line if source else None, "posting_line": source.text if source else ""}


def _aliases(item: Matchable) -> str:
    return ", ".join(a if isinstance(a, str) else a.text for a in item.aliases)


def hard_skills_frame(draft: Draft) -> pd.DataFrame:
    rows = [
        {
            "skill": s.name,
            "weight": s.weight,
            "must_have": s.must_have,
            "any_of": s.any_of or "",
            "aliases": _aliases(s),
            "tool_category": s.tool_category or "",
            **_source(draft.source_of("hard_skills", s.name)),
        }
        for s in draft.spec.hard_skills
    ]
    return pd.DataFrame(rows, columns=HARD_COLUMNS)


def tools_frame(draft: Draft) -> pd.DataFrame:
    rows = [
        {
            "category": c.name,
            "tool": t.name,
            "aliases": _aliases(t),
            **_source(draft.source_of(f"tools/{c.name}", t.name)),
        }
        for c in draft.spec.tools
        for t in c.tools
    ]
    return pd.DataFrame(rows, columns=TOOL_COLUMNS)


def soft_skills_frame(draft: Draft) -> pd.DataFrame:
    rows = [
        {
            "skill": s.name,
            "evidence": _aliases(s),
            **_source(draft.source_of("soft_skills", s.name)),
        }
        for s in draft.spec.soft_skills
    ]
    return pd.DataFrame(rows, columns=SOFT_COLUMNS)


def rounds_frame(draft: Draft) -> pd.DataFrame:
    """Rounds; the line is where the posting named the round (blank: a default round)."""
    rows = [
        {
            "id": r.id,
            "name": r.name,
            "duration_minutes": r.duration_minutes,
            "optional": r.optional,
            "assesses": ", ".join(r.assesses),
            **_source(draft.source_of("interview.rounds", r.id)),
        }
        for r in draft.spec.interview.rounds
    ]
    return pd.DataFrame(rows, columns=ROUND_COLUMNS)


def edited_spec(
    draft: Draft,
    hard: pd.DataFrame,
    tools: pd.DataFrame,
    soft: pd.DataFrame,
    rounds: pd.DataFrame,
) -> RoleSpec:
    """The drafted spec with the recruiter's table edits; validated like a spec file."""
    spec = draft.spec
    data = spec.model_dump(mode="python", exclude_defaults=True)
    data["hard_skills"] = _hard(spec, hard)
    data["tools"] = _tools(spec, tools)
    data["soft_skills"] = _soft(spec, soft)
    technical = data["hard_skills"] + [t for c in data["tools"] for t in c["tools"]]
    names = {item["name"] for item in technical}
    for item in technical:  # a deleted row is no longer implied (PostgreSQL without SQL)
        item["implies"] = [name for name in item.get("implies", []) if name in names]
    data["interview"] = {**data["interview"], **_rounds(spec, rounds)}
    kept = {r["id"] for r in data["interview"]["rounds"]}
    for flag in data.get("red_flags", []):
        if flag.get("round") not in kept:
            flag.pop("round", None)  # its round was removed: probed in the last one
    return spec_from_dict(data, source="drafted spec")


def _rows(frame: pd.DataFrame, key: str) -> list[dict[str, Any]]:
    """Rows with a name, blank cells as None (new rows from the editor may be partial)."""
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return [r for r in rows if str(r.get(key) or "").strip()]


def _alias_list(text: Any, original: Matchable | None) -> list[str | Alias]:
    rules = {a.text if isinstance(a, Alias) else a: a for a in original.aliases} if original else {}
    names = [part.strip() for part in str(text or "").split(",") if part.strip()]
    return [rules.get(name, name) for name in names]


def _hard(spec: RoleSpec, frame: pd.DataFrame) -> list[dict[str, Any]]:
    by_name = {s.name: s for s in spec.hard_skills}
    out = []
    for row in _rows(frame, "skill"):
        name = str(row["skill"]).strip()
        original = by_name.get(name)
        item = original.model_dump(mode="python", exclude_defaults=True) if original else {}
        item |= {
            "name": name,
            "weight": float(row["weight"] if row.get("weight") is not None else 5),
            "must_have": bool(row.get("must_have")),
            "aliases": _alias_list(row.get("aliases"), original),
        }
        item["any_of"] = str(row.get("any_of") or "").strip() or None
        item["tool_category"] = str(row.get("tool_category") or "").strip() or None
        out.append(item)
    return out


def _tools(spec: RoleSpec, frame: pd.DataFrame) -> list[dict[str, Any]]:
    originals = {t.name: t for c in spec.tools for t in c.tools}
    categories: dict[str, list[dict[str, Any]]] = {c.name: [] for c in spec.tools}
    for row in _rows(frame, "tool"):
        name = str(row["tool"]).strip()
        original = originals.get(name)
        item = original.model_dump(mode="python", exclude_defaults=True) if original else {}
        item |= {"name": name, "aliases": _alias_list(row.get("aliases"), original)}
        category = str(row.get("category") or "Other tools").strip()
        categories.setdefault(category, []).append(item)
    return [{"name": name, "tools": tools} for name, tools in categories.items()]


def _soft(spec: RoleSpec, frame: pd.DataFrame) -> list[dict[str, Any]]:
    by_name = {s.name: s for s in spec.soft_skills}
    out = []
    for row in _rows(frame, "skill"):
        name = str(row["skill"]).strip()
        original = by_name.get(name)
        item = original.model_dump(mode="python", exclude_defaults=True) if original else {}
        item |= {"name": name, "aliases": _alias_list(row.get("evidence"), original)}
        out.append(item)
    return out


def _rounds(spec: RoleSpec, frame: pd.DataFrame) -> dict[str, Any]:
    by_id = {r.id: r for r in spec.interview.rounds}
    rounds = []
    for row in _rows(frame, "id"):
        original = by_id.get(str(row["id"]))
        item = original.model_dump(mode="python") if original else {}
        item |= {
            "id": str(row["id"]).strip(),
            "name": str(row.get("name") or row["id"]).strip(),
            "duration_minutes": int(row.get("duration_minutes") or 45),
            "optional": bool(row.get("optional")),
            "assesses": [
                part.strip() for part in str(row.get("assesses") or "").split(",") if part.strip()
            ],
        }
        item.setdefault("purpose", item["name"])
        item.setdefault("format", "Interview")
        rounds.append(item)
    return {
        "rounds": rounds,
        "min_rounds": max(1, min(spec.interview.min_rounds, len(rounds))),
        "max_rounds": max(1, len(rounds)),
    }
