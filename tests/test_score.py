from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.ingest import ingest_text
from screener.match import compile_matcher
from screener.score import score
from screener.screen import evaluate
from screener.sections import section_per_line

STRONG = """Jane Doe
SKILLS
Python, SQL, REST API, Postgres
EXPERIENCE
- Built REST API services in Python with PostgreSQL and MySQL
- Wrote SQL queries and collaborated with the data team
- Backend intern: moved services to k8s
PROJECTS
- Side project: a Golang programming tool with a JSON HTTP API
"""

LISTED_ONLY = """John Roe
SKILLS
Python, Java, Golang, SQL, REST API, Postgres, MySQL, k8s, JavaScript, C++, C#
"""


def _score(spec, text):
    return evaluate(spec, ingest_text(text)).score


def test_breakdown_adds_up_to_total(toy_spec):
    result = _score(toy_spec, STRONG)
    assert round(sum(p.points for p in result.parts), 1) == result.total
    assert [p.name for p in result.parts] == [
        "Hard skills",
        "Tools",
        "Soft skills",
        "Practical evidence",
    ]
    assert all(0 <= p.points <= p.max_points for p in result.parts)


def test_used_skills_beat_the_same_skills_only_listed(toy_spec):
    used = _score(toy_spec, STRONG)
    listed = _score(toy_spec, LISTED_ONLY)
    assert used.total > listed.total
    hard_listed = listed.parts[0]
    assert hard_listed.points <= hard_listed.max_points * toy_spec.scoring.listed_only_cap + 1e-9


def test_must_haves_and_any_of_groups_are_reported_not_rejected(toy_spec):
    result = _score(
        toy_spec, "EXPERIENCE\n- Built dashboards in JavaScript\n- Intern at a web agency"
    )
    assert result.missing_must_haves == (
        "Backend language (any of Python, Java, Go)",
        "SQL",
        "REST APIs",
    )
    assert result.total > 0  # flagged, never zeroed


def test_listed_only_must_have_is_unverified(toy_spec):
    result = _score(
        toy_spec, "SKILLS\nPython, SQL\nEXPERIENCE\n- Built a RESTful service in Python"
    )
    assert "SQL" in result.unverified_must_haves
    assert not result.missing_must_haves


def test_keyword_stuffing_raises_flag_with_penalty(toy_spec):
    result = _score(toy_spec, LISTED_ONLY)
    flags = {f.id: f for f in result.red_flags}
    assert "keyword_stuffing" in flags and flags["keyword_stuffing"].penalty == 10
    assert result.parts[-1].name == "Red-flag penalty" and result.parts[-1].points == -10
    assert round(sum(p.points for p in result.parts), 1) == result.total


def test_no_hands_on_evidence_flag(toy_spec):
    result = _score(toy_spec, "SUMMARY\nMarketing lead, good team player.")
    assert [f.id for f in result.red_flags] == ["no_hands_on_evidence"]


def test_practical_evidence_counts_without_a_degree(toy_spec):
    with_projects = _score(toy_spec, "PROJECTS\n- Personal project in Python")
    assert with_projects.parts[3].points > 0


def test_bands_follow_spec_thresholds(toy_spec):
    assert _score(toy_spec, STRONG).band == "strong"
    assert _score(toy_spec, "SUMMARY\nMarketing lead").band == "weak"


def test_weights_change_the_score_without_rematching(toy_spec):
    candidate = evaluate(toy_spec, ingest_text(STRONG))
    heavier_tools = toy_spec.model_copy(
        update={
            "scoring": toy_spec.scoring.model_copy(
                update={
                    "weights": toy_spec.scoring.weights.model_copy(
                        update={"hard_skills": 20, "tools": 60}
                    )
                }
            )
        }
    )
    assert score(heavier_tools, candidate.match).total != candidate.score.total


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=600))
def test_score_in_range_and_deterministic(toy_spec, text):
    lines = text.split("\n")
    sections = section_per_line((), len(lines))
    result = compile_matcher(toy_spec).match(lines, sections)
    first, second = score(toy_spec, result), score(toy_spec, result)
    assert 0 <= first.total <= 100
    assert first == second
    assert round(sum(p.points for p in first.parts), 1) == first.total


@pytest.mark.parametrize("shuffle", [0, 1])
def test_line_order_within_experience_does_not_matter(toy_spec, shuffle):
    bullets = ["- Built APIs in Python", "- Wrote SQL reports", "- Intern at Acme"]
    if shuffle:
        bullets.reverse()
    assert (
        _score(toy_spec, "EXPERIENCE\n" + "\n".join(bullets)).total
        == _score(
            toy_spec, "EXPERIENCE\n- Built APIs in Python\n- Wrote SQL reports\n- Intern at Acme"
        ).total
    )


def _found(spec, text):
    return evaluate(spec, ingest_text(text)).match.by_name()


def test_a_skill_implied_by_another_meets_the_must_have_at_half_credit(toy_spec):
    text = "Ann Lee\nEXPERIENCE\n- Built a billing service in Python on Postgres"
    result = _score(toy_spec, text)
    sql = _found(toy_spec, text)["SQL"]
    assert (sql.best.match_type, sql.best.alias, sql.best.line) == (
        "implied",
        "implied by PostgreSQL",
        3,
    )
    assert "SQL" not in {gap.topic for gap in result.missing + result.unverified}
    credit = next(c for c in result.credits if c.name == "SQL")
    assert credit.credit == 9 * 0.5  # weight 9, used, implied: half
    assert "implied by PostgreSQL" in credit.reason


def test_a_skill_implied_by_a_fuzzy_match_is_only_to_verify(toy_spec):
    result = _score(toy_spec, "Ann Lee\nEXPERIENCE\n- Built a billing service on Postgress")
    assert "SQL" in {gap.topic for gap in result.unverified}


def test_found_skills_are_not_replaced_by_implied_ones(toy_spec):
    sql = _found(toy_spec, "EXPERIENCE\n- Wrote SQL reports on Postgres")["SQL"]
    assert [hit.match_type for hit in sql.hits] == ["exact"]


def test_a_hands_on_job_title_is_practical_evidence_only_in_a_job_title(toy_spec):
    job = "Ann Lee\nEXPERIENCE\nJava Developer\nJan 2019 to Current\n- Built APIs in Java"
    talk = "Ann Lee\nEXPERIENCE\n- Wrote Java reports that developer teams used every week"
    practical = {p.name: p for p in _score(toy_spec, job).parts}["Practical evidence"]
    assert "Developer job" in practical.detail
    practical = {p.name: p for p in _score(toy_spec, talk).parts}["Practical evidence"]
    assert "Developer job" not in practical.detail


def test_soft_and_practical_parts_need_technical_evidence_behind_them(toy_spec):
    text = "Ann Lee\nEXPERIENCE\n- Marketing intern; collaborated as a team player, self-taught"
    parts = {p.name: p for p in _score(toy_spec, text).parts}
    assert parts["Soft skills"].points == parts["Practical evidence"].points == 0
    assert "counted at 0%" in parts["Practical evidence"].detail


def test_a_missing_must_have_keeps_a_high_score_out_of_the_top_band(toy_spec):
    low_bar = toy_spec.model_copy(
        update={"scoring": toy_spec.scoring.model_copy(update={"strong_band": 20})}
    )
    text = "Ann Lee\nEXPERIENCE\n- Built Python services on MySQL and wrote SQL; collaborated"
    result = _score(low_bar, text)
    assert result.total >= 20
    assert result.band == "possible"
    assert result.band_note.startswith("capped at possible: a must-have is missing (REST APIs")


def test_keyword_stuffing_caps_the_band_where_the_spec_says(toy_spec):
    no_bar = toy_spec.model_copy(
        update={"scoring": toy_spec.scoring.model_copy(update={"possible_band": 1})}
    )
    result = _score(no_bar, LISTED_ONLY)
    assert "keyword_stuffing" in {flag.id for flag in result.red_flags}
    assert (result.band, result.band_note) == ("weak", "capped at weak: red flag: Keyword stuffing")


def test_a_listed_skill_with_a_stated_time_of_use_counts_as_used(junior_spec):
    """Indeed's skills line states how long each skill was used: "Java (1 year)" is a
    claim of use (``stated_use_credit``); SQL, listed before it, is only listed."""
    stated = _score(junior_spec, "SKILLS\nSQL, C++, Data Structure, Java (1 year)")
    bare = _score(junior_spec, "SKILLS\nSQL, C++, Data Structure, Java")
    credits = {c.name: c for c in stated.credits}
    assert credits["Java"].credit == 8 * junior_spec.scoring.stated_use_credit
    assert "1 year stated: counted as used" in credits["Java"].reason
    assert credits["SQL"].credit == 9 * 0.5
    assert "counted as used" not in credits["SQL"].reason
    assert {c.name: c.credit for c in bare.credits}["Java"] == 8 * 0.5
    assert stated.parts[0].points > bare.parts[0].points
    # a self-reported duration is not a job: the must-have is still to verify
    assert "Backend language: Java" in stated.unverified_must_haves


def test_each_listed_skill_shows_its_own_stated_time(junior_spec):
    result = _score(junior_spec, "SKILLS\nJava (Less than 1 year), SQL (3 years), Git")
    reasons = {c.name: c.reason for c in result.credits}
    assert "1 year stated: counted as used" in reasons["Java"]
    assert "3 years stated: counted as used" in reasons["SQL"]
    assert "counted as used" not in reasons["Git"]
