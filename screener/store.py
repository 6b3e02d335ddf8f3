"""Saved screenings in an embedded SQLite file: the one module that owns their schema.

A screening is one role's screening round: its name, the role spec as it was used
(content and hash), the candidates (file hash, file name, extracted text, matches, the
score summary at the time), the recruiter's decisions and notes (each with its time;
the latest one counts, earlier ones stay as history) and a history of every change.

Writes are short ``BEGIN IMMEDIATE`` transactions in WAL mode with ``synchronous=FULL``:
two sessions on one screening never overwrite each other (decisions are appended, not
rewritten), and a process killed mid-save leaves every acknowledged write in place.
``secure_delete`` is on, so erased rows are overwritten in the file, not just unlinked.

The file sits next to the audit trail by default (one folder, two files: the audit
trail holds no personal data and may be kept longer; this one holds resume text and has
its own retention). ``$SCREENER_SCREENINGS_DB`` overrides the location.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import orjson

from screener import audit, snapshot
from screener.document import Document
from screener.duplicates import Signals, groups, signals
from screener.errors import ScreenerError
from screener.fit import RoleFit, role_scores
from screener.screen import Candidate
from screener.spec import RoleSpec, spec_from_dict

Decision = Literal["shortlisted", "not_shortlisted", "to_review"]
DECISIONS: tuple[Decision, ...] = ("shortlisted", "not_shortlisted", "to_review")


class StoreError(ScreenerError):
    """A saved screening is missing, already exists, or the file is from a newer screener."""


def default_path() -> Path:
    """``$SCREENER_SCREENINGS_DB``, else ``screenings.sqlite3`` beside the audit trail."""
    env = os.environ.get("SCREENER_SCREENINGS_DB")
    return Path(env).expanduser() if env else audit.default_path().with_name("screenings.sqlite3")


def retention_days() -> float | None:
    """``$SCREENER_RETENTION_DAYS``: resume text older than this is purged (unset: kept)."""
    value = os.environ.get("SCREENER_RETENTION_DAYS", "").strip()
    if not value:
        return None
    try:
        days = float(value)
    except ValueError:
        raise StoreError(
            f"SCREENER_RETENTION_DAYS must be a number of days, not {value!r}"
        ) from None
    if days < 0:
        raise StoreError("SCREENER_RETENTION_DAYS must not be negative")
    return days


def _v2_backfill(db: sqlite3.Connection) -> None:
    """Grouping signals for files saved before version 2."""
    rows = db.execute("SELECT rowid, body FROM files WHERE body IS NOT NULL").fetchall()
    for rowid, body in rows:
        db.execute(
            "UPDATE files SET emails = ?, phones = ?, minhash = ? WHERE rowid = ?",
            (*_signal_columns(signals(orjson.loads(body)["text"])), rowid),
        )


def _v3_backfill(db: sqlite3.Connection) -> None:
    """Summaries that hold the full score, found skills and warnings (read by `overview`)."""
    specs = {
        sid: spec_from_dict(orjson.loads(spec_json), source=f"screening {name!r}")
        for sid, name, spec_json in db.execute("SELECT id, name, spec_json FROM screenings")
    }
    rows = db.execute(
        f"SELECT rowid, screening_id, body, {_RECORD} FROM files WHERE body IS NOT NULL"
    ).fetchall()
    for rowid, sid, body, *record in rows:
        candidate = snapshot.restore(specs[sid], body=body, **_record(record))
        summary = orjson.dumps(snapshot.summary(candidate)).decode()
        db.execute("UPDATE files SET summary = ? WHERE rowid = ?", (summary, rowid))


# Each step takes the schema from version N to N + 1; never edit a released step.
MIGRATIONS: tuple[tuple[str, Callable[[sqlite3.Connection], None] | None], ...] = (
    (
        """
        CREATE TABLE screenings (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            role_title TEXT NOT NULL,
            spec_json TEXT NOT NULL,
            spec_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE files (
            screening_id INTEGER NOT NULL REFERENCES screenings(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL,
            candidate_id TEXT NOT NULL,
            source TEXT NOT NULL,
            added_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ok', 'needs_review', 'error')),
            error_code TEXT,
            error TEXT,
            score REAL,
            band TEXT,
            summary TEXT NOT NULL,
            body BLOB,
            purged_at TEXT,
            PRIMARY KEY (screening_id, sha256)
        );
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            screening_id INTEGER NOT NULL REFERENCES screenings(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL,
            decision TEXT NOT NULL
                CHECK (decision IN ('shortlisted', 'not_shortlisted', 'to_review')),
            note TEXT,
            decided_at TEXT NOT NULL
        );
        CREATE INDEX decisions_by_file ON decisions (screening_id, sha256, id);
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            screening_id INTEGER NOT NULL REFERENCES screenings(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL,
            text TEXT NOT NULL,
            written_at TEXT NOT NULL
        );
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            screening_id INTEGER NOT NULL REFERENCES screenings(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            event TEXT NOT NULL,
            sha256 TEXT,
            detail TEXT NOT NULL
        );
        """,
        None,
    ),
    (
        """
        ALTER TABLE files ADD COLUMN emails TEXT;
        ALTER TABLE files ADD COLUMN phones TEXT;
        ALTER TABLE files ADD COLUMN minhash TEXT;
        CREATE TABLE kept_apart (
            screening_id INTEGER NOT NULL REFERENCES screenings(id) ON DELETE CASCADE,
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            PRIMARY KEY (screening_id, a, b)
        );
        """,
        _v2_backfill,
    ),
    (
        """
        CREATE INDEX history_by_event ON history (screening_id, event, id);
        CREATE TABLE fits (
            screening_id INTEGER NOT NULL REFERENCES screenings(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL,
            spec_hash TEXT NOT NULL,
            score REAL NOT NULL,
            band TEXT NOT NULL,
            must_haves_met INTEGER NOT NULL,
            PRIMARY KEY (screening_id, spec_hash, sha256)
        );
        """,
        _v3_backfill,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class ScreeningInfo:
    """One line of the screenings list."""

    name: str
    role_title: str
    spec_hash: str
    candidates: int
    files: int
    shortlisted: int
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Mark:
    """A recruiter's latest decision on a file, with its time and optional note."""

    decision: Decision
    decided_at: str
    note: str | None = None


@dataclass(frozen=True)
class Screening:
    """A reopened screening: its saved spec, candidates rebuilt, decisions and groups.

    ``groups`` lists the same person's files (SHA-256s, first added first); every file is
    in exactly one group. ``purged`` counts files whose text retention removed (they are
    not in ``candidates``; their scores and decisions remain in `rows`). From `overview`,
    candidates carry no document, match or plan and ``skills`` holds each file's found
    skills by credit; from `load`, candidates are complete and ``skills`` is empty.
    """

    name: str
    spec: RoleSpec
    candidates: list[Candidate]
    marks: dict[str, Mark]
    notes: dict[str, str]
    groups: list[list[str]]
    purged: int = 0
    added_at: dict[str, str] = field(default_factory=dict)
    skills: dict[str, list[str]] = field(default_factory=dict)

    def people(self) -> list[Candidate]:
        """One candidate per person: the group's first readable file, named after every file
        (``a.pdf + a.docx``); decisions on a person are recorded on that file."""
        by_sha = {c.sha256: c for c in self.candidates}
        out = []
        for group in self.groups:
            files = [by_sha[sha] for sha in group if sha in by_sha]
            if files:
                first = next((f for f in files if f.status == "ok"), files[0])
                names = " + ".join([first.source, *(f.source for f in files if f is not first)])
                out.append(replace(first, source=names) if len(files) > 1 else first)
        return out

    def group_of(self, sha: str) -> list[str]:
        return next((g for g in self.groups if sha in g), [sha])

    def shortlist(self) -> set[str]:
        """SHA-256s of files whose latest decision is 'shortlisted'."""
        return {sha for sha, m in self.marks.items() if m.decision == "shortlisted"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


class ScreeningStore:
    """Saved screenings in one SQLite file (created and migrated on first use)."""

    def __init__(
        self, path: str | Path | None = None, *, retention_days: float | None = None
    ) -> None:
        self.path = Path(path).expanduser() if path else default_path()
        self._group_memo: dict[int, tuple[tuple[int, ...], list[list[str]]]] = {}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode = WAL")
            migrate(db)
        if retention_days is not None:
            self.purge_older_than(retention_days)

    # ------------------------------------------------------------ connections
    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA secure_delete = ON")
            db.execute("PRAGMA synchronous = FULL")
            yield db
        finally:
            db.close()

    @contextmanager
    def _write(self, name: str | None = None) -> Iterator[tuple[sqlite3.Connection, int]]:
        """One write transaction; with ``name``, the screening's id (and its time bumped)."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                sid = self._id(db, name) if name is not None else 0
                yield db, sid
                if name is not None:
                    db.execute("UPDATE screenings SET updated_at = ? WHERE id = ?", (_now(), sid))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    @staticmethod
    def _id(db: sqlite3.Connection, name: str) -> int:
        row = db.execute("SELECT id FROM screenings WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise StoreError(f"no saved screening called {name!r}")
        return int(row[0])

    # ------------------------------------------------------------ screenings
    def create(self, name: str, spec: RoleSpec) -> None:
        """A new, empty screening with the spec it will be scored with."""
        if not name.strip():
            raise StoreError("a screening needs a name")
        spec_json = orjson.dumps(spec.model_dump(mode="json")).decode()
        with self._write() as (db, _):
            if db.execute("SELECT 1 FROM screenings WHERE name = ?", (name,)).fetchone():
                raise StoreError(f"a screening called {name!r} already exists")
            now = _now()
            cursor = db.execute(
                "INSERT INTO screenings (name, role_title, spec_json, spec_hash, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                (name, spec.title, spec_json, spec.fingerprint, now, now),
            )
            _log(db, int(cursor.lastrowid or 0), "created", f"role {spec.title!r}, spec "
                 f"{spec.fingerprint[:12]}")  # fmt: skip

    def exists(self, name: str) -> bool:
        with self._connect() as db:
            return (
                db.execute("SELECT 1 FROM screenings WHERE name = ?", (name,)).fetchone()
                is not None
            )

    def spec(self, name: str) -> RoleSpec:
        """The role spec saved with the screening (later edits of the file do not apply)."""
        with self._connect() as db:
            row = db.execute("SELECT spec_json FROM screenings WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise StoreError(f"no saved screening called {name!r}")
        return spec_from_dict(orjson.loads(row[0]), source=f"screening {name!r}")

    def delete(self, name: str) -> None:
        """Remove a screening and everything in it."""
        with self._write() as (db, _):
            db.execute("DELETE FROM screenings WHERE id = ?", (self._id(db, name),))
        self._checkpoint()

    def screenings(self) -> list[ScreeningInfo]:
        """Every saved screening, the most recently changed first."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT s.id, s.name, s.role_title, s.spec_hash, s.created_at, s.updated_at,"
                " (SELECT COUNT(*) FROM files f WHERE f.screening_id = s.id)"
                " FROM screenings s ORDER BY s.updated_at DESC"
            ).fetchall()
            return [
                ScreeningInfo(name, title, spec_hash, len(self._groups(db, sid)), files,
                              len(_shortlisted(db, sid)), created, updated)
                for sid, name, title, spec_hash, created, updated, files in rows
            ]  # fmt: skip

    # ------------------------------------------------------------ candidates
    def known(self, name: str) -> set[str]:
        """SHA-256s of the files already in the screening (to skip them before parsing),
        except files that failed in a way another attempt may not (`RETRYABLE`)."""
        with self._connect() as db:
            sid = self._id(db, name)
            rows = db.execute(
                "SELECT sha256, status, error_code FROM files WHERE screening_id = ?", (sid,)
            )
            return {sha for sha, status, code in rows if not _retryable(status, code)}

    def add(self, name: str, candidates: Sequence[Candidate]) -> list[str]:
        """Append candidates (one transaction); files already there are skipped by content,
        unless they had failed in a way another attempt may not (`RETRYABLE`) and this
        attempt ended otherwise: then the new result replaces the failure.

        Returns the SHA-256s that were new or replaced a failure.
        """
        with self._write(name) as (db, sid):
            rows = db.execute(
                "SELECT sha256, status, error_code FROM files WHERE screening_id = ?", (sid,)
            )
            seen = {sha: (status, code) for sha, status, code in rows}
            now, added = _now(), []
            for candidate in candidates:
                before = seen.get(candidate.sha256)
                outcome = (candidate.status, candidate.error_code)
                if before is not None and (not _retryable(*before) or outcome == before):
                    continue
                seen[candidate.sha256] = outcome
                added.append(candidate.sha256)
                db.execute(
                    "INSERT OR REPLACE INTO files (screening_id, sha256, candidate_id, source,"
                    " added_at, status, error_code, error, score, band, summary, body, emails,"
                    " phones, minhash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    _file_row(sid, candidate, now),
                )
            if added:
                _log(db, sid, "added", f"{len(added)} file(s)")
        return added

    def load(self, name: str) -> Screening:
        """The screening with every candidate rebuilt (scored with its saved spec)."""
        spec = self.spec(name)
        with self._connect() as db:
            sid = self._id(db, name)
            rows = db.execute(
                "SELECT sha256, candidate_id, source, status, error_code, error, body, added_at,"
                " purged_at FROM files WHERE screening_id = ? ORDER BY added_at, sha256",
                (sid,),
            ).fetchall()
            marks = _marks(db, sid)
            notes = _notes(db, sid)
            file_groups = self._groups(db, sid)
        candidates = [
            snapshot.restore(spec, sha256=sha, candidate_id=cid, source=source, status=status,
                             error_code=code, error=error, body=body)
            for sha, cid, source, status, code, error, body, _, purged in rows
            if purged is None
        ]  # fmt: skip
        return Screening(
            name, spec, candidates, marks, notes, file_groups,
            purged=sum(r[8] is not None for r in rows), added_at={r[0]: r[7] for r in rows},
        )  # fmt: skip

    def overview(self, name: str) -> Screening:
        """The screening as the ranking needs it, read from the per-file summaries in one
        query: every candidate's id, file name, status, score and warnings, and
        ``skills`` (found skills by credit, by SHA-256); documents, matches and plans are
        not decoded (`candidates` does that for the files a view opens)."""
        spec = self.spec(name)
        with self._connect() as db:
            sid = self._id(db, name)
            rows = db.execute(
                f"SELECT summary, added_at, purged_at, {_RECORD} FROM files"
                " WHERE screening_id = ? ORDER BY added_at, sha256",
                (sid,),
            ).fetchall()
            marks, notes, file_groups = _marks(db, sid), _notes(db, sid), self._groups(db, sid)
        candidates, skills = [], {}
        for summary, _, purged, *record in rows:
            if purged is None:
                data = orjson.loads(summary)
                candidates.append(snapshot.light(data, **_record(record)))
                skills[record[0]] = data.get("skills", [])
        return Screening(
            name, spec, candidates, marks, notes, file_groups,
            purged=sum(r[2] is not None for r in rows), added_at={r[3]: r[1] for r in rows},
            skills=skills,
        )  # fmt: skip

    def candidates(self, name: str, shas: Sequence[str]) -> dict[str, Candidate]:
        """Full candidates (document, match, saved score, plan rebuilt) of the given files,
        by SHA-256; purged or unknown files are left out."""
        spec = self.spec(name)
        out: dict[str, Candidate] = {}
        with self._connect() as db:
            rows = _select_files(
                db, f"body, {_RECORD}", self._id(db, name), shas, "purged_at IS NULL"
            )
            for body, *record in rows:
                out[record[0]] = snapshot.restore(spec, body=body, **_record(record))
        return out

    def complete(self, name: str, candidates: Sequence[Candidate]) -> list[Candidate]:
        """The given candidates in order, those loaded without their document (`overview`)
        replaced by the full saved candidate under the same shown name (a person's files)."""
        light = [c.sha256 for c in candidates if c.document is None and c.status != "error"]
        full = self.candidates(name, light) if light else {}
        return [
            replace(full[c.sha256], source=c.source) if c.sha256 in full else c for c in candidates
        ]

    def role_fits(
        self, name: str, spec: RoleSpec, role: str, candidates: Sequence[Candidate]
    ) -> dict[str, RoleFit]:
        """Each scored candidate's fit for another role (`fit.role_fit`), by SHA-256: read
        from the file when saved before, else computed once from the stored text and saved
        (a derived figure, keyed by the spec's content hash; the screening's time is kept)."""
        with self._connect() as db:
            sid = self._id(db, name)
            saved = {
                sha: RoleFit(role, score, band, bool(met))
                for sha, score, band, met in db.execute(
                    "SELECT sha256, score, band, must_haves_met FROM fits"
                    " WHERE screening_id = ? AND spec_hash = ?",
                    (sid, spec.fingerprint),
                )
            }
        missing = [c.sha256 for c in candidates if c.score is not None and c.sha256 not in saved]
        if not missing:
            return saved
        new = role_scores(spec, role, self._documents(sid, missing))
        with self._write() as (db, _):
            db.executemany(
                "INSERT OR REPLACE INTO fits VALUES (?, ?, ?, ?, ?, ?)",
                [(sid, sha, spec.fingerprint, f.score, f.band, int(f.must_haves_met))
                 for sha, f in new.items()],
            )  # fmt: skip
        return saved | new

    def _documents(self, sid: int, shas: Sequence[str]) -> list[Document]:
        with self._connect() as db:
            return [
                snapshot.document(body, source=source, sha256=sha)
                for sha, source, body in _select_files(
                    db, "sha256, source, body", sid, shas, "body IS NOT NULL"
                )
            ]

    def rows(self, name: str) -> list[dict[str, Any]]:
        """One flat record per file, from what was saved (no rescoring): for show/export."""
        with self._connect() as db:
            sid = self._id(db, name)
            marks, notes = _marks(db, sid), _notes(db, sid)
            status = dict(
                db.execute("SELECT sha256, status FROM files WHERE screening_id = ?", (sid,))
            )
            person: dict[str, str] = {}
            for group in self._groups(db, sid):
                first = next((sha for sha in group if status[sha] == "ok"), group[0])
                person |= dict.fromkeys(group, first)
            out = []
            for sha, cid, source, status, score, band, summary, added, purged in db.execute(
                "SELECT sha256, candidate_id, source, status, score, band, summary, added_at,"
                " purged_at FROM files WHERE screening_id = ? ORDER BY score IS NULL,"
                " score DESC, candidate_id",
                (sid,),
            ):
                data = orjson.loads(summary)
                mark = marks.get(sha)
                out.append({
                    "id": cid, "source": source, "sha256": sha, "status": status,
                    "score": score, "band": band or "",
                    "missing_must_haves": "; ".join(data.get("missing_must_haves", [])),
                    "red_flags": "; ".join(data.get("red_flags", [])),
                    "breakdown": data.get("breakdown", []),
                    "decision": mark.decision if mark else "",
                    "decided_at": mark.decided_at if mark else "",
                    "decision_note": (mark.note or "") if mark else "",
                    "note": notes.get(sha, ""),
                    "same_person_as": person[sha] if person[sha] != sha else "",
                    "added_at": added, "text_purged_at": purged or "",
                })  # fmt: skip
        return out

    def revision(self, name: str) -> tuple[int, ...]:
        """(files, splits, erased-or-purged, last addition) counts: changes when the
        candidates change (an erasure followed by an addition too), not with decisions."""
        with self._connect() as db:
            return _revision(db, self._id(db, name))

    def marks(self, name: str) -> dict[str, Mark]:
        """The latest decision on each file (read fresh: another session may have decided)."""
        with self._connect() as db:
            return _marks(db, self._id(db, name))

    def notes(self, name: str) -> dict[str, str]:
        """The latest note on each file."""
        with self._connect() as db:
            return _notes(db, self._id(db, name))

    # ------------------------------------------------------------ decisions and notes
    def decide(
        self, name: str, shas: Sequence[str], decision: Decision, *, note: str | None = None
    ) -> None:
        """Record a decision on one or many files (bulk actions are one transaction)."""
        self.save(name, decisions={decision: shas}, decision_note=note)

    def note(self, name: str, sha: str, text: str) -> None:
        """Save the recruiter's note on a file (the latest note is shown)."""
        self.save(name, notes={sha: text})

    def save(
        self,
        name: str,
        *,
        decisions: Mapping[Decision, Sequence[str]] | None = None,
        notes: Mapping[str, str] | None = None,
        decision_note: str | None = None,
    ) -> None:
        """Decisions (files by decision) and notes (text by file) in one transaction: a
        crash keeps all of them or none."""
        decisions, notes = decisions or {}, notes or {}
        if not any(decisions.values()) and not notes:
            return  # nothing to write: the screening's last change stays as it was
        for decision in decisions:
            if decision not in DECISIONS:
                raise StoreError(
                    f"unknown decision {decision!r}; use one of {', '.join(DECISIONS)}"
                )
        with self._write(name) as (db, sid):
            now = _now()
            for sha, text in notes.items():
                db.execute(
                    "INSERT INTO notes (screening_id, sha256, text, written_at)"
                    " VALUES (?, ?, ?, ?)",
                    (sid, sha, text, now),
                )
                _log(db, sid, "note", f"{len(text)} character(s)", sha)
            for decision, shas in decisions.items():
                for sha in shas:
                    db.execute(
                        "INSERT INTO decisions (screening_id, sha256, decision, note, decided_at)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (sid, sha, decision, decision_note, now),
                    )
                    detail = decision + (" (with a note)" if decision_note else "")
                    _log(db, sid, "decision", detail, sha)

    def split(self, name: str, sha: str) -> None:
        """Take one file out of its duplicate group: it stands as its own candidate."""
        with self._write(name) as (db, sid):
            group = next((g for g in self._groups(db, sid) if sha in g), [sha])
            db.executemany(
                "INSERT OR IGNORE INTO kept_apart VALUES (?, ?, ?)",
                [(sid, *sorted((sha, other))) for other in group if other != sha],
            )
            _log(db, sid, "split", "file taken out of its duplicate group", sha)

    def history(self, name: str) -> list[dict[str, Any]]:
        with self._connect() as db:
            sid = self._id(db, name)
            db.row_factory = sqlite3.Row
            return [
                dict(r)
                for r in db.execute(
                    "SELECT at, event, sha256, detail FROM history WHERE screening_id = ?"
                    " ORDER BY id",
                    (sid,),
                )
            ]

    # ------------------------------------------------------------ retention and erasure
    def resolve(self, key: str) -> set[str]:
        """SHA-256s of the files a candidate id ('C-1a2b3c4d') or SHA-256 names."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT DISTINCT sha256 FROM files WHERE candidate_id = ? OR sha256 = ?", (key, key)
            )
            return {r[0] for r in rows}

    def erase(self, sha: str) -> int:
        """Right to erasure: remove a file's text, name, scores, decisions, notes and history
        from every screening, and overwrite it in the file. Returns the files removed."""
        with self._write() as (db, _):
            removed = db.execute("DELETE FROM files WHERE sha256 = ?", (sha,)).rowcount
            for table in ("decisions", "notes", "history", "fits"):
                db.execute(f"DELETE FROM {table} WHERE sha256 = ?", (sha,))
            db.execute("DELETE FROM kept_apart WHERE a = ? OR b = ?", (sha, sha))
        self._checkpoint()
        return removed

    def purge_older_than(self, days: float) -> int:
        """Retention: remove the text, file name, contact signals and notes of files added
        more than ``days`` ago. Scores, breakdowns and decisions stay. Returns files purged."""
        cutoff = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="microseconds")
        with self._write() as (db, _):
            rows = db.execute(
                "SELECT screening_id, sha256, candidate_id FROM files"
                " WHERE purged_at IS NULL AND added_at < ?",
                (cutoff,),
            ).fetchall()
            now = _now()
            for sid, sha, cid in rows:
                db.execute(
                    "UPDATE files SET body = NULL, source = ?, emails = NULL, phones = NULL,"
                    " minhash = NULL, purged_at = ? WHERE screening_id = ? AND sha256 = ?",
                    (cid, now, sid, sha),
                )
                db.execute("DELETE FROM notes WHERE screening_id = ? AND sha256 = ?", (sid, sha))
                db.execute(
                    "UPDATE decisions SET note = NULL WHERE screening_id = ? AND sha256 = ?",
                    (sid, sha),
                )
                _log(db, sid, "purged", f"text removed after {days:g} days", sha)
        self._checkpoint()
        return len(rows)

    def _checkpoint(self) -> None:
        """Copy the WAL into the main file and truncate it, so deleted data leaves both."""
        with self._connect() as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # ------------------------------------------------------------ duplicates
    def _groups(self, db: sqlite3.Connection, sid: int) -> list[list[str]]:
        """The screening's duplicate groups, computed once per revision in this process."""
        key = _revision(db, sid)
        cached = self._group_memo.get(sid)
        if cached is not None and cached[0] == key:
            return [list(g) for g in cached[1]]
        found = self._compute_groups(db, sid)
        self._group_memo[sid] = (key, found)
        return [list(g) for g in found]

    @staticmethod
    def _compute_groups(db: sqlite3.Connection, sid: int) -> list[list[str]]:
        files = {
            sha: _signals_from(emails, phones, minhash)
            for sha, emails, phones, minhash in db.execute(
                "SELECT sha256, emails, phones, minhash FROM files WHERE screening_id = ?"
                " ORDER BY added_at, sha256",
                (sid,),
            )
        }
        apart = db.execute("SELECT a, b FROM kept_apart WHERE screening_id = ?", (sid,))
        return groups(files, [(a, b) for a, b in apart])


# ---------------------------------------------------------------- schema versions
def schema_version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema up to ``target``, one step per transaction; returns the version."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"this screenings database is schema version {version}; this screener knows up to "
            f"{SCHEMA_VERSION}: upgrade screener"
        )
    for number in range(version, target):
        sql, step = MIGRATIONS[number]
        db.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(db) == number:  # another process may have migrated meanwhile
                for statement in filter(str.strip, sql.split(";")):
                    db.execute(statement)
                if step:
                    step(db)
                db.execute(f"PRAGMA user_version = {number + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return schema_version(db)


# ---------------------------------------------------------------- rows
# Errors another attempt may not repeat: a worker timed out or ran out of memory (a busy
# machine, tighter limits that run). Such a file is screened again when it comes back.
RETRYABLE = frozenset({"timeout", "too_complex"})


def _retryable(status: str, error_code: str | None) -> bool:
    return status == "error" and error_code in RETRYABLE


def _file_row(sid: int, candidate: Candidate, now: str) -> tuple[Any, ...]:
    score = candidate.score
    text = candidate.document.text if candidate.document else ""
    return (
        sid, candidate.sha256, candidate.id, candidate.source, now, candidate.status,
        candidate.error_code, candidate.error, score.total if score else None,
        score.band if score else None, orjson.dumps(snapshot.summary(candidate)).decode(),
        snapshot.body_json(candidate), *_signal_columns(signals(text)),
    )  # fmt: skip


_RECORD = "sha256, candidate_id, source, status, error_code, error"  # a file's record columns


def _record(row: Sequence[Any]) -> dict[str, Any]:
    """Keyword arguments of `snapshot.restore` and `snapshot.light` from `_RECORD`'s columns."""
    sha, cid, source, status, code, error = row
    return {"sha256": sha, "candidate_id": cid, "source": source, "status": status,
            "error_code": code, "error": error}  # fmt: skip


def _select_files(
    db: sqlite3.Connection, columns: str, sid: int, shas: Sequence[str], where: str
) -> Iterator[tuple[Any, ...]]:
    """Rows of the given files, in chunks under SQLite's bound-parameter limit."""
    wanted = list(dict.fromkeys(shas))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        yield from db.execute(
            f"SELECT {columns} FROM files WHERE screening_id = ? AND {where}"
            f" AND sha256 IN ({marks})",
            (sid, *chunk),
        )


def _signal_columns(sig: Signals) -> tuple[str, str, str]:
    return (
        " ".join(sorted(sig.emails)),
        " ".join(sorted(sig.phones)),
        " ".join(map(str, sig.minhash)),
    )


def _signals_from(emails: str | None, phones: str | None, minhash: str | None) -> Signals:
    return Signals(
        frozenset((emails or "").split()),
        frozenset((phones or "").split()),
        tuple(int(v) for v in (minhash or "").split()),
    )


def _marks(db: sqlite3.Connection, sid: int) -> dict[str, Mark]:
    rows = db.execute(
        "SELECT sha256, decision, decided_at, note FROM decisions WHERE screening_id = ?"
        " ORDER BY id",
        (sid,),
    )
    return {sha: Mark(decision, at, note) for sha, decision, at, note in rows}


def _shortlisted(db: sqlite3.Connection, sid: int) -> set[str]:
    return {sha for sha, m in _marks(db, sid).items() if m.decision == "shortlisted"}


def _notes(db: sqlite3.Connection, sid: int) -> dict[str, str]:
    rows = db.execute("SELECT sha256, text FROM notes WHERE screening_id = ? ORDER BY id", (sid,))
    return {sha: text for sha, text in rows}


def _log(db: sqlite3.Connection, sid: int, event: str, detail: str, sha: str | None = None) -> None:
    db.execute(
        "INSERT INTO history (screening_id, at, event, sha256, detail) VALUES (?, ?, ?, ?, ?)",
        (sid, _now(), event, sha, detail),
    )


def _revision(db: sqlite3.Connection, sid: int) -> tuple[int, ...]:
    return (
        _count(db, "SELECT COUNT(*) FROM files WHERE screening_id = ?", sid),
        _count(db, "SELECT COUNT(*) FROM kept_apart WHERE screening_id = ?", sid),
        _count(db, "SELECT COUNT(*) FROM history WHERE screening_id = ? AND event IN"
               " ('purged', 'erased')", sid),
        _count(db, "SELECT COALESCE(MAX(id), 0) FROM history WHERE screening_id = ? AND"
               " event = 'added'", sid),
    )  # fmt: skip


def _count(db: sqlite3.Connection, query: str, sid: int) -> int:
    return int(db.execute(query, (sid,)).fetchone()[0])
