"""Golden test: every sample resume against sample_resumes/expected.yaml."""

from __future__ import annotations

import pytest
import yaml

from screener.screen import screen_one
from tests.conftest import SAMPLES

EXPECTED = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results(junior_spec):
    return {name: screen_one(junior_spec, name, (SAMPLES / name).read_bytes()) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_matches_its_labels(results, name):
    expected, candidate = EXPECTED[name], results[name]
    assert candidate.status == expected["status"]
    if candidate.status != "ok":
        assert candidate.score is None
        return
    found = {i.name for i in candidate.match.items if i.found}
    technical = {i.name for i in candidate.match.items if i.found and i.kind in ("hard", "tool")}
    assert set(expected["skills"]) <= found, f"missed: {set(expected['skills']) - found}"
    assert not set(expected["absent"]) & found, f"trap found: {set(expected['absent']) & found}"
    assert technical <= set(expected["skills"]), (
        f"unlabelled: {technical - set(expected['skills'])}"
    )
    assert set(expected.get("soft", [])) <= found
    assert candidate.score.band == expected["band"], candidate.score.total


def test_strong_samples_outrank_weak_ones(results):
    strong = [results[n].score.total for n, e in EXPECTED.items() if e["band"] == "strong"]
    weak = [results[n].score.total for n, e in EXPECTED.items() if e["band"] == "weak"]
    assert min(strong) > max(weak)
