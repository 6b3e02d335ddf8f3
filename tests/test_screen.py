from __future__ import annotations

import json

from screener import review
from screener.candidate import Candidate, ranked
from screener.cli import main
from screener.screen import screen_files
from tests.conftest import JUNIOR_SPEC, SAMPLES

RESUMES = [p for p in sorted(SAMPLES.iterdir()) if p.suffix in (".pdf", ".docx", ".txt", ".md")]


def test_app_and_cli_give_identical_results_for_the_same_files(junior_spec, capsys):
    files = [(p.name, p.read_bytes()) for p in RESUMES]
    app = review.screen_cached({}, junior_spec, junior_spec, files)
    assert main(["screen", "--spec", str(JUNIOR_SPEC), *map(str, RESUMES)]) == 0
    cli = json.loads(capsys.readouterr().out)["candidates"]
    assert len(app) == len(cli) == len(RESUMES)
    assert [(c["id"], c["status"], c["score"], c["band"]) for c in cli] == [
        (c.id, c.status, c.score.total if c.score else None, c.score.band if c.score else None)
        for c in app
    ]
    assert cli[0]["breakdown"] == [
        {"name": p.name, "points": p.points, "max_points": p.max_points, "detail": p.detail}
        for p in app[0].score.parts
    ]


def test_batch_keeps_input_order_and_screens_each_content_once(toy_spec):
    cv = b"Jane Doe\nSKILLS\nPython, SQL\nEXPERIENCE\n- Built REST APIs in Python"
    files = [("b.txt", b"Bob\nJava developer"), ("a.txt", cv), ("copy.txt", cv), ("e.pdf", b"")]
    seen = []
    results = screen_files(toy_spec, files, progress=lambda d, t, n: seen.append((d, t, n)))
    assert [c.source for c in results] == ["b.txt", "a.txt", "e.pdf"]
    assert [c.status for c in results] == ["ok", "ok", "error"]
    assert results[2].error_code == "empty"
    assert [(done, total) for done, total, _ in seen] == [(1, 3), (2, 3), (3, 3)]
    assert {name for _, _, name in seen} == {"b.txt", "a.txt", "e.pdf"}


def test_cache_is_used_and_renames_to_this_batchs_name(toy_spec):
    cache: dict = {}
    cv = b"Jane Doe\nSKILLS\nPython, SQL"
    [first] = screen_files(toy_spec, [("first.txt", cv)], cache=cache)
    calls = []
    [again] = screen_files(
        toy_spec, [("renamed.txt", cv)], cache=cache, progress=lambda *a: calls.append(a)
    )
    assert calls == [] and again.source == "renamed.txt"
    assert again.score == first.score and again.match is first.match


def test_scored_view_has_every_part_or_is_absent(junior_spec):
    files = [(p.name, p.read_bytes()) for p in RESUMES]
    results = ranked(screen_files(junior_spec, files))
    scored = [c.scored for c in results if c.status == "ok"]
    assert scored and all(s is not None for s in scored)
    assert all(s.score.total == c.score.total for s, c in zip(scored, results, strict=False))
    unscored = [c for c in results if c.status != "ok"]
    assert unscored and all(c.scored is None for c in unscored)
    assert Candidate("C-1", "x", "error", "0" * 64).scored is None


def test_hostile_files_in_one_batch_get_their_reasons_and_harm_no_other(toy_spec):
    from screener.ingest import Limits
    from tests import hostile

    good = b"Jane Doe\nSKILLS\nPython, SQL\nEXPERIENCE\n- Built REST APIs in Python"
    files = [
        ("laughs.docx", hostile.docx_with_part("word/document.xml", hostile.BILLION_LAUGHS)),
        ("good.txt", good),
        ("locked.pdf", hostile.pdf_with_text(password="secret")),
        ("cv.exe.pdf", b"MZ\x90\x00" + b"\x00" * 200),
        ("huge.txt", b"Python " * 12000),
        ("cv.pdf", hostile.pdf_with_text()),
    ]
    results = screen_files(toy_spec, files, limits=Limits(max_bytes=60_000))
    assert [(c.source, c.status, c.error_code) for c in results] == [
        ("laughs.docx", "error", "unsafe"),
        ("good.txt", "ok", None),
        ("locked.pdf", "error", "encrypted"),
        ("cv.exe.pdf", "error", "unsupported_format"),
        ("huge.txt", "error", "too_large"),
        ("cv.pdf", "ok", None),
    ]


def test_screening_without_plans_scores_the_same_and_plans_on_demand(junior_spec):
    files = [(p.name, p.read_bytes()) for p in RESUMES]
    planned = screen_files(junior_spec, files, workers=1)
    unplanned = screen_files(junior_spec, files, workers=1, plans=False)
    ok = [i for i, c in enumerate(planned) if c.status == "ok"]
    assert ok and all(planned[i].plan is not None for i in ok)
    assert all(c.plan is None for c in unplanned)
    assert [c.score for c in unplanned] == [c.score for c in planned]
    assert [c.match for c in unplanned] == [c.match for c in planned]
    on_demand = review.with_plans(junior_spec, unplanned)
    assert [c.plan for c in on_demand] == [c.plan for c in planned]
