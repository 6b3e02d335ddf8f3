from __future__ import annotations

from pathlib import Path

import pytest

from screener.spec import RoleSpec, load_spec

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT / "sample_resumes"
JUNIOR_SPEC = ROOT / "role_specs" / "junior_backend_engineer.yaml"


@pytest.fixture(scope="session")
def toy_spec() -> RoleSpec:
    return load_spec(FIXTURES / "toy_spec.yaml")


@pytest.fixture(scope="session")
def junior_spec() -> RoleSpec:
    return load_spec(JUNIOR_SPEC)
