from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from screener.spec import RoleSpec, load_spec

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT / "sample_resumes"
JUNIOR_SPEC = ROOT / "role_specs" / "junior_backend_engineer.yaml"


def excel_rows(text: str) -> list[list[str]]:
    """The rows of CSV written for Excel, which must open with the UTF-8 byte-order mark."""
    assert text.startswith("\ufeff") and not text.startswith("\ufeff\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def excel_records(text: str) -> list[dict[str, str]]:
    """`excel_rows` by column name."""
    header, *rows = excel_rows(text)
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture(scope="session")
def toy_spec() -> RoleSpec:
    return load_spec(FIXTURES / "toy_spec.yaml")


@pytest.fixture(scope="session")
def junior_spec() -> RoleSpec:
    return load_spec(JUNIOR_SPEC)


@pytest.fixture(autouse=True, scope="session")
def _audit_db_in_tmp(tmp_path_factory):
    """Tests (and the app under AppTest or Playwright) never write the user's audit log."""
    os.environ["SCREENER_AUDIT_DB"] = str(tmp_path_factory.mktemp("audit") / "audit.sqlite3")


@pytest.fixture(scope="session")
def corpora_path() -> Path:
    """The real-data corpora (../shared/corpora); tests that need them skip when absent."""
    from screener.corpora import corpora_dir

    path = corpora_dir()
    if not path.is_dir():
        pytest.skip(f"real-data corpora not found at {path}: set SCREENER_CORPORA or add them")
    return path
