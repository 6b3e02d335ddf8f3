"""Readers for the real-data corpora in ``../shared/corpora`` (never shipped, never committed).

Benchmarks and corpus tests measure screener on text nobody on the project wrote. The
folder sits beside the checkout; ``SCREENER_CORPORA`` points elsewhere. Every reader
raises `CorporaMissing` (with the path looked at) when the data is absent, so callers can
skip with a clear message.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from screener.errors import ScreenerError

ROOT = Path(__file__).resolve().parent.parent


class CorporaMissing(ScreenerError):
    """The shared corpora (or one of their sets) are not on this machine."""


def corpora_dir() -> Path:
    """The corpora folder: ``$SCREENER_CORPORA`` or ``../shared/corpora`` beside the checkout."""
    configured = os.environ.get("SCREENER_CORPORA")
    return Path(configured) if configured else ROOT.parent / "shared" / "corpora"


def _need(path: Path) -> Path:
    if not path.exists():
        raise CorporaMissing(f"real-data corpus not found at {path} (set SCREENER_CORPORA)")
    return path


# ---------------------------------------------------------------- livecareer PDFs
def livecareer_pdfs(category: str | None = None) -> list[tuple[str, Path]]:
    """``(category, path)`` of every livecareer PDF (or one category's), sorted by path."""
    root = _need(corpora_dir() / "livecareer")
    folders = [root / category] if category else sorted(p for p in root.iterdir() if p.is_dir())
    return [(folder.name, pdf) for folder in folders for pdf in sorted(folder.glob("*.pdf"))]


def livecareer_sample(per_category: int, *, seed_every: int = 1) -> list[tuple[str, Path]]:
    """A fixed, deterministic subset: the first ``per_category`` PDFs of each category
    (every ``seed_every``-th file), so repeated runs and CI measure the same files."""
    by_category: dict[str, list[Path]] = {}
    for category, path in livecareer_pdfs():
        by_category.setdefault(category, []).append(path)
    return [
        (category, path)
        for category, paths in by_category.items()
        for path in paths[::seed_every][:per_category]
    ]


# ---------------------------------------------------------------- DataTurks annotated resumes
@dataclass(frozen=True)
class Span:
    """An annotated span; ``end`` is exclusive here (the file's is inclusive)."""

    label: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class AnnotatedResume:
    content: str
    spans: tuple[Span, ...]

    def labelled(self, label: str) -> list[Span]:
        return [span for span in self.spans if span.label == label]


def annotated_resumes() -> list[AnnotatedResume]:
    """The DataTurks resumes with their hand-annotated spans (labels are noisy)."""
    path = _need(corpora_dir() / "dataturks" / "resumes_annotated.jsonl")
    resumes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        content = record["content"]
        spans = [
            Span(
                label, point["start"], point["end"] + 1, content[point["start"] : point["end"] + 1]
            )
            for item in record.get("annotation") or []
            for label in item.get("label") or []
            for point in item.get("points") or []
        ]
        resumes.append(AnnotatedResume(content, tuple(sorted(spans, key=lambda s: s.start))))
    return resumes


# ---------------------------------------------------------------- SkillSpan job postings
@dataclass(frozen=True)
class PostingSentence:
    tokens: tuple[str, ...]
    tags_skill: tuple[str, ...]
    tags_knowledge: tuple[str, ...]


@dataclass(frozen=True)
class Posting:
    """One job posting: its sentences in order (SkillSpan groups them by ``idx``)."""

    idx: int
    source: str
    sentences: tuple[PostingSentence, ...]

    @property
    def text(self) -> str:
        return "\n".join(" ".join(sentence.tokens) for sentence in self.sentences)

    def spans(self, kind: str = "knowledge") -> list[str]:
        """The annotated spans of ``kind`` ("knowledge" or "skill") as strings (BIO tags)."""
        found = []
        for sentence in self.sentences:
            tags = sentence.tags_knowledge if kind == "knowledge" else sentence.tags_skill
            current: list[str] = []
            for token, tag in zip(sentence.tokens, tags, strict=True):
                if tag.startswith("B") or (tag.startswith("I") and not current):
                    if current:
                        found.append(" ".join(current))
                    current = [token]
                elif tag.startswith("I"):
                    current.append(token)
                else:
                    if current:
                        found.append(" ".join(current))
                    current = []
            if current:
                found.append(" ".join(current))
        return found


def skillspan_postings(split: str = "dev") -> list[Posting]:
    """The SkillSpan postings of ``split`` ("train" or "dev"), sentences grouped by ``idx``."""
    path = _need(corpora_dir() / "skillspan" / f"{split}.json")
    grouped: dict[tuple[str, int], list[PostingSentence]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        sentence = PostingSentence(
            tuple(record["tokens"]), tuple(record["tags_skill"]), tuple(record["tags_knowledge"])
        )
        grouped.setdefault((record["source"], record["idx"]), []).append(sentence)
    return [Posting(idx, source, tuple(sentences)) for (source, idx), sentences in grouped.items()]


def iter_livecareer_bytes(category: str | None = None) -> Iterator[tuple[str, str, bytes]]:
    """``(category, file name, bytes)`` for each livecareer PDF: ready for ingestion."""
    for cat, path in livecareer_pdfs(category):
        yield cat, f"{cat}/{path.name}", path.read_bytes()
