from __future__ import annotations

import pytest
import yaml

from screener.interview import FocusArea, _pick_exercise, plan_markdown
from screener.screen import screen_one
from tests.conftest import SAMPLES

EXPECTED = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))
SCORED = sorted(n for n, e in EXPECTED.items() if e["status"] == "ok")
FULL = [n for n in SCORED if EXPECTED[n]["band"] != "weak"]
WEAK = [n for n in SCORED if EXPECTED[n]["band"] == "weak"]
FAQ_FLAGS = {
    "Cannot explain basic concepts",
    "Resistance to feedback",
    "No interest in learning new technologies",
    "Poor code documentation habits",
}


@pytest.fixture(scope="module")
def candidates(junior_spec):
    return {n: screen_one(junior_spec, n, (SAMPLES / n).read_bytes()) for n in SCORED}


@pytest.mark.parametrize("name", FULL)
def test_every_plan_has_2_to_3_rounds_named_as_in_spec(junior_spec, candidates, name):
    plan = candidates[name].plan
    spec_names = [r.name for r in junior_spec.interview.rounds]
    names = [r.name for r in plan.rounds]
    assert 2 <= len(names) <= 3
    assert names == [n for n in spec_names if n in names]  # spec order kept
    probed = {p.red_flag for r in plan.rounds for p in r.probes}
    assert probed >= FAQ_FLAGS
    assert plan.rule.startswith(f"{len(names)} rounds")


@pytest.mark.parametrize("name", SCORED)
def test_no_elaborate_take_home(candidates, name):
    plan = candidates[name].plan
    for round_ in plan.rounds:
        if round_.exercise:
            assert round_.exercise.duration_minutes <= 60
    assert plan.total_minutes <= 180


def test_sql_implied_by_postgresql_is_no_gap(candidates):
    """The Go resume names PostgreSQL, never "SQL": the must-have is met by implication."""
    candidate = candidates["go_self_taught_developer.pdf"]
    assert "SQL" not in {gap.topic for gap in candidate.score.missing}
    sql = candidate.match.by_name()["SQL"]
    assert (sql.best.match_type, sql.best.alias) == ("implied", "implied by PostgreSQL")
    focus = {(f.topic, f.kind) for r in candidate.plan.rounds for f in r.focus}
    assert ("SQL", "missing") not in focus


def test_frontend_candidate_gets_backend_gaps_first(candidates):
    first = candidates["react_frontend_developer.txt"].plan.rounds[0]
    missing = {f.topic for f in first.focus if f.kind == "missing"}
    assert missing == {"Backend language", "SQL", "REST APIs"}
    assert any(q.startswith("Which of Python, Java, Go, Node.js, C#") for q in first.questions)


@pytest.mark.parametrize("name", WEAK)
def test_weak_candidate_gets_a_short_screening_call_and_the_reason(candidates, name):
    plan = candidates[name].plan
    [call] = plan.rounds
    assert call.name == "Screening call" and plan.total_minutes == 20
    assert "weak band" in plan.rule and "full process (3 rounds, 150 min)" in plan.rule
    assert call.exercise is None and call.scorecard


def test_marketing_candidate_is_not_told_they_list_a_missing_skill(candidates):
    plan = candidates["marketing_manager.txt"].plan
    text = " ".join(
        q for r in plan.rounds for q in (*r.questions, *(q for p in r.probes for q in p.questions))
    )
    assert "You list" not in text
    assert {f.topic for f in plan.rounds[0].focus} == {
        "Backend language",
        "SQL",
        "REST APIs",
        "Git",
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("marketing_manager.txt", "Have you worked with REST APIs? What makes an API RESTful"),
        ("node_bootcamp_graduate.txt", "You used REST APIs in your work or projects. What makes"),
        ("keyword_stuffer.txt", "You list REST APIs. What makes an API RESTful"),
    ],
)
def test_you_list_questions_follow_the_evidence(junior_spec, candidates, name, expected):
    from screener.interview import fit_question

    [question] = [q for f in junior_spec.red_flags for q in f.questions if "REST" in q]
    found = candidates[name].match.by_name()
    assert fit_question(question, junior_spec, found).startswith(expected)
    assert fit_question("Tell me about a bug.", junior_spec, found) == "Tell me about a bug."


def test_strong_well_evidenced_candidate_gets_short_process(candidates):
    plan = candidates["csharp_dotnet_intern.docx"].plan
    assert [r.name for r in plan.rounds] == ["Coding exercise", "Team interview"]
    assert "optional rounds are skipped" in plan.rule


def test_keyword_stuffer_is_probed_for_it(candidates):
    plan = candidates["keyword_stuffer.txt"].plan
    probes = {p.red_flag: p for r in plan.rounds for p in r.probes}
    assert probes["Keyword stuffing"].raised_on_resume
    verify = {f.topic for f in plan.rounds[0].focus if f.kind == "verify"}
    assert {"Python", "SQL"} <= verify


def test_markdown_kit_has_rounds_questions_and_scorecards(junior_spec, candidates):
    candidate = candidates["go_self_taught_developer.pdf"]
    text = plan_markdown(candidate.plan, candidate=candidate.id, role=junior_spec.title)
    assert text.startswith(f"# Interview kit: {candidate.id}")
    assert text.count("### Scorecard") == len(candidate.plan.rounds) == 2  # short process
    assert "| SQL | | |" in text
    assert "no take-home" in text


def test_question_bank_covers_must_haves_and_red_flags(junior_spec):
    for skill in junior_spec.hard_skills:
        if skill.must_have:
            assert skill.questions, skill.name
    for flag in junior_spec.red_flags:
        assert flag.probe and flag.questions, flag.id


@pytest.mark.parametrize(
    ("gaps", "title"),
    [
        (["SQL"], "SQL query"),
        (["Debugging", "Automated testing"], "Fix a failing test"),  # covers both
        (["Automated testing"], "Small REST endpoint"),  # tied with the third: the first
        ([], "Small REST endpoint"),  # no gaps: the spec's first
    ],
)
def test_the_exercise_covers_most_gaps_first_on_ties(junior_spec, gaps, title):
    focus = [FocusArea(topic, "verify", "") for topic in gaps]
    exercise = _pick_exercise(junior_spec, focus)
    assert exercise is not None and exercise.title == title
