"""Text out of PDF and DOCX bytes. Callers run these in an isolated process (see ingest)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from screener.errors import IngestError

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Extracted:
    """Raw text of a document, one string per page (DOCX is one page)."""

    pages: tuple[str, ...]
    page_count: int


# ---------------------------------------------------------------- PDF
def read_pdf(data: bytes, filename: str, *, max_pages: int) -> Extracted:
    """Text of the first ``max_pages`` pages, with pypdfium2 (PDFium)."""
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
        pages = tuple(_page_text(document, i) for i in range(min(page_count, max_pages)))
    finally:
        document.close()
    return Extracted(pages, page_count)


def _page_text(document: object, index: int) -> str:
    page = document[index]  # type: ignore[index]
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_bounded())
        finally:
            textpage.close()
    finally:
        page.close()


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
    for section in document.sections:
        lines.extend(_block_lines(section.header))
    lines.extend(_block_lines(document))
    for section in document.sections:
        lines.extend(_block_lines(section.footer))
    return Extracted(("\n".join(lines),), 1)


def _block_lines(container: object) -> Iterator[str]:
    from docx.table import Table

    for block in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            yield from _table_lines(block)
        else:
            yield block.text


def _table_lines(table: object) -> Iterator[str]:
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(line for line in _block_lines(cell) if line.strip())
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        if cells:
            yield " | ".join(cells)
