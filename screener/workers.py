"""Warm sandboxed worker processes: hostile files are parsed away from the caller.

A `WorkerPool` keeps a few long-lived processes (default: one per core), each with an
address-space cap, and feeds them tasks. A task that runs past its time limit gets its
worker killed and replaced, and is reported as timed out; a worker that dies (memory cap,
a crashing parser) is replaced and its file reported. Tasks queued behind the one that
failed are handed to a fresh worker, never lost. A task's result is whatever its function
returns *inside* the worker, after that function has applied every cap.

Quick tasks (a text resume takes ~1.4 ms) are fed in bulk: each worker keeps about
`QUEUED_S` of work queued, and while every worker has that much the caller sleeps
`COALESCE_S` between looks and then reads every reply waiting, instead of waking once per
file (per-file wake-ups took ~115 us of the caller's CPU each, from the workers' cores).

Start method, chosen per worker: ``fork`` when the caller has a single thread (the CLI,
the benchmarks), ``forkserver`` when it has more (Streamlit serves each session in a
thread). ``fork`` starts a worker in about a millisecond with everything imported; from
a threaded process it can deadlock on a lock another thread held (Python 3.12 warns
about it). ``forkserver`` workers fork from a small single-threaded server that imported
screener once (about 0.4 s, the first time only), so a replacement still costs
milliseconds, and they never inherit the app's threads or memory (other sessions'
uploads never sit in a process that parses a hostile file). ``spawn`` would re-import
everything for every worker.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import faulthandler
import functools
import io
import itertools
import math
import multiprocessing
import os
import pickle
import resource
import select
import sys
import threading
import time
import types
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from screener.errors import IngestError

PRELOAD = ["screener.screen", "screener.export"]  # what task functions need
SMALL_MESSAGE = 48 * 1024  # unread task bytes a busy worker may hold: sending never blocks
STARTUP_S = 60.0
COALESCE_S = 0.004  # how long the caller lets replies gather while every worker is fed
QUEUED_S = 0.010  # work kept queued per worker (by its recent task times)
MAX_DEPTH = 16  # tasks in flight per worker at most (the least is two)


@dataclass(frozen=True)
class Task:
    """``func(context, *args)`` for the file ``filename``, within ``timeout_s`` seconds."""

    func: Callable[..., Any]
    args: tuple[Any, ...]
    filename: str
    timeout_s: float


Outcome = Any  # the task function's return value, or an IngestError


@dataclass
class _Worker:
    process: Any
    conn: Connection
    queue: deque[int] = field(default_factory=deque)  # task indexes sent, oldest first
    contexts: set[str] = field(default_factory=set)
    deadline: float = 0.0
    sizes: dict[int, int] = field(default_factory=dict)  # task index -> its message's bytes
    task_s: float = 0.0  # how long its recent tasks took (0 until one has)
    poller: Any = field(init=False, repr=False)  # a `select.poll` on its pipe alone

    def __post_init__(self) -> None:
        self.poller = select.poll()
        self.poller.register(self.conn.fileno(), select.POLLIN)

    def has_reply(self) -> bool:
        """A reply (or the pipe's end) is waiting: `Connection.poll` builds a selector."""
        return bool(self.poller.poll(0))

    def unread(self) -> int:
        """Bytes of the tasks queued behind the one being run: still in the pipe."""
        return sum(self.sizes[index] for index in itertools.islice(self.queue, 1, None))

    def depth(self) -> int:
        """Tasks to keep in flight: enough for `QUEUED_S` of work, two at least."""
        if self.task_s <= 0:
            return 2
        return max(2, min(MAX_DEPTH, 1 + math.ceil(QUEUED_S / self.task_s)))

    def fed(self) -> bool:
        """Has queued work for longer than `COALESCE_S`, behind the task it is running."""
        return (len(self.queue) - 1) * self.task_s > COALESCE_S


class WorkerPool:
    """Long-lived sandboxed worker processes; `run` streams outcomes as tasks finish."""

    def __init__(self, size: int | None = None, *, memory_mb: int = 768) -> None:
        self.size = max(1, size or os.cpu_count() or 1)
        self.memory_mb = memory_mb
        self.lock = threading.Lock()  # one batch at a time
        self._workers: list[_Worker] = []
        self.replaced = 0  # workers killed or crashed and replaced (for tests and figures)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(
        self, tasks: Sequence[Task], context: tuple[str, Any] | None = None
    ) -> Iterator[tuple[int, Outcome]]:
        """Run every task; yields ``(task index, outcome)`` as each finishes (any order).

        ``context`` is ``(key, value)`` sent once to each worker and passed as the first
        argument of every task function (None is passed when there is no context).
        """
        pending = deque(range(len(tasks)))
        crashed: set[int] = set()
        self._grow(min(self.size, len(tasks)))
        try:
            while pending or any(w.queue for w in self._workers):
                self._dispatch(tasks, pending, context)
                busy = [w for w in self._workers if w.queue]
                timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
                ready = _readable(busy, timeout)
                if ready and all(w.fed() for w in busy):
                    time.sleep(COALESCE_S)  # nobody runs dry meanwhile: let replies gather
                    ready = _readable(busy, 0)
                for worker in busy:
                    if worker.conn.fileno() in ready:
                        yield from self._receive(worker, tasks, pending, crashed)
                    elif time.monotonic() >= worker.deadline:
                        yield self._fail(worker, pending, _timed_out(tasks[worker.queue[0]]))
        finally:  # the caller stopped early: drop workers still holding its tasks
            for worker in [w for w in self._workers if w.queue]:
                self._replace(worker)

    def close(self) -> None:
        """Stop every worker (they exit when their pipe closes)."""
        for worker in self._workers:
            _close(worker.conn)
        for worker in self._workers:
            worker.process.join(1)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self._workers.clear()

    def start(self) -> None:
        """Start every worker now (they warm up while the caller prepares the batch)."""
        self._grow(self.size)

    def pids(self) -> list[int]:
        return [w.process.pid for w in self._workers]

    # ------------------------------------------------------------ internals
    def _grow(self, count: int) -> None:
        started = [self._start() for _ in range(count - len(self._workers))]
        self._workers += [_ready(worker) for worker in started]

    def _start(self) -> _Worker:
        context = _start_method()
        receiver, sender = context.Pipe(duplex=True)
        # A forked child inherits the parent's ends of every worker's pipe (its own
        # included): it closes them, so a worker sees end-of-file as soon as the parent
        # closes its pipe or dies, instead of waiting for a kill.
        inherited: list[int] = []
        if context.get_start_method() == "fork":
            inherited = [fd for fd in {*_PARENT_ENDS, receiver.fileno()} if fd != sender.fileno()]
        process = context.Process(
            target=_serve, args=(sender, self.memory_mb, inherited), daemon=True
        )
        with _main_hidden():
            process.start()
        sender.close()
        _PARENT_ENDS.add(receiver.fileno())
        return _Worker(process, receiver)

    def _dispatch(
        self, tasks: Sequence[Task], pending: deque[int], context: tuple[str, Any] | None
    ) -> None:
        key = context[0] if context else ""
        for worker in self._workers:
            while pending and len(worker.queue) < worker.depth():
                index = pending[0]
                task = tasks[index]
                message = pickle.dumps(("task", task.func, key, task.args), protocol=5)
                idle = not worker.queue
                new_context = context is not None and key not in worker.contexts
                too_much = worker.unread() + len(message) > SMALL_MESSAGE
                if not idle and (too_much or new_context):
                    break  # more unread bytes could block us while this worker is busy
                pending.popleft()
                if idle:
                    worker.deadline = time.monotonic() + task.timeout_s
                worker.queue.append(index)
                worker.sizes[index] = len(message)
                try:
                    if new_context and context:
                        worker.conn.send(("context", key, context[1]))
                        worker.contexts.add(key)
                    worker.conn.send_bytes(message)
                except OSError:
                    break  # the worker died: `run` sees its pipe close and replaces it

    def _receive(
        self, worker: _Worker, tasks: Sequence[Task], pending: deque[int], crashed: set[int]
    ) -> Iterator[tuple[int, Outcome]]:
        """Every reply the worker has sent (at least one, or its death)."""
        while True:
            try:
                outcome, payload, seconds = worker.conn.recv()
            except (EOFError, OSError):
                # The worker died. Its current file is blamed only if it kills a second
                # worker too: a worker killed from outside (or idle) blames nobody.
                head = worker.queue[0]
                if head in crashed:
                    yield self._fail(worker, pending, _crashed(tasks[head], self))
                else:
                    crashed.add(head)
                    pending.extendleft(reversed(worker.queue))
                    worker.queue.clear()
                    self._replace(worker)
                return
            index = worker.queue.popleft()
            del worker.sizes[index]
            worker.task_s = seconds if not worker.task_s else (worker.task_s + seconds) / 2
            if worker.queue:  # the worker reads and starts its next task now (its time
                # limit counts from this read: at most a coalescing sleep late)
                worker.deadline = time.monotonic() + tasks[worker.queue[0]].timeout_s
            yield index, IngestError(*payload) if outcome == "error" else payload
            if not worker.queue or not worker.has_reply():
                return

    def _fail(
        self, worker: _Worker, pending: deque[int], error: IngestError
    ) -> tuple[int, Outcome]:
        """Report the worker's current task as failed, requeue the rest, replace the worker."""
        failed, *queued = worker.queue
        pending.extendleft(reversed(queued))
        worker.queue.clear()
        self._replace(worker)
        return failed, error

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join()
        _close(worker.conn)
        self._workers[self._workers.index(worker)] = _ready(self._start())
        self.replaced += 1


_PARENT_ENDS: set[int] = set()  # file descriptors of the parent's ends of worker pipes


def _readable(busy: Sequence[_Worker], timeout: float) -> set[int]:
    """The pipes of ``busy`` with a reply (or closed) within ``timeout`` seconds.

    `select.poll` itself: `multiprocessing.connection.wait` builds a selector per call
    (~2,000 calls for 2,000 files), CPU the parent takes from a worker's core.
    """
    poller = select.poll()
    for worker in busy:
        poller.register(worker.conn.fileno(), select.POLLIN)
    return {fd for fd, _ in poller.poll(timeout * 1000)}


def _close(conn: Connection) -> None:
    if not conn.closed:
        _PARENT_ENDS.discard(conn.fileno())
        conn.close()


def _start_method() -> Any:
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


@contextmanager
def _main_hidden() -> Iterator[None]:
    """Start a worker without it re-running the caller's main script.

    multiprocessing makes each new process import ``__main__`` again by path (for
    Streamlit or pytest, their whole command-line tool: slow, and memory the cap then
    counts). Workers run only screener functions named by module, so during the start
    ``__main__`` is a blank module and nothing is re-imported.
    """
    real = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = real


def _ready(worker: _Worker) -> _Worker:
    """Wait for a new worker's hello, so start-up time never counts against a file."""
    if not worker.conn.poll(STARTUP_S) or worker.conn.recv() != "ready":
        raise RuntimeError(f"a screener worker process did not start within {STARTUP_S} s")
    return worker


def _timed_out(task: Task) -> IngestError:
    return IngestError(
        task.filename,
        "timeout",
        f"gave up after {task.timeout_s:g} s: the file is too complex or malformed",
    )


def _crashed(task: Task, pool: WorkerPool) -> IngestError:
    return IngestError(
        task.filename,
        "too_complex",
        f"reading stopped: the file needed more than {pool.memory_mb} MB or crashed the reader",
    )


# ---------------------------------------------------------------- inside a worker
def _serve(conn: Connection, memory_mb: int, inherited: Sequence[int] = ()) -> None:
    """A worker's loop: run tasks until the pipe closes; exit after running out of memory."""
    for fd in inherited:  # the parent's ends of pipes, copied by fork
        with contextlib.suppress(OSError):
            os.close(fd)
    faulthandler.disable()  # a reader crash is reported by the parent, not dumped to stderr
    _cap_memory(memory_mb)
    conn.send("ready")
    contexts: dict[str, Any] = {}
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message[0] == "context":
            contexts[message[1]] = message[2]
            continue
        _, func, key, args = message
        started = time.perf_counter()
        outcome, payload = _answer(func, contexts.get(key), args, memory_mb)
        conn.send_bytes(_dumps((outcome, payload, time.perf_counter() - started)))
        if outcome == "error" and payload[1] == "too_complex":
            return  # out of memory: a fresh worker takes over, this heap may be fragmented


def _answer(
    func: Callable[..., Any], context: Any, args: tuple[Any, ...], memory_mb: int
) -> tuple[str, Any]:
    try:
        return "ok", func(context, *args)
    except IngestError as exc:
        return "error", (exc.filename, exc.code, exc.message)
    except MemoryError:
        return "error", (_name(args), "too_complex", f"the file needed more than {memory_mb} MB")
    except Exception as exc:  # any reader failure is a damaged file, never a traceback
        reason = f"the file could not be read ({type(exc).__name__})"
        return "error", (_name(args), "corrupt", reason)


def _dumps(value: Any) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


class _Pickler(pickle.Pickler):
    """Frozen slotted dataclasses (a candidate holds ~150) travel as constructor calls.

    By default each one is pickled and restored through ``dataclasses.fields()``: about
    1.7 ms per candidate in the parent, more than matching it took in the worker.
    """

    def reducer_override(self, obj: Any) -> Any:
        names = _slot_fields(type(obj))  # type: ignore[arg-type]  # classes are hashable
        if names is None:
            return NotImplemented
        return type(obj), tuple(getattr(obj, name) for name in names)


@functools.cache
def _slot_fields(cls: type) -> tuple[str, ...] | None:
    """Field names of a slotted dataclass built by its plain ``__init__``, else None."""
    if not (dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__):
        return None
    fields = dataclasses.fields(cls)
    if hasattr(cls, "__post_init__") or not all(f.init for f in fields):
        return None
    return tuple(f.name for f in fields)


def _name(args: tuple[Any, ...]) -> str:
    """Task functions take the file name as their first argument after the context."""
    return str(args[0]) if args else "file"


def _cap_memory(memory_mb: int) -> None:
    with open("/proc/self/statm") as statm:
        current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    cap = current + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


# ---------------------------------------------------------------- shared pools
_SHARED: dict[tuple[int, int], WorkerPool] = {}
_SHARED_LOCK = threading.Lock()


@contextmanager
def pool_for(size: int | None = None, *, memory_mb: int) -> Iterator[WorkerPool]:
    """A warm pool kept for the life of the process (one per size and memory cap).

    When another thread (another app session) is using it, a private pool serves this
    batch instead, so sessions never wait on each other.
    """
    size = max(1, size or os.cpu_count() or 1)
    with _SHARED_LOCK:
        pool = _SHARED.get((size, memory_mb))
        if pool is None:
            pool = _SHARED[(size, memory_mb)] = WorkerPool(size, memory_mb=memory_mb)
    if pool.lock.acquire(blocking=False):
        try:
            yield pool
        finally:
            pool.lock.release()
        return
    with WorkerPool(size, memory_mb=memory_mb) as private:
        yield private


def start_shared(size: int | None = None, *, memory_mb: int) -> None:
    """Start the shared pool's workers now, so they warm up while the caller reads input."""
    with pool_for(size, memory_mb=memory_mb) as pool:
        pool.start()


@atexit.register
def _close_shared() -> None:
    for pool in _SHARED.values():
        pool.close()
