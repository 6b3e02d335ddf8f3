"""Results as JSON-ready dicts, table rows and Excel-safe CSV.

One serialisation for the CLI and the app, so both show the same numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

import orjson

from screener.interview import InterviewPlan
from screener.match import ItemMatch
from screener.redact import redact
from screener.score import Part, RaisedFlag
from screener.screen import Candidate, rank_key

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TOP_SKILLS = 8


def display_name(candidate: Candidate, *, blind: bool) -> str:
    """The file name, or in blind mode only the content-derived candidate id."""
    return candidate.id if blind else candidate.source


def resume_lines(candidate: Candidate, *, blind: bool) -> list[str]:
    """The resume's lines; in blind mode with personal details removed (same line numbers).

    Words the matcher found are kept, so a skill that is also a name ('Ruby') survives.
    """
    if candidate.document is None:
        return []
    if not blind:
        return candidate.document.lines
    found = {h.matched for i in candidate.match.items for h in i.hits} if candidate.match else set()
    return redact(candidate.document.text, keep=found).text.split("\n")


def candidate_to_dict(candidate: Candidate, *, blind: bool = False) -> dict[str, Any]:
    """Everything about one candidate, JSON-ready. ``score`` is null unless status is ok."""
    score = candidate.score
    lines = resume_lines(candidate, blind=blind)
    out: dict[str, Any] = {
        "id": candidate.id,
        "source": display_name(candidate, blind=blind),
        "status": candidate.status,
        "error_code": candidate.error_code,
        "error": candidate.error,
        "warnings": list(candidate.warnings),
        "score": score.total if score else None,
        "band": score.band if score else None,
        "breakdown": [_part(p) for p in score.parts] if score else [],
        "must_haves_met": score.must_haves_met if score else None,
        "missing_must_haves": list(score.missing_must_haves) if score else [],
        "unverified_must_haves": list(score.unverified_must_haves) if score else [],
        "red_flags": [_flag(f) for f in score.red_flags] if score else [],
        "skills": [skill_to_dict(i, lines) for i in candidate.match.items if i.kind != "practical"]
        if candidate.match
        else [],
        "practical_evidence": [i.name for i in candidate.match.found("practical")]
        if candidate.match
        else [],
        "interview_plan": plan_to_list(candidate.plan) if candidate.plan else [],
    }
    if candidate.document:
        out["format"] = candidate.document.format
        out["pages"] = candidate.document.pages
    return out


def skill_to_dict(item: ItemMatch, lines: list[str]) -> dict[str, Any]:
    """A skill's strongest evidence (the line from ``lines``); a skill not found: name only."""
    out: dict[str, Any] = {
        "name": item.name,
        "kind": item.kind,
        "category": item.category,
        "found": item.found,
    }
    best = item.best
    if best:
        out |= {
            "match_type": best.match_type,
            "similarity": best.similarity,
            "alias": best.alias,
            "matched_text": best.matched,
            "strength": best.strength,
            "section": best.section,
            "line": best.line,
            "evidence": lines[best.line - 1],
            "mentions": len(item.hits),
        }
    return out


def _part(part: Part) -> dict[str, Any]:
    return {
        "name": part.name,
        "points": part.points,
        "max_points": part.max_points,
        "detail": part.detail,
    }


def _flag(flag: RaisedFlag) -> dict[str, Any]:
    return {
        "id": flag.id,
        "name": flag.name,
        "reason": flag.reason,
        "penalty": flag.penalty,
        "probe": flag.probe,
    }


def plan_to_list(plan: InterviewPlan) -> list[dict[str, Any]]:
    return [
        {
            "name": r.name,
            "id": r.id,
            "duration_minutes": r.duration_minutes,
            "focus": [{"topic": f.topic, "kind": f.kind, "reason": f.reason} for f in r.focus],
            "questions": list(r.questions),
            "exercise": r.exercise.title if r.exercise else None,
            "probes": [p.red_flag for p in r.probes],
            "scorecard": list(r.scorecard),
        }
        for r in plan.rounds
    ]


def json_record(candidate: Candidate, *, blind: bool = False) -> tuple[tuple[Any, ...], str]:
    """(rank key, the candidate as a JSON string): made in worker processes by the CLI."""
    text = orjson.dumps(candidate_to_dict(candidate, blind=blind)).decode()  # ~10x json.dumps
    return rank_key(candidate), text


def row_record(
    candidate: Candidate, *, blind: bool = False
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """(rank key, the candidate's summary row)."""
    return rank_key(candidate), summary_row(candidate, blind=blind)


def summary_row(candidate: Candidate, *, blind: bool = False) -> dict[str, Any]:
    """One flat row per candidate for tables and CSV (numbers stay numbers)."""
    score, match = candidate.score, candidate.match
    found = [i for i in match.items if i.found and i.kind in ("hard", "tool")] if match else []
    found.sort(key=lambda i: (i.strength != "used", i.name))
    missing = [i.name for i in match.items if not i.found and i.kind == "hard"] if match else []
    return {
        "candidate": display_name(candidate, blind=blind),
        "id": candidate.id,
        "status": candidate.status,
        "score": score.total if score else None,
        "band": score.band if score else "",
        "must_haves_met": score.must_haves_met if score else None,
        "missing_must_haves": "; ".join(score.missing_must_haves) if score else "",
        "red_flags": len(score.red_flags) if score else 0,
        "red_flag_names": "; ".join(f.name for f in score.red_flags) if score else "",
        "top_skills": ", ".join(i.name for i in found[:TOP_SKILLS]),
        "matched_skills": ", ".join(i.name for i in found),
        "missing_skills": ", ".join(missing),
        "interview_rounds": len(candidate.plan.rounds) if candidate.plan else 0,
        "note": candidate.error or "; ".join(candidate.warnings),
    }


def neutralise(value: Any) -> Any:
    """Make a text cell inert in spreadsheets: '=1+1' -> "'=1+1". Numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """Rows as CSV text, every text cell neutralised against formula injection."""
    rows = list(rows)
    columns = list(columns or (rows[0].keys() if rows else []))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralise(_cell(row.get(k))) for k in columns})
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def results_csv(candidates: Sequence[Candidate], *, blind: bool = False) -> str:
    """Full results, one row per candidate."""
    return to_csv(summary_row(c, blind=blind) for c in candidates)


def shortlist_csv(
    candidates: Sequence[Candidate], shortlisted: set[str], *, blind: bool = False
) -> str:
    """Only the candidates whose id is in ``shortlisted``, best first."""
    return to_csv(summary_row(c, blind=blind) for c in candidates if c.id in shortlisted)
