"""The screening pipeline: the one path from files to scored candidates.

The app, the CLI and the benchmarks all call `screen_files` (or `screen_files_as`):

files ``(name, bytes)`` (or ``(name, path)``: read by the workers, the CLI's way) ->
de-duplication by content (SHA-256; the first name is kept) -> the cache, when the
caller keeps one -> warm sandboxed workers (`screener.workers`) that check the caps,
extract, match, score and plan each file -> results in input order, with
``progress(done, total, name)`` called as files finish (at most once per 1%).
`run_batch` is the one loop over the workers; `screener.roles` runs it for many specs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from typing import Any, TypeVar

from screener.candidate import Candidate, candidate_id, failed, rank_key, ranked
from screener.document import Document
from screener.errors import IngestError
from screener.ingest import (
    DEFAULT_LIMITS,
    Limits,
    Progress,
    Source,
    ingest_bytes,
    ingest_here,
    read_source,
)
from screener.interview import plan_interview
from screener.match import compile_matcher
from screener.score import score
from screener.sections import section_per_line
from screener.spec import RoleSpec
from screener.workers import Task, WorkerPool, pool_for

__all__ = [
    "Candidate", "Progress", "ScreeningCache", "Source", "candidate_id", "evaluate",
    "failed", "first_of_each", "rank_key", "ranked", "rescore", "run_batch",
    "screen_document", "screen_files", "screen_files_as", "screen_one",
]  # fmt: skip

ScreeningCache = MutableMapping[tuple[str, str], Candidate]  # (spec fingerprint, sha256)
T = TypeVar("T")
S = TypeVar("S", bound=Source)


def evaluate(spec: RoleSpec, document: Document, *, plan: bool = True) -> Candidate:
    """Match and score one extracted document (no score when it needs review); with
    ``plan=False`` the interview plan is left to the caller (`review.with_plans`)."""
    base = Candidate(
        id=candidate_id(document.sha256),
        source=document.source,
        status=document.status,
        sha256=document.sha256,
        document=document,
        warnings=document.warnings,
    )
    if document.status != "ok":
        return base
    lines = document.lines
    result = compile_matcher(spec).match(lines, section_per_line(document.sections, len(lines)))
    if not plan:
        return replace(base, match=result, score=score(spec, result))
    return rescore(spec, replace(base, match=result))


def rescore(spec: RoleSpec, candidate: Candidate) -> Candidate:
    """Score again after a weight or must-have change; matching is reused, not redone."""
    if candidate.match is None:
        return candidate
    result = score(spec, candidate.match)
    return replace(candidate, score=result, plan=plan_interview(spec, candidate.match, result))


def screen_one(
    spec: RoleSpec, name: str, data: bytes, limits: Limits = DEFAULT_LIMITS
) -> Candidate:
    """Ingest, match and score one file; a bad file becomes an error candidate."""
    try:
        document = ingest_bytes(data, name, limits)
    except IngestError as exc:
        return failed(exc, data)
    return evaluate(spec, document)


def screen_files(
    spec: RoleSpec,
    files: Sequence[tuple[str, bytes]],
    *,
    limits: Limits = DEFAULT_LIMITS,
    workers: int | None = None,
    progress: Progress | None = None,
    cache: ScreeningCache | None = None,
    pool: WorkerPool | None = None,
    plans: bool = True,
) -> list[Candidate]:
    """Screen many files: one candidate per distinct content, in input order.

    Files whose content is in ``cache`` (for this spec) are not read again; new results
    are added to it. A duplicate is screened once and shown under its first name.
    With ``plans=False`` candidates come without interview plans (less for the workers
    to make and send; the app plans on demand): keep such a cache for that use only.
    """
    batch, digests = _distinct(files)
    cache = {} if cache is None else cache
    keys = [(spec.fingerprint, digest) for digest in digests]
    todo = [i for i, key in enumerate(keys) if key not in cache]
    new = [batch[i] for i in todo]
    context = (spec.fingerprint, spec)
    args = (_identity, plans)
    runs: Iterator[tuple[int, str, Candidate]] = run_batch(
        new, _screen_task, args, context, _identity,
        limits=limits, workers=workers, progress=progress, pool=pool,
    )  # fmt: skip
    for index, _, candidate in runs:
        cache[keys[todo[index]]] = candidate
    return [_renamed(cache[key], name) for key, (name, _) in zip(keys, batch, strict=True)]


def screen_files_as(
    spec: RoleSpec,
    files: Sequence[tuple[str, Source]],
    transform: Callable[[Candidate], T],
    *,
    limits: Limits = DEFAULT_LIMITS,
    workers: int | None = None,
    progress: Progress | None = None,
    pool: WorkerPool | None = None,
) -> list[T]:
    """`screen_files`, with ``transform`` applied to each candidate in the worker process.

    The CLI uses it to serialise in parallel and receive only what it writes, and gives
    paths, not bytes: the workers read the files (duplicates, found by the digests they
    report, are then screened more than once but still listed once, first name kept).
    """
    batch, _ = _distinct(files)
    runs: Iterator[tuple[int, str, T]] = run_batch(
        batch, _screen_task, (transform, True), (spec.fingerprint, spec), transform,
        limits=limits, workers=workers, progress=progress, pool=pool,
    )  # fmt: skip
    return first_of_each(len(batch), runs)


def run_batch(
    files: Sequence[tuple[str, Source]],
    task: Callable[..., tuple[str, T]],
    args: tuple[Any, ...],
    context: tuple[str, Any],
    on_failure: Callable[[Candidate], T],
    *,
    limits: Limits,
    workers: int | None = None,
    progress: Progress | None = None,
    pool: WorkerPool | None = None,
) -> Iterator[tuple[int, str, T]]:
    """The screening loop: ``(index in files, content key, result)`` as files finish.

    Each file is ``task(context value, name, source, limits, *args)`` on a worker, which
    returns (the content key, the result); a file whose worker died or timed out becomes
    ``on_failure(its error candidate)``. ``progress`` is called at most once per 1%.
    """
    if not files:
        return
    tasks = [
        Task(task, (name, source, limits, *args), name, limits.timeout_s) for name, source in files
    ]
    step = max(1, len(files) // 100)  # a progress call per 1%: redrawing a bar costs ~1 ms
    with _borrow(pool, workers, limits) as workers_pool:
        outcomes = workers_pool.run(tasks, context)
        for done, (index, outcome) in enumerate(outcomes, start=1):
            name, source = files[index]
            if isinstance(outcome, IngestError):  # the worker died or timed out on this file
                data = _read_here(name, source, limits)
                candidate = failed(outcome, data or b"")
                outcome = _content_key(name, candidate, data), on_failure(candidate)
            if progress and (done % step == 0 or done == len(files)):
                progress(done, len(files), name)
            yield index, *outcome


def first_of_each(count: int, runs: Iterable[tuple[int, str, T]]) -> list[T]:
    """The results in input order, one per content key (the first file's)."""
    keyed: list[tuple[str, T] | None] = [None] * count
    for index, key, result in runs:
        keyed[index] = key, result
    seen: set[str] = set()
    results = []
    for key, result in filter(None, keyed):
        if key not in seen:
            seen.add(key)
            results.append(result)
    return results


def screen_document(
    specs: Sequence[RoleSpec], name: str, source: Source, limits: Limits, plan: bool = True
) -> tuple[str, list[Candidate]]:
    """One file read and extracted once (in this process), then a candidate per spec.

    Also returns its content key: the SHA-256 of what was read, or the name of a file
    that could not be read at all (so two such files are never taken for one).
    """
    data: bytes | None = None
    try:
        data = read_source(name, source, limits)
        document = ingest_here(None, name, data, limits)
    except IngestError as exc:
        candidate = failed(exc, data or b"")
        return _content_key(name, candidate, data), [candidate] * len(specs)
    return document.sha256, [evaluate(spec, document, plan=plan) for spec in specs]


def _screen_task(
    spec: RoleSpec,
    name: str,
    source: Source,
    limits: Limits,
    transform: Callable[[Candidate], T],
    plan: bool = True,
) -> tuple[str, T]:
    """What a worker does with one file: every cap, extraction, matching, scoring."""
    key, [candidate] = screen_document((spec,), name, source, limits, plan)
    return key, transform(candidate)


def _read_here(name: str, source: Source, limits: Limits) -> bytes | None:
    """The content of a file whose worker failed, for its id: bytes only, never parsed."""
    try:
        return read_source(name, source, limits)
    except IngestError:
        return None


def _content_key(name: str, candidate: Candidate, data: bytes | None) -> str:
    """The SHA-256 of what was read (of its first part, for a file past the size cap),
    or, for a file never read, its name: two such files are never taken for one."""
    if data is None and candidate.error_code != "too_large":
        return f"unread:{name}"
    return candidate.sha256


def _borrow(
    pool: WorkerPool | None, workers: int | None, limits: Limits
) -> AbstractContextManager[WorkerPool]:
    if pool is not None:
        return nullcontext(pool)  # the caller's own pool, left open
    return pool_for(workers, memory_mb=limits.memory_mb)


def _distinct(files: Sequence[tuple[str, S]]) -> tuple[list[tuple[str, S]], list[str]]:
    """The files with duplicate content dropped (first name kept), and their SHA-256s.

    Paths are kept as they are (keyed by their place): their workers read them.
    """
    seen: dict[str, tuple[str, S]] = {}
    for number, (name, source) in enumerate(files):
        key = hashlib.sha256(source).hexdigest() if isinstance(source, bytes) else str(number)
        seen.setdefault(key, (name, source))
    return list(seen.values()), list(seen)


def _renamed(candidate: Candidate, name: str) -> Candidate:
    return candidate if candidate.source == name else replace(candidate, source=name)


def _identity(candidate: Candidate) -> Candidate:
    return candidate
