"""Quality on real resumes nobody here wrote (../shared/corpora; skipped when absent).

Thresholds sit a little below what `python -m screener.bench quality` measured on the
same fixed subset, so a change that makes real resumes read worse fails here.
"""

from __future__ import annotations

import pytest

from screener.bench_quality import _first_char, annotated_figures, livecareer_figures
from screener.corpora import Span

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def annotated(corpora_path, junior_spec):
    return annotated_figures(junior_spec)


@pytest.fixture(scope="module")
def livecareer(corpora_path, junior_spec):
    return livecareer_figures(junior_spec, per_category=8)


@pytest.mark.parametrize(
    ("figure", "at_least"),
    [
        ("annotated.experience_lines_in_experience", 0.88),
        ("annotated.experience_jobs_found_in_experience", 0.95),
        ("annotated.skills_spans_in_skills", 0.82),
        ("annotated.skills_spans_in_skills_or_work", 0.95),
        ("annotated.developers_possible_or_strong", 0.80),
        ("annotated.auc_developers_vs_tech_adjacent", 0.77),
        ("annotated.skill_precision", 0.94),
        ("annotated.skill_recall", 0.92),
    ],
)
def test_annotated_resumes(annotated, figure, at_least):
    assert annotated[figure] >= at_least


@pytest.mark.parametrize(
    ("figure", "at_least"),
    [
        ("livecareer.auc_it_vs_all", 0.91),
        ("livecareer.unrelated_weak_share", 0.97),
        ("livecareer.experience_heading_found", 0.97),
    ],
)
def test_livecareer_pdfs(livecareer, figure, at_least):
    assert livecareer[figure] >= at_least


def test_a_span_starting_with_a_newline_is_on_the_next_line():
    content = "Asha Rao\nTest Engineer - Globex"
    span = Span("Designation", 8, 22, content[8:22])
    assert span.text.startswith("\n") and content[_first_char(span)] == "T"
