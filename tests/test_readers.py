from __future__ import annotations

import pytest
from fpdf import FPDF

from screener.readers import _repair_mojibake, read_pdf


def _pdf_with_words_placed_apart(words: list[str], gap_mm: float) -> bytes:
    """Each word drawn at its own position with no space glyph, as many real PDFs are."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    x = 10.0
    for word in words:
        pdf.text(x, 20, word)
        x += pdf.get_string_width(word) + gap_mm
    return bytes(pdf.output())


def test_words_placed_apart_keep_their_spaces():
    data = _pdf_with_words_placed_apart(["Professional", "Experience", "with", "SQL"], 0.5)
    assert read_pdf(data, "cv.pdf", max_pages=1, word_gap=None).pages[0] == (
        "ProfessionalExperiencewithSQL"  # PDFium's own text, for contrast
    )
    assert read_pdf(data, "cv.pdf", max_pages=1).pages[0] == "Professional Experience with SQL"


def test_letters_of_one_word_are_not_split():
    data = _pdf_with_words_placed_apart(["Skills"], 0.5)
    assert read_pdf(data, "cv.pdf", max_pages=1).pages[0] == "Skills"


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("Python \u00c2\u00b7 SQL", "Python \u00b7 SQL"),  # "Â·" was a middle dot
        ("Caf\u00c3\u00a9", "Caf\u00e9"),
        ("Café déjà vu", "Café déjà vu"),  # real accents stay
    ],
)
def test_utf8_read_as_latin1_is_repaired(text, repaired):
    assert _repair_mojibake(text) == repaired


def _docx_with_body(body: str) -> bytes:
    """A real DOCX whose document body is ``body`` (WordprocessingML, w: and friends)."""
    from tests.hostile import docx_with_part

    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    document = f"<w:document {namespaces}><w:body>{body}</w:body></w:document>"
    return docx_with_part("word/document.xml", document.encode())


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _lines(data: bytes) -> list[str]:
    from screener.readers import read_docx

    return read_docx(data, "cv.docx").pages[0].split("\n")


def test_docx_content_controls_are_read():
    # Word's resume templates wrap whole sections in content controls (w:sdt)
    control = (
        "<w:sdt><w:sdtPr><w:alias w:val='Experience placeholder'/></w:sdtPr><w:sdtContent>"
        f"{_p('EXPERIENCE')}{_p('Built REST APIs with Django')}</w:sdtContent></w:sdt>"
    )
    assert _lines(_docx_with_body(_p("Jane Doe") + control)) == [
        "Jane Doe",
        "EXPERIENCE",
        "Built REST APIs with Django",
    ]


def test_docx_text_boxes_are_read_once_though_stored_twice():
    box = f"<w:txbxContent>{_p('SKILLS: Python, Docker')}</w:txbxContent>"
    drawing = (
        "<w:p><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Jane Doe</w:t></w:r></w:p>"
    )
    assert _lines(_docx_with_body(drawing)) == ["Jane Doe", "SKILLS: Python, Docker"]


def test_docx_tracked_deletions_are_not_read_and_insertions_are():
    paragraph = (
        "<w:p><w:r><w:t>Skills: </w:t></w:r>"
        "<w:del><w:r><w:delText>Cobol, </w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>Python, </w:t></w:r></w:ins>"
        "<w:moveFrom><w:r><w:t>Go</w:t></w:r></w:moveFrom><w:r><w:t>Git</w:t></w:r></w:p>"
    )
    assert _lines(_docx_with_body(paragraph)) == ["Skills: Python, Git"]


def test_docx_table_cells_merged_across_count_once_and_merged_down_on_every_row():
    table = (
        "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr>"
        f"{_p('Skills')}</w:tc></w:tr>"
        f"<w:tr><w:tc><w:tcPr><w:vMerge w:val='restart'/></w:tcPr>{_p('Languages')}</w:tc>"
        f"<w:tc>{_p('Python, Go')}</w:tc></w:tr>"
        f"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>{_p('')}</w:tc>"
        f"<w:tc>{_p('Java')}</w:tc></w:tr></w:tbl>"
    )
    assert _lines(_docx_with_body(table)) == [
        "Skills",
        "Languages | Python, Go",
        "Languages | Java",
    ]


def test_docx_hidden_text_is_left_out_and_counted():
    from screener.readers import read_docx

    paragraph = (
        "<w:p><w:r><w:t xml:space='preserve'>Skills: Python</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>, Kubernetes, Terraform</w:t></w:r>"
        "<w:r><w:rPr><w:vanish w:val='0'/></w:rPr><w:t>, Git</w:t></w:r></w:p>"
    )
    extracted = read_docx(_docx_with_body(paragraph), "cv.docx")
    assert extracted.pages == ("Skills: Python, Git",)
    assert extracted.hidden_words == 2


def test_hidden_docx_text_is_a_warning_on_the_document():
    from screener.ingest import ingest_bytes

    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Kubernetes Terraform Ansible</w:t></w:r>"
    document = ingest_bytes(
        _docx_with_body(f"<w:p><w:r><w:t>Python developer</w:t></w:r>{hidden}</w:p>"), "cv.docx"
    )
    assert "Kubernetes" not in document.text
    assert document.warnings == (
        "hidden text left out: 3 word(s) formatted as hidden, which Word does not show "
        "(keywords hidden for screening software?)",
    )


def test_docx_table_rows_and_cells_inside_content_controls_are_read():
    def control(inner: str) -> str:
        return f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"

    cell = f"<w:tc>{_p('Python, Go')}</w:tc>"
    rows = f"<w:tr><w:tc>{_p('Languages')}</w:tc>{control(cell)}</w:tr>"
    table = f"<w:tbl>{control(rows)}<w:tr><w:tc>{_p('Tools')}</w:tc></w:tr></w:tbl>"
    assert _lines(_docx_with_body(table)) == ["Languages | Python, Go", "Tools"]
