from __future__ import annotations

import hashlib
import json
from operator import attrgetter

import pytest

from screener import review
from screener.candidate import Candidate, ranked
from screener.cli import main
from screener.files import read_capped
from screener.ingest import Limits
from screener.screen import run_batch, screen_files, screen_files_as
from tests import worker_tasks
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


SUMMARY = attrgetter("source", "status", "error_code", "id")


def test_files_given_as_paths_are_read_by_the_workers_within_the_caps(toy_spec, tmp_path):
    cv = b"Jane Doe\nSKILLS\nPython, SQL\nEXPERIENCE\n- Built REST APIs in Python"
    contents = {"a.txt": cv, "b.txt": b"Bob\nJava developer", "copy.txt": cv}
    contents["huge.txt"] = b"Python " * 300_000  # 2.1 MB
    for name, data in contents.items():
        (tmp_path / name).write_bytes(data)
    names = ["a.txt", "gone.txt", "b.txt", "copy.txt", "huge.txt", "also_gone.txt"]
    sources = [(name, tmp_path / name) for name in names]
    limits = Limits(max_bytes=100_000)
    results = screen_files_as(toy_spec, sources, SUMMARY, limits=limits)
    # The copy is listed once, under its first name; each missing file has a row of its own.
    assert [r[:3] for r in results] == [
        ("a.txt", "ok", None),
        ("gone.txt", "error", "unreadable"),
        ("b.txt", "ok", None),
        ("huge.txt", "error", "too_large"),
        ("also_gone.txt", "error", "unreadable"),
    ]
    from_bytes = screen_files(toy_spec, [(n, d) for n, d in contents.items()], limits=limits)
    assert {r[3] for r in results} >= {c.id for c in from_bytes if c.status == "ok"}
    [huge] = [c for c in from_bytes if c.source == "huge.txt"]
    assert huge.error == "the file is 2.1 MB; the limit is 0.1 MB"
    assert results[3][3] != huge.id  # hashed from the first 100,001 bytes: never read whole


def test_a_big_file_is_never_read_whole(tmp_path):
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF" + b"\0" * 5000)
    assert read_capped(path, 100) == (b"%PDF" + b"\0" * 97, 5004)
    assert read_capped(path, 10_000) == (path.read_bytes(), 5004)


@pytest.mark.slow
def test_a_path_whose_worker_timed_out_keeps_its_content_id(toy_spec, tmp_path):
    from screener.candidate import candidate_id

    for name in ("a.txt", "stuck.txt", "b.txt"):
        (tmp_path / name).write_bytes(f"{name}\nSKILLS\nPython, SQL".encode())
    sources = [(name, tmp_path / name) for name in ("a.txt", "stuck.txt", "b.txt")]
    runs = run_batch(
        sources, worker_tasks.screen_unless_stuck, (), (toy_spec.fingerprint, toy_spec),
        SUMMARY, limits=Limits(timeout_s=1.5), workers=1,
    )  # fmt: skip
    results = {index: result for index, _, result in runs}
    digest = hashlib.sha256((tmp_path / "stuck.txt").read_bytes()).hexdigest()
    assert results[1] == ("stuck.txt", "error", "timeout", candidate_id(digest))
    assert results[0][:2] == ("a.txt", "ok") and results[2][:2] == ("b.txt", "ok")
