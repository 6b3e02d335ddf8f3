from __future__ import annotations

import pytest

from screener.fairness import (
    GroupFileError,
    Outcome,
    fisher_exact,
    impact_report,
    read_groups,
    report_csv,
)
from tests.conftest import excel_records


def _outcomes(spec: dict[str, tuple[int, int]]) -> tuple[dict[str, Outcome], dict[str, str]]:
    """{group: (selected, total)} -> outcomes, groups; selected ones score 80, others 20."""
    outcomes, groups = {}, {}
    for group, (selected, total) in spec.items():
        for i in range(total):
            cid = f"{group}-{i}"
            outcomes[cid] = Outcome(selected=i < selected, score=80.0 if i < selected else 20.0)
            groups[cid] = group
    return outcomes, groups


def test_known_numbers_give_impact_ratio_half_and_flag():
    outcomes, groups = _outcomes({"A": (48, 80), "B": (12, 40)})
    reports = {r.group: r for r in impact_report(outcomes, groups)}
    assert reports["A"].selection_rate == 0.6 and reports["B"].selection_rate == 0.3
    assert reports["A"].selection_impact_ratio == 1.0
    assert reports["B"].selection_impact_ratio == 0.5
    assert reports["B"].flagged and not reports["A"].flagged
    assert reports["B"].selection_p_value < 0.01
    assert reports["B"].scoring_p_value < 0.01  # scores follow selection in this fixture


def test_equal_rates_are_not_flagged():
    outcomes, groups = _outcomes({"A": (30, 60), "B": (15, 30)})
    reports = impact_report(outcomes, groups)
    assert [r.selection_impact_ratio for r in reports] == [1.0, 1.0]
    assert not any(r.flagged for r in reports)


def test_scoring_rate_is_share_above_the_overall_median():
    outcomes, groups = _outcomes({"A": (10, 20), "B": (2, 20)})  # median of all scores is 20
    reports = {r.group: r for r in impact_report(outcomes, groups)}
    assert reports["A"].scoring_rate == 0.5 and reports["B"].scoring_rate == 0.1
    assert reports["B"].scoring_impact_ratio == 0.2


def test_small_and_unknown_groups_are_reported_without_ratio():
    outcomes, groups = _outcomes({"A": (40, 100), "B": (40, 100), "C": (1, 3)})
    outcomes["x-1"] = Outcome(selected=True, score=90.0)  # no self-identification row
    reports = {r.group: r for r in impact_report(outcomes, groups)}
    assert reports["C"].count == 3 and reports["C"].selection_impact_ratio is None
    assert "under 2%" in reports["C"].note and "small sample" in reports["C"].note
    assert reports["unknown"].count == 1 and reports["unknown"].selection_impact_ratio is None
    assert list(reports)[-1] == "unknown"


def test_fisher_exact_matches_reference_values():
    assert fisher_exact(8, 2, 1, 5) == pytest.approx(0.03497, abs=1e-4)
    assert fisher_exact(3, 1, 1, 3) == pytest.approx(0.4857, abs=1e-4)
    assert fisher_exact(0, 0, 0, 0) == 1.0


def test_read_groups_with_and_without_header():
    assert read_groups(b"candidate_id,group\nC-1,A\nC-2,\n") == {"C-1": "A", "C-2": "unknown"}
    assert read_groups(b"C-1,A\n\nC-2,B\n") == {"C-1": "A", "C-2": "B"}
    with pytest.raises(GroupFileError, match="line 1"):
        read_groups(b"only-one-column\n")


def test_report_csv_is_safe_and_numeric():
    outcomes, groups = _outcomes({"=evil": (4, 10), "B": (8, 10)})
    rows = excel_records(report_csv(impact_report(outcomes, groups)))
    assert rows[0]["group"] == "'=evil"
    assert float(rows[0]["selection_impact_ratio"]) == 0.5


def test_group_file_that_matches_nobody_is_refused():
    from screener.fairness import GroupFileError, matched_groups, read_groups

    rows = read_groups(b"name,gender\nAlice,F\nBob,M\n", source="g.csv")
    with pytest.raises(GroupFileError, match=r"g.csv: none of its 3 id\(s\).*candidate_id,group"):
        matched_groups(rows, ["C-1a2b3c4d", "C-00000000"], source="g.csv")
    some = matched_groups({"C-1a2b3c4d": "A", "Alice": "F"}, ["C-1a2b3c4d", "C-00000000"])
    assert some == {"C-1a2b3c4d": "A"}


def test_impact_chart_legend_is_in_words():
    from screener.charts import impact_chart
    from screener.fairness import Outcome, impact_report

    outcomes = {f"c{i}": Outcome(i < 3, float(i)) for i in range(10)}
    groups = {f"c{i}": "A" if i < 5 else "B" for i in range(10)}
    spec = impact_chart(impact_report(outcomes, groups), "selection").to_dict()
    text = str(spec)
    assert "below 4/5 of the highest group's rate" in text and "Below 4/5" not in text
    assert "False" not in text and "True" not in text
