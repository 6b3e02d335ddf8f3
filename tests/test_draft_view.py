from __future__ import annotations

import pytest

from screener.draft import draft_spec
from screener.draft_view import (
    edited_spec,
    hard_skills_frame,
    rounds_frame,
    soft_skills_frame,
    tools_frame,
)
from screener.errors import SpecError
from screener.spec import Alias
from tests.conftest import FIXTURES

POSTING = (FIXTURES / "posting_backend.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def draft():
    return draft_spec(POSTING)


def _tables(draft):
    return (
        hard_skills_frame(draft),
        tools_frame(draft),
        soft_skills_frame(draft),
        rounds_frame(draft),
    )


def test_tables_show_the_source_line(draft):
    hard, tools, soft, rounds = _tables(draft)
    python = hard[hard["skill"] == "Python"].iloc[0]
    assert python["posting_line"] == "At least 2 years of experience with Python, Java or Go"
    assert python["line"] == draft.source_of("hard_skills", "Python").line
    assert python["must_have"] and python["weight"] == 9
    assert list(tools["tool"]) == ["Kubernetes", "Kafka", "Grafana"]
    assert "code reviews" in soft.iloc[0]["evidence"]
    assert list(rounds["id"]) == ["technical_screening", "team_interview"]


def test_unedited_tables_give_the_same_spec(draft):
    assert edited_spec(draft, *_tables(draft)) == draft.spec


def test_edits_change_weights_must_haves_and_drop_rows(draft):
    hard, tools, soft, rounds = _tables(draft)
    hard.loc[hard["skill"] == "Django", ["weight", "must_have"]] = [10, True]
    hard = hard[hard["skill"] != "Clean code"]
    tools = tools[tools["tool"] != "Grafana"]
    spec = edited_spec(draft, hard, tools, soft, rounds)
    skills = {s.name: s for s in spec.hard_skills}
    assert skills["Django"].weight == 10 and skills["Django"].must_have
    assert "Clean code" not in skills
    assert [t.name for c in spec.tools for t in c.tools] == ["Kubernetes", "Kafka"]


def test_kept_aliases_keep_their_rules_and_new_ones_are_added(draft):
    hard, tools, soft, rounds = _tables(draft)
    row = hard["skill"] == "Go"
    hard.loc[row, "aliases"] = hard.loc[row, "aliases"].iloc[0] + ", Go lang"
    go = {s.name: s for s in edited_spec(draft, hard, tools, soft, rounds).hard_skills}["Go"]
    assert Alias(text="Go", case_sensitive=True, needs_context=True) in go.aliases
    assert "Go lang" in go.aliases


def test_a_new_row_and_a_removed_round(draft):
    hard, tools, soft, rounds = _tables(draft)
    hard.loc[len(hard)] = {"skill": "Celery", "weight": 3, "must_have": False}
    rounds = rounds[rounds["id"] != "technical_screening"]
    spec = edited_spec(draft, hard, tools, soft, rounds)
    assert spec.hard_skills[-1].name == "Celery"
    assert [r.id for r in spec.interview.rounds] == ["team_interview"]
    assert spec.interview.min_rounds == spec.interview.max_rounds == 1


def test_invalid_edits_are_reported(draft):
    hard, tools, soft, rounds = _tables(draft)
    hard.loc[hard["skill"] == "Python", "weight"] = 20
    with pytest.raises(SpecError) as info:
        edited_spec(draft, hard, tools, soft, rounds)
    assert info.value.lines()[0].startswith("drafted spec: hard_skills[")
    assert info.value.lines()[0].endswith("].weight: must be <= 10")


def test_deleting_an_implied_skill_drops_the_link(draft):
    hard, tools, soft, rounds = _tables(draft)
    spec = edited_spec(draft, hard[hard["skill"] != "SQL"], tools, soft, rounds)
    assert {s.name: s for s in spec.hard_skills}["PostgreSQL"].implies == []
