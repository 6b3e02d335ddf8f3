from __future__ import annotations

import json
import subprocess
import sys

from screener.cli import main
from tests.conftest import FIXTURES, JUNIOR_SPEC, ROOT


def test_validate_all_shipped_specs(capsys):
    paths = [str(p) for p in sorted((ROOT / "role_specs").glob("*.yaml"))]
    assert main(["spec", "validate", *paths]) == 0
    assert capsys.readouterr().out.count(": ok") == len(paths)


def test_validate_reports_each_bad_file(tmp_path, capsys):
    bad = tmp_path / "x.yaml"
    bad.write_text((FIXTURES / "toy_spec.yaml").read_text().replace("weight: 9", "weight: 12"))
    good = FIXTURES / "toy_spec.yaml"
    assert main(["spec", "validate", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == f"{bad}: hard_skills[3].weight: must be <= 10"
    assert f"{good}: ok" in captured.out


def test_show_prints_validated_json(capsys):
    assert main(["spec", "show", str(JUNIOR_SPEC), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Junior Backend Engineer"
    assert "Write clean, efficient, and well-documented code" in data["responsibilities"]
    assert {r["id"] for r in data["red_flags"]} >= {"poor_documentation", "resistance_to_feedback"}


def test_python_dash_m_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "screener", "spec", "validate", str(FIXTURES / "toy_spec.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(": ok")


def test_no_command_is_usage_error(capsys):
    assert main([]) == 2


def test_draft_writes_a_spec_that_validates(tmp_path, capsys):
    out = tmp_path / "drafted.yaml"
    job = FIXTURES / "posting_backend.md"
    assert main(["spec", "draft", str(job), "--title", "API Developer", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"{out}: API Developer: 12 hard skills (6 must-have), 3 tools")
    assert main(["spec", "validate", str(out)]) == 0
    assert "# line " in out.read_text()


def test_draft_to_stdout_and_errors(tmp_path, capsys):
    assert main(["spec", "draft", str(FIXTURES / "posting_backend.md")]) == 0
    assert "title: Backend Developer" in capsys.readouterr().out
    assert main(["spec", "draft", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt: cannot read file" in capsys.readouterr().err
    empty = tmp_path / "bake.txt"
    empty.write_text("We bake bread.\n")
    assert main(["spec", "draft", str(empty)]) == 2
    assert capsys.readouterr().err.startswith(f"{empty}: no skill, tool or technology")


def test_draft_unwritable_out_is_a_clear_error(tmp_path, capsys):
    out = tmp_path / "no_such_folder" / "x.yaml"
    assert main(["spec", "draft", str(FIXTURES / "posting_backend.md"), "--out", str(out)]) == 2
    assert (
        capsys.readouterr().err == f"{out}: cannot write the output (No such file or directory)\n"
    )


def test_draft_with_edited_templates(tmp_path, capsys):
    from screener.draft_templates import default_templates_text

    templates = tmp_path / "t.yaml"
    templates.write_text(default_templates_text().replace("Team interview", "Meet the crew"))
    job = str(FIXTURES / "posting_backend.md")
    assert main(["spec", "draft", job, "--templates", str(templates)]) == 0
    assert "name: Meet the crew" in capsys.readouterr().out
    templates.write_text("rounds: []\n")
    assert main(["spec", "draft", job, "--templates", str(templates)]) == 2
    assert f"{templates}: hard_skill_question:" in capsys.readouterr().err
