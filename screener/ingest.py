"""Turn uploaded bytes into a `Document`: one entry point for uploads, the CLI and tests.

Every upload is untrusted. Formats are told by content; PDF and DOCX are parsed in a
separate process with a wall-clock timeout and a memory cap, so a hostile file is
killed and reported while the rest of a batch goes on.
"""

from __future__ import annotations

import faulthandler
import hashlib
import multiprocessing
import os
import resource
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Literal

from screener.errors import IngestError
from screener.readers import Extracted, check_docx_zip, read_docx, read_pdf
from screener.sections import SectionSpan, find_sections
from screener.sniff import Kind, Rejected, sniff
from screener.text import NotText, decode, normalise

Status = Literal["ok", "needs_review"]
Progress = Callable[[int, int, str], None]
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


@dataclass(frozen=True)
class Document:
    """Extracted, normalised resume text with what the recruiter needs to know about it."""

    source: str
    format: Kind
    text: str
    sha256: str
    pages: int = 1
    status: Status = "ok"
    warnings: tuple[str, ...] = ()
    sections: tuple[SectionSpan, ...] = field(default=())

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def ingest_bytes(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Extract a resume from raw bytes. Raises `IngestError` with a recruiter-facing reason."""
    if not data:
        raise IngestError(filename, "empty", "the file is empty (0 bytes)")
    if len(data) > limits.max_bytes:
        raise IngestError(
            filename,
            "too_large",
            f"the file is {len(data) / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB",
        )
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
    extracted = run_isolated(_extract, (kind, data, filename, limits), filename, limits)
    warnings = []
    if extracted.page_count > len(extracted.pages):
        warnings.append(
            f"truncated: read the first {len(extracted.pages)} of {extracted.page_count} pages"
        )
    return _document(
        filename, kind, digest, extracted.pages, extracted.page_count, warnings, limits
    )


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
    text = normalise("\n".join(pages))
    if len(text) > limits.max_chars:
        text = text[: limits.max_chars]
        warnings.append(f"truncated: kept the first {limits.max_chars:,} characters")
    status: Status = "ok"
    if kind == "pdf" and sum(map(len, text.split())) < MIN_TEXT_CHARS:
        status = "needs_review"
        warnings.append("no text layer: looks scanned; read it yourself or run OCR (not scored)")
    elif not any(ch.isalnum() for ch in text):
        raise IngestError(filename, "empty", "the file contains no readable text")
    return Document(
        source=filename,
        format=kind,
        text=text,
        sha256=digest,
        pages=page_count,
        status=status,
        warnings=tuple(warnings),
        sections=find_sections(text.split("\n")),
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


# ---------------------------------------------------------------- isolation
def run_isolated(
    func: Callable[..., Extracted], args: tuple[Any, ...], filename: str, limits: Limits
) -> Extracted:
    """Run ``func(*args)`` in a child process with a timeout and an address-space cap."""
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, limits.memory_mb, func, args), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.timeout_s):
            raise IngestError(
                filename,
                "timeout",
                f"gave up after {limits.timeout_s:g} s: the file is too complex or malformed",
            )
        try:
            outcome, payload = receiver.recv()
        except EOFError:
            raise IngestError(
                filename,
                "too_complex",
                f"reading stopped: the file needed more than {limits.memory_mb} MB "
                "or crashed the reader",
            ) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if outcome == "error":
        raise IngestError(*payload)
    result: Extracted = payload
    return result


def _context() -> Any:
    # fork: the child starts in ~2 ms with the readers already imported. forkserver and
    # spawn re-import the caller's __main__ (pytest, streamlit) in every child.
    return multiprocessing.get_context("fork")


def _child(
    conn: Connection, memory_mb: int, func: Callable[..., Extracted], args: tuple[Any, ...]
) -> None:
    faulthandler.disable()  # a reader crash is reported by the parent, not dumped to stderr
    _cap_memory(memory_mb)
    try:
        conn.send(("ok", func(*args)))
    except IngestError as exc:
        conn.send(("error", (exc.filename, exc.code, exc.message)))
    except MemoryError:
        conn.send(("error", (args[2], "too_complex", f"the file needed more than {memory_mb} MB")))
    except Exception as exc:  # any reader failure is a damaged file, never a traceback
        conn.send(
            ("error", (args[2], "corrupt", f"the file could not be read ({type(exc).__name__})"))
        )
    finally:
        conn.close()


def _cap_memory(memory_mb: int) -> None:
    with open("/proc/self/statm") as statm:
        current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    cap = current + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


# ---------------------------------------------------------------- batches
Outcome = Document | IngestError


def ingest_many(
    files: Sequence[tuple[str, bytes]],
    limits: Limits = DEFAULT_LIMITS,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Ingest many files in parallel; results keep input order; failures are returned, not raised.

    PDF and DOCX parsing happens in child processes, so threads here give real parallelism.
    ``progress(done, total, filename)`` is called as each file finishes.
    """
    workers = workers or os.cpu_count() or 2
    results: list[Outcome | None] = [None] * len(files)

    def one(index: int) -> int:
        name, data = files[index]
        try:
            results[index] = ingest_bytes(data, name, limits)
        except IngestError as exc:
            results[index] = exc
        return index

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(one, index) for index in range(len(files))]
        for done, future in enumerate(as_completed(futures), start=1):
            if progress:
                progress(done, len(files), files[future.result()][0])
    return [r for r in results if r is not None]
