from __future__ import annotations

import resource
import time

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from screener.errors import IngestError
from screener.ingest import DEFAULT_LIMITS, Document, Limits, ingest_bytes, ingest_many, ingest_text
from screener.sniff import sniff
from tests import hostile
from tests.conftest import SAMPLES

EXPECTED = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))


def _error(data: bytes, name: str = "resume.pdf", limits: Limits | None = None) -> IngestError:
    with pytest.raises(IngestError) as info:
        ingest_bytes(data, name, limits or Limits())
    return info.value


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_ingests_as_labelled(name):
    doc = ingest_bytes((SAMPLES / name).read_bytes(), name)
    assert doc.format == EXPECTED[name]["format"]
    assert doc.status == EXPECTED[name]["status"]
    assert doc.source == name and len(doc.sha256) == 64


def test_docx_tables_headers_and_footers_are_read():
    doc = ingest_bytes((SAMPLES / "java_spring_new_grad.docx").read_bytes(), "a.docx")
    assert "Frameworks | Spring Boot, Hibernate, JUnit 5, Mockito" in doc.lines
    intern = ingest_bytes((SAMPLES / "csharp_dotnet_intern.docx").read_bytes(), "b.docx")
    assert intern.lines[0] == "Mei Lin Chen — Resume"  # header
    assert intern.lines[-1] == "References available on request"  # footer


def test_two_column_pdf_keeps_columns_apart():
    doc = ingest_bytes((SAMPLES / "go_self_taught_developer.pdf").read_bytes(), "go.pdf")
    assert "- Go (Golang)" in doc.lines
    names = [s.name for s in doc.sections]
    assert names[:2] == ["header", "skills"] and "projects" in names


def test_multi_page_pdf_counts_pages():
    doc = ingest_bytes((SAMPLES / "senior_backend_engineer.pdf").read_bytes(), "s.pdf")
    assert doc.pages == 2
    assert any("AWS Certified" in line for line in doc.lines)


def test_cp1252_sample_round_trips_accents():
    doc = ingest_bytes((SAMPLES / "cp1252_developer.txt").read_bytes(), "x.txt")
    assert doc.lines[0] == "José Müller — Développeur Python"
    assert "Zoë Lefèvre and François Côté" in doc.text
    assert doc.warnings == ("encoding guessed: cp1252",)


def test_scanned_pdf_needs_review_not_an_error():
    doc = ingest_bytes((SAMPLES / "scanned_resume.pdf").read_bytes(), "scan.pdf")
    assert doc.status == "needs_review"
    assert any("no text layer" in w for w in doc.warnings)


def test_a_resume_whose_line_breaks_were_lost_is_flagged_and_its_lines_are_not():
    text = (SAMPLES / "python_django_graduate.md").read_text(encoding="utf-8")
    assert ingest_text(text).warnings == ()
    [warning] = ingest_text(" ".join(text.split())).warnings
    assert warning.startswith("few line breaks, so the score is likely too low: ask for the")
    assert "(100% of the words are on lines of over 100 words outside any experience" in warning


def test_long_paragraphs_in_an_experience_section_are_no_lost_line_breaks():
    paragraph = "Built and ran the billing service in Python with a small team. " * 20
    text = f"Jane Doe\nEXPERIENCE\nBackend Developer, Acme, 2021 - 2024\n{paragraph}"
    assert ingest_text(text).warnings == ()
    assert ingest_text(f"Jane Doe\nSUMMARY\n{paragraph}").warnings != ()  # not work: flagged


def test_pasted_text_is_normalised_like_files():
    doc = ingest_text("• Python\r\n• SQL", "paste")
    assert doc.lines == ["- Python", "- SQL"] and doc.format == "text"
    with pytest.raises(IngestError, match="empty"):
        ingest_text("   \n ")


@pytest.mark.parametrize(
    ("data", "name", "code", "phrase"),
    [
        (b"", "empty.pdf", "empty", "empty (0 bytes)"),
        (b"MZ\x90\x00" + b"\x00" * 200, "cv.pdf", "unsupported_format", "Windows executable"),
        (b"\x7fELF\x02\x01" + b"\x00" * 100, "cv.pdf", "unsupported_format", "Linux executable"),
        (b"<!DOCTYPE html><html><body>Jane</body></html>", "cv.pdf", "unsupported_format", "HTML"),
        (hostile.OLE_HEADER, "cv.docx", "unsupported_format", "legacy Word 97-2003 (.doc)"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "cv.pdf", "unsupported_format", "PNG image"),
        (bytes(range(256)) * 8, "cv.txt", "unsupported_format", "binary data"),
        (b"PK\x03\x04garbage", "cv.docx", "unsupported_format", "damaged ZIP"),
    ],
)
def test_rejected_inputs_say_what_they_are(data, name, code, phrase):
    err = _error(data, name)
    assert err.code == code
    assert phrase in err.message
    assert err.filename == name


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\r\n  %PDF-1.4\n", "pdf"),  # blanks first
        (b"\x00\x11\x80junk%PDF-1.4\n", "pdf"),  # binary junk first: readers accept it
        (b"Jane Doe\nWrote a tool that checks %PDF-1.7 headers\n", "text"),
    ],
)
def test_a_pdf_header_counts_first_or_after_junk_not_inside_text(head, kind):
    assert sniff(head + b"Python developer\n" * 5) == kind


def test_a_text_resume_mentioning_the_pdf_header_is_read_as_text():
    doc = ingest_bytes(b"Jane Doe\nSKILLS\nPython; parsed %PDF-1.7 headers in C\n", "cv.txt")
    assert doc.format == "text" and "%PDF-1.7" in doc.text


def test_plain_zip_is_not_a_docx():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("resume.txt", "Jane")
    assert "ZIP archive, not a DOCX" in _error(buffer.getvalue(), "cv.docx").message


def test_truncated_pdf_is_a_friendly_error():
    data = hostile.pdf_with_text()
    err = _error(data[: len(data) // 3])
    assert err.code == "corrupt"
    assert "damaged or incomplete" in err.message


def test_encrypted_pdf_says_password_protected():
    err = _error(hostile.pdf_with_text(password="secret"))
    assert err.code == "encrypted"
    assert "password-protected" in err.message


def test_file_over_size_cap_is_refused_before_parsing():
    err = _error(b"%PDF-1.7" + b" " * 2000, limits=Limits(max_bytes=1000))
    assert err.code == "too_large"


def test_character_cap_truncates_with_warning():
    doc = ingest_bytes(b"Python developer " * 1000, "long.txt", Limits(max_chars=500))
    assert len(doc.text) == 500
    assert any("truncated" in w for w in doc.warnings)


def test_utf16_bom_text_file():
    doc = ingest_bytes("\ufeffJürgen Weiß\nPython, SQL".encode("utf-16"), "cv.txt")
    assert doc.lines == ["Jürgen Weiß", "Python, SQL"]


def test_docx_billion_laughs_is_rejected():
    err = _error(hostile.docx_with_part("word/document.xml", hostile.BILLION_LAUGHS), "cv.docx")
    assert err.code == "unsafe"
    assert "entity declarations" in err.message


def test_docx_external_entity_never_leaks_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    data = hostile.docx_with_part(
        "word/document.xml", hostile.external_entity_document(str(secret))
    )
    err = _error(data, "cv.docx")
    assert err.code == "unsafe"
    assert "TOP-SECRET-TOKEN" not in str(err)


def test_docx_with_too_many_parts_is_rejected():
    err = _error(hostile.docx_bytes("Jane"), "cv.docx", Limits(docx_max_entries=3))
    assert err.code == "unsafe" and "parts" in err.message


@pytest.mark.slow
def test_docx_zip_bomb_is_rejected_before_inflating():
    err = _error(hostile.zip_bomb_docx(120), "cv.docx")
    assert err.code == "unsafe"


@pytest.mark.slow
def test_2000_page_pdf_is_truncated_and_fast():
    data = hostile.pdf_with_text(pages=2000)
    started = time.perf_counter()
    doc = ingest_bytes(data, "big.pdf", Limits(max_pages=30))
    assert time.perf_counter() - started < 15  # generous: a hang would hit the 20 s timeout
    assert doc.pages == 2000
    assert any("first 30 of 2000 pages" in w for w in doc.warnings)
    assert doc.text.count("Page ") == 30


@pytest.mark.slow
def test_inflating_pdf_is_capped_and_parent_memory_stays_bounded():
    data = hostile.inflating_pdf(400)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    limits = Limits(memory_mb=256, timeout_s=20)
    try:
        doc = ingest_bytes(data, "bomb.pdf", limits)
    except IngestError as err:
        assert err.code in ("too_complex", "timeout", "corrupt")
    else:  # PDFium may stream the content without holding it: then it must still finish
        assert doc.source == "bomb.pdf"
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100


@pytest.mark.slow
def test_a_text_file_that_normalising_inflates_stays_in_the_worker():
    # NFKC turns U+FDFA into 18 characters: 9 MB of it would be ~54 M characters
    data = ("\ufdfa" * 999 + "\n").encode() * 3000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    doc = ingest_bytes(data, "inflating.txt")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert len(doc.text) == DEFAULT_LIMITS.max_chars
    assert any("truncated" in w for w in doc.warnings)
    assert grown_mb < 50  # 9 MB here; decoded and normalised in the caller, it took 315 MB


def test_timeout_kills_the_worker():
    # 300 pages read take ~100x the limit, so a busy machine cannot make it finish in time
    err = _error(
        hostile.pdf_with_text(pages=300), "slow.pdf", Limits(timeout_s=0.001, max_pages=300)
    )
    assert err.code == "timeout"
    assert "gave up after" in err.message


def test_batch_keeps_order_and_survives_bad_files():
    files = [
        ("good.txt", b"Jane Doe\nPython developer with SQL experience"),
        ("empty.pdf", b""),
        ("cv.pdf", hostile.pdf_with_text()),
        ("evil.docx", hostile.docx_with_part("word/document.xml", hostile.BILLION_LAUGHS)),
        ("cv.docx", hostile.docx_bytes("John Roe", "Java and Spring Boot developer")),
    ]
    seen = []
    results = ingest_many(files, workers=2, progress=lambda d, t, n: seen.append((d, t)))
    assert [type(r).__name__ for r in results] == [
        "Document",
        "IngestError",
        "Document",
        "IngestError",
        "Document",
    ]
    assert [r.source if isinstance(r, Document) else r.filename for r in results] == [
        name for name, _ in files
    ]
    assert sorted(seen) == [(i, 5) for i in range(1, 6)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=500).map(lambda b: b"%PDF-1.4\n" + b),
        st.binary(max_size=500).map(lambda b: b"PK\x03\x04" + b),
        st.text(max_size=500).map(lambda t: t.encode("utf-8")),
    )
)
def test_any_bytes_give_a_document_or_a_typed_error(data):
    started = time.perf_counter()
    try:
        result = ingest_bytes(data, "fuzz.bin", Limits(timeout_s=5))
    except IngestError as err:
        assert err.code and err.message
    else:
        assert result.status in ("ok", "needs_review")
    assert time.perf_counter() - started < 6
