"""Builders for hostile and broken files used by the ingestion tests."""

from __future__ import annotations

import io
import zipfile
import zlib

import docx
from fpdf import FPDF


def pdf_with_text(
    text: str = "Jane Doe\nPython developer with SQL and REST APIs.",
    pages: int = 1,
    *,
    password: str | None = None,
) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    for number in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"{text}\nPage {number + 1}")
    return bytes(pdf.output())


def inflating_pdf(megabytes: int) -> bytes:
    """A valid one-page PDF whose content stream inflates to ``megabytes`` MB."""
    packer = zlib.compressobj(9)
    chunks = [packer.compress(b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n")]
    block = b" " * (1024 * 1024)
    chunks += [packer.compress(block) for _ in range(megabytes)]
    stream = b"".join(chunks) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_part(name: str, content: bytes, *, base: bytes | None = None) -> bytes:
    """A real DOCX with one part replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(base or docx_bytes("Jane Doe", "Python developer")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content)
    return out.getvalue()


W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
    b"<w:document "
    + W_NS
    + b"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
)


def external_entity_document(path: str) -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://'
        + path.encode()
        + b'">]>\n'
        b"<w:document "
        + W_NS
        + b"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )


def zip_bomb_docx(megabytes: int = 120) -> bytes:
    return docx_with_part("word/media/padding.bin", b"\0" * (megabytes * 1024 * 1024))


OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
