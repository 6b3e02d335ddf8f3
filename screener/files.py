"""Reading input files from disk for the CLI (the only file-system reader of resumes).

The CLI lists files here and its workers read them (`read_capped`), so a file's bytes
reach the CLI's own process only through a worker that has checked them.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

RESUME_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md"})
# Resume formats that cannot be read: folders list them too, so each one is reported
# with what to do (save it as DOCX or PDF) instead of being left out unseen.
UNREADABLE_SUFFIXES = frozenset({".doc", ".rtf", ".odt", ".pages", ".wpd", ".wps", ".html", ".htm"})
LISTED_SUFFIXES = RESUME_SUFFIXES | UNREADABLE_SUFFIXES


def find_resumes(inputs: Iterable[str | Path], left_out: Counter[str] | None = None) -> list[Path]:
    """Files as given, and folders searched recursively for resumes (`LISTED_SUFFIXES`:
    .pdf .docx .txt .md, and formats that will be reported as unreadable), sorted.
    ``left_out`` counts the other files found in folders by suffix (hidden ones aside)."""
    found: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            names = _resumes_under(str(path), Counter() if left_out is None else left_out)
            found += map(Path, sorted(names, key=lambda name: name.split(os.sep)))
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return found


def _resumes_under(folder: str, left_out: Counter[str]) -> Iterator[str]:
    """Resume files in ``folder`` and its subfolders, as `Path.rglob` finds them (links to
    folders not followed, unreadable folders skipped), but without a `stat` per file."""
    try:
        entries = list(os.scandir(folder))
    except PermissionError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _resumes_under(entry.path, left_out)
            continue
        suffix = os.path.splitext(entry.name)[1].lower()
        if suffix in LISTED_SUFFIXES:
            if entry.is_file():  # not a broken link
                yield entry.path
        elif not entry.name.startswith("."):
            left_out[suffix] += 1


def list_inputs(
    inputs: Iterable[str | Path], left_out: Counter[str] | None = None
) -> list[tuple[str, Path]]:
    """``(name, path)`` for every resume found, for workers to read; names as given."""
    return [(str(path), path) for path in find_resumes(inputs, left_out)]


def collect_inputs(inputs: Iterable[str | Path]) -> list[tuple[str, bytes]]:
    """``(name, bytes)`` for every resume found; names are paths as the user gave them."""
    return [(str(path), path.read_bytes()) for path in find_resumes(inputs)]


def read_capped(path: Path, max_bytes: int) -> tuple[bytes, int]:
    """The file's first ``max_bytes + 1`` bytes at most, and its size: a file past the
    cap is never read whole. Raises `OSError` when the file cannot be read."""
    with open(path, "rb", buffering=0) as handle:
        size = os.fstat(handle.fileno()).st_size
        # Sized by the file, not the cap: read(cap) would allocate 10 MB for every file.
        data = handle.read(min(size, max_bytes) + 1)
        return data, max(len(data), size)
