"""Regenerate the PDF, DOCX and cp1252 sample resumes from scripts/sample_sources/.

Run with ``make samples``. Sources use a tiny markup:
``# Name`` (first line), ``## Section``, ``### Entry``, ``- bullet``, ``| a | b |`` table
rows, and directives ``@header``/``@footer`` (DOCX), ``@left``/``@right`` (two-column PDF)
and ``@pagebreak`` (PDF). The outputs are committed so the app needs no build step.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import docx
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_resumes"
SOURCES = ROOT / "scripts" / "sample_sources"
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
LATIN1_FIXES = str.maketrans(
    {"\u2014": "-", "\u2013": "-", "\u2019": "'", "\u00b7": "|", "\u201c": '"', "\u201d": '"'}
)


def source_lines(name: str) -> list[str]:
    return (SOURCES / name).read_text(encoding="utf-8").splitlines()


# ---------------------------------------------------------------- DOCX
def make_docx(source: str, target: Path) -> None:
    document = docx.Document()
    table = None
    for line in source_lines(source):
        if line.startswith("@header "):
            document.sections[0].header.paragraphs[0].text = line[8:]
        elif line.startswith("@footer "):
            document.sections[0].footer.paragraphs[0].text = line[8:]
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if table is None:
                table = document.add_table(rows=0, cols=len(cells))
                table.style = "Table Grid"
            for cell, text in zip(table.add_row().cells, cells, strict=True):
                cell.text = text
            continue
        elif line.startswith("# "):
            document.add_heading(line[2:], level=0)
        elif line.startswith("## "):
            document.add_heading(line[3:], level=1)
        elif line.startswith("### "):
            document.add_heading(line[4:], level=2)
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.strip():
            document.add_paragraph(line)
        table = None
    document.core_properties.created = FIXED_DATE
    document.core_properties.modified = FIXED_DATE
    document.save(target)


# ---------------------------------------------------------------- PDF
class _Pdf(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.set_creation_date(FIXED_DATE)
        self.set_auto_page_break(auto=True, margin=15)
        self.add_page()

    def write_line(self, line: str, width: float) -> None:
        line = line.translate(LATIN1_FIXES)
        if line.startswith("# "):
            self.set_font("Helvetica", "B", 18)
            self.multi_cell(width, 9, line[2:], new_x="LEFT", new_y="NEXT")
        elif line.startswith("## "):
            self.ln(2)
            self.set_font("Helvetica", "B", 13)
            self.multi_cell(width, 7, line[3:].upper(), new_x="LEFT", new_y="NEXT")
        elif line.startswith("### "):
            self.set_font("Helvetica", "B", 11)
            self.multi_cell(width, 6, line[4:], new_x="LEFT", new_y="NEXT")
        elif line.startswith("- "):
            self.set_font("Helvetica", "", 10)
            self.multi_cell(width, 5, "- " + line[2:], new_x="LEFT", new_y="NEXT")
        elif line.strip():
            self.set_font("Helvetica", "", 10)
            self.multi_cell(width, 5, line, new_x="LEFT", new_y="NEXT")


def make_pdf(source: str, target: Path) -> None:
    pdf = _Pdf()
    full_width = pdf.epw
    lines = source_lines(source)
    column_top = None
    width = full_width
    for line in lines:
        if line == "@left":
            column_top = pdf.get_y()
            width = full_width * 0.32
        elif line == "@right":
            assert column_top is not None
            pdf.set_xy(pdf.l_margin + full_width * 0.36, column_top)
            pdf.set_left_margin(pdf.l_margin + full_width * 0.36)
            width = full_width * 0.64
        elif line == "@pagebreak":
            pdf.add_page()
        else:
            pdf.write_line(line, width)
    pdf.output(str(target))


def make_scanned_pdf(source: str, target: Path) -> None:
    """A resume as a picture only: no text layer, as a phone scan would be."""
    image = Image.new("L", (1240, 1754), color=255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=30)
    y = 100
    for line in source_lines(source):
        text = line.lstrip("#- ").translate(LATIN1_FIXES)
        if text:
            draw.text((100, y), text, fill=0, font=font)
        y += 48
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_page()
    pdf.image(buffer, x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(target))


def make_cp1252(source: str, target: Path) -> None:
    text = (SOURCES / source).read_text(encoding="utf-8")
    target.write_bytes(text.replace("\n", "\r\n").encode("cp1252"))


GENERATED = {
    "java_spring_new_grad.docx": (make_docx, "java_spring_new_grad.md"),
    "csharp_dotnet_intern.docx": (make_docx, "csharp_dotnet_intern.md"),
    "go_self_taught_developer.pdf": (make_pdf, "go_self_taught_developer.md"),
    "senior_backend_engineer.pdf": (make_pdf, "senior_backend_engineer.md"),
    "scanned_resume.pdf": (make_scanned_pdf, "scanned_resume.md"),
    "cp1252_developer.txt": (make_cp1252, "cp1252_developer.txt"),
}


def generate(out_dir: Path = SAMPLES) -> list[Path]:
    """Write every generated sample into ``out_dir``; returns the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for target, (make, source) in GENERATED.items():
        make(source, out_dir / target)
    return [out_dir / target for target in GENERATED]


def main() -> int:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else SAMPLES
    generate(out_dir)
    print(f"wrote {len(GENERATED)} samples to {out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
