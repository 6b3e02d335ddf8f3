"""Saved screenings: round trip, decisions, migrations, concurrency, crashes, erasure."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from screener import store as store_module
from screener.export import skills_by_credit
from screener.fit import role_scores
from screener.screen import Candidate, screen_files, screen_one
from screener.spec import RoleSpec, load_spec
from screener.store import MIGRATIONS, SCHEMA_VERSION, ScreeningStore, StoreError, migrate
from tests.conftest import ROOT, SAMPLES

NAME = "Backend Q1"


@pytest.fixture(scope="module")
def sample_candidates(junior_spec: RoleSpec) -> list[Candidate]:
    files = [(p.name, p.read_bytes()) for p in sorted(SAMPLES.iterdir()) if p.suffix != ".yaml"]
    return screen_files(junior_spec, files, workers=1)


@pytest.fixture
def store(tmp_path: Path, junior_spec: RoleSpec) -> ScreeningStore:
    db = ScreeningStore(tmp_path / "screenings.sqlite3")
    db.create(NAME, junior_spec)
    return db


def test_reopened_candidates_equal_what_was_saved(store, sample_candidates):
    assert len(store.add(NAME, sample_candidates)) == 17
    reopened = {c.sha256: c for c in store.load(NAME).candidates}
    assert set(reopened) == {c.sha256 for c in sample_candidates}
    for original in sample_candidates:
        again = reopened[original.sha256]
        assert (again.id, again.source, again.status) == (
            original.id,
            original.source,
            original.status,
        )
        assert again.document == original.document
        assert again.match == original.match
        assert again.score == original.score
        assert again.plan == original.plan
        assert (again.error_code, again.error) == (original.error_code, original.error)


def test_overview_reads_scores_and_skills_without_the_bodies(store, sample_candidates):
    store.add(NAME, sample_candidates)
    overview, full = store.overview(NAME), store.load(NAME)

    def key(c: Candidate) -> tuple[object, ...]:
        return c.id, c.source, c.status, c.score, c.warnings, c.error

    assert [key(c) for c in overview.candidates] == [key(c) for c in full.candidates]
    assert all(c.document is None and c.match is None for c in overview.candidates)
    assert overview.skills == {c.sha256: skills_by_credit(c) for c in full.candidates}
    assert any(overview.skills.values())
    assert (overview.groups, overview.marks) == (full.groups, full.marks)
    # the views that need text and matches get the full candidate, under the shown name
    person = replace(overview.candidates[0], source="a.pdf + a.docx")
    [completed] = store.complete(NAME, [person])
    assert completed == replace(full.candidates[0], source="a.pdf + a.docx")
    assert completed.plan is not None and completed.document is not None


def test_role_fits_are_computed_once_and_kept(store, sample_candidates, monkeypatch):
    store.add(NAME, sample_candidates)
    spec = load_spec(ROOT / "role_specs" / "full_stack_developer.yaml")
    light = store.overview(NAME).candidates
    fits = store.role_fits(NAME, spec, "Full-Stack", light)
    scored = [c for c in sample_candidates if c.score is not None]
    assert fits == role_scores(spec, "Full-Stack", [c.document for c in scored if c.document])
    assert len(fits) == len(scored)

    def recompute(*args: object) -> None:
        raise AssertionError("fits were computed again")

    monkeypatch.setattr(store_module, "role_scores", recompute)
    assert ScreeningStore(store.path).role_fits(NAME, spec, "Full-Stack", light) == fits


def test_revision_changes_when_an_erased_file_is_replaced(store, sample_candidates):
    store.add(NAME, sample_candidates[:2])
    before = store.revision(NAME)
    groups_before = store.overview(NAME).groups
    store.erase(sample_candidates[1].sha256)
    store.add(NAME, [sample_candidates[2]])  # as many files as before
    assert store.revision(NAME) != before
    assert store.overview(NAME).groups != groups_before  # the memoised groups follow


def test_adding_again_skips_files_already_seen(store, sample_candidates):
    store.add(NAME, sample_candidates[:5])
    assert store.add(NAME, sample_candidates[:8]) == [c.sha256 for c in sample_candidates[5:8]]
    assert len(store.known(NAME)) == 8


def _failed_as(candidate: Candidate, code: str) -> Candidate:
    return replace(
        candidate, status="error", error_code=code, error="reason", document=None, match=None,
        score=None, plan=None,
    )  # fmt: skip


def test_a_file_that_timed_out_is_screened_again_and_its_result_replaces_the_failure(
    store, sample_candidates
):
    good, other = [c for c in sample_candidates if c.status == "ok"][:2]
    timed_out, corrupt = _failed_as(good, "timeout"), _failed_as(other, "corrupt")
    assert store.add(NAME, [timed_out, corrupt]) == [good.sha256, corrupt.sha256]
    assert store.known(NAME) == {corrupt.sha256}  # a timeout may not happen again: not known
    assert store.add(NAME, [timed_out]) == []  # the same failure again: nothing rewritten
    assert store.add(NAME, [good, other]) == [good.sha256]  # the corrupt file's row stays
    assert store.known(NAME) == {good.sha256, corrupt.sha256}
    reopened = {c.sha256: c for c in store.load(NAME).candidates}
    assert reopened[good.sha256].score == good.score
    assert reopened[corrupt.sha256].error_code == "corrupt"


def test_spec_is_kept_as_used(store, junior_spec):
    assert store.spec(NAME).fingerprint == junior_spec.fingerprint
    assert store.spec(NAME) == junior_spec


def test_decisions_latest_counts_and_history_keeps_all(store, sample_candidates):
    store.add(NAME, sample_candidates)
    a, b = sample_candidates[0].sha256, sample_candidates[1].sha256
    store.decide(NAME, [a, b], "shortlisted")
    store.decide(NAME, [b], "to_review", note="check dates")
    store.note(NAME, a, "strong Django")
    opened = store.load(NAME)
    assert opened.shortlist() == {a}
    assert opened.marks[b].decision == "to_review"
    assert opened.marks[b].note == "check dates"
    assert opened.notes == {a: "strong Django"}
    events = [(h["event"], h["sha256"]) for h in store.history(NAME)]
    assert events[-4:] == [("decision", a), ("decision", b), ("decision", b), ("note", a)]
    assert [s.shortlisted for s in store.screenings()] == [1]


def test_a_decision_and_a_note_are_saved_together_or_not_at_all(store, sample_candidates):
    store.add(NAME, sample_candidates[:2])
    a, b = sample_candidates[0].sha256, sample_candidates[1].sha256
    before = store.history(NAME)
    with pytest.raises(StoreError, match="unknown decision"):
        store.save(NAME, notes={a: "kept?"}, decisions={"hired": [a]})  # type: ignore[dict-item]
    store.save(NAME)  # nothing to save: nothing written
    assert store.history(NAME) == before and store.load(NAME).notes == {}
    store.save(NAME, notes={a: "strong Django"}, decisions={"shortlisted": [a], "to_review": [b]})
    opened = store.load(NAME)
    assert opened.notes == {a: "strong Django"} and opened.shortlist() == {a}
    assert opened.marks[b].decision == "to_review"


def test_unknown_screening_and_decision_are_clear_errors(store, junior_spec):
    with pytest.raises(StoreError, match="no saved screening called 'nope'"):
        store.load("nope")
    with pytest.raises(StoreError, match="already exists"):
        store.create(NAME, junior_spec)
    with pytest.raises(StoreError, match="unknown decision 'maybe'"):
        store.decide(NAME, ["x"], "maybe")  # type: ignore[arg-type]


def test_list_shows_role_counts_and_last_change(store, sample_candidates, junior_spec):
    store.create("Older", junior_spec)
    store.add(NAME, sample_candidates[:3])
    [first, second] = store.screenings()
    assert (first.name, first.role_title, first.files, first.candidates) == (
        NAME,
        "Junior Backend Engineer",
        3,
        3,
    )
    assert second.name == "Older" and second.files == 0
    assert first.updated_at > second.updated_at


def test_delete_removes_the_screening(store):
    store.delete(NAME)
    assert store.screenings() == []
    with pytest.raises(StoreError):
        store.delete(NAME)


def test_journal_is_wal(store):
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# ---------------------------------------------------------------- migrations
def _database_at(path: Path, version: int) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, version)
    return db


def _old_summary(candidate: Candidate) -> str:
    """The summary as versions 1 and 2 wrote it: total, band, breakdown, flags; no score."""
    score = candidate.score
    assert score is not None
    return json.dumps({
        "total": score.total, "band": score.band,
        "breakdown": [[p.name, p.points, p.max_points] for p in score.parts],
        "missing_must_haves": list(score.missing_must_haves),
        "red_flags": [f.name for f in score.red_flags],
    })  # fmt: skip


@pytest.mark.parametrize("start", range(SCHEMA_VERSION))
def test_migrations_from_every_earlier_version(tmp_path, start, junior_spec, sample_candidates):
    """A database left at any earlier version, filled as that version wrote it, opens, keeps
    its data and reaches the latest: signals (v2) and full summaries (v3) are backfilled."""
    path = tmp_path / "old.sqlite3"
    _database_at(path, start).close()
    candidate = next(c for c in sample_candidates if c.score and c.score.credits)
    if start >= 1:  # one screening, one file, one decision
        row = list(store_module._file_row(1, candidate, "t1"))
        row[10] = _old_summary(candidate)
        columns = (
            "screening_id, sha256, candidate_id, source, added_at, status, error_code, error,"
            " score, band, summary, body"
        )
        if start >= 2:
            columns += ", emails, phones, minhash"
        else:
            row = row[:12]
        with sqlite3.connect(path) as db:
            db.execute(
                "INSERT INTO screenings VALUES (1, ?, ?, ?, ?, 't0', 't0')",
                (NAME, junior_spec.title, junior_spec.model_dump_json(), junior_spec.fingerprint),
            )
            marks = ", ".join("?" * len(row))
            db.execute(f"INSERT INTO files ({columns}) VALUES ({marks})", row)
            db.execute(
                "INSERT INTO decisions (screening_id, sha256, decision, decided_at)"
                " VALUES (1, ?, 'shortlisted', 't2')",
                (candidate.sha256,),
            )
    opened = ScreeningStore(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = {r[1] for r in db.execute("PRAGMA table_info(files)")}
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"emails", "phones", "minhash"} <= columns
    assert "fits" in tables
    if start >= 1:
        reopened = opened.load(NAME)
        assert [c.score for c in reopened.candidates] == [candidate.score]
        assert reopened.shortlist() == {candidate.sha256}
        with sqlite3.connect(path) as db:
            [minhash] = db.execute("SELECT minhash FROM files").fetchone()
        assert len(minhash.split()) == 64  # backfilled by the version-2 step
        overview = opened.overview(NAME)  # reads only the summaries the version-3 step rebuilt
        assert [c.score for c in overview.candidates] == [candidate.score]
        assert overview.skills == {candidate.sha256: skills_by_credit(candidate)}
        assert overview.skills[candidate.sha256]


def test_schema_has_one_step_per_version():
    assert SCHEMA_VERSION == len(MIGRATIONS) == 3


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="schema version 4; this screener knows up to 3"):
        ScreeningStore(path)


# ---------------------------------------------------------------- concurrency and crashes
WRITER = textwrap.dedent(
    """
    import sys
    from screener.store import ScreeningStore
    store = ScreeningStore(sys.argv[1])
    tag, count = sys.argv[2], int(sys.argv[3])
    for i in range(count):
        store.decide("Backend Q1", [f"{tag}-{i}"], "shortlisted", note=f"{tag} {i}")
        print(i, flush=True)  # acknowledged: the commit returned
    """
)


def _writer(path: Path, tag: str, count: int, *, pipe: bool = True) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), tag, str(count)],
        stdout=subprocess.PIPE if pipe else subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.slow
def test_two_sessions_writing_at_once_lose_nothing(store):
    writers = [_writer(store.path, tag, 150, pipe=False) for tag in ("a", "b")]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    marks = store.load(NAME).marks
    assert len(marks) == 300
    assert {marks[f"a-{i}"].note for i in range(150)} == {f"a {i}" for i in range(150)}


@pytest.mark.slow
def test_killed_mid_save_keeps_every_acknowledged_decision(store, sample_candidates):
    writer = _writer(store.path, "k", 100_000)
    assert writer.stdout is not None
    acknowledged = -1
    for line in writer.stdout:
        acknowledged = int(line)
        if acknowledged >= 60:
            break
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    marks = ScreeningStore(store.path).load(NAME).marks
    assert {f"k-{i}" for i in range(acknowledged + 1)} <= set(marks)


ADDER = textwrap.dedent(
    """
    import sys, time
    from screener import snapshot
    from screener.screen import screen_one
    from screener.spec import load_spec
    from screener.store import ScreeningStore
    spec = load_spec("role_specs/junior_backend_engineer.yaml")
    batch = [screen_one(spec, f"r{i}.txt", f"Python SQL Git resume {i} ".encode() * 40)
             for i in range(400)]
    store = ScreeningStore(sys.argv[1])
    encode, written = snapshot.body_json, []
    def slow_encode(candidate):  # half-way through the batch's one transaction: stall
        written.append(1)
        if len(written) == 200:
            print("half", flush=True)
            time.sleep(60)
        return encode(candidate)
    snapshot.body_json = slow_encode
    store.add("Backend Q1", batch)
    """
)


@pytest.mark.slow
def test_killed_mid_batch_leaves_nothing_half_saved(store):
    adder = subprocess.Popen(
        [sys.executable, "-c", ADDER, str(store.path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert adder.stdout is not None
    assert adder.stdout.readline().strip() == "half"  # 199 rows inserted, not committed
    os.kill(adder.pid, signal.SIGKILL)
    adder.wait(timeout=30)
    adder.stdout.close()
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened = ScreeningStore(store.path)
    assert reopened.known(NAME) == set()
    reopened.decide(NAME, ["x"], "to_review")  # the file is writable again
    assert reopened.load(NAME).marks["x"].decision == "to_review"


# ---------------------------------------------------------------- retention and erasure
MARKERS = ["Zebulon Quackenbush", "zebulon.q@example.org", "+44 7700 900123", "Quackenbush"]
PERSON = f"""{MARKERS[0]}
{MARKERS[1]} | {MARKERS[2]}

EXPERIENCE
Backend intern, Quackenbush Widgets: built a REST API in Python with PostgreSQL and Git.
"""


def _raw_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_erasure_leaves_nothing_of_the_candidate_in_the_file(store, junior_spec, sample_candidates):
    person = screen_one(junior_spec, "zebulon_quackenbush_cv.txt", PERSON.encode())
    store.add(NAME, [*sample_candidates[:3], person])
    store.decide(NAME, [person.sha256], "shortlisted", note="Zebulon Quackenbush, call Monday")
    store.note(NAME, person.sha256, "Quackenbush: strong API work")
    full_stack = load_spec(ROOT / "role_specs" / "full_stack_developer.yaml")
    assert person.sha256 in store.role_fits(NAME, full_stack, "Full-Stack", [person])
    raw = _raw_bytes(store.path)
    assert all(m.encode() in raw for m in MARKERS) and person.sha256.encode() in raw
    assert store.erase(person.sha256) == 1
    raw = _raw_bytes(store.path)
    for marker in [*MARKERS, "zebulon", person.sha256, person.id, "Quackenbush Widgets"]:
        assert marker.encode() not in raw, marker
    assert len(store.load(NAME).candidates) == 3  # the others are untouched


def test_retention_purges_text_but_keeps_scores_and_decisions(store, junior_spec):
    person = screen_one(junior_spec, "zebulon_quackenbush_cv.txt", PERSON.encode())
    store.add(NAME, [person])
    store.decide(NAME, [person.sha256], "shortlisted", note="Zebulon: call")
    store.note(NAME, person.sha256, "Quackenbush: strong")
    with sqlite3.connect(store.path) as db:  # as if added 40 days ago
        old = (datetime.now(UTC) - timedelta(days=40)).isoformat()
        db.execute("UPDATE files SET added_at = ?", (old,))
    assert store.purge_older_than(30) == 1
    assert store.purge_older_than(30) == 0
    raw = _raw_bytes(store.path)
    for marker in [*MARKERS, "Quackenbush Widgets"]:
        assert marker.encode() not in raw, marker
    [row] = store.rows(NAME)
    assert row["score"] == person.score.total and row["decision"] == "shortlisted"
    assert row["source"] == person.id and row["text_purged_at"]
    reopened = store.load(NAME)
    assert (reopened.candidates, reopened.purged) == ([], 1)


def test_recent_files_survive_retention(store, junior_spec):
    store.add(NAME, [screen_one(junior_spec, "a.txt", PERSON.encode())])
    assert store.purge_older_than(30) == 0
    assert len(store.load(NAME).candidates) == 1


def test_default_location_is_beside_the_audit_trail(monkeypatch, tmp_path):
    monkeypatch.setenv("SCREENER_AUDIT_DB", str(tmp_path / "audit.sqlite3"))
    monkeypatch.delenv("SCREENER_SCREENINGS_DB", raising=False)
    assert store_module.default_path() == tmp_path / "screenings.sqlite3"
    monkeypatch.setenv("SCREENER_SCREENINGS_DB", str(tmp_path / "x" / "s.db"))
    assert store_module.default_path() == tmp_path / "x" / "s.db"


def test_retention_setting(monkeypatch):
    monkeypatch.setenv("SCREENER_RETENTION_DAYS", "180")
    assert store_module.retention_days() == 180
    monkeypatch.setenv("SCREENER_RETENTION_DAYS", "half a year")
    with pytest.raises(StoreError, match="must be a number of days, not 'half a year'"):
        store_module.retention_days()
    monkeypatch.delenv("SCREENER_RETENTION_DAYS")
    assert store_module.retention_days() is None


def test_a_score_field_added_later_takes_its_default(sample_candidates):
    from screener import snapshot

    scored = next(c for c in sample_candidates if c.score)
    data = snapshot._score_json(scored.score)
    del data["band_note"]  # as a snapshot written before the field existed
    data["from_the_future"] = 1  # and one from a newer screener
    assert snapshot._score(data) == replace(scored.score, band_note="")
