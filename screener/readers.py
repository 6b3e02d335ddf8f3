"""Text out of PDF and DOCX bytes. Callers run these in an isolated process (see ingest)."""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from screener.errors import IngestError

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Extracted:
    """Raw text of a document, one string per page (DOCX is one page)."""

    pages: tuple[str, ...]
    page_count: int
    hidden_words: int = 0  # words formatted as hidden (DOCX), left out of ``pages``


# ---------------------------------------------------------------- PDF
# A gap wider than this share of the glyph height between two characters on one line is a
# word break. Many real PDFs (livecareer's among them) place words by position and draw no
# space character, so PDFium's own text runs words together ("ProfessionalExperience").
# Chosen by `python -m screener.bench pdf-text` over the real livecareer PDFs.
WORD_GAP = 0.06
# UTF-8 read as Latin-1 inside the PDF's own text map ("Â·" for "·"). Lead
# bytes C2-DF take one continuation byte, E0-EF two: longer runs are not mojibake.
_MOJIBAKE = re.compile("[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}")


def read_pdf(
    data: bytes, filename: str, *, max_pages: int, word_gap: float | None = WORD_GAP
) -> Extracted:
    """Text of the first ``max_pages`` pages, with pypdfium2 (PDFium).

    ``word_gap=None`` keeps PDFium's own text (no spaces restored), for comparisons.
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise IngestError(
                filename, "encrypted", "this PDF is password-protected; ask for an unlocked copy"
            ) from exc
        raise IngestError(
            filename, "corrupt", "this PDF is damaged or incomplete and cannot be read"
        ) from exc
    try:
        page_count = len(document)
        pages = tuple(
            _repair_mojibake(_page_text(document, i, word_gap))
            for i in range(min(page_count, max_pages))
        )
    finally:
        document.close()
    return Extracted(pages, page_count)


def _page_text(document: object, index: int, word_gap: float | None) -> str:
    page = document[index]  # type: ignore[index]
    try:
        textpage = page.get_textpage()
        try:
            if word_gap is None:
                return str(textpage.get_text_bounded())
            return _spaced_text(textpage, word_gap)
        finally:
            textpage.close()
    finally:
        page.close()


def _spaced_text(textpage: object, word_gap: float) -> str:
    """The page's characters in PDFium's order, with a space restored between two
    characters of one line that do not touch and whose gap exceeds that line's usual
    letter gap by ``word_gap`` times the glyph height. Loose boxes (advance widths) are
    used; fonts kern letters into each other by different amounts, so the line's own
    median gap is the reference."""
    import pypdfium2.raw as raw

    count = textpage.count_chars()  # type: ignore[attr-defined]
    text = str(textpage.get_text_range(0, count))  # type: ignore[attr-defined]
    if len(text) != count:  # characters outside the BMP shift indices: keep PDFium's text
        return text
    handle = textpage.raw  # type: ignore[attr-defined]
    box = raw.FS_RECTF()
    loose_box = raw.FPDFText_GetLooseCharBox
    # (index in text, gap to the previous character, glyph height) for same-line neighbours
    gaps: list[tuple[int, float, float]] = []
    line_starts = [0]
    right = top = bottom = 0.0
    after_char = False
    for index, char in enumerate(text):
        if char.isspace():
            after_char = False
            if char == "\n":
                line_starts.append(len(gaps))
            continue
        loose_box(handle, index, box)
        if after_char and box.bottom < top and box.top > bottom:
            gaps.append((index, box.left - right, box.top - box.bottom))
        right, top, bottom, after_char = box.right, box.top, box.bottom, True
    line_starts.append(len(gaps))
    breaks: list[int] = []
    for start, end in itertools.pairwise(line_starts):
        line = gaps[start:end]
        if not line:
            continue
        usual = sorted(gap for _, gap, _ in line)[len(line) // 2]
        breaks.extend(
            index for index, gap, height in line if gap > 0 and gap - usual > word_gap * height
        )
    if not breaks:
        return text
    pieces, last = [], 0
    for index in breaks:
        pieces.append(text[last:index])
        last = index
    pieces.append(text[last:])
    return " ".join(pieces)


def _repair_mojibake(text: str) -> str:
    if not _MOJIBAKE.search(text):
        return text
    return _MOJIBAKE.sub(_unmangle, text)


def _unmangle(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


# ---------------------------------------------------------------- DOCX
def check_docx_zip(
    data: bytes, filename: str, *, max_entries: int, max_uncompressed: int, max_ratio: int
) -> None:
    """Refuse zip bombs and XML with DTDs/entities before any XML parser sees the file."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise IngestError(filename, "corrupt", "this DOCX file is damaged") from exc
    if len(infos) > max_entries:
        raise IngestError(
            filename, "unsafe", f"this DOCX has {len(infos)} parts (limit {max_entries})"
        )
    total = sum(info.file_size for info in infos)
    if total > max_uncompressed:
        raise IngestError(
            filename,
            "unsafe",
            f"this DOCX unpacks to {total // 1_000_000} MB "
            f"(limit {max_uncompressed // 1_000_000} MB)",
        )
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > max_ratio * max(info.compress_size, 1):
            raise IngestError(filename, "unsafe", "this DOCX is a compression bomb")
        if info.filename.endswith((".xml", ".rels")):
            try:
                head = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
                raise IngestError(filename, "corrupt", "this DOCX file is damaged") from exc
            if _DTD.search(head):
                raise IngestError(
                    filename,
                    "unsafe",
                    "this DOCX contains XML entity declarations, which resumes never need",
                )


def read_docx(data: bytes, filename: str) -> Extracted:
    """Paragraphs, tables (row by row), headers and footers, in reading order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IngestError(filename, "corrupt", "this DOCX file is damaged") from exc
    except Exception as exc:  # lxml raises many types on broken XML
        raise IngestError(
            filename, "corrupt", f"this DOCX file is damaged ({type(exc).__name__})"
        ) from exc
    lines: list[str] = []
    headers = [s.header for s in document.sections if not s.header.is_linked_to_previous]
    footers = [s.footer for s in document.sections if not s.footer.is_linked_to_previous]
    hidden: list[str] = []
    for header in headers:
        lines.extend(_block_lines(header.part.element, hidden))
    lines.extend(_block_lines(document.element.body, hidden))
    for footer in footers:
        lines.extend(_block_lines(footer.part.element, hidden))
    words = sum(any(map(str.isalnum, word)) for word in " ".join(hidden).split())
    return Extracted(("\n".join(lines),), 1, words)


# WordprocessingML, read from the XML itself: python-docx's paragraphs and tables skip
# content controls (w:sdt, which Word's resume templates wrap whole sections in) and
# text boxes (sidebars of skills and contact details).
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CONTAINERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"})
# Not read: moved-away and deleted text of tracked changes, a content control's
# properties (its placeholder's name).
_SKIPPED = frozenset({f"{_W}moveFrom", f"{_W}del", f"{_W}sdtPr"})
_BREAKS = frozenset({f"{_W}br", f"{_W}cr"})


def _block_lines(container: Any, hidden: list[str]) -> Iterator[str]:
    """The lines of a body, header, footer, table cell or text box, in reading order:
    a paragraph's own text, then its text boxes; a table row by row. Text formatted as
    hidden, which Word does not show, goes to ``hidden`` instead."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            boxes: list[Any] = []
            yield "".join(_run_text(child, boxes, hidden))
            for box in boxes:
                yield from _block_lines(box, hidden)
        elif tag == f"{_W}tbl":
            yield from _table_lines(child, hidden)
        elif tag in _CONTAINERS:
            yield from _block_lines(child, hidden)


def _run_text(element: Any, boxes: list[Any], hidden: list[str]) -> Iterator[str]:
    """The text of a paragraph's runs (hyperlinks, fields and insertions included); text
    boxes inside it are added to ``boxes``, a drawing's fallback copy of them left out,
    hidden runs' text to ``hidden``."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == f"{_W}r" and _is_hidden(child):
            hidden.append("".join(_run_text(child, [], [])))
        elif tag == f"{_W}t":
            yield child.text or ""
        elif tag == f"{_W}tab":
            yield "\t"
        elif tag in _BREAKS:
            yield "\n"
        elif tag == f"{_W}txbxContent":
            boxes.append(child)
        elif tag == f"{_MC}AlternateContent":  # one of its versions: the first choice
            versions = [*child.iterchildren(f"{_MC}Choice"), *child.iterchildren(f"{_MC}Fallback")]
            yield from _run_text(versions[0], boxes, hidden) if versions else ()
        elif tag not in _SKIPPED:
            yield from _run_text(child, boxes, hidden)


def _is_hidden(run: Any) -> bool:
    """A run formatted as hidden (``w:vanish``, on unless its value says off)."""
    for props in run.iterchildren(f"{_W}rPr"):
        for vanish in props.iterchildren(f"{_W}vanish"):
            return vanish.get(f"{_W}val", "true") not in ("0", "false", "off")
    return False


def _table_lines(table: Any, hidden: list[str]) -> Iterator[str]:
    """One line per row, its cells joined by " | ": a cell merged across counts once, one
    merged down is repeated on each row it spans (as Word shows it beside each)."""
    above: dict[int, str] = {}  # grid column -> text of a cell that may be merged down
    for row in _unwrapped(table, f"{_W}tr"):
        cells: list[str] = []
        column = 0
        for cell in _unwrapped(row, f"{_W}tc"):
            span, merge = _cell_layout(cell)
            if merge == "continue":
                text = above.get(column, "")
            else:
                text = " ".join(line for line in _block_lines(cell, hidden) if line.strip())
                above[column] = text
            column += span
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            yield " | ".join(cells)


def _unwrapped(element: Any, tag: str) -> Iterator[Any]:
    """The ``tag`` children of ``element``, those inside content controls included (a
    repeating section wraps table rows, or cells, in one)."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _unwrapped(child, tag)


def _cell_layout(cell: Any) -> tuple[int, str | None]:
    """A cell's width in grid columns, and its vertical merge ("restart", "continue")."""
    span, merge = 1, None
    for props in cell.iterchildren(f"{_W}tcPr"):
        for width in props.iterchildren(f"{_W}gridSpan"):
            value = width.get(f"{_W}val", "1")
            span = max(1, int(value)) if value.isdigit() else 1  # a hostile file: anything
        for down in props.iterchildren(f"{_W}vMerge"):
            merge = down.get(f"{_W}val", "continue")
    return span, merge
