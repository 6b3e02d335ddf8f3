"""The same person in one screening: grouped by e-mail, phone or near-identical text."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from screener.duplicates import groups, minhash, signals, similarity
from screener.ingest import ingest_bytes
from screener.screen import screen_one
from screener.store import ScreeningStore
from tests.conftest import ROOT

SOURCE = ROOT / "scripts" / "sample_sources" / "java_spring_new_grad.md"


def _make_samples():
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts/make_samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pdf_and_docx(tmp_path_factory) -> dict[str, str]:
    """A PDF and a DOCX made from one source with its contact line removed, so only the
    text itself can tell they are one resume."""
    folder = tmp_path_factory.mktemp("same_source")
    text = SOURCE.read_text(encoding="utf-8")
    text = re.sub(r"^.*@.*$", "Madrid, Spain", text, count=1, flags=re.M)
    (folder / "resume.md").write_text(text, encoding="utf-8")
    make = _make_samples()
    make.SOURCES = folder
    make.make_pdf("resume.md", folder / "resume.pdf")
    make.make_docx("resume.md", folder / "resume.docx")
    return {
        name: ingest_bytes((folder / name).read_bytes(), name).text
        for name in ("resume.pdf", "resume.docx")
    }


def test_pdf_and_docx_of_one_resume_are_near_identical(pdf_and_docx):
    pdf, docx = pdf_and_docx.values()
    assert "@" not in pdf + docx
    assert pdf != docx  # different extractions...
    assert similarity(minhash(pdf), minhash(docx)) >= 0.8  # ...of the same words
    assert groups({k: signals(v) for k, v in pdf_and_docx.items()}) == [
        ["resume.pdf", "resume.docx"]
    ]


SAM_A = """Sam Okafor
sam.okafor@example.com | +1 555 010 2233

EXPERIENCE
Backend intern at a logistics start-up: Python, Django and PostgreSQL APIs.
Wrote integration tests with pytest and set up GitHub Actions.
"""
SAM_B = """Sam Whitfield
s.whitfield@example.net | +44 20 7946 0958

EXPERIENCE
Junior developer in a bank: Java services with Spring Boot and Oracle.
Maintained batch jobs and monitoring dashboards in Grafana.
"""
SAM_A_AGAIN = """Samuel Okafor, backend developer
SAM.OKAFOR@example.com

PROJECTS
A delivery tracker in Go with Redis; deployed on Fly.io with Docker.
"""
SAM_A_PHONE = """S. Okafor
Phone: (555) 010-2233

SKILLS
Python, SQL, Git
"""


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ({"a": SAM_A, "b": SAM_B}, [["a"], ["b"]]),  # two people called Sam
        ({"a": SAM_A, "again": SAM_A_AGAIN}, [["a", "again"]]),  # same e-mail, any case
        ({"a": SAM_A, "phone": SAM_A_PHONE, "b": SAM_B}, [["a", "phone"], ["b"]]),
        ({"x": "Dates 2019 - 2021 2022", "y": "Dates 2019 - 2021 2022 other"}, [["x"], ["y"]]),
    ],
)
def test_groups_by_contact_details(texts, expected):
    assert groups({k: signals(v) for k, v in texts.items()}) == expected


def test_year_ranges_are_not_phone_numbers():
    assert signals("Acme 2019 - 2021 2022").phones == frozenset()


def test_signals_keep_no_address_in_clear():
    found = signals(SAM_A)
    assert len(found.emails) == 1 and "sam" not in next(iter(found.emails))
    assert len(found.phones) == 1 and "2233" not in next(iter(found.phones))


def test_kept_apart_pairs_are_not_joined():
    files = {"a": signals(SAM_A), "again": signals(SAM_A_AGAIN)}
    assert groups(files, [("again", "a")]) == [["a"], ["again"]]


def test_store_groups_and_splits(tmp_path: Path, junior_spec, pdf_and_docx):
    store = ScreeningStore(tmp_path / "s.sqlite3")
    store.create("Q1", junior_spec)
    people = [
        screen_one(junior_spec, name, text.encode())
        for name, text in [
            ("sam_okafor.txt", SAM_A),
            ("sam_whitfield.txt", SAM_B),
            ("okafor_again.md", SAM_A_AGAIN),
            *((name + ".txt", text) for name, text in pdf_and_docx.items()),
        ]
    ]
    store.add("Q1", people)
    sha = {c.source: c.sha256 for c in people}
    grouped = sorted(store.load("Q1").groups)
    assert sorted([sha["sam_okafor.txt"], sha["okafor_again.md"]]) in map(sorted, grouped)
    assert [sha["sam_whitfield.txt"]] in grouped
    assert sorted([sha["resume.pdf.txt"], sha["resume.docx.txt"]]) in map(sorted, grouped)
    assert store.screenings()[0].candidates == 3
    store.split("Q1", sha["okafor_again.md"])
    assert [sha["okafor_again.md"]] in store.load("Q1").groups
    assert store.screenings()[0].candidates == 4
    rows = {r["source"]: r for r in store.rows("Q1")}
    pair = {rows["resume.docx.txt"]["same_person_as"], rows["resume.pdf.txt"]["same_person_as"]}
    assert pair == {"", min(sha["resume.pdf.txt"], sha["resume.docx.txt"])}
