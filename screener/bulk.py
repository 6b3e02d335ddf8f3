"""Bulk shortlist actions: the top N, every strong candidate, the filtered rows, or none."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Literal

from screener.screen import Candidate, ranked

Action = Literal["top", "strong", "filtered", "clear"]


def bulk_shortlist(
    candidates: Sequence[Candidate],
    shortlist: set[str],
    action: Action,
    *,
    top: int = 0,
    shown: Collection[str] = (),
) -> set[str]:
    """The shortlist (candidate ids) after a bulk action; adding never removes anyone.

    ``top`` counts scored candidates only, best first; ``shown`` is the filtered rows' ids.
    """
    if action == "clear":
        return set()
    if action == "top":
        picked = [c.id for c in ranked(candidates) if c.score is not None][: max(top, 0)]
    elif action == "strong":
        picked = [c.id for c in candidates if c.score is not None and c.score.band == "strong"]
    else:
        picked = [c.id for c in candidates if c.id in shown]
    return shortlist | set(picked)
