"""Altair charts for the app: score distribution and the candidate-by-skill heatmap."""

from __future__ import annotations

import altair as alt
import pandas as pd

from screener.fairness import FOUR_FIFTHS, GroupReport

BAND_COLOURS = alt.Scale(
    domain=["strong", "possible", "weak"], range=["#2e7d32", "#f9a825", "#c62828"]
)
AT_OR_ABOVE = "at least 4/5 of the highest group's rate"
BELOW = "below 4/5 of the highest group's rate"
EVIDENCE_COLOURS = alt.Scale(
    domain=["used", "listed", "mentioned", "not found"],
    range=["#1b5e20", "#81c784", "#c5e1a5", "#eeeeee"],
)


def score_distribution(ranking: pd.DataFrame) -> alt.Chart:
    """Histogram of scores, coloured by band."""
    scored = ranking.dropna(subset=["score"])
    chart: alt.Chart = (
        alt.Chart(scored)
        .mark_bar()
        .encode(
            x=alt.X("score:Q", bin=alt.Bin(step=10, extent=[0, 100]), title="Score"),
            y=alt.Y("count():Q", title="Candidates", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("band:N", scale=BAND_COLOURS, title="Band"),
            tooltip=["band:N", "count():Q"],
        )
        .properties(height=220)
    )
    return chart


def skill_heatmap(cells: pd.DataFrame) -> alt.Chart:
    """Which candidate shows which skill, and how strongly."""
    chart: alt.Chart = (
        alt.Chart(cells)
        .mark_rect(stroke="white")
        .encode(
            x=alt.X(
                "skill:N",
                sort=None,
                title=None,
                axis=alt.Axis(labelAngle=-45, labelOverlap=False, labelLimit=160),
            ),
            y=alt.Y(
                "candidate:N",
                sort=None,
                title=None,
                axis=alt.Axis(labelOverlap=False, labelLimit=220),
            ),
            color=alt.Color("evidence:N", scale=EVIDENCE_COLOURS, title="Evidence"),
            tooltip=["candidate:N", "skill:N", "evidence:N"],
        )
        .properties(height=max(120, 24 * cells["candidate"].nunique()))
    )
    return chart


def impact_chart(reports: list[GroupReport], metric: str) -> alt.Chart:
    """Selection or scoring rate per group; the dashed line is 4/5 of the highest rate."""
    rows = [
        {
            "group": r.group,
            "rate": getattr(r, f"{metric}_rate") or 0.0,
            "impact_ratio": getattr(r, f"{metric}_impact_ratio"),
            "four_fifths": BELOW
            if (getattr(r, f"{metric}_impact_ratio") or 1.0) < FOUR_FIFTHS
            else AT_OR_ABOVE,
            "count": r.count,
        }
        for r in reports
    ]
    eligible = [
        row["rate"]
        for row, r in zip(rows, reports, strict=True)
        if getattr(r, f"{metric}_impact_ratio") is not None
    ]
    threshold = FOUR_FIFTHS * max(eligible, default=0.0)
    data = pd.DataFrame(rows).assign(threshold=threshold)
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("group:N", title=None, sort=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("rate:Q", title=f"{metric.capitalize()} rate",
                    axis=alt.Axis(format=".0%"), scale=alt.Scale(domain=[0, 1])),
            color=alt.Color(
                "four_fifths:N", title="Impact ratio",
                scale=alt.Scale(domain=[AT_OR_ABOVE, BELOW], range=["#2e7d32", "#c62828"]),
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400),
            ),
            tooltip=[alt.Tooltip("group:N", title="Group"),
                     alt.Tooltip("count:Q", title="Candidates"),
                     alt.Tooltip("rate:Q", format=".1%", title="Rate"),
                     alt.Tooltip("impact_ratio:Q", format=".2f", title="Impact ratio")],
        )
    )  # fmt: skip
    line = alt.Chart(data).mark_rule(strokeDash=[4, 4]).encode(y="mean(threshold):Q")
    chart: alt.Chart = (bars + line).properties(height=300, title=f"{metric.capitalize()} rate")
    return chart
