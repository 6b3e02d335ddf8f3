"""Many roles in one run: each resume read once, the same scores as one role at a time."""

from __future__ import annotations

import json

from screener import screen
from screener.cli import main
from screener.roles import as_candidate, evaluate_roles, screen_files_roles
from screener.screen import screen_files
from screener.spec import load_spec
from tests.conftest import JUNIOR_SPEC, ROOT, SAMPLES, excel_records

FULL_STACK_SPEC = ROOT / "role_specs" / "full_stack_developer.yaml"
RESUMES = [p for p in sorted(SAMPLES.iterdir()) if p.suffix in (".pdf", ".docx", ".txt", ".md")]


def _summary(candidate):
    score = candidate.score
    return candidate.id, candidate.source, candidate.status, score.total if score else None, score


def test_scores_are_those_of_each_spec_alone(junior_spec):
    full_stack = load_spec(FULL_STACK_SPEC)
    files = [(p.name, p.read_bytes()) for p in RESUMES]
    files.append(("copy.txt", files[0][1]))  # a duplicate is screened once, first name kept
    files.append(("bad.pdf", b"MZ\x90\x00 not a pdf"))
    together = screen_files_roles([junior_spec, full_stack], files, as_candidate, workers=2)
    for spec, results in zip([junior_spec, full_stack], together, strict=True):
        alone = screen_files(spec, files, workers=2)
        assert [_summary(c) for c in results] == [_summary(c) for c in alone]
        assert len(results) == len(RESUMES) + 1
        assert results[-1].status == "error"
    assert sum(c.status == "ok" for c in together[0]) >= 10


def test_a_file_is_extracted_once_for_every_spec(junior_spec, monkeypatch):
    full_stack = load_spec(FULL_STACK_SPEC)
    calls = []
    real = screen.ingest_here

    def counting(*args):
        calls.append(args[1])
        return real(*args)

    monkeypatch.setattr(screen, "ingest_here", counting)
    path = SAMPLES / "full_stack_developer.md"
    from screener.ingest import DEFAULT_LIMITS

    both = evaluate_roles([junior_spec, full_stack], path.name, path.read_bytes(), DEFAULT_LIMITS)
    assert calls == [path.name]
    assert [c.score.total for c in both] == [
        screen_files(spec, [(path.name, path.read_bytes())])[0].score.total
        for spec in (junior_spec, full_stack)
    ]
    assert both[0].score.total != both[1].score.total


def test_cli_two_specs_rank_the_fitting_sample_first(capsys):
    args = ["screen", "--spec", str(FULL_STACK_SPEC), "--spec", str(JUNIOR_SPEC), str(SAMPLES)]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    full_stack, junior = data["roles"]
    assert full_stack["spec"] == str(FULL_STACK_SPEC)
    assert len(full_stack["candidates"]) == len(junior["candidates"]) == len(RESUMES)
    names = {
        k: [c["source"].rsplit("/", 1)[-1] for c in r["candidates"]] for k, r in data_roles(data)
    }
    assert names["full_stack"][0] == "full_stack_developer.md"
    assert names["junior"][0] == "node_bootcamp_graduate.txt"  # a backend Node.js bootcamp
    first = full_stack["candidates"][0]
    assert first["band"] == "strong" and first["must_haves_met"]  # HTML/CSS implied by React
    for role in (full_stack, junior):
        scores = [c["score"] for c in role["candidates"] if c["score"] is not None]
        assert scores == sorted(scores, reverse=True)


def test_full_stack_spec_implies_html_and_counts_developer_jobs():
    """React screens are HTML and CSS; a developer job is practical evidence (not a mention)."""
    spec = load_spec(FULL_STACK_SPEC)
    text = (
        "EXPERIENCE\nFull-Stack Developer - Acme (2021 - present)\n"
        "- Built the React screens and the Node.js REST APIs behind them, with PostgreSQL\n"
        "- Reviewed code on GitHub\n"
    )
    [candidate] = screen_files(spec, [("a.txt", text.encode())])
    found = {i.name: i for i in candidate.match.items if i.found}
    assert "HTML and CSS" in found and "HTML and CSS" not in candidate.score.missing_must_haves
    practical = {p.name: p.points for p in candidate.score.parts}["Practical evidence"]
    title = "Full-Stack Developer - Acme"
    mention = text.replace(title, "Support Agent - Acme") + "- Helped developers reproduce bugs\n"
    [other] = screen_files(spec, [("b.txt", mention.encode())])
    assert practical > {p.name: p.points for p in other.score.parts}["Practical evidence"] == 0


def data_roles(data):
    return zip(("full_stack", "junior"), data["roles"], strict=True)


def test_cli_two_specs_csv_has_a_row_per_resume_and_role(tmp_path):
    out = tmp_path / "r.csv"
    args = ["screen", "--spec", str(JUNIOR_SPEC), "--spec", str(FULL_STACK_SPEC)]
    assert main([*args, "--format", "csv", "--out", str(out), str(SAMPLES)]) == 0
    rows = excel_records(out.read_text(encoding="utf-8"))
    assert list(rows[0])[:2] == ["role", "candidate"]
    titles = [load_spec(JUNIOR_SPEC).title, load_spec(FULL_STACK_SPEC).title]
    assert [r["role"] for r in rows] == [titles[0]] * len(RESUMES) + [titles[1]] * len(RESUMES)


def test_cli_two_specs_refuse_save(capsys):
    args = ["screen", "--spec", str(JUNIOR_SPEC), "--spec", str(FULL_STACK_SPEC), "--save", "x"]
    assert main([*args, str(SAMPLES)]) == 2
    assert "--save takes a single --spec" in capsys.readouterr().err


def test_one_spec_after_screen_files_on_the_same_pool(junior_spec):
    """The workers keep `screen_files`' context; the roles context must not be mistaken for it."""
    from screener.workers import WorkerPool

    files = [(p.name, p.read_bytes()) for p in RESUMES[:4]]
    with WorkerPool(2) as pool:
        alone = screen_files(junior_spec, files, pool=pool)
        [together] = screen_files_roles([junior_spec], files, as_candidate, pool=pool)
    assert [_summary(c) for c in together] == [_summary(c) for c in alone]
    assert all(c.status == "ok" for c in together)
