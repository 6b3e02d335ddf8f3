"""The README's command-line examples run as written (from the repository root)."""

from __future__ import annotations

import glob
import re
import shlex
import shutil

import pytest

from screener.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [
    line for line in re.findall(r"^screener .+$", README, re.MULTILINE) if "DIR" not in line
] + [
    line.replace("DIR", "sample_resumes")
    for line in re.findall(r"^screener .*DIR.*$", README, re.M)
]


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command, tmp_path, monkeypatch, capsys):
    for folder in ("role_specs", "sample_resumes"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    words = shlex.split(command.split(">")[0])
    args = [p for w in words[1:] for p in (sorted(glob.glob(w)) if "*" in w else [w])]
    assert main(args) == 0, capsys.readouterr().err


def test_readme_has_the_commands():
    assert len(COMMANDS) >= 5
    assert "make run" in README and "make test" in README
