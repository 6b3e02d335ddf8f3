"""Scores never depend on name, gender words, pronouns or age: swaps leave every score unchanged."""

from __future__ import annotations

import pytest
import yaml

from screener.ingest import ingest_bytes, ingest_text
from screener.redact import guess_name
from screener.screen import evaluate
from tests.conftest import SAMPLES

EXPECTED = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))
SCORED = sorted(n for n, e in EXPECTED.items() if e["status"] == "ok")
PERSONAL_LINES = [
    ("He is a member of the Sigma Chi fraternity.", "She is a member of the Alpha Phi sorority."),
    ("Member of Men in Tech; pronouns he/him.", "Member of Women in Tech; pronouns she/her."),
    ("Age 22, born 2003.", "Age 58, born 1967."),
    ("Married, father of two.", "Single, mother of two."),
    ("Nationality: British", "Nationality: Nigerian"),
]  # fmt: skip
NAMES = [
    ("Emily Walsh", "Lakisha Washington"),
    ("Greg Baker", "Jamal Jones"),
    ("Wei Zhang", "Olga Petrova"),
    # names that are also technologies earn nothing either
    ("Perl Mesta", "Pearl Mesta"),
    ("Ruby Bello", "Rita Bello"),
    ("Kotlin Ivanova", "Katya Ivanova"),
]


def _score(spec, text: str) -> tuple[float, tuple]:
    candidate = evaluate(spec, ingest_text(text, "variant"))
    score = candidate.score
    return score.total, tuple((p.name, p.points) for p in score.parts)


@pytest.mark.parametrize("name", SCORED)
@pytest.mark.parametrize(("first", "second"), NAMES)
def test_swapping_names_leaves_score_unchanged(junior_spec, name, first, second):
    text = ingest_bytes((SAMPLES / name).read_bytes(), name).text
    person = guess_name(text)
    assert person
    assert _score(junior_spec, text.replace(person, first)) == _score(
        junior_spec, text.replace(person, second)
    )


@pytest.mark.parametrize("name", SCORED)
@pytest.mark.parametrize(("one", "other"), PERSONAL_LINES)
def test_swapping_gender_age_and_status_words_leaves_score_unchanged(junior_spec, name, one, other):
    text = ingest_bytes((SAMPLES / name).read_bytes(), name).text
    lines = text.split("\n")
    with_one = "\n".join([lines[0], one, *lines[1:]])
    with_other = "\n".join([lines[0], other, *lines[1:]])
    assert _score(junior_spec, with_one) == _score(junior_spec, with_other)


def test_personal_words_inside_experience_do_not_count_either(junior_spec):
    base = "EXPERIENCE\n- {} built REST APIs in Python with SQL as an intern\n"
    assert _score(junior_spec, base.format("He")) == _score(junior_spec, base.format("She"))
    assert _score(junior_spec, base.format("Aged 23, he")) == _score(
        junior_spec, base.format("Aged 61, she")
    )


# Home places that are also technologies: only the place differs.
PLACES_THAT_ARE_SKILLS = [
    "Bandung, West Java, Indonesia",
    "Spring, Texas",
    "Docker Road, Bolton",
    # near a skill's name: found by the fuzzy stage only (Kotlin, Jenkins)
    "Kotiln Street, Perth",
    "Jenkin Street, Cardiff",
]
HOME_LINES = ["{}", "{} | jane@example.com | 555 010 7468", "Address: {}"]


@pytest.mark.parametrize("name", SCORED)
@pytest.mark.parametrize("place", PLACES_THAT_ARE_SKILLS)
@pytest.mark.parametrize("home", HOME_LINES)
def test_a_home_that_is_also_a_skill_earns_nothing(junior_spec, name, place, home):
    text = ingest_bytes((SAMPLES / name).read_bytes(), name).text
    first, *rest = text.split("\n")
    here, elsewhere = (
        "\n".join([first, home.format(where), *rest]) for where in (place, "Leeds, UK")
    )
    assert _score(junior_spec, here) == _score(junior_spec, elsewhere)


@pytest.mark.parametrize(
    "header",
    ["Jane Doe\nPython, Django", "Python Django\njane@example.com", "Jane Doe\nPyhton, Djnago"],
)
def test_skills_in_the_header_still_count(junior_spec, header):
    body = "\nEXPERIENCE\n- Built REST APIs with SQL and Git\n"
    assert _score(junior_spec, header + body)[0] > _score(junior_spec, "Jane Doe" + body)[0]


def test_a_skill_in_a_field_that_is_no_address_still_counts(junior_spec):
    resume = "Jane Doe\njane@example.com\nEXPERIENCE\n- Built REST APIs with SQL\nAWARDS\n{}\n"
    java = _score(junior_spec, resume.format("Won 1st Place - Java hackathon"))
    assert java[0] > _score(junior_spec, resume.format("Won 1st Place - hackathon"))[0]


# Contact details that name a technology: an e-mail handle, a profile or site address.
CONTACTS_THAT_NAME_SKILLS = [
    ("python_dev@example.com", "jane_doe@example.com"),
    ("github.com/jane-java | linkedin.com/in/jane-kotlin", "github.com/jd | linkedin.com/in/jd"),
    ("https://docker-jane.github.io", "https://jane.github.io"),
]


@pytest.mark.parametrize("name", SCORED)
@pytest.mark.parametrize(("one", "other"), CONTACTS_THAT_NAME_SKILLS)
def test_a_handle_or_link_that_names_a_skill_earns_nothing(junior_spec, name, one, other):
    text = ingest_bytes((SAMPLES / name).read_bytes(), name).text
    first, *rest = text.split("\n")
    with_one, with_other = ("\n".join([first, contact, *rest]) for contact in (one, other))
    assert _score(junior_spec, with_one) == _score(junior_spec, with_other)


def test_the_scheme_of_a_link_is_no_http_and_a_profile_link_still_counts(junior_spec):
    resume = "Jane Doe\nSKILLS\nPython, Docker{}\nEXPERIENCE\n- Built REST APIs with SQL\n"
    candidate = evaluate(junior_spec, ingest_text(resume.format(", https://github.com/jd")))
    found = {item.name for item in candidate.match.items if item.found}
    assert "HTTP" not in found
    assert "Code portfolio link" in found
    with_http = evaluate(junior_spec, ingest_text(resume.format(", HTTP")))
    assert "HTTP" in {item.name for item in with_http.match.items if item.found}
