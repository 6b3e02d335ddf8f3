from __future__ import annotations

import pytest

from screener.catalogue import (
    SKILL_CATEGORIES,
    SOFT,
    TOOL_CATEGORIES,
    default_catalogue,
    parse_catalogue,
)
from screener.errors import SpecError
from screener.spec import load_spec, normalise_alias
from tests.conftest import JUNIOR_SPEC, ROOT


def test_shipped_catalogue_is_large_and_uses_every_category():
    catalogue = default_catalogue()
    assert len(catalogue.entries) >= 300
    used = {entry.category for entry in catalogue.entries}
    assert used == {*TOOL_CATEGORIES, *SKILL_CATEGORIES, SOFT}


def test_no_alias_maps_to_two_entries():
    seen: dict[str, str] = {}
    for entry in default_catalogue().entries:
        for rule in entry.alias_rules():
            key = normalise_alias(rule.text)
            assert seen.setdefault(key, entry.name) == entry.name, (key, seen[key], entry.name)


def test_duplicate_alias_is_reported_with_field_path():
    text = """
entries:
  - {name: PostgreSQL, category: Databases, aliases: [Postgres]}
  - {name: Postgres DB, category: Databases, aliases: [postgres]}
"""
    with pytest.raises(SpecError) as info:
        parse_catalogue(text, source="cat.yaml")
    assert info.value.lines() == [
        "cat.yaml: entries[1].aliases: alias 'postgres' is also used by 'PostgreSQL'"
    ]


def test_unknown_broader_and_category_are_errors():
    with pytest.raises(SpecError) as info:
        parse_catalogue("entries: [{name: X, category: Databases, broader: [Y]}]", source="c")
    assert info.value.lines() == ["c: entries[0].broader: unknown entry 'Y'"]
    with pytest.raises(SpecError) as info:
        parse_catalogue("entries: [{name: X, category: Gadgets}]", source="c")
    assert info.value.lines()[0].startswith("c: entries[0].category: Input should be")


def test_resume_only_must_name_an_alias():
    text = "entries: [{name: Docs, category: Methods, aliases: [wiki], resume_only: [readme]}]"
    with pytest.raises(SpecError) as info:
        parse_catalogue(text, source="c")
    assert info.value.lines() == ["c: entries[0].resume_only: 'readme' is not an alias"]
    entry = parse_catalogue(text.replace("[readme]", "[wiki]"), source="c").entries[0]
    assert (entry.drafts_from("docs"), entry.drafts_from("WIKI")) == (True, False)


@pytest.mark.parametrize(
    "spec_path", [JUNIOR_SPEC, ROOT / "role_specs" / "full_stack_developer.yaml"]
)
def test_existing_specs_skills_are_in_the_catalogue_with_their_aliases(spec_path):
    """The spec's name finds an entry (as its name or an alias: the junior spec's "Cloud
    basics" is the catalogue's "Cloud computing"), and each alias finds that entry or a
    narrower one that folds into it (the full-stack spec counts Django as Python; the
    catalogue knows Django, broader Python)."""
    catalogue = default_catalogue()
    for kind, _, item in load_spec(spec_path).matchables():
        if kind == "practical":
            continue
        entry = catalogue.lookup(item.name)
        assert entry is not None, item.name
        for rule in item.alias_rules():
            found = catalogue.lookup(rule.text)
            assert found is not None, (item.name, rule.text)
            assert found.name == entry.name or entry.name in catalogue.broader_closure(
                found.name
            ), (
                item.name,
                rule.text,
                found.name,
            )


def test_junior_spec_rules_are_kept():
    catalogue = default_catalogue()
    go = {a.text: a for a in catalogue.by_name["Go"].alias_rules()}["Go"]
    assert go.case_sensitive and go.needs_context
    assert catalogue.by_name["Go"].context == load_spec(JUNIOR_SPEC).hard_skills[2].context


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("We use Go and Python for services", {"Go", "Python"}),
        ("a go-to-market plan; we excel at this", set()),
        ("JavaScript and TypeScript", {"JavaScript", "TypeScript"}),
        ("Postgres, amazon-web-services, Elastic Search", {"PostgreSQL", "AWS", "Elasticsearch"}),
        ("R&D in C-level meetings", set()),
        ("Statistics in R and Python", {"Statistics", "R", "Python"}),
    ],
)
def test_find_in_posting_text(line, expected):
    found = {item.name for item in default_catalogue().find_in([line]).found()}
    assert found == expected


def test_catalogue_is_compiled_once():
    assert default_catalogue() is default_catalogue()
    assert default_catalogue().matcher is default_catalogue().matcher
