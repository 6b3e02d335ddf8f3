from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.match import Matcher, compile_matcher, tokens


def _found(spec, text: str, section: str = "experience") -> set[str]:
    lines = text.split("\n")
    result = compile_matcher(spec).match(lines, [section] * len(lines))
    return {i.name for i in result.items if i.found}


def _hits(spec, text: str, section: str = "experience"):
    lines = text.split("\n")
    return compile_matcher(spec).match(lines, [section] * len(lines)).by_name()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("C++, C#, Node.js and .NET.", ["C++", "C#", "Node.js", "and", ".NET"]),
        ("Python. Go-to-market", ["Python", "Go", "to", "market"]),
        ("github.com/jane", ["github.com", "jane"]),
        ("e.g. (Golang), 3.11 ... .5", ["e.g", "Golang", "3.11", ".5"]),
    ],
)
def test_tokens_keep_plus_hash_and_inner_dots(text, words):
    assert tokens(text) == words


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Built services in C++ and C#", {"C++", "C#"}, {"C"}),
        ("Embedded C programming on microcontrollers", {"C"}, {"C++", "C#"}),
        ("Objective-C for iOS", set(), {"C"}),
        ("JavaScript front ends", {"JavaScript"}, {"Java"}),
        ("Java and JavaScript", {"Java", "JavaScript"}, set()),
        ("Backend services in Go", {"Go"}, set()),
        ("Golang microservices", {"Go"}, set()),
        ("a good team player who can go far", {"Teamwork"}, {"Go"}),
        ("Led the go-to-market plan", set(), {"Go"}),
        ("Go-to-market strategy for programming courses", set(), {"Go"}),
        ("Reported to C-level executives", set(), {"C"}),
        ("Worked with R&D on programming tools", set(), {"C"}),
        ("I excel at presentations", set(), {"Excel"}),
        ("Excel at building pivot tables", {"Excel"}, set()),
        ("while the rest of the team shipped", set(), {"REST APIs"}),
        ("Designed REST endpoints returning JSON", {"REST APIs"}, set()),
        ("Built a RESTful API", {"REST APIs"}, set()),
        ("PostgreSQL and Postgres", {"PostgreSQL"}, set()),
        ("Deployed on k8s", {"Kubernetes"}, set()),
    ],
)
def test_exact_stage_rules(toy_spec, text, present, absent):
    found = _found(toy_spec, text)
    assert present <= found, found
    assert not (absent & found), found


def test_hit_carries_evidence(toy_spec):
    item = _hits(toy_spec, "SUMMARY\nBuilt REST API endpoints in Python3", "experience")["Python"]
    [hit] = item.hits
    assert (hit.alias, hit.matched, hit.match_type, hit.similarity) == (
        "Python3",
        "Python3",
        "alias",
        100.0,
    )
    assert (hit.line, hit.section, hit.evidence) == (
        2,
        "experience",
        "Built REST API endpoints in Python3",
    )
    assert hit.strength == "used"


def test_canonical_name_is_exact_and_case_insensitive(toy_spec):
    [hit] = _hits(toy_spec, "python scripts")["Python"].hits
    assert hit.match_type == "exact" and hit.matched == "python"


def test_longest_alias_wins(toy_spec):
    hits = _hits(toy_spec, "Designed a REST API")
    assert hits["REST APIs"].best.alias == "REST API"


@pytest.mark.parametrize(
    ("text", "skill", "matched"),
    [
        ("Postgress database", "PostgreSQL", "Postgress"),
        ("Kubernates cluster", "Kubernetes", "Kubernates"),
        ("Javscript widgets", "JavaScript", "Javscript"),
        ("Pyhton scripts", "Python", "Pyhton"),
    ],
)
def test_misspelt_long_aliases_are_fuzzy(junior_spec, text, skill, matched):
    item = _hits(junior_spec, text)[skill]
    assert item.found
    assert item.best.match_type == "fuzzy" and item.best.matched == matched
    assert 80 <= item.best.similarity < 100


@pytest.mark.parametrize(
    "text",
    [
        "Built web apps for retail",  # 'web apps' is not 'Web APIs'
        "Managed a docket of legal cases",  # not Docker
        "String manipulation and parsing",  # not Spring
        "leaning towards management",  # soft skills are never fuzzy
    ],
)
def test_fuzzy_does_not_invent_skills(junior_spec, text):
    found = {
        n for n, i in _hits(junior_spec, text).items() if i.found and i.kind in ("hard", "tool")
    }
    assert found == set()


def test_skills_section_counts_as_listed_and_beats_nothing(toy_spec):
    listed = _hits(toy_spec, "Python, SQL", "skills")["Python"]
    assert listed.strength == "listed"
    lines = ["Python, SQL", "- Built billing in Python"]
    result = compile_matcher(toy_spec).match(lines, ["skills", "experience"])
    assert result.by_name()["Python"].strength == "used"


def test_compile_is_cached_by_content(toy_spec):
    assert compile_matcher(toy_spec) is compile_matcher(toy_spec)
    assert compile_matcher(toy_spec) is compile_matcher(toy_spec.model_copy())
    retitled = toy_spec.model_copy(update={"title": "Other"})
    assert compile_matcher(retitled) is not compile_matcher(toy_spec)


ALIASES_FROM_TOY = [
    "Python3",
    "Golang",
    "PostgreSQL",
    "Postgres",
    "JavaScript",
    "k8s",
    "MySQL",
    "C++",
]
words = st.text(
    alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1, max_size=8
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(words, max_size=20), st.lists(words, max_size=20), st.sampled_from(ALIASES_FROM_TOY)
)
def test_exact_alias_is_always_found(toy_spec, before, after, alias):
    text = " ".join([*before, alias, *after])
    owner = next(
        i for _, _, i in toy_spec.matchables() if any(r.text == alias for r in i.alias_rules())
    )
    assert owner.name in _found(toy_spec, text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_matching_is_deterministic(toy_spec, text):
    lines = text.split("\n")
    sections = ["experience"] * len(lines)
    first = Matcher(toy_spec).match(lines, sections)
    assert first == compile_matcher(toy_spec).match(lines, sections)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("İstanbul: backend services in Go", True),  # lower() lengthens 'İ'
        ("İstanbul: backend services in go", False),
        ("Développeur backend en Go", True),
        ("Réseau: the rest of the team", False),
    ],
)
def test_case_sensitive_aliases_on_non_ascii_lines(toy_spec, text, found):
    names = _found(toy_spec, text)
    assert ("Go" in names) is found
    assert "REST APIs" not in names


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # the spelled-right word cannot carry a word pair on its own
        ("Completed all documentation and audit documentation", {"Technical documentation"}, set()),
        ("Led brand development for the region", {"Server-side development"}, set()),
        ("Wrote the API documantation for the team", set(), {"Technical documentation"}),
    ],
)
def test_a_fuzzy_word_pair_needs_each_word_near_its_own(junior_spec, text, absent, present):
    found = _found(junior_spec, text)
    assert not absent & found, found
    assert present <= found, found


def test_an_ambiguous_name_in_a_long_skills_line_needs_support_like_any_line(junior_spec):
    """A real skills list of ordinary words ("Medical Coding, ..., Coding") finds nothing;
    a short line under Skills is one item and counts ("Go")."""
    long_line = "Invoice processing, Medical Coding, Filing, Payroll, Coding, Proposals"
    assert "Programming fundamentals" not in _found(junior_spec, long_line, "skills")
    assert "Go" in _found(junior_spec, "Go", "skills")
    assert "Programming fundamentals" in _found(
        junior_spec, "Coding, Python scripts, Unit testing, Git, Docker", "skills"
    )


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Ported customers to Sprint/Nextel and sold phones", {"Agile"}, set()),
        ("Collaborated with the QA team every sprint", set(), {"Agile"}),
        ("Planned the sprint backlog with the product owner", set(), {"Agile"}),
        ("Strong networking and relationship building", {"Computer networking"}, set()),
        ("Lan gu ages: English, Hindi", {"Computer networking"}, set()),
        ("Configured the office LAN, VPN and firewall rules", set(), {"Computer networking"}),
        ("Helped users at the IT help desk", set(), {"System administration"}),
    ],
)
def test_junior_spec_words_with_other_senses(junior_spec, text, absent, present):
    found = _found(junior_spec, text)
    assert not absent & found, found
    assert present <= found, found


def _tokens_reference(text: str) -> list[str]:
    """The obvious per-word implementation that `tokens` replaced with one substitution."""
    from screener.match import _BREAK, _SEPARATE

    out = []
    for word in text.replace("\n", f" {_BREAK} ").translate(_SEPARATE).split():
        word = word.rstrip(".")
        if word.startswith(".") and not word[1:2].isalnum():
            word = word.lstrip(".")
        if word:
            out.append(word)
    return out


@settings(max_examples=3000, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list(" .\n\t+#-_aZ5é\u00a0\x1c,/N")), max_size=30) | st.text()
)
def test_tokens_equal_the_per_word_reference(text):
    assert tokens(text) == _tokens_reference(text)


def _span_reference(doc, position: int, size: int) -> tuple[int, int, int]:
    """The token-by-token walk from the line's start that `_Doc.span` replaced."""
    line = doc.line_of(position)
    text, words = doc.lowered_line(line), doc.lowered
    if len(text) != len(doc.lines[line]):
        text, words = doc.lines[line], doc.words
    offset = begin = 0
    for index in range(doc.line_tokens(line)[0], position + size):
        offset = text.find(words[index], offset)
        if index == position:
            begin = offset
        offset += len(words[index])
    return line, begin, offset


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list(" .,+#-aAgoGOİI\u0131ß5é/")), max_size=40),
        min_size=1,
        max_size=4,
    )
)
def test_token_spans_equal_the_walk_from_the_line_start(lines):
    from screener.match import _Doc

    doc = _Doc(lines, ["experience"] * len(lines))
    for line in range(len(lines)):
        start, end = doc.line_tokens(line)
        for position in range(start, end):
            for size in range(1, min(3, end - position) + 1):
                assert doc.span(position, size) == _span_reference(doc, position, size)


def test_a_resume_pasted_as_one_line_keeps_every_hit_as_written(toy_spec):
    parts = ["Built REST APIs in Python", "İstanbul office: python and Go", "PostgreSQL, Git"]
    line = " ".join(parts * 400)  # ~14,000 words, one line
    found = _hits(toy_spec, line)
    assert {hit.matched for hit in found["Python"].hits} == {"Python", "python"}
    assert len(found["Python"].hits) == 800
    assert {hit.matched for hit in found["PostgreSQL"].hits} == {"PostgreSQL"}
