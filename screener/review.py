"""What the app shows, computed here so it is tested without a browser.

Tables for the ranking and the candidate detail, evidence highlighting, and role specs
adjusted for one screening (weights, must-haves) without editing the file.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

import pandas as pd
import yaml

from screener.candidate import Candidate, ranked
from screener.export import (
    TOP_SKILLS,
    display_name,
    resume_lines,
    summary_row,
    untaken_alternatives,
)
from screener.interview import PlannedRound, plan_interview
from screener.match import ItemMatch
from screener.person import guess_name
from screener.score import Part, score
from screener.screen import Progress, ScreeningCache, screen_files
from screener.sections import SectionSpan, job_of, stated_duration
from screener.spec import RoleSpec, spec_from_dict

STRENGTH_VALUE = {"used": 2, "listed": 1, "mentioned": 1}
STATUS_LABELS = {
    "ok": "scored",
    "needs_review": "needs review (scanned)",
    "error": "could not read",
}
HEATMAP_PAGE = 40
RANKING_COLUMNS = [
    "shortlist", "candidate", "score", "band", "status", "must_haves_met",
    "missing_must_haves", "red_flags", "top_skills", "id",
]  # fmt: skip


def ranking_frame(
    candidates: Sequence[Candidate],
    shortlist: set[str],
    *,
    blind: bool,
    skills: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """One row per candidate, best first, with a shortlist tick box column.

    ``skills`` (found skills by credit, by SHA-256, as a saved screening's overview holds
    them) gives the top skills of candidates loaded without their match.
    """
    rows = [summary_row(c, blind=blind) for c in candidates]
    if skills is not None:
        for row, candidate in zip(rows, candidates, strict=True):
            if candidate.match is None:
                row["top_skills"] = ", ".join(skills.get(candidate.sha256, ())[:TOP_SKILLS])
    frame = pd.DataFrame(rows, columns=RANKING_COLUMNS[1:])  # named columns, even with no rows
    frame.insert(0, "shortlist", frame["id"].isin(shortlist))
    return frame[RANKING_COLUMNS].reset_index(drop=True)


def filter_ranking(
    frame: pd.DataFrame, *, min_score: float, must_haves_only: bool, statuses: Iterable[str]
) -> pd.DataFrame:
    """Rows that pass the recruiter's filters (unscored rows pass the score filter)."""
    keep = frame["status"].isin(list(statuses))
    keep &= frame["score"].isna() | (frame["score"] >= min_score)
    if must_haves_only:
        keep &= frame["must_haves_met"].fillna(False).astype(bool)
    return frame[keep].reset_index(drop=True)


def shortlist_from_editor(
    shown: pd.DataFrame, edited: pd.DataFrame, shortlist: set[str]
) -> set[str]:
    """The shortlist after the recruiter's ticks in the table (rows not shown are kept)."""
    shown_ids = set(shown["id"])
    ticked = set(edited.loc[edited["shortlist"].astype(bool), "id"])
    return (shortlist - shown_ids) | ticked


def skill_table(
    candidate: Candidate, *, blind: bool = False, spec: RoleSpec | None = None
) -> pd.DataFrame:
    """The skill-match table of one candidate: every spec item, found or not. With ``spec``,
    the untaken alternatives of a satisfied any-of group say so instead of looking missing."""
    assert candidate.match is not None
    lines = resume_lines(candidate, blind=blind)
    spans = candidate.document.sections if candidate.document else ()
    rows = [_skill_row(item, lines, spans) for item in candidate.match.items]
    notes = alternative_notes(spec, candidate) if spec is not None else {}
    for row in rows:
        row["evidence"] = row["evidence"] or notes.get(row["skill"], "")
    frame = pd.DataFrame(rows)
    order = {"hard": 0, "tool": 1, "soft": 2, "practical": 3}
    frame["_order"] = frame["kind"].map(order)
    return (
        frame.sort_values(["_order", "found", "skill"], ascending=[True, False, True])
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def _skill_row(item: ItemMatch, lines: list[str], spans: tuple[SectionSpan, ...]) -> dict[str, Any]:
    best = item.best
    evidence = lines[best.line - 1] if best else ""
    return {
        "skill": item.name,
        "found": item.found,
        "match_type": best.match_type if best else "",
        "similarity": best.similarity if best else None,
        "matched_text": best.matched if best else "",
        "evidence": evidence,
        "evidence_strength": best.strength if best else "",
        "section": best.section if best else "",
        "job": (job_of(lines, spans, best.line - 1) or "") if best else "",
        "stated_experience": (stated_duration(evidence) or "") if best else "",
        "line": best.line if best else None,
        "category": item.category,
        "kind": item.kind,
    }


def breakdown_table(candidate: Candidate) -> pd.DataFrame:
    """The score's parts; a part at its maximum says that more evidence was capped."""
    assert candidate.score is not None
    return pd.DataFrame(
        [
            {"part": p.name, "points": p.points, "max": p.max_points, "why": _why(p)}
            for p in candidate.score.parts
        ]
    )


def _why(part: Part) -> str:
    full = part.max_points > 0 and part.points >= part.max_points
    return f"{part.detail}. Full marks: capped at {part.max_points:g}" if full else part.detail


def heatmap_frame(candidates: Sequence[Candidate], *, blind: bool, top: int = 20) -> pd.DataFrame:
    """Long table candidate-by-skill for the hard skills seen most often across candidates."""
    scored = [c for c in candidates if c.match is not None]
    counts: dict[str, int] = {}
    for candidate in scored:
        assert candidate.match is not None
        for item in candidate.match.found("hard"):
            counts[item.name] = counts.get(item.name, 0) + 1
    skills = sorted(counts, key=lambda s: (-counts[s], s))[:top]
    rows = []
    for candidate in scored:
        assert candidate.match is not None
        by_name = candidate.match.by_name()
        for skill in skills:
            item = by_name[skill]
            rows.append(
                {
                    "candidate": display_name(candidate, blind=blind),
                    "skill": skill,
                    "evidence": item.strength or "not found",
                    "value": STRENGTH_VALUE.get(item.strength or "", 0),
                }
            )
    return pd.DataFrame(rows, columns=["candidate", "skill", "evidence", "value"])


MARK_KINDS = {
    "used": ("#a5d6a7", "used in work or projects"),
    "listed": ("#fff59d", "only listed or mentioned"),
    "fuzzy": ("#ffcc80", "fuzzy match (a likely misspelling): verify"),
}
_RESUME_STYLE = (
    "<style>.resume{font-family:ui-monospace,monospace;font-size:0.85rem;line-height:1.5}"
    ".resume .line{white-space:pre-wrap;padding-left:3.5em;text-indent:-3.5em}"
    ".resume .ln{display:inline-block;width:2.8em;margin-right:0.7em;text-align:right;"
    "color:#888;user-select:none;text-indent:0}"
    + "".join(
        f".resume mark.{k}{{background:{c};padding:0 2px}}" for k, (c, _) in MARK_KINDS.items()
    )
    + "</style>"
)


def highlighted_resume(candidate: Candidate, *, blind: bool = False) -> str:
    """The resume as escaped HTML, one block per line with its number, every matched word in
    a ``<mark>`` coloured by its evidence (see `highlight_legend`).

    Resume text is untrusted: everything is escaped before the marks are added. In blind
    mode personal details are removed first. Blocks are joined without newlines, so
    Markdown never re-flows the text.
    """
    lines = resume_lines(candidate, blind=blind)
    marks: dict[int, dict[str, str]] = {}
    if candidate.match:
        for item in candidate.match.items:
            for hit in item.hits:
                kind = (
                    "fuzzy"
                    if hit.match_type == "fuzzy"
                    else ("used" if hit.strength == "used" else "listed")
                )
                marks.setdefault(hit.line - 1, {}).setdefault(html.escape(hit.matched), kind)
    out = []
    for number, line in enumerate(lines):
        escaped = html.escape(line)
        kinds = marks.get(number, {})
        if kinds:
            words = sorted(kinds, key=len, reverse=True)
            pattern = re.compile(r"(?<![\w+#])(" + "|".join(map(re.escape, words)) + r")(?![\w+#])")
            escaped = pattern.sub(partial(_mark, kinds), escaped)
        out.append(f'<div class="line"><span class="ln">{number + 1}</span>{escaped or " "}</div>')
    return _RESUME_STYLE + '<div class="resume">' + "".join(out) + "</div>"


def _mark(kinds: dict[str, str], match: re.Match[str]) -> str:
    return f'<mark class="{kinds[match[1]]}">{match[1]}</mark>'


def highlight_legend() -> str:
    """What the resume's highlight colours mean (HTML for the app)."""
    keys = "".join(f'<mark class="{k}">{label}</mark> ' for k, (_, label) in MARK_KINDS.items())
    return _RESUME_STYLE + f'<div class="resume">Highlights: {keys}</div>'


# ---------------------------------------------------------------- adjusted specs
def weights_frame(spec: RoleSpec) -> pd.DataFrame:
    """Hard-skill weights and must-have flags, for the recruiter to edit; an any-of group's
    members show the group, so five alternative languages do not read as five must-haves."""
    return pd.DataFrame(
        [
            {"skill": s.name, "group": s.any_of or "", "weight": s.weight, "must_have": s.must_have}
            for s in spec.hard_skills
        ]
    )


def adjusted_spec(
    spec: RoleSpec, edits: pd.DataFrame, part_weights: dict[str, float] | None = None
) -> RoleSpec:
    """The spec with this screening's weights and must-haves; validated like a file."""
    data = spec.model_dump(mode="python")
    by_name = {row["skill"]: row for row in edits.to_dict("records")}
    for skill in data["hard_skills"]:
        row = by_name.get(skill["name"])
        if row is not None:
            skill["weight"] = float(row["weight"])
            skill["must_have"] = bool(row["must_have"])
    if part_weights:
        data["scoring"]["weights"] = dict(part_weights)
    return spec_from_dict(data, source="adjusted spec")


def spec_yaml(spec: RoleSpec) -> str:
    """A spec as YAML text (for downloading an adjusted spec)."""
    data = spec.model_dump(mode="json", exclude_defaults=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


# ---------------------------------------------------------------- small helpers for the app
PASTE_SEPARATOR = re.compile(r"^\s*-{3,}\s*$", re.MULTILINE)


def split_pasted(text: str) -> list[tuple[str, str]]:
    """Pasted resumes separated by a line of ``---``, each named after its header.

    >>> split_pasted("Jane Doe\nPython\n---\nSKILLS\nJava")
    [('Jane Doe (pasted 1)', 'Jane Doe\nPython'), ('SKILLS (pasted 2)', 'SKILLS\nJava')]
    """
    parts = [p.strip() for p in PASTE_SEPARATOR.split(text or "")]
    return [(_pasted_name(p, n), p) for n, p in enumerate((p for p in parts if p), start=1)]


def _pasted_name(text: str, number: int) -> str:
    first = guess_name(text) or text.split("\n", 1)[0].strip(" #*")[:40].strip()
    return f"{first} (pasted {number})" if first else f"pasted resume {number}"


def duplicate_uploads(files: Sequence[tuple[str, bytes]]) -> list[tuple[str, str]]:
    """(name, the earlier name with the same content) for each repeated upload.

    The screening keeps one candidate per content; this says which files were folded in.
    """
    first: dict[str, str] = {}
    repeats = []
    for name, data in files:
        digest = hashlib.sha256(data).hexdigest()
        if digest in first:
            repeats.append((name, first[digest]))
        else:
            first[digest] = name
    return repeats


def heatmap_pages(count: int, size: int = HEATMAP_PAGE) -> list[tuple[int, int]]:
    """(start, stop) slices of ``size`` candidates for paging the skills heatmap.

    >>> heatmap_pages(90, 40)
    [(0, 40), (40, 80), (80, 90)]
    """
    return [(start, min(start + size, count)) for start in range(0, count, size)]


def screen_cached(
    cache: ScreeningCache,
    base: RoleSpec,
    active: RoleSpec,
    files: Sequence[tuple[str, bytes]],
    progress: Progress | None = None,
) -> list[Candidate]:
    """Screen files with the pipeline (content already in ``cache`` for the base spec is not
    read again), then rescore everything with ``active`` (the base spec with this
    screening's weights). The same content uploaded twice is one candidate, shown under
    its first name.
    """
    screened = screen_files(base, files, cache=cache, progress=progress, plans=False)
    return ranked([rescored(active, candidate) for candidate in screened])


def rescored(spec: RoleSpec, candidate: Candidate) -> Candidate:
    """The candidate scored with ``spec``, matching reused; its interview plan is left to
    `with_plans` (only the detail view and the exports show plans, so a weight change
    with 500 candidates does not plan 500 interviews)."""
    if candidate.match is None:
        return candidate
    return replace(candidate, score=score(spec, candidate.match), plan=None)


def with_plans(spec: RoleSpec, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates with their interview plans (the same `rescore` makes)."""
    return [
        replace(c, plan=plan_interview(spec, c.match, c.score))
        if c.plan is None and c.match is not None and c.score is not None
        else c
        for c in candidates
    ]


def distribution_frame(candidates: Sequence[Candidate]) -> pd.DataFrame:
    """Score and band of each scored candidate, for the score histogram."""
    scored = [c.score for c in candidates if c.score is not None]
    return pd.DataFrame(
        {"score": [s.total for s in scored], "band": [s.band for s in scored]},
        columns=["score", "band"],
    )


def editor_key(shown: pd.DataFrame) -> str:
    """A table key that changes when the rows change, so ticks never land on the wrong row."""
    digest = hashlib.sha256("|".join(shown["id"]).encode()).hexdigest()[:12]
    return f"ranking_{digest}"


def status_frame(candidates: Sequence[Candidate], *, blind: bool) -> pd.DataFrame:
    """Per-file status: unreadable and needs-review files first, with the reason."""
    labels = STATUS_LABELS
    order = {"error": 0, "needs_review": 1, "ok": 2}
    candidates = sorted(candidates, key=lambda c: (order[c.status], not c.warnings))
    return pd.DataFrame(
        [
            {
                "file": display_name(c, blind=blind),
                "status": labels[c.status],
                "why": c.error or "; ".join(c.warnings) or "",
                "score": c.score.total if c.score else None,
            }
            for c in candidates
        ]
    )


def credits_table(candidate: Candidate) -> pd.DataFrame:
    """Each hard skill's contribution, in the spec's weight units, largest first."""
    assert candidate.score is not None
    credits = sorted(candidate.score.credits, key=lambda c: (-c.credit, c.name))
    return pd.DataFrame([{"skill": c.name, "credit": c.credit, "why": c.reason} for c in credits])


def alternative_notes(spec: RoleSpec, candidate: Candidate) -> dict[str, str]:
    """For each untaken member of a satisfied any-of group: why it is not missing."""
    if candidate.match is None:
        return {}
    found = {i.name for i in candidate.match.items if i.found}
    untaken = untaken_alternatives(spec, candidate)
    return {
        name: f"not needed: {', '.join(n for n in names if n in found)} covers {group}"
        for group, names in spec.any_of_groups().items()
        for name in names
        if name in untaken
    }


def round_markdown(round_: PlannedRound, scale: dict[int, str]) -> str:
    """One interview round as Markdown for the app."""
    out = [f"*{round_.purpose}* {round_.format}", ""]
    if round_.focus:
        out += ["**Focus for this candidate**", ""]
        out += [f"- **{f.topic}** ({f.kind}): {f.reason}" for f in round_.focus]
        out.append("")
    if round_.questions:
        out += ["**Questions**", "", *[f"1. {q}" for q in round_.questions], ""]
    if round_.exercise:
        ex = round_.exercise
        out += [f"**Exercise: {ex.title}** ({ex.duration_minutes} min, live): {ex.prompt}", ""]
    if round_.probes:
        out += ["**Red flags to probe**", ""]
        out += [f"- **{p.red_flag}**: {p.how}" for p in round_.probes]
        out.append("")
    anchors = "; ".join(f"{k} = {v}" for k, v in sorted(scale.items()))
    out += ["**Scorecard**: rate each area " + anchors, "", "| Area | Rating | Notes |",
            "|---|---|---|", *[f"| {row} | | |" for row in round_.scorecard]]  # fmt: skip
    return "\n".join(out)
