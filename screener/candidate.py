"""`Candidate`: one screened resume, and `Scored`, its view when it was scored.

A record module: export, audit and the app import it without importing the pipeline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from screener.document import Document
    from screener.errors import IngestError
    from screener.interview import InterviewPlan
    from screener.match import MatchResult
    from screener.score import Score

Status = Literal["ok", "needs_review", "error"]
STATUSES: tuple[Status, ...] = ("ok", "needs_review", "error")  # also the ranking order


@dataclass(frozen=True)
class Scored:
    """A candidate that was matched and scored: every part is there, nothing is None."""

    id: str
    source: str
    document: Document
    match: MatchResult
    score: Score
    plan: InterviewPlan


@dataclass(frozen=True)
class Candidate:
    """One screened resume. ``score`` is None unless ``status`` is "ok"; see `scored`."""

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

    @property
    def scored(self) -> Scored | None:
        """The scored view, or None for a file that was rejected or needs review."""
        if self.document is None or self.match is None or self.score is None or self.plan is None:
            return None
        return Scored(self.id, self.source, self.document, self.match, self.score, self.plan)


def candidate_id(sha256: str) -> str:
    """A stable id from the file's content, never from the name: 'C-1a2b3c4d'."""
    return f"C-{sha256[:8]}"


def failed(error: IngestError, data: bytes = b"") -> Candidate:
    """The candidate for a file that could not be read: the reason, no score."""
    digest = error.sha256 or hashlib.sha256(data).hexdigest()
    return Candidate(
        id=candidate_id(digest),
        source=error.filename,
        status="error",
        sha256=digest,
        error_code=error.code,
        error=error.message,
    )


def rank_key(candidate: Candidate) -> tuple[Any, ...]:
    """Sort key: scored first, best first, then by id."""
    total = candidate.score.total if candidate.score else 0.0
    return STATUSES.index(candidate.status), -total, candidate.id


def ranked(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Scored candidates first, best first; ties by id so the order is stable."""
    return sorted(candidates, key=rank_key)
