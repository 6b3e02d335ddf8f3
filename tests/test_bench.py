"""The benchmark script still runs (tiny sizes; the figures themselves are not asserted)."""

from __future__ import annotations

import pytest

from screener import bench


@pytest.mark.slow
def test_bench_functions_run_and_print(junior_spec, capsys):
    bench.bench_accuracy(junior_spec)
    bench.bench_matching(junior_spec, count=20, repeats=1)
    bench.bench_cli(junior_spec, count=30, repeats=1)
    out = capsys.readouterr().out
    assert "precision 100.0%" in out
    assert "resumes/s" in out and "speed-up over naive" in out
    assert "30 scored" in out and "Amdahl allows" in out


def test_word_overlap_baseline(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Python and SQL work")
    bench.word_overlap(inputs, tmp_path / "out.json")
    assert '"skills": ["Python", "SQL"]' in (tmp_path / "out.json").read_text()
