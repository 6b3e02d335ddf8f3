from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from screener.errors import SpecError
from screener.spec import json_schema, load_spec, parse_spec
from tests.conftest import FIXTURES, ROOT

TOY = (FIXTURES / "toy_spec.yaml").read_text()


def _broken(edit) -> str:
    data = yaml.safe_load(TOY)
    edit(data)
    return yaml.safe_dump(data)


def _problems(text: str) -> list[str]:
    with pytest.raises(SpecError) as info:
        parse_spec(text, source="role_specs/x.yaml")
    return info.value.lines()


def test_toy_spec_loads(toy_spec):
    assert toy_spec.title == "Toy Backend Developer"
    assert [s.name for s in toy_spec.hard_skills][:3] == ["Python", "Java", "Go"]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda d: d["hard_skills"][3].update(weight=11),
            "role_specs/x.yaml: hard_skills[3].weight: must be <= 10",
        ),
        (
            lambda d: d["hard_skills"][0].update(wieght=3),
            "role_specs/x.yaml: hard_skills[0].wieght: unknown field",
        ),
        (lambda d: d.pop("title"), "role_specs/x.yaml: title: field required"),
        (
            lambda d: d["tools"][1]["tools"][1].update(aliases=["postgres"]),
            "role_specs/x.yaml: tools[1].tools[1].aliases: "
            "alias 'postgres' is also used by 'PostgreSQL'",
        ),
        (
            lambda d: d["hard_skills"][0].update(tool_category="Nope"),
            "role_specs/x.yaml: hard_skills[0].tool_category: unknown tools category 'Nope'",
        ),
        (
            lambda d: d["hard_skills"][0].update(implies=["Pyhton"]),
            "role_specs/x.yaml: hard_skills[0].implies: 'Pyhton' is not another hard skill or tool",
        ),
        (
            lambda d: d["red_flags"][1].update(band_cap="strong"),
            "role_specs/x.yaml: red_flags[1].band_cap: Input should be 'possible' or 'weak'",
        ),
        (
            lambda d: d["interview"].update(min_rounds=4),
            "role_specs/x.yaml: interview: min_rounds must be <= max_rounds",
        ),
        (
            lambda d: d["scoring"].update(weights={"hard_skills": 90}),
            "role_specs/x.yaml: scoring.weights: weights must add up to 100, not 140",
        ),
    ],
)
def test_broken_spec_names_file_and_field(edit, expected):
    assert _problems(_broken(edit)) == [expected]


def test_alias_shared_across_kinds_is_rejected():
    text = _broken(lambda d: d["soft_skills"][0]["aliases"].append("SQL"))
    assert _problems(text) == [
        "role_specs/x.yaml: soft_skills[0].aliases: alias 'SQL' is also used by 'SQL'"
    ]


def test_yaml_syntax_error_names_file():
    [line] = _problems("title: [unclosed")
    assert line.startswith("role_specs/x.yaml: not valid YAML")


def test_non_mapping_rejected():
    assert _problems("- a\n- b\n") == ["role_specs/x.yaml: a role spec must be a mapping of fields"]


def test_missing_file_is_spec_error(tmp_path: Path):
    with pytest.raises(SpecError, match="cannot read file"):
        load_spec(tmp_path / "nope.yaml")


def test_alias_rules_include_name_unless_listed(toy_spec):
    go = next(s for s in toy_spec.hard_skills if s.name == "Go")
    rules = {r.text: r for r in go.alias_rules()}
    assert set(rules) == {"Golang", "Go"}
    assert rules["Go"].case_sensitive and rules["Go"].needs_context
    python = toy_spec.hard_skills[0]
    assert [r.text for r in python.alias_rules()] == ["Python", "Python3"]


@pytest.mark.parametrize("path", sorted((ROOT / "role_specs").glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_spec_validates(path):
    assert load_spec(path).title


def test_schema_file_is_current():
    committed = json.loads((ROOT / "role_specs" / "schema.json").read_text())
    assert committed == json_schema(), "run `make schema` and commit role_specs/schema.json"


def test_junior_spec_meets_the_brief(junior_spec):
    assert len(junior_spec.hard_skills) >= 15
    assert len(junior_spec.soft_skills) >= 8
    expected_categories = {
        "Programming Languages",
        "Databases",
        "Version Control",
        "IDEs",
        "API Tools",
        "Cloud Platforms",
        "Testing Tools",
        "Monitoring",
    }
    assert {c.name for c in junior_spec.tools} == expected_categories
    per_category = {c.name: len(c.tools) for c in junior_spec.tools}
    assert all(n >= 4 for n in per_category.values()), per_category
    assert {f.id for f in junior_spec.red_flags} >= {
        "cannot_explain_basics",
        "resistance_to_feedback",
        "no_interest_in_learning",
        "poor_documentation",
    }
    assert [r.name for r in junior_spec.interview.rounds] == [
        "Technical screening",
        "Coding exercise",
        "Team interview",
    ]
    assert (junior_spec.interview.min_rounds, junior_spec.interview.max_rounds) == (2, 3)
    assert any("academic credentials" in g for g in junior_spec.evaluation_guidance)
    assert any(s.must_have for s in junior_spec.hard_skills)


def test_fingerprint_changes_with_content(toy_spec):
    assert len(toy_spec.fingerprint) == 16  # cached before copying
    changed = toy_spec.model_copy(update={"title": "Other"})
    assert toy_spec.fingerprint != changed.fingerprint
    assert toy_spec.fingerprint == load_spec(FIXTURES / "toy_spec.yaml").fingerprint
