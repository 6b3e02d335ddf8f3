"""`screener screen --save` and `screener screenings …`: the store behind the command line."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from screener.audit import AuditLog
from screener.cli import main
from screener.store import ScreeningStore
from tests.conftest import FIXTURES, JUNIOR_SPEC, SAMPLES, excel_records

NAME = "Backend Q1"


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "screenings.sqlite3"
    monkeypatch.setenv("SCREENER_SCREENINGS_DB", str(path))
    monkeypatch.setenv("SCREENER_AUDIT_DB", str(tmp_path / "audit.sqlite3"))
    return path


def _copy(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def _save(*inputs: Path) -> int:
    return main(["screen", "--spec", str(JUNIOR_SPEC), "--save", NAME, *map(str, inputs)])


def test_a_file_that_timed_out_is_tried_again_next_time(db, tmp_path, capsys):
    folder = _copy(tmp_path, ["senior_backend_engineer.pdf"])
    args = ["screen", "--spec", str(JUNIOR_SPEC), "--save", NAME, str(folder)]
    assert main([*args, "--timeout", "0.0001"]) == 0
    [first] = json.loads(capsys.readouterr().out)["candidates"]
    assert first["error_code"] == "timeout"
    assert main(args) == 0
    out = capsys.readouterr()
    assert f"{NAME}: 1 new file(s) added, 0 already there" in out.err
    assert [c.status for c in ScreeningStore(db).load(NAME).candidates] == ["ok"]


def test_screen_save_appends_and_skips_files_seen(db, tmp_path, capsys):
    first = _copy(tmp_path, ["node_bootcamp_graduate.txt", "marketing_manager.txt"])
    assert _save(first) == 0
    out = capsys.readouterr()
    assert len(json.loads(out.out)["candidates"]) == 2
    assert f"{NAME}: 2 new file(s) added, 0 already there" in out.err
    _copy(tmp_path, ["java_spring_new_grad.docx"])
    assert _save(first) == 0
    out = capsys.readouterr()
    assert [c["source"] for c in json.loads(out.out)["candidates"]] == [
        str(first / "java_spring_new_grad.docx")
    ]
    assert "1 new file(s) added, 2 already there" in out.err
    assert len(ScreeningStore(db).known(NAME)) == 3
    assert len(AuditLog(tmp_path / "audit.sqlite3").runs()) == 2


def test_screen_save_refuses_another_spec(db, tmp_path, capsys):
    folder = _copy(tmp_path, ["node_bootcamp_graduate.txt"])
    assert _save(folder) == 0
    capsys.readouterr()
    code = main(["screen", "--spec", str(FIXTURES / "toy_spec.yaml"), "--save", NAME, str(folder)])
    assert code == 2
    assert "was saved with another version of the spec" in capsys.readouterr().err


def test_list_show_export_delete(db, tmp_path, capsys):
    folder = _copy(
        tmp_path, ["node_bootcamp_graduate.txt", "marketing_manager.txt", "data_analyst.txt"]
    )
    assert _save(folder) == 0
    store = ScreeningStore(db)
    screening = store.load(NAME)
    best = max(screening.candidates, key=lambda c: c.score.total if c.score else 0)
    store.decide(NAME, [best.sha256], "shortlisted", note='=HYPERLINK("x") call her')
    capsys.readouterr()

    assert main(["screenings", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[1].split()[:6] == ["Backend", "Q1", "Junior", "Backend", "Engineer", "3"]

    assert main(["screenings", "show", NAME]) == 0
    shown = json.loads(capsys.readouterr().out)["candidates"]
    assert [r["score"] for r in shown] == sorted((r["score"] for r in shown), reverse=True)
    assert shown[0]["source"].endswith("node_bootcamp_graduate.txt")
    assert shown[0]["decision"] == "shortlisted"
    assert shown[0]["breakdown"].startswith("Hard skills")

    assert main(["screenings", "show", NAME, "--format", "csv", "--blind"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert all(r["source"] == r["id"] and r["source"].startswith("C-") for r in rows)

    out = tmp_path / "shortlist.csv"
    assert main(["screenings", "export", NAME, "--shortlist", "--out", str(out)]) == 0
    [row] = excel_records(out.read_text(encoding="utf-8"))
    assert row["id"] == best.id and row["decision"] == "shortlisted"
    assert row["decision_note"] == '\'=HYPERLINK("x") call her'  # neutralised for spreadsheets

    assert main(["screenings", "delete", NAME]) == 0
    assert main(["screenings", "show", NAME]) == 1
    assert "no saved screening called 'Backend Q1'" in capsys.readouterr().err


def test_erase_by_candidate_id_everywhere(db, tmp_path, capsys):
    folder = _copy(tmp_path, ["node_bootcamp_graduate.txt", "marketing_manager.txt"])
    assert _save(folder) == 0
    store = ScreeningStore(db)
    target = store.load(NAME).candidates[0]
    audit = AuditLog(tmp_path / "audit.sqlite3")
    audit.record_decision(None, target, shortlisted=True)
    assert main(["screenings", "erase", target.id]) == 0
    assert target.sha256 not in store.known(NAME) and len(store.known(NAME)) == 1
    assert not [r for r in audit.results(1) if r["file_sha256"] == target.sha256]
    assert audit.decisions() == []
    assert main(["screenings", "erase", target.id]) == 1


def test_purge_command(db, tmp_path, capsys):
    assert _save(_copy(tmp_path, ["node_bootcamp_graduate.txt"])) == 0
    assert main(["screenings", "purge", "--older-than", "30"]) == 0
    assert "purged the text of 0 file(s)" in capsys.readouterr().err


def test_save_reports_unreadable_and_oversized_files_and_saves_the_rest(
    db, tmp_path, capsys, monkeypatch
):
    from screener import ingest

    folder = _copy(tmp_path, ["node_bootcamp_graduate.txt", "marketing_manager.txt"])
    (folder / "huge.txt").write_bytes(b"Python developer " * 100_000)  # 1.7 MB
    (folder / "locked.txt").write_bytes(b"Python developer")
    real = ingest.read_capped

    def read_capped(path, max_bytes):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path, max_bytes)

    monkeypatch.setattr(ingest, "read_capped", read_capped)
    argv = ["screen", "--spec", str(JUNIOR_SPEC), "--save", NAME, "--max-mb", "1", str(folder)]
    assert main(argv) == 0
    out = capsys.readouterr()
    rows = {c["source"].rsplit("/", 1)[-1]: c for c in json.loads(out.out)["candidates"]}
    assert set(rows) == {"node_bootcamp_graduate.txt", "marketing_manager.txt", "huge.txt"}
    assert rows["huge.txt"]["error_code"] == "too_large"
    assert "the file is 1.7 MB" in rows["huge.txt"]["error"]
    assert "locked.txt: the file could not be read (Permission denied); not saved" in out.err
    saved = ScreeningStore(db).load(NAME)
    assert len(saved.candidates) == 3
