"""Turn uploaded bytes into a `Document`: one entry point for uploads, the CLI and tests.

Every upload is untrusted. Formats are told by content, and every file is read,
decoded, parsed and normalised in a sandboxed worker process (`screener.workers`) with
a wall-clock timeout and a memory cap, so a hostile file is killed and reported while
the rest of a batch goes on, and nothing from a file reaches the caller before it passed
every cap.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from screener.document import Document, DocumentStatus
from screener.errors import IngestError
from screener.files import read_capped
from screener.readers import Extracted, check_docx_zip, read_docx, read_pdf
from screener.sections import USED, SectionSpan, find_sections, section_per_line
from screener.sniff import Kind, Rejected, sniff
from screener.text import NotText, decode, normalise
from screener.workers import Task, pool_for

__all__ = ["DEFAULT_LIMITS", "Document", "Limits", "Progress", "ingest_bytes", "ingest_many"]

Progress = Callable[[int, int, str], None]
Source = bytes | Path  # a file's content, or its path on disk (read by `read_source`)
MIN_TEXT_CHARS = 40


@dataclass(frozen=True)
class Limits:
    """Caps applied to every upload (documented in the README)."""

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 30
    max_chars: int = 200_000
    timeout_s: float = 20.0
    memory_mb: int = 768
    docx_max_entries: int = 1000
    docx_max_uncompressed: int = 100 * 1024 * 1024
    docx_max_ratio: int = 200


DEFAULT_LIMITS = Limits()


def ingest_bytes(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Extract a resume from raw bytes. Raises `IngestError` with a recruiter-facing reason.

    All of it runs in a sandboxed worker process, text files too: decoding and
    normalising can be made slow (NFKC turns one character into up to 18).
    """
    if len(data) > limits.max_bytes:  # not even sent to a worker
        raise _too_large(filename, len(data), limits)
    [outcome] = ingest_many([(filename, data)], limits)
    if isinstance(outcome, IngestError):
        raise outcome
    return outcome


def read_source(filename: str, source: Source, limits: Limits) -> bytes:
    """A file's content: ``source`` itself, or read from its path (in a worker).

    A file past the size cap is never read whole: its ``too_large`` error carries the
    digest of the part read, so each such file still gets an id of its own.
    """
    if isinstance(source, bytes):
        return source
    try:
        data, size = read_capped(source, limits.max_bytes)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise IngestError(filename, "unreadable", f"the file could not be read ({reason})") from exc
    if size > limits.max_bytes:
        raise _too_large(filename, size, limits, hashlib.sha256(data).hexdigest())
    return data


def ingest_here(_: object, filename: str, data: bytes, limits: Limits) -> Document:
    """`ingest_bytes` for code already running in a sandboxed worker: parses in process.

    (The first argument is the worker's context, unused.)
    """
    if not data:
        raise IngestError(filename, "empty", "the file is empty (0 bytes)")
    if len(data) > limits.max_bytes:
        raise _too_large(filename, len(data), limits)
    try:
        kind = sniff(data)
    except Rejected as exc:
        raise IngestError(filename, "unsupported_format", str(exc)) from exc
    digest = hashlib.sha256(data).hexdigest()
    if kind == "text":
        try:
            text, warnings = decode(data)
        except NotText as exc:
            raise IngestError(
                filename, "unsupported_format", f"this is binary data, not a text resume ({exc})"
            ) from exc
        return _document(filename, kind, digest, (text,), 1, warnings, limits)
    extracted = _extract(kind, data, filename, limits)
    warnings = []
    if extracted.page_count > len(extracted.pages):
        warnings.append(
            f"truncated: read the first {len(extracted.pages)} of {extracted.page_count} pages"
        )
    if extracted.hidden_words:
        warnings.append(
            f"hidden text left out: {extracted.hidden_words} word(s) formatted as hidden, "
            "which Word does not show (keywords hidden for screening software?)"
        )
    return _document(
        filename, kind, digest, extracted.pages, extracted.page_count, warnings, limits
    )


def _too_large(filename: str, size: int, limits: Limits, sha256: str | None = None) -> IngestError:
    cap = limits.max_bytes / 1e6
    limit = f"{cap:.0f}" if cap >= 10 else f"{cap:.2g}"  # a small cap is not "0 MB"
    message = f"the file is {size / 1e6:.1f} MB; the limit is {limit} MB"
    return IngestError(filename, "too_large", message, sha256)


def ingest_text(text: str, name: str = "pasted text", limits: Limits = DEFAULT_LIMITS) -> Document:
    """Pasted text goes through the same normalisation as files."""
    if not text.strip():
        raise IngestError(name, "empty", "the pasted text is empty")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _document(name, "text", digest, (text,), 1, [], limits)


def _document(
    filename: str,
    kind: Kind,
    digest: str,
    pages: Sequence[str],
    page_count: int,
    warnings: list[str],
    limits: Limits,
) -> Document:
    raw = "\n".join(pages)
    # Normalising shortens text (blanks, control characters) or lengthens it (NFKC, up to
    # 18 times): past twice the cap the rest is cut first, which keeps it under a second.
    text = normalise(raw[: 2 * limits.max_chars])
    if len(text) > limits.max_chars or len(raw) > 2 * limits.max_chars:
        text = text[: limits.max_chars]
        warnings.append(f"truncated: kept the first {limits.max_chars:,} characters")
    status: DocumentStatus = "ok"
    if kind == "pdf" and sum(map(len, text.split())) < MIN_TEXT_CHARS:
        status = "needs_review"
        warnings.append("no text layer: looks scanned; read it yourself or run OCR (not scored)")
    elif not any(ch.isalnum() for ch in text):
        raise IngestError(filename, "empty", "the file contains no readable text")
    lines = text.split("\n")
    sections = find_sections(lines)
    if flat := _flat_text(lines, sections):
        warnings.append(flat)
    return Document(
        source=filename,
        format=kind,
        text=text,
        sha256=digest,
        pages=page_count,
        status=status,
        warnings=tuple(warnings),
        sections=sections,
    )


WALL_WORDS = 100  # words on one line; the longest line in the real resume sets has 64


def _flat_text(lines: list[str], sections: tuple[SectionSpan, ...]) -> str | None:
    """A warning when most words sit on lines of over `WALL_WORDS` words outside the
    experience and projects sections: line breaks lost (a paste, an odd export) hide the
    headings, and a skill shown in work there counts only as mentioned."""
    if max(map(len, lines)) <= 4 * WALL_WORDS:  # no such line: words average 6-7 characters
        return None
    counts = [len(line.split()) for line in lines]
    section = section_per_line(sections, len(lines))
    flat = sum(
        n for n, name in zip(counts, section, strict=True) if n > WALL_WORDS and name not in USED
    )
    if 2 * flat < sum(counts):
        return None
    return (  # the advice first: a table cell may show only the start
        "few line breaks, so the score is likely too low: ask for the original file "
        f"({flat / sum(counts):.0%} of the words are on lines of over {WALL_WORDS} words "
        "outside any experience or projects section, where no skill counts as used in work)"
    )


def _extract(kind: Kind, data: bytes, filename: str, limits: Limits) -> Extracted:
    if kind == "pdf":
        return read_pdf(data, filename, max_pages=limits.max_pages)
    check_docx_zip(
        data,
        filename,
        max_entries=limits.docx_max_entries,
        max_uncompressed=limits.docx_max_uncompressed,
        max_ratio=limits.docx_max_ratio,
    )
    return read_docx(data, filename)


# ---------------------------------------------------------------- batches
Outcome = Document | IngestError


def ingest_many(
    files: Sequence[tuple[str, bytes]],
    limits: Limits = DEFAULT_LIMITS,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Ingest many files on the warm workers; results keep input order; failures are returned.

    ``progress(done, total, filename)`` is called as each file finishes.
    """
    tasks = [
        Task(ingest_here, (name, data, limits), name, limits.timeout_s) for name, data in files
    ]
    results: list[Outcome | None] = [None] * len(files)
    with pool_for(workers, memory_mb=limits.memory_mb) as pool:
        for done, (index, outcome) in enumerate(pool.run(tasks), start=1):
            results[index] = outcome
            if progress:
                progress(done, len(files), files[index][0])
    return [r for r in results if r is not None]
