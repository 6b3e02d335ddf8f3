"""Audit trail in an embedded SQLite file: how each screening decision was reached.

Recorded per run: time, screener version, role spec hash, and per candidate the content
hash of the input file, the score and its breakdown. Recorded per decision: the
recruiter's shortlist choice and whether it overrides the score band. Never recorded:
resume text, file names or anything else that names a person. Nothing is auto-rejected:
"not shortlisted" is only ever a recruiter's recorded decision.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from screener import __version__
from screener.candidate import Candidate
from screener.spec import RoleSpec

DEFAULT_PATH = "~/.local/share/screener/audit.sqlite3"


def default_path() -> Path:
    """``$SCREENER_AUDIT_DB`` if set, else a file in the user's data folder."""
    return Path(os.environ.get("SCREENER_AUDIT_DB", DEFAULT_PATH)).expanduser()


SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    screener_version TEXT NOT NULL,
    role_title TEXT NOT NULL,
    spec_hash TEXT NOT NULL,
    candidates INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS results (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    candidate_id TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    status TEXT NOT NULL,
    score REAL,
    band TEXT,
    breakdown TEXT NOT NULL,
    missing_must_haves TEXT NOT NULL,
    red_flags TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
    candidate_id TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('shortlisted', 'not_shortlisted')),
    override INTEGER NOT NULL,
    band TEXT
);
"""


def _now() -> datetime:
    return datetime.now(UTC)


class AuditLog:
    """An append-only record of screening runs and recruiter decisions.

    ``retention_days`` deletes records older than that many days each time the log is
    opened (None keeps them). screener never stores uploads or extracted text.
    """

    def __init__(self, path: str | Path, *, retention_days: int | None = None) -> None:
        self.path = Path(path).expanduser()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.executescript(SCHEMA)
        if retention_days is not None:
            self.purge_older_than(retention_days)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            with db:
                yield db
        finally:
            db.close()

    def record_run(self, spec: RoleSpec, candidates: Sequence[Candidate]) -> int:
        """Store one screening run: hashes, scores and breakdowns, no text and no names."""
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO runs (started_at, screener_version, role_title, spec_hash, candidates)"
                " VALUES (?, ?, ?, ?, ?)",
                (_now().isoformat(), __version__, spec.title, spec.fingerprint, len(candidates)),
            )
            run_id = int(cursor.lastrowid or 0)
            db.executemany(
                "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_result_row(run_id, c) for c in candidates],
            )
        return run_id

    def record_decision(
        self, run_id: int | None, candidate: Candidate, *, shortlisted: bool
    ) -> None:
        """A recruiter's decision; ``override`` marks a choice against the score band."""
        band = candidate.score.band if candidate.score else None
        override = (shortlisted and band == "weak") or (not shortlisted and band == "strong")
        with self._connect() as db:
            db.execute(
                "INSERT INTO decisions (run_id, candidate_id, decided_at, decision, override, band)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, candidate.id, _now().isoformat(),
                 "shortlisted" if shortlisted else "not_shortlisted", int(override), band),
            )  # fmt: skip

    def purge_older_than(self, days: int) -> int:
        """Delete runs, results and decisions older than ``days``; returns the runs removed."""
        cutoff = (_now() - timedelta(days=days)).isoformat()
        with self._connect() as db:
            db.execute("DELETE FROM decisions WHERE decided_at < ?", (cutoff,))
            return db.execute("DELETE FROM runs WHERE started_at < ?", (cutoff,)).rowcount

    def forget(self, candidate_id: str, sha256: str) -> int:
        """Right to erasure: drop one file's results and decisions; returns rows removed."""
        with self._connect() as db:
            removed = db.execute("DELETE FROM results WHERE file_sha256 = ?", (sha256,)).rowcount
            query = "DELETE FROM decisions WHERE candidate_id = ?"
            return removed + db.execute(query, (candidate_id,)).rowcount

    def runs(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM runs ORDER BY id")

    def results(self, run_id: int) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM results WHERE run_id = ? ORDER BY score DESC", (run_id,))

    def decisions(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM decisions ORDER BY id")

    def _rows(self, query: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            return [dict(row) for row in db.execute(query, args)]


def _result_row(run_id: int, candidate: Candidate) -> tuple[Any, ...]:
    score = candidate.score
    breakdown = (
        [{"part": p.name, "points": p.points, "max": p.max_points} for p in score.parts]
        if score
        else []
    )
    return (
        run_id,
        candidate.id,
        candidate.sha256,
        candidate.status,
        score.total if score else None,
        score.band if score else None,
        json.dumps(breakdown),
        json.dumps(list(score.missing_must_haves) if score else []),
        json.dumps([f.id for f in score.red_flags] if score else []),
    )
