"""Bulk shortlist actions."""

from __future__ import annotations

import pytest

from screener.bulk import bulk_shortlist
from screener.screen import ranked, screen_one
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def candidates(junior_spec):
    names = ["node_bootcamp_graduate.txt", "marketing_manager.txt", "java_spring_new_grad.docx",
             "scanned_resume.pdf", "data_analyst.txt"]  # fmt: skip
    return ranked([screen_one(junior_spec, n, (SAMPLES / n).read_bytes()) for n in names])


def test_top_n_counts_scored_candidates_best_first(candidates):
    scored = [c.id for c in candidates if c.score]
    assert bulk_shortlist(candidates, set(), "top", top=2) == set(scored[:2])
    assert bulk_shortlist(candidates, set(), "top", top=99) == set(scored)


def test_strong_and_filtered_add_to_the_shortlist(candidates):
    strong = {c.id for c in candidates if c.score and c.score.band == "strong"}
    assert strong and len(strong) < len(candidates)
    assert bulk_shortlist(candidates, {"kept"}, "strong") == strong | {"kept"}
    shown = {candidates[-1].id}
    assert bulk_shortlist(candidates, set(), "filtered", shown=shown) == shown


def test_clear_empties_it(candidates):
    assert bulk_shortlist(candidates, {c.id for c in candidates}, "clear") == set()
