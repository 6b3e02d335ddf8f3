"""The labelled sample set: files exist, labels use the spec's names, generator reproduces."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SAMPLES

EXPECTED = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))


def _generator():
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts/make_samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_set_is_large_and_varied():
    assert len(EXPECTED) >= 16
    suffixes = {Path(name).suffix for name in EXPECTED}
    assert suffixes == {".md", ".txt", ".docx", ".pdf"}
    assert {e["band"] for e in EXPECTED.values()} == {"strong", "possible", "weak", None}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_labelled_file_exists(name):
    assert (SAMPLES / name).is_file()


def test_every_sample_file_is_labelled():
    on_disk = {p.name for p in SAMPLES.iterdir() if p.is_file() and p.name != "expected.yaml"}
    assert on_disk == set(EXPECTED)


def test_labels_use_canonical_spec_names(junior_spec):
    names = {item.name for _, _, item in junior_spec.matchables()}
    for file, entry in EXPECTED.items():
        for key in ("skills", "absent", "soft"):
            unknown = set(entry.get(key, [])) - names
            assert not unknown, f"{file}: {key} has names not in the spec: {unknown}"
        assert not set(entry["skills"]) & set(entry["absent"]), file


def test_generator_reproduces_pdfs_exactly(tmp_path):
    for path in _generator().generate(tmp_path):
        if path.suffix == ".pdf" or path.name.startswith("cp1252"):
            assert path.read_bytes() == (SAMPLES / path.name).read_bytes(), path.name
