from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from screener import audit
from screener.audit import AuditLog
from screener.screen import screen_one
from tests.conftest import SAMPLES

NAMES = ["python_django_graduate.md", "marketing_manager.txt", "scanned_resume.pdf"]


@pytest.fixture
def candidates(junior_spec):
    return [screen_one(junior_spec, n, (SAMPLES / n).read_bytes()) for n in NAMES]


def test_runs_and_decisions_survive_reopening(tmp_path, junior_spec, candidates):
    path = tmp_path / "audit.sqlite3"
    run_id = AuditLog(path).record_run(junior_spec, candidates)
    AuditLog(path).record_decision(run_id, candidates[0], shortlisted=True)
    AuditLog(path).record_decision(run_id, candidates[1], shortlisted=True)

    reopened = AuditLog(path)  # as after an app restart
    [run] = reopened.runs()
    assert run["spec_hash"] == junior_spec.fingerprint and run["candidates"] == 3
    results = {r["candidate_id"]: r for r in reopened.results(run_id)}
    assert results[candidates[0].id]["score"] == candidates[0].score.total
    assert results[candidates[2].id]["status"] == "needs_review"
    assert len(results[candidates[0].id]["file_sha256"]) == 64
    decisions = reopened.decisions()
    assert [(d["decision"], d["override"]) for d in decisions] == [
        ("shortlisted", 0),
        ("shortlisted", 1),
    ]


def test_no_personal_data_is_stored(tmp_path, junior_spec, candidates):
    path = tmp_path / "audit.sqlite3"
    log = AuditLog(path)
    log.record_decision(log.record_run(junior_spec, candidates), candidates[0], shortlisted=False)
    dump = "\n".join(sqlite3.connect(path).iterdump())
    for personal in [
        "Priya",
        "Raman",
        "Sofia",
        "Marchetti",
        "@example.com",
        "python_django_graduate",
        "marketing_manager",
        "Leeds",
        "Built REST API endpoints",
    ]:
        assert personal not in dump


def test_retention_deletes_old_records(tmp_path, junior_spec, candidates, monkeypatch):
    path = tmp_path / "audit.sqlite3"
    past = datetime.now(UTC) - timedelta(days=40)
    monkeypatch.setattr(audit, "_now", lambda: past)
    run_id = AuditLog(path).record_run(junior_spec, candidates)
    AuditLog(path).record_decision(run_id, candidates[0], shortlisted=True)
    monkeypatch.undo()
    AuditLog(path).record_run(junior_spec, candidates)
    log = AuditLog(path, retention_days=30)
    assert len(log.runs()) == 1 and log.decisions() == []
    assert log.results(run_id) == []
