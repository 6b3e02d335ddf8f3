"""Altair charts for the app: score distribution and the candidate-by-skill heatmap."""

from __future__ import annotations

import altair as alt
import pandas as pd

BAND_COLOURS = alt.Scale(
    domain=["strong", "possible", "weak"], range=["#2e7d32", "#f9a825", "#c62828"]
)
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


def impact_chart(report: pd.DataFrame) -> alt.Chart:
    """Selection rate per group, with the four-fifths line under the highest rate."""
    bars = (
        alt.Chart(report)
        .mark_bar()
        .encode(
            x=alt.X("group:N", title=None, sort=None),
            y=alt.Y("selection_rate:Q", title="Selection rate", axis=alt.Axis(format="%")),
            color=alt.Color(
                "four_fifths_flag:N", title="Below 4/5",
                scale=alt.Scale(domain=[False, True], range=["#2e7d32", "#c62828"]),
            ),
            tooltip=["group:N", "count:Q", "selected:Q", "selection_rate:Q",
                     "selection_impact_ratio:Q"],
        )
    )  # fmt: skip
    line = (
        alt.Chart(report)
        .mark_rule(strokeDash=[4, 4])
        .encode(y=alt.Y("threshold:Q", aggregate="max"))
    )
    chart: alt.Chart = (bars + line).properties(height=240)
    return chart
