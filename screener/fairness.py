"""Bias self-check: selection and scoring rates per group, impact ratios, the four-fifths rule.

Groups come from a separate self-identification file (candidate id -> group), never from
resumes. Following NYC Local Law 144's rules for automated employment decision tools:
selection rate = share of a group shortlisted; scoring rate = share of a group scoring
above the median score of everyone scored; impact ratio = a group's rate divided by the
highest rate among groups of 2% or more. Groups under 2% and "unknown" are reported but
not used as the reference and get no impact ratio. A ratio under 0.8 is flagged (EEOC
four-fifths rule); Fisher's exact test tells whether the difference could be chance.
"""

from __future__ import annotations

import csv
import io
import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from screener.errors import ScreenerError

FOUR_FIFTHS = 0.8
SMALL_SHARE = 0.02
SMALL_COUNT = 30
UNKNOWN = "unknown"


class GroupFileError(ScreenerError):
    """The self-identification CSV is not usable."""


@dataclass(frozen=True)
class GroupReport:
    group: str
    count: int
    selected: int
    selection_rate: float
    selection_impact_ratio: float | None
    above_median: int
    scoring_rate: float | None
    scoring_impact_ratio: float | None
    flagged: bool
    selection_p_value: float
    scoring_p_value: float | None
    note: str


@dataclass(frozen=True)
class Outcome:
    selected: bool
    score: float | None


def read_groups(data: bytes, *, source: str = "groups.csv") -> dict[str, str]:
    """``candidate_id,group`` rows (a header row is optional) -> {id: group}."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GroupFileError(f"{source}: not UTF-8 text") from exc
    groups: dict[str, str] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not "".join(row).strip():
            continue
        if len(row) < 2:
            raise GroupFileError(f"{source}: line {number}: expected 'candidate_id,group'")
        key, group = row[0].strip(), row[1].strip()
        if number == 1 and key.lower() in ("candidate_id", "id", "candidate"):
            continue
        groups[key] = group or UNKNOWN
    if not groups:
        raise GroupFileError(f"{source}: no rows")
    return groups


def matched_groups(
    groups: Mapping[str, str], candidate_ids: Iterable[str], *, source: str = "groups.csv"
) -> dict[str, str]:
    """The rows of ``groups`` whose id is a candidate of this screening.

    Refuses a file that matches nobody (every candidate would be "unknown"), naming the
    expected columns and the first ids it did find.
    """
    ids = set(candidate_ids)
    matched = {k: v for k, v in groups.items() if k in ids}
    if not matched:
        sample = ", ".join(list(groups)[:3])
        raise GroupFileError(
            f"{source}: none of its {len(groups)} id(s) is a candidate of this screening "
            f"(found e.g. {sample}). Expected two columns, candidate_id,group, with the ids "
            "shown in blind mode (such as C-1a2b3c4d)."
        )
    return matched


def impact_report(outcomes: Mapping[str, Outcome], groups: Mapping[str, str]) -> list[GroupReport]:
    """One report per group (candidates without a group count as "unknown")."""
    members: dict[str, list[Outcome]] = {}
    for candidate_id, outcome in outcomes.items():
        members.setdefault(groups.get(candidate_id, UNKNOWN) or UNKNOWN, []).append(outcome)
    scores = [o.score for o in outcomes.values() if o.score is not None]
    median = statistics.median(scores) if scores else 0.0
    total = len(outcomes)
    total_selected = sum(o.selected for o in outcomes.values())
    eligible = {g for g, m in members.items() if g != UNKNOWN and len(m) / total >= SMALL_SHARE}
    selection = {g: _rate(sum(o.selected for o in m), len(m)) for g, m in members.items()}
    scoring = {g: _scoring_rate(m, median) for g, m in members.items()}
    total_above = sum(o.score is not None and o.score > median for o in outcomes.values())
    total_scored = len(scores)
    best_selection = max((selection[g] for g in eligible), default=0.0)
    best_scoring = max((scoring[g] or 0.0 for g in eligible), default=0.0)
    reports = []
    for group in sorted(members, key=lambda g: (g == UNKNOWN, g)):
        m = members[group]
        selected = sum(o.selected for o in m)
        sel_ratio = _ratio(selection[group], best_selection) if group in eligible else None
        score_ratio = _ratio(scoring[group], best_scoring) if group in eligible else None
        flagged = any(r is not None and r < FOUR_FIFTHS for r in (sel_ratio, score_ratio))
        above = sum(o.score is not None and o.score > median for o in m)
        scored = sum(o.score is not None for o in m)
        reports.append(
            GroupReport(
                group=group, count=len(m), selected=selected, selection_rate=selection[group],
                selection_impact_ratio=sel_ratio, above_median=above,
                scoring_rate=scoring[group], scoring_impact_ratio=score_ratio, flagged=flagged,
                selection_p_value=_versus_rest(selected, len(m), total_selected, total),
                scoring_p_value=_versus_rest(above, scored, total_above, total_scored)
                if scored else None,
                note=_note(group, len(m), total, group in eligible),
            )
        )  # fmt: skip
    return reports


def _versus_rest(hits: int, size: int, all_hits: int, everyone: int) -> float:
    """Fisher's exact p-value: this group's hit rate against everyone else's."""
    return fisher_exact(hits, size - hits, all_hits - hits, everyone - size - (all_hits - hits))


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _scoring_rate(members: list[Outcome], median: float) -> float | None:
    scored = [o for o in members if o.score is not None]
    if not scored:
        return None
    return sum(o.score is not None and o.score > median for o in scored) / len(scored)


def _ratio(rate: float | None, best: float) -> float | None:
    if rate is None or best == 0:
        return None
    return round(rate / best, 4)


def _note(group: str, count: int, total: int, eligible: bool) -> str:
    notes = []
    if group == UNKNOWN:
        notes.append("unknown group: reported, no impact ratio")
    elif not eligible:
        notes.append("under 2% of candidates: reported, no impact ratio")
    if count < SMALL_COUNT:
        notes.append(f"small sample ({count}): ratios are unreliable, see the p-value")
    return "; ".join(notes)


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher's exact test p-value for the table [[a, b], [c, d]].

    >>> round(fisher_exact(8, 2, 1, 5), 4)
    0.035
    """
    row1, row2, col1 = a + b, c + d, a + c
    n = row1 + row2
    if n == 0:
        return 1.0

    def probability(x: int) -> float:
        return math.comb(row1, x) * math.comb(row2, col1 - x) / math.comb(n, col1)

    observed = probability(a)
    low, high = max(0, col1 - row2), min(row1, col1)
    p = sum(pr for x in range(low, high + 1) if (pr := probability(x)) <= observed * (1 + 1e-7))
    return min(1.0, p)


def report_rows(reports: list[GroupReport]) -> list[dict[str, object]]:
    """Flat rows for tables and CSV."""
    return [
        {
            "group": r.group, "count": r.count, "selected": r.selected,
            "selection_rate": round(r.selection_rate, 4),
            "selection_impact_ratio": r.selection_impact_ratio,
            "above_median": r.above_median,
            "scoring_rate": None if r.scoring_rate is None else round(r.scoring_rate, 4),
            "scoring_impact_ratio": r.scoring_impact_ratio,
            "four_fifths_flag": r.flagged,
            "selection_p_value": round(r.selection_p_value, 4),
            "scoring_p_value": None if r.scoring_p_value is None else round(r.scoring_p_value, 4),
            "note": r.note,
        }
        for r in reports
    ]  # fmt: skip


def report_csv(reports: list[GroupReport]) -> str:
    from screener.export import excel_csv

    return excel_csv(report_rows(reports))
