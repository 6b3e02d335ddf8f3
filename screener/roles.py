"""Many roles in one run: each resume is extracted once and scored against every spec.

`screen_files_roles` is `screen_files_as` for several specs: the same warm sandboxed
workers (`screener.workers`) read each distinct file once, then match and score the one
extracted document per spec (each spec's matcher is compiled once per worker and cached
by its fingerprint). The scores are those of screening with each spec alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, TypeVar

from screener.candidate import Candidate
from screener.export import json_record, row_record
from screener.ingest import DEFAULT_LIMITS, Limits, Progress, Source
from screener.screen import _distinct, first_of_each, run_batch, screen_document
from screener.spec import RoleSpec
from screener.workers import WorkerPool

T = TypeVar("T")
RoleTransform = Callable[[RoleSpec, Candidate], T]  # (the spec, its candidate) -> a record


def roles_key(specs: Sequence[RoleSpec]) -> str:
    """One worker-context key for a list of specs (their fingerprints, in order).

    Prefixed, so it never collides with `screen_files`' key for one spec (a bare
    fingerprint whose context is the spec itself, not a tuple of specs).
    """
    return "roles:" + "+".join(spec.fingerprint for spec in specs)


def evaluate_roles(
    specs: Sequence[RoleSpec], name: str, source: Source, limits: Limits
) -> list[Candidate]:
    """One file read once (in this process), then one candidate per spec, in spec order."""
    return screen_document(specs, name, source, limits)[1]


def screen_files_roles(
    specs: Sequence[RoleSpec],
    files: Sequence[tuple[str, Source]],
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
    runs: Iterator[tuple[int, str, list[T]]] = run_batch(
        batch, _roles_task, (transform,), (roles_key(specs), tuple(specs)),
        partial(_each_spec, specs, transform),
        limits=limits, workers=workers, progress=progress, pool=pool,
    )  # fmt: skip
    per_file = first_of_each(len(batch), runs)
    return [[results[s] for results in per_file] for s in range(len(specs))]


def _roles_task(
    specs: tuple[RoleSpec, ...],
    name: str,
    source: Source,
    limits: Limits,
    transform: RoleTransform[T],
) -> tuple[str, list[T]]:
    """What a worker does with one file: every cap and extraction once, then each spec."""
    key, candidates = screen_document(specs, name, source, limits)
    return key, [transform(spec, c) for spec, c in zip(specs, candidates, strict=True)]


def _each_spec(
    specs: Sequence[RoleSpec], transform: RoleTransform[T], candidate: Candidate
) -> list[T]:
    return [transform(spec, candidate) for spec in specs]


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
