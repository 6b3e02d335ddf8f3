from __future__ import annotations

import csv
import io
import json

import pytest

from screener.export import candidate_to_dict, neutralise, results_csv, shortlist_csv, to_csv
from screener.screen import screen_one
from tests.conftest import SAMPLES, excel_records, excel_rows


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


@pytest.mark.parametrize("breaks", ["\r", "\n", "\r\n"])
def test_a_line_break_inside_a_cell_cannot_start_a_row_with_a_formula(breaks):
    # Spreadsheets take a bare carriage return for a new row: unquoted, "=1+1" would open one
    text = to_csv([{"candidate": f"cv{breaks}=1+1.md", "note": "ok"}])
    assert f'"cv{breaks}=1+1.md"' in text  # quoted: one cell
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["candidate", "note"],
        [f"cv{breaks}=1+1.md", "ok"],
    ]


@pytest.fixture(scope="module")
def three(junior_spec):
    names = ["python_django_graduate.md", "scanned_resume.pdf", "marketing_manager.txt"]
    return [screen_one(junior_spec, n, (SAMPLES / n).read_bytes()) for n in names]


def test_results_csv_has_one_row_per_candidate(three, junior_spec):
    rows = excel_records(results_csv(three, junior_spec))
    assert [r["candidate"] for r in rows] == [
        "python_django_graduate.md",
        "marketing_manager.txt",
        "scanned_resume.pdf",
    ]  # best first; unscored files last, with no rank
    assert [r["rank"] for r in rows] == ["1", "2", ""]
    assert rows[0]["status"] == "ok" and float(rows[0]["score"]) == three[0].score.total
    assert rows[2]["status"] == "needs_review" and rows[2]["score"] == ""
    assert "Python" in rows[0]["matched_skills"]
    assert "SQL" in rows[1]["missing_skills"]


def test_shortlist_csv_only_has_ticked_candidates_and_blind_ids(three, junior_spec):
    text = shortlist_csv(three, {three[0].id}, junior_spec, blind=True)
    rows = excel_records(text)
    assert [r["candidate"] for r in rows] == [three[0].id]
    assert "python_django" not in text
    assert "email" not in rows[0] and "phone" not in rows[0]


def test_shortlist_csv_columns_a_recruiter_sorts_by(junior_spec):
    from datetime import date

    names = ["node_bootcamp_graduate.txt", "marketing_manager.txt", "data_analyst.txt"]
    candidates = [screen_one(junior_spec, n, (SAMPLES / n).read_bytes()) for n in names]
    ticked = {candidates[1].id, candidates[0].id}
    text = shortlist_csv(candidates, ticked, junior_spec, screened_on=date(2026, 12, 2))
    header, *lines = excel_rows(text)
    assert header[:5] == ["rank", "candidate", "email", "phone", "score"]
    rows = [dict(zip(header, line, strict=True)) for line in lines]
    assert [r["candidate"] for r in rows] == ["node_bootcamp_graduate.txt", "marketing_manager.txt"]
    assert [r["rank"] for r in rows] == ["1", "3"]  # the rank among everyone screened
    assert rows[0]["email"] == "marcus.okafor@example.com" and rows[0]["phone"]
    assert {r["role"] for r in rows} == {"Junior Backend Engineer"}
    assert rows[0]["spec_version"] == junior_spec.fingerprint[:12]
    assert rows[0]["screened_on"] == "2026-12-02"


def test_top_skills_follow_credit_and_satisfied_groups_are_not_missing(junior_spec):
    from screener.export import summary_row

    senior = screen_one(
        junior_spec, "s.pdf", (SAMPLES / "senior_backend_engineer.pdf").read_bytes()
    )
    row = summary_row(senior, spec=junior_spec)
    credit = {c.name: c.credit for c in senior.score.credits}
    top = row["top_skills"].split(", ")
    hard = [t for t in top if t in credit]
    assert hard == sorted(hard, key=lambda n: -credit[n]) and "Python" in top
    csharp = screen_one(junior_spec, "c.docx", (SAMPLES / "csharp_dotnet_intern.docx").read_bytes())
    missing = summary_row(csharp, spec=junior_spec)["missing_skills"].split(", ")
    assert not {"Python", "Java", "Go", "Node.js"} & set(missing)  # C# meets the group
    assert "Django" not in missing  # ASP.NET meets the framework group
    frontend = (SAMPLES / "react_frontend_developer.txt").read_bytes()
    react = summary_row(screen_one(junior_spec, "r.txt", frontend), spec=junior_spec)
    assert "Python" in react["missing_skills"]  # no language at all: every one is missing


def test_candidate_json_shape(three):
    data = json.loads(json.dumps(candidate_to_dict(three[0])))
    assert data["status"] == "ok" and data["score"] == three[0].score.total
    python = next(s for s in data["skills"] if s["name"] == "Python")
    assert python["found"] and python["match_type"] in ("exact", "alias", "fuzzy")
    assert python["evidence"] and python["line"] >= 1
    assert [r["name"] for r in data["interview_plan"]] == [r.name for r in three[0].plan.rounds]
    review = candidate_to_dict(three[1])
    assert review["score"] is None and review["status"] == "needs_review"


def test_json_says_why_a_band_was_capped(junior_spec):
    text = (SAMPLES / "projects_only_no_skills_section.md").read_bytes()
    data = candidate_to_dict(screen_one(junior_spec, "p.md", text))
    assert data["band"] == "possible"
    assert data["band_note"] == "capped at possible: a must-have is missing (Git)"
