"""Screening pipeline: documents in, scored candidates out. The app and the CLI share it."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from typing import Any, Literal, TypeVar

from screener.errors import IngestError
from screener.ingest import DEFAULT_LIMITS, Document, Limits, ingest_bytes
from screener.interview import InterviewPlan, plan_interview
from screener.match import MatchResult, compile_matcher
from screener.score import Score, score
from screener.sections import section_per_line
from screener.spec import RoleSpec

Status = Literal["ok", "needs_review", "error"]
Progress = Callable[[int, int, str], None]
T = TypeVar("T")
CHUNK = 25


@dataclass(frozen=True)
class Candidate:
    """One screened resume. ``score`` is None unless ``status`` is "ok"."""

    id: str
    source: str
    status: Status
    sha256: str
    document: Document | None = None
    match: MatchResult | None = None
    score: Score | None = None
    plan: InterviewPlan | None = None
    error_code: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()


def candidate_id(sha256: str) -> str:
    """A stable id from the file's content, never from the name: 'C-1a2b3c4d'."""
    return f"C-{sha256[:8]}"


def evaluate(spec: RoleSpec, document: Document) -> Candidate:
    """Match and score one extracted document (no score when it needs review)."""
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
    return rescore(spec, replace(base, match=result))


def rescore(spec: RoleSpec, candidate: Candidate) -> Candidate:
    """Score again after a weight or must-have change; matching is reused, not redone."""
    if candidate.match is None:
        return candidate
    result = score(spec, candidate.match)
    return replace(candidate, score=result, plan=plan_interview(spec, candidate.match, result))


def failed(error: IngestError, data: bytes = b"") -> Candidate:
    digest = hashlib.sha256(data).hexdigest()
    return Candidate(
        id=candidate_id(digest),
        source=error.filename,
        status="error",
        sha256=digest,
        error_code=error.code,
        error=error.message,
    )


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
) -> list[Candidate]:
    """Screen many files on all cores; results keep input order; one bad file harms no other."""
    return screen_files_as(
        spec, files, _identity, limits=limits, workers=workers, progress=progress
    )


def screen_files_as(
    spec: RoleSpec,
    files: Sequence[tuple[str, bytes]],
    transform: Callable[[Candidate], T],
    *,
    limits: Limits = DEFAULT_LIMITS,
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[T]:
    """`screen_files`, with ``transform`` applied to each candidate in the worker process.

    The CLI uses it to serialise in parallel and send back only what it writes.
    """
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(files) <= CHUNK:
        return _screen_serial(spec, files, limits, progress, transform)
    chunks = [list(range(i, min(i + CHUNK, len(files)))) for i in range(0, len(files), CHUNK)]
    results: list[T | None] = [None] * len(files)
    done = 0
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {
            pool.submit(_screen_chunk, spec, [files[i] for i in chunk], limits, transform): chunk
            for chunk in chunks
        }
        for future in as_completed(futures):
            chunk = futures[future]
            for index, candidate in zip(chunk, future.result(), strict=True):
                results[index] = candidate
            done += len(chunk)
            if progress:
                progress(done, len(files), files[chunk[-1]][0])
    return [c for c in results if c is not None]


def _screen_serial(
    spec: RoleSpec,
    files: Sequence[tuple[str, bytes]],
    limits: Limits,
    progress: Progress | None,
    transform: Callable[[Candidate], T],
) -> list[T]:
    out = []
    for done, (name, data) in enumerate(files, start=1):
        out.append(transform(screen_one(spec, name, data, limits)))
        if progress:
            progress(done, len(files), name)
    return out


def _screen_chunk(
    spec: RoleSpec,
    files: list[tuple[str, bytes]],
    limits: Limits,
    transform: Callable[[Candidate], T],
) -> list[T]:
    return [transform(screen_one(spec, name, data, limits)) for name, data in files]


def _identity(candidate: Candidate) -> Candidate:
    return candidate


def ranked(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Scored candidates first, best first; ties by id so the order is stable."""
    return sorted(candidates, key=rank_key)


def rank_key(candidate: Candidate) -> tuple[Any, ...]:
    """Sort key: scored first, best first, then by id."""
    status_order = {"ok": 0, "needs_review": 1, "error": 2}[candidate.status]
    total = candidate.score.total if candidate.score else 0.0
    return status_order, -total, candidate.id
