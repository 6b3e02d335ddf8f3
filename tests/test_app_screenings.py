"""Saved screenings in the app (AppTest): start, tick, note, reopen in a new process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from screener.store import ScreeningStore
from tests.conftest import ROOT, SAMPLES
from tests.test_app import _app, _ranking

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
FILES = ["node_bootcamp_graduate.txt", "java_spring_new_grad.docx", "marketing_manager.txt"]
NOTE = "Strong API work; call on Monday"


@pytest.fixture
def db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "screenings.sqlite3"
    monkeypatch.setenv("SCREENER_SCREENINGS_DB", str(path))
    return path


def _upload(at: AppTest, names: list[str]) -> None:
    files = [(n, (SAMPLES / n).read_bytes(), "application/octet-stream") for n in names]
    at.file_uploader(key="resumes").set_value(files).run()
    assert not at.exception


def _start(at: AppTest, name: str) -> None:
    at.text_input(key="new_screening_name").set_value(name).run()
    at.button(key="new_screening").click().run()
    assert not at.exception
    assert at.selectbox(key="screening_choice").value == name


def _tick(at: AppTest, rows: list[int]) -> None:
    editor = _ranking(at)
    at.session_state[editor.key] = {
        "edited_rows": {r: {"shortlist": True} for r in rows},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception


REOPEN = textwrap.dedent(
    """
    import json, sys
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(sys.argv[1], default_timeout=120)
    at.run()
    at.selectbox(key="screening_choice").set_value(sys.argv[2]).run()
    [editor] = [e for e in at.data_editor if str(e.key).startswith("ranking_")]
    table = editor.value
    ROW = ["id", "score", "band", "must_haves_met", "missing_must_haves", "top_skills"]
    top = table["id"].iloc[0]
    at.selectbox(key="detail_id_named").set_value(top).run()
    print(json.dumps({
        "exception": bool(at.exception),
        "ids": list(table["id"]),
        "ticked": list(table.loc[table["shortlist"], "id"]),
        "note": at.text_area(key=f"note_{top}").value,
        "rows": table[ROW].to_dict("records"),
        "evidence": [e.value["evidence"].tolist() for e in at.dataframe
                     if {"skill", "evidence", "matched_text"} <= set(e.value.columns)],
        "listed": [e.value.to_dict("records") for e in at.dataframe
                   if "screening" in e.value.columns][0],
    }))
    """
)


def _reopen_in_new_process(name: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", REOPEN, str(ROOT / "streamlit_app.py"), name],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ.copy(),
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_ticks_and_note_survive_a_new_app_process(db):
    at = _app()
    _start(at, "Backend Q1")
    _upload(at, FILES)
    before = _ranking(at).value
    ids = list(before["id"])
    assert len(ids) == 3
    rows = before[["id", "score", "band", "must_haves_met", "missing_must_haves", "top_skills"]]
    _tick(at, [0, 1])
    assert at.session_state["shortlist"] == set(ids[:2])
    at.selectbox(key="detail_id_named").set_value(ids[0]).run()
    at.text_area(key=f"note_{ids[0]}").input(NOTE)
    at.button(key="save_note").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Decision and note saved."]

    again = _reopen_in_new_process("Backend Q1")
    assert not again["exception"]
    assert again["ids"] == ids
    assert again["ticked"] == ids[:2]
    assert again["note"] == NOTE
    # the table is read from the saved summaries; the detail view decodes the full candidate
    assert again["rows"] == rows.to_dict("records") and rows["top_skills"].str.len().any()
    [evidence] = again["evidence"]
    assert any(line.strip() for line in evidence)
    [listed] = again["listed"]
    assert (listed["screening"], listed["candidates"], listed["shortlisted"]) == (
        "Backend Q1",
        3,
        2,
    )
    history = [h["event"] for h in ScreeningStore(db).history("Backend Q1")]
    assert history == ["created", "added", "decision", "decision", "note"]


def test_adding_resumes_appends_and_recognises_seen_files(db):
    at = _app()
    _start(at, "Q2")
    _upload(at, FILES[:2])
    _upload(at, FILES)  # the first two again, plus one new
    assert len(_ranking(at).value) == 3
    assert len(ScreeningStore(db).known("Q2")) == 3


def test_bulk_actions(db):
    at = _app()
    _start(at, "Q3")
    _upload(at, FILES)
    table = _ranking(at).value
    at.number_input(key="bulk_n").set_value(2).run()
    at.button(key="bulk_top").click().run()
    assert at.session_state["shortlist"] == set(table["id"].iloc[:2])
    at.button(key="bulk_clear").click().run()
    assert at.session_state["shortlist"] == set()
    at.button(key="bulk_strong").click().run()
    strong = set(table.loc[table["band"] == "strong", "id"])
    assert strong and at.session_state["shortlist"] == strong
    marks = ScreeningStore(db).marks("Q3")
    assert {m.decision for m in marks.values()} == {"shortlisted"}
    assert not _ranking(at).value.loc[~_ranking(at).value["id"].isin(strong), "shortlist"].any()


def test_decision_to_review_and_blind_list(db):
    at = _app()
    _start(at, "Q4")
    _upload(at, FILES)
    first = _ranking(at).value["id"].iloc[0]
    at.selectbox(key="detail_id_named").set_value(first).run()
    at.radio(key=f"decision_{first}").set_value("to_review").run()
    at.button(key="save_note").click().run()
    [mark] = ScreeningStore(db).marks("Q4").values()
    assert mark.decision == "to_review"
    at.toggle(key="blind").set_value(True).run()
    text = " ".join(str(e.value.to_dict()) for e in at.dataframe)
    assert "node_bootcamp" not in text and "marketing_manager" not in text


def test_duplicate_files_show_as_one_candidate_and_split(db, tmp_path):
    at = _app()
    _start(at, "Q5")
    text = (SAMPLES / "node_bootcamp_graduate.txt").read_text(encoding="utf-8")
    files = [
        ("resume.txt", text.encode(), "text/plain"),
        ("resume_v2.md", (text + "\nAlso: Docker.").encode(), "text/plain"),
        ("other.txt", (SAMPLES / "marketing_manager.txt").read_bytes(), "text/plain"),
    ]
    at.file_uploader(key="resumes").set_value(files).run()
    table = _ranking(at).value
    assert len(table) == 2
    assert "resume.txt + resume_v2.md" in set(table["candidate"])
    person = table.loc[table["candidate"] == "resume.txt + resume_v2.md", "id"].iloc[0]
    at.selectbox(key="detail_id_named").set_value(person).run()
    splits = [b for b in at.button if str(b.key).startswith("split_")]
    assert len(splits) == 2
    splits[1].click().run()
    assert not at.exception
    assert len(_ranking(at).value) == 3


def test_erase_in_the_app_removes_the_person(db):
    at = _app()
    _start(at, "Q6")
    _upload(at, FILES)
    first = _ranking(at).value["id"].iloc[0]
    at.selectbox(key="detail_id_named").set_value(first).run()
    assert at.button(key="erase").disabled
    at.checkbox(key=f"erase_sure_{first}").check().run()
    at.button(key="erase").click().run()
    assert not at.exception
    assert first not in set(_ranking(at).value["id"])
    assert len(ScreeningStore(db).known("Q6")) == 2
