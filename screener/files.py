"""Reading input files from disk for the CLI (the only file-system reader of resumes)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

RESUME_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md"})


def find_resumes(inputs: Iterable[str | Path]) -> list[Path]:
    """Files as given, and folders searched recursively for .pdf .docx .txt .md, sorted."""
    found: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in RESUME_SUFFIXES
            )
        elif path.is_file():
            found.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return found


def collect_inputs(inputs: Iterable[str | Path]) -> list[tuple[str, bytes]]:
    """``(name, bytes)`` for every resume found; names are paths as the user gave them."""
    return [(str(path), path.read_bytes()) for path in find_resumes(inputs)]
