"""A candidate as JSON for storage, and back: extracted text, sections, every match and
the full score as it was saved (a later change of the scoring code does not silently
change a saved result). Interview plans are rebuilt from the saved spec, match and score.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import orjson

from screener.export import skills_by_credit
from screener.ingest import Document
from screener.interview import plan_interview
from screener.match import Hit, ItemMatch, MatchResult
from screener.score import MustHaveGap, Part, RaisedFlag, Score, SkillCredit, score
from screener.screen import Candidate
from screener.sections import SectionSpan
from screener.spec import RoleSpec


def body_json(candidate: Candidate) -> bytes | None:
    """The candidate's document and match as compact JSON; None when nothing was read."""
    doc, match = candidate.document, candidate.match
    if doc is None:
        return None
    data: dict[str, Any] = {
        "format": doc.format,
        "text": doc.text,
        "pages": doc.pages,
        "status": doc.status,
        "warnings": list(doc.warnings),
        "sections": [[s.name, s.start, s.end] for s in doc.sections],
    }
    if match is not None:
        data["present"] = sorted(match.sections_present)
        lines = doc.lines
        data["items"] = [_item(i, lines) for i in match.items]
    if candidate.score is not None:
        data["score"] = _score_json(candidate.score)
    return orjson.dumps(data)


_RECORDS: dict[str, Any] = {
    "parts": Part, "credits": SkillCredit, "missing": MustHaveGap, "unverified": MustHaveGap,
    "red_flags": RaisedFlag,
}  # fmt: skip


def _score_json(result: Score) -> dict[str, Any]:
    """The score by field name (a field added later decodes to its default)."""
    out: dict[str, Any] = {}
    for f in fields(result):
        value = getattr(result, f.name)
        out[f.name] = [list(_fields(r)) for r in value] if f.name in _RECORDS else value
    return out


def _fields(record: Any) -> tuple[Any, ...]:
    return tuple(getattr(record, name) for name in record.__slots__)


def _score(data: dict[str, Any]) -> Score:
    known = {f.name for f in fields(Score)}
    values: dict[str, Any] = {
        k: tuple(_RECORDS[k](*r) for r in v) if k in _RECORDS else v
        for k, v in data.items()
        if k in known
    }
    return Score(**values)


def _item(item: ItemMatch, lines: list[str]) -> list[Any]:
    """[name, kind, category, hits, best]; a hit drops its item name and its evidence
    (the resume line it is on) unless the evidence differs from that line."""
    best = item.hits.index(item.best) if item.best is not None else -1
    return [item.name, item.kind, item.category, [_hit(h, lines) for h in item.hits], best]


def _hit(hit: Hit, lines: list[str]) -> list[Any]:
    row = [hit.alias, hit.matched, hit.match_type, hit.similarity, hit.line, hit.section,
           hit.strength]  # fmt: skip
    if not 0 < hit.line <= len(lines) or lines[hit.line - 1] != hit.evidence:
        row.append(hit.evidence)
    return row


def summary(candidate: Candidate) -> dict[str, Any]:
    """The score as it was when saved: total, band and breakdown (what audit records keep),
    plus what the ranking needs without decoding the body: the full score, the found skills
    by credit and the file's warnings (see `light`)."""
    result = candidate.score
    if result is None:
        return {"warnings": list(candidate.warnings)} if candidate.warnings else {}
    return {
        "total": result.total,
        "band": result.band,
        "breakdown": [[p.name, p.points, p.max_points] for p in result.parts],
        "missing_must_haves": list(result.missing_must_haves),
        "red_flags": [f.name for f in result.red_flags],
        "score": _score_json(result),
        "skills": skills_by_credit(candidate),
        "warnings": list(candidate.warnings),
    }


def light(
    data: dict[str, Any],
    *,
    sha256: str,
    source: str,
    status: str,
    candidate_id: str,
    error_code: str | None = None,
    error: str | None = None,
) -> Candidate:
    """A stored candidate from its summary alone: id, status, score and warnings, with no
    document, match or plan (`restore` rebuilds those from the body when they are needed).

    A summary saved before the score was kept in it (schema version 2) gives no score.
    """
    result = _score(data["score"]) if status == "ok" and "score" in data else None
    return Candidate(
        id=candidate_id,
        source=source,
        status=status,  # type: ignore[arg-type]  # checked by the schema
        sha256=sha256,
        score=result,
        error_code=error_code,
        error=error,
        warnings=tuple(data.get("warnings", ())),
    )


def restore(
    spec: RoleSpec,
    *,
    sha256: str,
    source: str,
    status: str,
    body: bytes | None,
    error_code: str | None = None,
    error: str | None = None,
    candidate_id: str,
) -> Candidate:
    """A stored candidate with its document, match, score and plan rebuilt."""
    data = orjson.loads(body) if body else None
    document = _document(data, source, sha256) if data else None
    match = _match(data, document.lines if document else []) if data and "items" in data else None
    result = None
    if match is not None and status == "ok":
        result = _score(data["score"]) if data and "score" in data else score(spec, match)
    plan = plan_interview(spec, match, result) if match is not None and result else None
    return Candidate(
        id=candidate_id,
        source=source,
        status=status,  # type: ignore[arg-type]  # checked by the schema
        sha256=sha256,
        document=document,
        match=match,
        score=result,
        plan=plan,
        error_code=error_code,
        error=error,
        warnings=document.warnings if document else (),
    )


def document(body: bytes, *, source: str, sha256: str) -> Document:
    """Only the stored document (text, sections), without rebuilding matches or the plan."""
    return _document(orjson.loads(body), source, sha256)


def _document(data: dict[str, Any], source: str, sha256: str) -> Document:
    return Document(
        source=source,
        format=data["format"],
        text=data["text"],
        sha256=sha256,
        pages=data["pages"],
        status=data["status"],
        warnings=tuple(data["warnings"]),
        sections=tuple(SectionSpan(*s) for s in data["sections"]),
    )


def _match(data: dict[str, Any], lines: list[str]) -> MatchResult:
    items = []
    for name, kind, category, hits, best in data["items"]:
        rows = tuple(
            Hit(
                name,
                h[0],
                h[1],
                h[2],
                h[3],
                h[4],
                h[5],
                h[7] if len(h) > 7 else lines[h[4] - 1],
                h[6],
            )
            for h in hits
        )
        items.append(ItemMatch(name, kind, category, rows, rows[best] if best >= 0 else None))
    return MatchResult(tuple(items), frozenset(data["present"]))
