"""Many roles in one run: each resume is extracted once and scored against every spec.

`screen_files_roles` is `screen_files_as` for several specs: the same warm sandboxed
workers (`screener.workers`) read each distinct file once, then match and score the one
extracted document per spec (each spec's matcher is compiled once per worker and cached
by its fingerprint). The scores are those of screening with each spec alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from screener.candidate import Candidate, failed
from screener.errors import IngestError
from screener.export import json_record, row_record
from screener.ingest import DEFAULT_LIMITS, Limits, Progress, ingest_here
from screener.screen import _borrow, _distinct, evaluate
from screener.spec import RoleSpec
from screener.workers import Task, WorkerPool

T = TypeVar("T")
RoleTransform = Callable[[RoleSpec, Candidate], T]  # (the spec, its candidate) -> a record


def roles_key(specs: Sequence[RoleSpec]) -> str:
    """One worker-context key for a list of specs (their fingerprints, in order).

    Prefixed, so it never collides with `screen_files`' key for one spec (a bare
    fingerprint whose context is the spec itself, not a tuple of specs).
    """
    return "roles:" + "+".join(spec.fingerprint for spec in specs)


def evaluate_roles(
    specs: Sequence[RoleSpec], name: str, data: bytes, limits: Limits
) -> list[Candidate]:
    """One file read once (in this process), then one candidate per spec, in spec order."""
    try:
        document = ingest_here(None, name, data, limits)
    except IngestError as exc:
        return [failed(exc, data)] * len(specs)
    return [evaluate(spec, document) for spec in specs]


def screen_files_roles(
    specs: Sequence[RoleSpec],
    files: Sequence[tuple[str, bytes]],
    transform: RoleTransform[T],
    *,
    limits: Limits = DEFAULT_LIMITS,
    workers: int | None = None,
    progress: Progress | None = None,
    pool: WorkerPool | None = None,
) -> list[list[T]]:
    """Screen distinct files against every spec: ``results[s][f]`` for spec s, file f.

    Files are in input order, duplicates by content dropped (first name kept);
    ``transform`` runs in the worker process, as in `screen_files_as`.
    """
    if not specs:
        raise ValueError("screen_files_roles needs at least one role spec")
    batch, _ = _distinct(files)
    per_file: list[list[T]] = [[] for _ in batch]
    if batch:
        tasks = [
            Task(_roles_task, (name, data, limits, transform), name, limits.timeout_s)
            for name, data in batch
        ]
        step = max(1, len(batch) // 100)
        with _borrow(pool, workers, limits) as workers_pool:
            outcomes = workers_pool.run(tasks, (roles_key(specs), tuple(specs)))
            for done, (index, outcome) in enumerate(outcomes, start=1):
                name, data = batch[index]
                if isinstance(outcome, IngestError):  # the worker died or timed out
                    outcome = [transform(spec, failed(outcome, data)) for spec in specs]
                per_file[index] = outcome
                if progress and (done % step == 0 or done == len(batch)):
                    progress(done, len(batch), name)
    return [[results[s] for results in per_file] for s in range(len(specs))]


def _roles_task(
    specs: tuple[RoleSpec, ...],
    name: str,
    data: bytes,
    limits: Limits,
    transform: RoleTransform[T],
) -> list[T]:
    """What a worker does with one file: every cap and extraction once, then each spec."""
    candidates = evaluate_roles(specs, name, data, limits)
    return [transform(spec, c) for spec, c in zip(specs, candidates, strict=True)]


def as_candidate(spec: RoleSpec, candidate: Candidate) -> Candidate:
    """The identity transform: the candidates themselves."""
    return candidate


def role_row_record(
    spec: RoleSpec, candidate: Candidate, *, blind: bool = False
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """(rank key, the summary row with the role's title first): one CSV row per resume x role."""
    key, row = row_record(candidate, blind=blind, spec=spec)
    return key, {"role": spec.title, **row}


def role_json_record(
    spec: RoleSpec, candidate: Candidate, *, blind: bool = False
) -> tuple[tuple[Any, ...], bytes]:
    """(rank key, the candidate as UTF-8 JSON), as `json_record` does for one role."""
    return json_record(candidate, blind=blind)
