from __future__ import annotations

import os
import signal

import pytest

from screener.errors import IngestError
from screener.workers import Task, WorkerPool
from tests import worker_tasks


def _run(pool: WorkerPool, func, names, timeout_s=10.0, context=None) -> dict[str, object]:
    tasks = [Task(func, (name,), name, timeout_s) for name in names]
    return {names[index]: outcome for index, outcome in pool.run(tasks, context)}


def test_results_come_back_for_every_task_with_the_context():
    with WorkerPool(2) as pool:
        results = _run(pool, worker_tasks.echo, [f"f{i}" for i in range(20)], context=("k", "ctx"))
    assert results == {f"f{i}": f"ctx:f{i}" for i in range(20)}


@pytest.mark.slow
def test_stuck_file_times_out_and_files_queued_behind_it_are_not_lost():
    with WorkerPool(1) as pool:  # one worker: every other file is queued behind the stuck one
        first = pool.pids()
        results = _run(pool, worker_tasks.sleep_if_stuck, ["a", "stuck", "b", "c"], timeout_s=2)
        assert pool.replaced == 1 and pool.pids() != first
    error = results.pop("stuck")
    assert isinstance(error, IngestError) and error.code == "timeout"
    assert error.filename == "stuck" and "gave up after 2 s" in error.message
    assert results == {"a": "done:a", "b": "done:b", "c": "done:c"}


@pytest.mark.slow
def test_a_file_that_crashes_its_worker_is_reported_and_the_batch_goes_on():
    with WorkerPool(2) as pool:
        results = _run(pool, worker_tasks.crash_if_bad, ["a", "bad", "b", "c", "d"])
        assert pool.replaced == 2  # tried on a second worker before it is blamed
    error = results.pop("bad")
    assert isinstance(error, IngestError) and error.code == "too_complex"
    assert results == {name: f"done:{name}" for name in "abcd"}


@pytest.mark.slow
def test_memory_cap_stops_an_inflating_task_and_the_worker_is_replaced():
    with WorkerPool(1, memory_mb=256) as pool:
        results = _run(pool, worker_tasks.inflate_if_big, ["a", "big", "b"])
        assert _run(pool, worker_tasks.echo, ["after"]) == {"after": "None:after"}
    error = results.pop("big")
    assert isinstance(error, IngestError) and error.code == "too_complex"
    assert "256 MB" in error.message
    assert results == {"a": "done:a", "b": "done:b"}


def test_workers_are_long_lived():
    with WorkerPool(2) as pool:
        pids = set(_run(pool, worker_tasks.pid, [f"f{i}" for i in range(12)]).values())
        assert pids == set(pool.pids()) and len(pids) == 2
        assert os.getpid() not in pids


def _kill_one_at(done_when: int, killed: list[int], pool: WorkerPool):
    def progress(done: int, total: int, name: str) -> None:
        if done == done_when:
            victim = pool.pids()[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    return progress


def test_killing_a_worker_mid_batch_loses_no_file(junior_spec):
    from screener.screen import screen_files
    from tests.conftest import SAMPLES

    files = [(p.name, p.read_bytes()) for p in sorted(SAMPLES.iterdir()) if p.suffix != ".yaml"]
    killed: list[int] = []

    with WorkerPool(2) as pool:
        progress = _kill_one_at(3, killed, pool)
        results = screen_files(junior_spec, files, progress=progress, pool=pool)
        assert killed and killed[0] not in pool.pids() and pool.replaced == 1
    assert [c.source for c in results] == [name for name, _ in files]
    assert {c.status for c in results} == {"ok", "needs_review"}  # no file was blamed
    serial = [screen_files(junior_spec, [f], workers=1)[0] for f in files]
    assert [c.score for c in results] == [c.score for c in serial]


def test_killing_a_worker_mid_batch_of_paths_loses_no_file(junior_spec):
    """The CLI's way: the workers read the files; the killed worker's files are re-read."""
    from operator import attrgetter

    from screener.screen import screen_files, screen_files_as
    from tests.conftest import SAMPLES

    paths = [p for p in sorted(SAMPLES.iterdir()) if p.suffix != ".yaml"]
    summary = attrgetter("source", "status", "id")
    killed: list[int] = []
    with WorkerPool(2) as pool:
        progress = _kill_one_at(4, killed, pool)
        sources = [(p.name, p) for p in paths]
        results = screen_files_as(junior_spec, sources, summary, progress=progress, pool=pool)
        assert killed and pool.replaced == 1
    from_bytes = screen_files(junior_spec, [(p.name, p.read_bytes()) for p in paths], workers=1)
    assert results == [summary(c) for c in from_bytes]


def test_start_method_fork_alone_forkserver_with_threads():
    import threading

    with WorkerPool(1) as pool:  # this thread alone: forked from us
        assert set(_run(pool, worker_tasks.parent_pid, ["a"]).values()) == {os.getpid()}
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        with WorkerPool(1) as pool:  # another thread running: forked from the fork server
            [parent] = _run(pool, worker_tasks.parent_pid, ["a"]).values()
    finally:
        release.set()
        other.join()
    assert parent != os.getpid()


def test_workers_exit_by_themselves_when_the_pool_closes():
    """A forked worker holds no copy of any parent-side pipe end, so closing the pool (or
    the parent dying) ends every worker at once; before, each waited for a kill after 1 s."""
    pool = WorkerPool(3)
    _run(pool, worker_tasks.echo, ["a", "b", "c"])
    processes = [w.process for w in pool._workers]
    pool.close()
    assert [p.exitcode for p in processes] == [0, 0, 0]  # not -9: nobody was killed


def test_start_forks_every_worker_before_the_first_batch_and_run_reuses_them():
    with WorkerPool(2) as pool:
        pool.start()
        started = pool.pids()
        assert len(started) == 2
        assert _run(pool, worker_tasks.echo, ["a", "b", "c"]) == {n: f"None:{n}" for n in "abc"}
        assert pool.pids() == started


def test_quick_tasks_are_queued_deep_and_their_replies_read_together(monkeypatch):
    """A worker is fed ~10 ms of work, and the caller wakes once per few replies, not once
    per task (each wake-up costs the caller CPU the workers could use)."""
    from screener import workers

    waits: list[float] = []
    readable = workers._readable

    def counted(busy, timeout):
        if timeout > 0:  # a wait for a reply, not a look at what has gathered
            waits.append(timeout)
        return readable(busy, timeout)

    monkeypatch.setattr(workers, "_readable", counted)
    names = [f"f{i}" for i in range(200)]
    with WorkerPool(1) as pool:
        assert _run(pool, worker_tasks.nap, names) == {name: name for name in names}
        worker = pool._workers[0]
        assert worker.depth() > 2  # more in flight than the two a slow file gets
        task_s = worker.task_s  # ~1 ms, more on a busy machine: what the bound scales by
    # each wake-up reads what gathered during a COALESCE_S sleep, not a single reply
    per_wakeup = 1 + workers.COALESCE_S / max(task_s, 1e-4)  # ~5 for 1 ms tasks
    assert len(waits) < 2 * len(names) / per_wakeup


def test_depth_keeps_about_ten_milliseconds_of_work_queued():
    worker = _idle_worker()
    assert worker.depth() == 2  # no task timed yet
    worker.task_s = 0.001
    assert worker.depth() == 11
    worker.task_s = 0.0001
    assert worker.depth() == 16  # at most
    worker.task_s = 0.5  # a slow PDF: just the next one ready
    assert worker.depth() == 2


def _idle_worker():
    from multiprocessing import Pipe

    from screener.workers import _Worker

    ours, _theirs = Pipe()
    return _Worker(process=None, conn=ours)


@pytest.mark.slow
def test_a_stuck_worker_is_never_sent_more_than_its_pipe_holds():
    """Deep queues must not let unread tasks fill a stuck worker's pipe: the caller would
    block in `send` and never see the deadline. 16 tasks of 40 KB would (640 KB)."""

    def stuck_caller(*_: object) -> None:
        raise RuntimeError("the pool blocked sending to a stuck worker")  # not an OSError

    ballast = b"x" * 40_000
    previous = signal.signal(signal.SIGALRM, stuck_caller)
    signal.alarm(10)  # the stuck task times out after 2 s; its sleep lasts 30
    try:
        with WorkerPool(1) as pool:
            _run(pool, worker_tasks.nap, ["warm"])  # its tasks are quick: the depth grows
            names = ["stuck", *(f"f{i}" for i in range(15))]
            tasks = [
                Task(worker_tasks.sleep_if_stuck if n == "stuck" else worker_tasks.nap,
                     (n,) if n == "stuck" else (n, ballast), n, 2.0)
                for n in names
            ]  # fmt: skip
            results = {names[i]: outcome for i, outcome in pool.run(tasks)}
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert isinstance(results.pop("stuck"), IngestError)
    assert results == {name: name for name in names[1:]}
