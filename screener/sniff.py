"""What a file really is, from its first bytes (never from its name)."""

from __future__ import annotations

import io
import zipfile
from typing import Literal

Kind = Literal["pdf", "docx", "text"]

_LEGACY_OFFICE = "a legacy Word 97-2003 (.doc) or other Office file"
_RTF = "an RTF document"
_REJECTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", _LEGACY_OFFICE),
    (b"MZ", "a Windows executable"),
    (b"\x7fELF", "a Linux executable"),
    (b"\xcf\xfa\xed\xfe", "a macOS executable"),
    (b"\xca\xfe\xba\xbe", "a macOS or Java executable"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"{\\rtf", _RTF),
    (b"%!PS", "a PostScript file"),
)
_DOCUMENTS = frozenset({_LEGACY_OFFICE, _RTF})  # any word processor saves them as DOCX
_SAVE_AS = "not a format screener reads: save it as DOCX or PDF"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<svg")


class Rejected(ValueError):
    """The bytes are a kind of file screener does not read; the message says which."""


def sniff(data: bytes) -> Kind:
    """Classify by content. Raises `Rejected` naming what the file is instead.

    >>> sniff(b"%PDF-1.7 ..."), sniff(b"Jane Doe\\nPython developer")
    ('pdf', 'text')
    """
    head = data[:1024]
    if _pdf_header(head):
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    for magic, what in _REJECTED_MAGIC:
        if data.startswith(magic):
            advice = _SAVE_AS if what in _DOCUMENTS else "not a PDF, DOCX or text resume"
            raise Rejected(f"this is {what}, {advice}")
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(_HTML_STARTS):
        raise Rejected(f"this is an HTML/XML page, {_SAVE_AS}")
    return "text"


def _pdf_header(head: bytes) -> bool:
    """``%PDF-`` first, or after bytes that are not text (readers accept a prefix of junk
    in the first KB), but not in a text resume's first lines ("validates %PDF-1.7 files")."""
    at = head.find(b"%PDF-")
    if at <= 0:
        return at == 0
    try:
        prefix = head[:at].decode("utf-8")
    except UnicodeDecodeError:
        return True
    return not prefix.strip() or not all(c.isprintable() or c in "\t\r\n" for c in prefix)


def _zip_kind(data: bytes) -> Kind:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise Rejected("this is a damaged ZIP/DOCX file that cannot be opened") from exc
    if "word/document.xml" in names:
        return "docx"
    if any(name.startswith("xl/") for name in names):
        raise Rejected("this is an Excel spreadsheet, not a resume document")
    if any(name.startswith("ppt/") for name in names):
        raise Rejected("this is a PowerPoint file, not a resume document")
    if "content.xml" in names:
        raise Rejected(f"this is an OpenDocument file, {_SAVE_AS}")
    raise Rejected("this is a ZIP archive, not a DOCX file; upload the resumes inside it")
