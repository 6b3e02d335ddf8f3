from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from screener.cli import main
from screener.screen import screen_one
from tests.conftest import FIXTURES, JUNIOR_SPEC, SAMPLES, excel_records

EXPECTED = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))


def test_screen_json_over_sample_folder(capsys):
    assert main(["screen", "--spec", str(JUNIOR_SPEC), str(SAMPLES)]) == 0
    data = json.loads(capsys.readouterr().out)
    by_name = {c["source"].rsplit("/", 1)[-1]: c for c in data["candidates"]}
    assert set(by_name) == set(EXPECTED)
    assert by_name["scanned_resume.pdf"]["status"] == "needs_review"
    assert by_name["scanned_resume.pdf"]["score"] is None
    scores = [c["score"] for c in data["candidates"] if c["score"] is not None]
    assert scores == sorted(scores, reverse=True)


def test_cli_and_library_give_the_same_score(capsys, junior_spec):
    path = SAMPLES / "node_bootcamp_graduate.txt"
    assert main(["screen", "--spec", str(JUNIOR_SPEC), str(path)]) == 0
    [cli] = json.loads(capsys.readouterr().out)["candidates"]
    assert cli["score"] == screen_one(junior_spec, path.name, path.read_bytes()).score.total


def test_failures_are_in_the_output_and_exit_is_zero(tmp_path, capsys):
    (tmp_path / "bad.pdf").write_bytes(b"MZ\x90\x00 not a pdf")
    (tmp_path / "good.txt").write_text("Python developer\nEXPERIENCE\n- Built REST APIs with SQL")
    out = tmp_path / "r.csv"
    code = main(
        ["screen", "--spec", str(JUNIOR_SPEC), "--format", "csv", "--out", str(out), str(tmp_path)]
    )
    assert code == 0
    rows = {
        r["candidate"].rsplit("/", 1)[-1]: r for r in excel_records(out.read_text(encoding="utf-8"))
    }
    assert rows["bad.pdf"]["status"] == "error"
    assert "Windows executable" in rows["bad.pdf"]["note"]
    assert rows["good.txt"]["status"] == "ok"


@pytest.mark.parametrize(
    ("out", "reason"),
    [(".", "it is a folder"), ("missing/r.json", "no such folder: missing")],
)
def test_an_output_that_cannot_be_written_is_refused_before_screening(
    tmp_path, monkeypatch, capsys, out, reason
):
    monkeypatch.chdir(tmp_path)
    args = ["screen", "--spec", str(JUNIOR_SPEC), "--out", out, str(SAMPLES / "data_analyst.txt")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"{out}: cannot write the output here ({reason})" in err
    assert "1/1" not in err  # no progress bar: nothing was screened


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_failed_write_is_a_message_and_exit_2_not_a_traceback(capsys):
    args = ["screen", "--spec", str(JUNIOR_SPEC), "--out", "/dev/full", str(SAMPLES)]
    assert main(args) == 2
    assert "/dev/full: cannot write the output (No space left on device)" in capsys.readouterr().err


def test_a_folder_s_old_word_and_rtf_resumes_are_reported_not_left_out(tmp_path, capsys):
    (tmp_path / "jane.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    (tmp_path / "bob.rtf").write_text(r"{\rtf1\ansi Python developer\par}")
    (tmp_path / "ann.txt").write_text("Python developer\nEXPERIENCE\n- Built REST APIs")
    assert main(["screen", "--spec", str(JUNIOR_SPEC), str(tmp_path)]) == 0
    rows = {Path(c["source"]).name: c for c in json.loads(capsys.readouterr().out)["candidates"]}
    assert rows["ann.txt"]["status"] == "ok"
    assert rows["jane.doc"]["status"] == rows["bob.rtf"]["status"] == "error"
    assert "Word 97-2003 (.doc)" in rows["jane.doc"]["error"]
    assert "RTF" in rows["bob.rtf"]["error"]
    assert all(rows[n]["error"].endswith("save it as DOCX or PDF") for n in ("jane.doc", "bob.rtf"))


def test_other_files_in_a_folder_are_counted_on_stderr(tmp_path, capsys):
    (tmp_path / "cv.txt").write_text("Python developer\nEXPERIENCE\n- Built REST APIs")
    for name in ("scan.JPG", "deep/scan2.jpg", "marks.xlsx", ".DS_Store"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    assert main(["screen", "--spec", str(JUNIOR_SPEC), "--format", "csv", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "left out 3 other file(s) found in the folders (.jpg x2, .xlsx x1)" in err
    assert len(out.splitlines()) == 2  # the header and cv.txt


def test_blind_output_has_no_file_names(capsys):
    assert (
        main(["screen", "--spec", str(JUNIOR_SPEC), "--blind", str(SAMPLES / "data_analyst.txt")])
        == 0
    )
    out = capsys.readouterr().out
    assert "data_analyst" not in out
    assert json.loads(out)["candidates"][0]["source"].startswith("C-")


def test_invalid_spec_and_missing_input_are_usage_errors(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\n")
    assert main(["screen", "--spec", str(bad), str(SAMPLES)]) == 2
    assert main(["screen", "--spec", str(FIXTURES / "toy_spec.yaml"), str(tmp_path / "nope")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_parallel_batch_matches_serial(tmp_path):
    for i in range(60):
        (tmp_path / f"cv{i:02}.txt").write_text(
            f"Candidate {i}\nSKILLS\nPython, SQL\nEXPERIENCE\n- Intern {i}"
        )
    args = [sys.executable, "-m", "screener", "screen", "--spec", str(JUNIOR_SPEC), str(tmp_path)]
    parallel = subprocess.run([*args, "--workers", "2"], capture_output=True, text=True, check=True)
    serial = subprocess.run([*args, "--workers", "1"], capture_output=True, text=True, check=True)
    assert json.loads(parallel.stdout) == json.loads(serial.stdout)
    assert "60/60" in parallel.stderr


def test_library_batch_on_two_processes_returns_full_candidates(junior_spec):
    from screener.screen import screen_files

    files = [(p.name, p.read_bytes()) for p in sorted(SAMPLES.iterdir()) if p.suffix == ".txt"] * 4
    parallel = screen_files(junior_spec, files, workers=2)
    serial = screen_files(junior_spec, files, workers=1)
    assert [c.score.total for c in parallel] == [c.score.total for c in serial]
    assert all(c.match is not None and c.plan is not None for c in parallel)


def test_limit_options_reach_ingestion(capsys):
    path = SAMPLES / "senior_backend_engineer.pdf"
    assert main(["screen", "--spec", str(JUNIOR_SPEC), "--max-mb", "0.001", str(path)]) == 0
    [candidate] = json.loads(capsys.readouterr().out)["candidates"]
    assert candidate["status"] == "error" and candidate["error_code"] == "too_large"
    assert main(["screen", "--spec", str(JUNIOR_SPEC), "--max-pages", "1", str(path)]) == 0
    [candidate] = json.loads(capsys.readouterr().out)["candidates"]
    assert candidate["warnings"] == ["truncated: read the first 1 of 2 pages"]


def test_help_is_for_users_and_every_option_has_help():
    from screener.cli import _parser

    parser = _parser()
    text = parser.format_help()
    assert "examples:" in text and "screener screen --spec" in text
    assert "ScreenerError" not in text and "behind another face" not in text
    actions = list(parser._actions)
    for sub in parser._subparsers._group_actions[0].choices.values():
        actions += sub._actions
        if sub._subparsers:
            for inner in sub._subparsers._group_actions[0].choices.values():
                actions += inner._actions
    for action in actions:
        if not isinstance(action, argparse._SubParsersAction):
            assert action.help, action.dest


def test_version(capsys):
    import pytest

    from screener import __version__

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out == f"screener {__version__}\n"


def test_table_format_is_readable_and_ranked(capsys):
    args = ["screen", "--spec", str(JUNIOR_SPEC), "--format", "table", str(SAMPLES)]
    assert main(args) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Junior Backend Engineer: 17 candidate(s), best first"
    assert lines[2].split()[:4] == ["#", "Score", "Band", "Must-haves"]
    first = lines[4].split()
    assert first[:3] == ["1", "90.2", "strong"] and "node_bootcamp_graduate.txt" in first
    assert "scanned_resume.pdf" in lines[-1] and "needs review" in lines[-1]


def test_default_format_is_table_on_a_terminal_and_json_otherwise(capsys, monkeypatch):
    path = str(SAMPLES / "node_bootcamp_graduate.txt")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert main(["screen", "--spec", str(JUNIOR_SPEC), path]) == 0
    assert capsys.readouterr().out.startswith("Junior Backend Engineer: 1 candidate(s)")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert main(["screen", "--spec", str(JUNIOR_SPEC), path]) == 0
    assert json.loads(capsys.readouterr().out)["role"] == "Junior Backend Engineer"


def test_progress_bar_shows_the_file_name_not_a_clipped_path(capsys):
    from screener.cli import ProgressBar

    bar = ProgressBar(2)
    bar.update(2, 2, "some/deep/folder/sample_resumes/node_bootcamp_graduate.txt")
    err = capsys.readouterr().err
    assert err.rstrip().endswith("2/2 node_bootcamp_graduate.txt") and "sample_resumes" not in err


def test_file_names_reach_the_terminal_without_escape_sequences(tmp_path, capsys):
    name = "cv\x1b[2J\u202etxt.exe.txt"  # clears the screen; shows as "cvexe.txt..."
    (tmp_path / name).write_text("Python developer\nEXPERIENCE\n- Built REST APIs")
    args = ["screen", "--spec", str(JUNIOR_SPEC), "--format", "table", str(tmp_path)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "cv?[2J?txt.exe.txt" in out and "cv?[2J?txt.exe.txt" in err
    assert "\x1b" not in out + err and "\u202e" not in out + err


def test_output_is_written_whole_even_when_writes_come_up_short(tmp_path, monkeypatch):
    import os

    from screener import output

    real = os.writev
    calls = []

    def short_writev(fd, buffers):  # a write that stops partway, as the OS may do
        calls.append(len(buffers))
        return real(fd, [b"".join(buffers)[:1000]])

    monkeypatch.setattr(output.os, "writev", short_writev)
    chunks = [bytes([65 + i % 26]) * (i % 97) for i in range(3000)]
    path = tmp_path / "out.json"
    output.write_output(str(path), chunks)
    assert path.read_bytes() == b"".join(chunks)
    assert max(calls) == 1024  # many chunks a call, never all in one


def test_a_shorter_output_replaces_a_longer_one_whole(tmp_path, capsys):
    out = tmp_path / "out.json"
    out.write_text("x" * 5_000_000)  # an earlier, longer output
    assert main(["screen", "--spec", str(JUNIOR_SPEC), "--out", str(out), str(SAMPLES)]) == 0
    assert json.loads(out.read_text())["candidates"]  # no old bytes left after the new end


def test_a_csv_file_is_marked_utf8_for_excel_and_stdout_is_not(tmp_path, capsys):
    resume = tmp_path / "José Müller.txt"
    resume.write_text("Python developer\nEXPERIENCE\n- Built REST APIs with SQL")
    args = ["screen", "--spec", str(JUNIOR_SPEC), "--format", "csv"]
    assert main([*args, str(resume)]) == 0
    assert capsys.readouterr().out.startswith("candidate,")  # piped on: no mark
    out = tmp_path / "r.csv"
    assert main([*args, "--out", str(out), str(resume)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfcandidate,")  # else Excel shows "JosÃ© MÃ¼ller"
    assert "José Müller.txt" in data.decode("utf-8-sig")
