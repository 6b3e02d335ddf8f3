"""The screening pipeline: the one path from files to scored candidates.

The app, the CLI and the benchmarks all call `screen_files` (or `screen_files_as`):

files ``(name, bytes)`` -> de-duplication by content (SHA-256; the first name is kept)
-> the cache, when the caller keeps one -> warm sandboxed workers (`screener.workers`)
that check the caps, extract, match, score and plan each file -> results in input order,
with ``progress(done, total, name)`` called as files finish (at most once per 1%).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from typing import TypeVar

from screener.candidate import Candidate, candidate_id, failed, rank_key, ranked
from screener.document import Document
from screener.errors import IngestError
from screener.ingest import DEFAULT_LIMITS, Limits, Progress, ingest_bytes, ingest_here
from screener.interview import plan_interview
from screener.match import compile_matcher
from screener.score import score
from screener.sections import section_per_line
from screener.spec import RoleSpec
from screener.workers import Task, WorkerPool, pool_for

__all__ = [
    "Candidate", "Progress", "ScreeningCache", "candidate_id", "evaluate", "failed",
    "rank_key", "ranked", "rescore", "screen_files", "screen_files_as", "screen_one",
]  # fmt: skip

ScreeningCache = MutableMapping[tuple[str, str], Candidate]  # (spec fingerprint, sha256)
T = TypeVar("T")


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
    for index, candidate in _stream(spec, new, _identity, limits, workers, progress, pool, plans):
        cache[keys[todo[index]]] = candidate
    return [_renamed(cache[key], name) for key, (name, _) in zip(keys, batch, strict=True)]


def screen_files_as(
    spec: RoleSpec,
    files: Sequence[tuple[str, bytes]],
    transform: Callable[[Candidate], T],
    *,
    limits: Limits = DEFAULT_LIMITS,
    workers: int | None = None,
    progress: Progress | None = None,
    pool: WorkerPool | None = None,
) -> list[T]:
    """`screen_files`, with ``transform`` applied to each candidate in the worker process.

    The CLI uses it to serialise in parallel and receive only what it writes.
    """
    batch, _ = _distinct(files)
    results: list[T | None] = [None] * len(batch)
    for index, result in _stream(spec, batch, transform, limits, workers, progress, pool):
        results[index] = result
    return [r for r in results if r is not None]


def _stream(
    spec: RoleSpec,
    files: Sequence[tuple[str, bytes]],
    transform: Callable[[Candidate], T],
    limits: Limits,
    workers: int | None,
    progress: Progress | None,
    pool: WorkerPool | None,
    plans: bool = True,
) -> Iterator[tuple[int, T]]:
    """``(index in files, result)`` as each file finishes on the workers."""
    if not files:
        return
    tasks = [
        Task(_screen_task, (name, data, limits, transform, plans), name, limits.timeout_s)
        for name, data in files
    ]
    step = max(1, len(files) // 100)  # a progress call per 1%: redrawing a bar costs ~1 ms
    with _borrow(pool, workers, limits) as workers_pool:
        outcomes = workers_pool.run(tasks, (spec.fingerprint, spec))
        for done, (index, outcome) in enumerate(outcomes, start=1):
            name, data = files[index]
            if isinstance(outcome, IngestError):  # the worker died or timed out on this file
                outcome = transform(failed(outcome, data))
            if progress and (done % step == 0 or done == len(files)):
                progress(done, len(files), name)
            yield index, outcome


def _screen_task(
    spec: RoleSpec,
    name: str,
    data: bytes,
    limits: Limits,
    transform: Callable[[Candidate], T],
    plan: bool = True,
) -> T:
    """What a worker does with one file: every cap, extraction, matching, scoring."""
    try:
        candidate = evaluate(spec, ingest_here(None, name, data, limits), plan=plan)
    except IngestError as exc:
        candidate = failed(exc, data)
    return transform(candidate)


def _borrow(
    pool: WorkerPool | None, workers: int | None, limits: Limits
) -> AbstractContextManager[WorkerPool]:
    if pool is not None:
        return nullcontext(pool)  # the caller's own pool, left open
    return pool_for(workers, memory_mb=limits.memory_mb)


def _distinct(
    files: Sequence[tuple[str, bytes]],
) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The files with duplicate content dropped (first name kept), and their SHA-256s."""
    seen: dict[str, tuple[str, bytes]] = {}
    for name, data in files:
        seen.setdefault(hashlib.sha256(data).hexdigest(), (name, data))
    return list(seen.values()), list(seen)


def _renamed(candidate: Candidate, name: str) -> Candidate:
    return candidate if candidate.source == name else replace(candidate, source=name)


def _identity(candidate: Candidate) -> Candidate:
    return candidate
