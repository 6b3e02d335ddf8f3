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
