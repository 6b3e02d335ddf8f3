"""Results as JSON-ready dicts, table rows and Excel-safe CSV.

One serialisation for the CLI and the app, so both show the same numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import orjson

from screener.candidate import Candidate, rank_key
from screener.interview import InterviewPlan
from screener.match import ItemMatch
from screener.score import Part, RaisedFlag
from screener.sections import stated_duration
from screener.spec import RoleSpec
from screener.text import printable

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
    from screener.redact import redact  # ~10 ms at start-up that only blind mode needs

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
        "band_note": score.band_note if score else "",
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
    best = item.best
    if best is None:  # most of a spec's items on most resumes (~95 of ~110)
        return {"name": item.name, "kind": item.kind, "category": item.category, "found": False}
    evidence = lines[best.line - 1]
    return {
        "name": item.name,
        "kind": item.kind,
        "category": item.category,
        "found": True,
        "match_type": best.match_type,
        "similarity": best.similarity,
        "alias": best.alias,
        "matched_text": best.matched,
        "strength": best.strength,
        "section": best.section,
        "line": best.line,
        "evidence": evidence,
        "stated_experience": stated_duration(evidence),
        "mentions": len(item.hits),
    }


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


def json_record(candidate: Candidate, *, blind: bool = False) -> tuple[tuple[Any, ...], bytes]:
    """(rank key, the candidate as UTF-8 JSON): made in worker processes by the CLI.

    Bytes, not text: they cross the pipe and reach the output file without being decoded
    and encoded again (~22 KB a candidate: 45 MB for 2,000).
    """
    return rank_key(candidate), orjson.dumps(candidate_to_dict(candidate, blind=blind))


def row_record(
    candidate: Candidate, *, blind: bool = False, spec: RoleSpec | None = None
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """(rank key, the candidate's summary row)."""
    return rank_key(candidate), summary_row(candidate, blind=blind, spec=spec)


def summary_row(
    candidate: Candidate, *, blind: bool = False, spec: RoleSpec | None = None
) -> dict[str, Any]:
    """One flat row per candidate for tables and CSV (numbers stay numbers).

    Skills are ordered by the credit they earned; with ``spec``, the untaken alternatives
    of a satisfied any-of group are not counted as missing.
    """
    score, match = candidate.score, candidate.match
    found = skills_by_credit(candidate)
    missing = [i.name for i in match.items if not i.found and i.kind == "hard"] if match else []
    if spec is not None:
        missing = [name for name in missing if name not in untaken_alternatives(spec, candidate)]
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
        "top_skills": ", ".join(found[:TOP_SKILLS]),
        "matched_skills": ", ".join(found),
        "missing_skills": ", ".join(missing),
        "interview_rounds": len(candidate.plan.rounds) if candidate.plan else 0,
        "note": candidate.error or "; ".join(candidate.warnings),
    }


def skills_by_credit(candidate: Candidate) -> list[str]:
    """Found hard skills by the credit they earned (then name), then tools, used first."""
    if candidate.match is None:
        return []
    credit = {c.name: c.credit for c in candidate.score.credits} if candidate.score else {}
    found = [i for i in candidate.match.items if i.found and i.kind in ("hard", "tool")]
    found.sort(key=lambda i: (-credit.get(i.name, -1.0), i.strength != "used", i.name))
    return [i.name for i in found]


def untaken_alternatives(spec: RoleSpec, candidate: Candidate) -> set[str]:
    """Members of an any-of group that another member already satisfies: not missing."""
    if candidate.match is None:
        return set()
    found = {i.name for i in candidate.match.items if i.found}
    groups = spec.any_of_groups()
    return {
        name for names in groups.values() if found.intersection(names) for name in names
    } - found


SHORTLIST_COLUMNS = [
    "rank", "candidate", "email", "phone", "score", "band", "must_haves_met",
    "missing_must_haves", "red_flag_names", "top_skills", "missing_skills",
    "interview_rounds", "status", "note", "role", "spec_version", "screened_on", "id",
]  # fmt: skip
BLIND_HIDDEN = ("email", "phone")


def export_rows(
    candidates: Sequence[Candidate],
    spec: RoleSpec,
    *,
    blind: bool = False,
    screened_on: date | None = None,
) -> list[dict[str, Any]]:
    """Rows for the app's CSV exports, best first: rank, contact details unless blind,
    the role, the spec's content hash as its version and the screening date."""
    from screener.redact import contact_details  # as in `resume_lines`

    day = (screened_on or date.today()).isoformat()
    rows = []
    for rank, candidate in enumerate(sorted(candidates, key=rank_key), start=1):
        row = summary_row(candidate, blind=blind, spec=spec)
        row["rank"] = rank if candidate.score else None  # unscored files have no rank
        row |= {"role": spec.title, "spec_version": spec.fingerprint[:12]}
        row["screened_on"] = day
        if not blind and candidate.document is not None:
            row["email"], row["phone"] = contact_details(candidate.document.text)
        rows.append(row)
    return rows


def export_columns(*, blind: bool) -> list[str]:
    return [c for c in SHORTLIST_COLUMNS if not (blind and c in BLIND_HIDDEN)]


TABLE_COLUMNS = (
    ("rank", "#", 4), ("score", "Score", 5), ("band", "Band", 12),
    ("must_haves_met", "Must-haves", 10), ("candidate", "Candidate", 34),
    ("top_skills", "Top skills / note", 44),
)  # fmt: skip


def to_table(rows: Sequence[dict[str, Any]], *, title: str = "") -> str:
    """Summary rows (best first) as a fixed-width text table for a terminal (file names
    without their folders; unscored files last, with the reason)."""
    lines = [f"{title}: {len(rows)} candidate(s), best first", ""] if title else []
    lines.append("  ".join(label.ljust(width) for _, label, width in TABLE_COLUMNS).rstrip())
    lines.append("  ".join("-" * width for _, _, width in TABLE_COLUMNS))
    scored = 0
    for row in rows:
        scored += row["score"] is not None
        cells = dict(row)
        cells["rank"] = scored if row["score"] is not None else ""
        cells["score"] = "" if row["score"] is None else f"{row['score']:5.1f}"
        cells["candidate"] = str(row["candidate"]).replace("\\", "/").rsplit("/", 1)[-1]
        met = row["must_haves_met"]
        cells["must_haves_met"] = "" if met is None else "all met" if met else "missing"
        cells["band"] = row["band"] or row["status"].replace("_", " ")
        cells["top_skills"] = row["top_skills"] if row["score"] is not None else row["note"]
        lines.append(
            "  ".join(_fit(str(cells[key]), width) for key, _, width in TABLE_COLUMNS).rstrip()
        )
    return "\n".join(lines) + "\n"


def _fit(text: str, width: int) -> str:
    text = printable(text)  # a file name can hold escape sequences
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def neutralise(value: Any) -> Any:
    """Make a text cell inert in spreadsheets: '=1+1' -> "'=1+1". Numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def excel_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """`to_csv` for a file a recruiter opens: it starts with a UTF-8 byte-order mark, without
    which Excel reads the file in the machine's code page ("José" shows as "JosÃ©")."""
    return "\ufeff" + to_csv(rows, columns)


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """Rows as CSV text, every text cell neutralised against formula injection."""
    rows = list(rows)
    columns = list(columns or (rows[0].keys() if rows else []))
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n"
    )
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


def results_csv(
    candidates: Sequence[Candidate],
    spec: RoleSpec,
    *,
    blind: bool = False,
    screened_on: date | None = None,
) -> str:
    """Full results, one row per candidate, best first (the summary row's extra columns after
    the shortlist's)."""
    rows = export_rows(candidates, spec, blind=blind, screened_on=screened_on)
    extra = [c for c in (rows[0] if rows else {}) if c not in SHORTLIST_COLUMNS]
    return excel_csv(rows, export_columns(blind=blind) + extra)


def shortlist_csv(
    candidates: Sequence[Candidate],
    shortlisted: set[str],
    spec: RoleSpec,
    *,
    blind: bool = False,
    screened_on: date | None = None,
) -> str:
    """Only the candidates whose id is in ``shortlisted``, best first, ranked among all."""
    rows = export_rows(candidates, spec, blind=blind, screened_on=screened_on)
    chosen = [r for r in rows if r["id"] in shortlisted]
    return excel_csv(chosen, export_columns(blind=blind))


SAVED_COLUMNS = [
    "id", "source", "status", "score", "band", "decision", "decided_at", "decision_note", "note",
    "missing_must_haves", "red_flags", "breakdown", "same_person_as", "sha256", "added_at",
    "text_purged_at",
]  # fmt: skip


def saved_rows(
    rows: Iterable[dict[str, Any]], *, blind: bool = False, shortlist_only: bool = False
) -> list[dict[str, Any]]:
    """A saved screening's rows (`ScreeningStore.rows`) ready to show or write: the
    breakdown as text, file names replaced by ids in blind mode."""
    out = []
    for row in rows:
        if shortlist_only and row["decision"] != "shortlisted":
            continue
        parts = "; ".join(f"{n} {p:g}/{m:g}" for n, p, m in row["breakdown"])
        out.append(row | {"breakdown": parts, "source": row["id"] if blind else row["source"]})
    return out


def saved_csv(
    rows: Iterable[dict[str, Any]], *, blind: bool = False, shortlist_only: bool = False
) -> str:
    """A saved screening as Excel-safe CSV with decisions, times and notes."""
    return excel_csv(saved_rows(rows, blind=blind, shortlist_only=shortlist_only), SAVED_COLUMNS)
