from __future__ import annotations

import csv
import io
import json

import pytest

from screener.export import candidate_to_dict, neutralise, results_csv, shortlist_csv, to_csv
from screener.screen import screen_one
from tests.conftest import SAMPLES


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Jane Doe", "Jane Doe"),
        (42.5, 42.5),
        (-3, -3),
        (None, None),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_neutralises_text_and_keeps_numbers_numeric():
    rows = [{"candidate": "=cmd|' /C calc'!A0", "score": 71.5, "red_flags": 0, "note": "@evil"}]
    parsed = list(csv.reader(io.StringIO(to_csv(rows))))
    assert parsed[0] == ["candidate", "score", "red_flags", "note"]
    assert parsed[1] == ["'=cmd|' /C calc'!A0", "71.5", "0", "'@evil"]


@pytest.fixture(scope="module")
def three(junior_spec):
    names = ["python_django_graduate.md", "scanned_resume.pdf", "marketing_manager.txt"]
    return [screen_one(junior_spec, n, (SAMPLES / n).read_bytes()) for n in names]


def test_results_csv_has_one_row_per_candidate(three):
    rows = list(csv.DictReader(io.StringIO(results_csv(three))))
    assert [r["candidate"] for r in rows] == [
        "python_django_graduate.md",
        "scanned_resume.pdf",
        "marketing_manager.txt",
    ]
    assert rows[0]["status"] == "ok" and float(rows[0]["score"]) == three[0].score.total
    assert rows[1]["status"] == "needs_review" and rows[1]["score"] == ""
    assert "Python" in rows[0]["matched_skills"]
    assert "SQL" in rows[2]["missing_skills"]


def test_shortlist_csv_only_has_ticked_candidates_and_blind_ids(three):
    text = shortlist_csv(three, {three[0].id}, blind=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["candidate"] for r in rows] == [three[0].id]
    assert "python_django" not in text


def test_candidate_json_shape(three):
    data = json.loads(json.dumps(candidate_to_dict(three[0])))
    assert data["status"] == "ok" and data["score"] == three[0].score.total
    python = next(s for s in data["skills"] if s["name"] == "Python")
    assert python["found"] and python["match_type"] in ("exact", "alias", "fuzzy")
    assert python["evidence"] and python["line"] >= 1
    assert [r["name"] for r in data["interview_plan"]] == [r.name for r in three[0].plan.rounds]
    review = candidate_to_dict(three[1])
    assert review["score"] is None and review["status"] == "needs_review"
