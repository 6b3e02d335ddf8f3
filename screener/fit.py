"""Role fit: how one resume scores against every available role spec.

The same matcher and score as screening with that spec directly (`screen.evaluate`
without the interview plan), so
a candidate's fit for a role is exactly the score they would get if screened for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from screener.ingest import Document
from screener.match import compile_matcher
from screener.score import Score, score
from screener.sections import section_per_line
from screener.spec import RoleSpec

MARGIN = 5.0  # points another role must lead by before "reads more like" is said


@dataclass(frozen=True)
class RoleFit:
    role: str
    score: float
    band: str
    must_haves_met: bool


def role_fit(document: Document, spec: RoleSpec, role: str | None = None) -> RoleFit | None:
    """The document's score for one role (None when it cannot be scored)."""
    if document.status != "ok":
        return None
    lines = document.lines
    result = compile_matcher(spec).match(lines, section_per_line(document.sections, len(lines)))
    return fit_of(role or spec.title, score(spec, result))


def fit_of(role: str, result: Score) -> RoleFit:
    return RoleFit(role, result.total, result.band, result.must_haves_met)


def role_scores(spec: RoleSpec, role: str, documents: Iterable[Document]) -> dict[str, RoleFit]:
    """Every scorable document's fit for one role, by the document's sha256."""
    return {
        document.sha256: fit
        for document in documents
        if (fit := role_fit(document, spec, role)) is not None
    }


def role_fits(document: Document, roles: Mapping[str, RoleSpec]) -> list[RoleFit]:
    """Scores against every role, best first (ties by role name)."""
    fits = [fit for name, spec in roles.items() if (fit := role_fit(document, spec, name))]
    return sorted(fits, key=lambda f: (-f.score, f.role))


def reads_more_like(
    current: str, current_score: float, fits: list[RoleFit], *, margin: float = MARGIN
) -> str | None:
    """'reads more like Full-Stack Developer (71 vs 58)' when another role clearly fits better.

    >>> reads_more_like("Backend", 58.0, [RoleFit("Full-Stack Developer", 71.2, "strong", True)])
    'reads more like Full-Stack Developer (71 vs 58)'
    """
    others = [f for f in fits if f.role != current]
    if not others:
        return None
    best = max(others, key=lambda f: f.score)
    if best.score < current_score + margin:
        return None
    return f"reads more like {best.role} ({best.score:.0f} vs {current_score:.0f})"
