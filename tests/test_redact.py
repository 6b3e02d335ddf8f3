from __future__ import annotations

import re

import pytest
import yaml

from screener.cli import main
from screener.ingest import ingest_bytes, ingest_text
from screener.redact import guess_name, redact, spec_words
from screener.screen import evaluate
from tests.conftest import SAMPLES

EXPECTED = yaml.safe_load((SAMPLES / "expected.yaml").read_text(encoding="utf-8"))
SCORED = sorted(n for n, e in EXPECTED.items() if e["status"] == "ok")

ADVERSARIAL = """JANE O'NEIL-SMITH
jane.o.neil+jobs@mail.example.co.uk | +44 20 7946 0958 | (555) 010-0199 | +1-555-010-0123
Flat 2, 221 Baker Street, London NW1 6XE · 10 Downing Road, Springfield IL 62704
born 12/03/1998 · age 24 · 24 years old · Date of birth: 1 May 1998
She/her. Mr. Smith's daughter; married; Nationality: Irish; Religion: Catholic. Photo attached.
linkedin.com/in/jane-oneil-123 · https://github.com/janeon42 · www.indeed.com/r/jane/abc123
EXPERIENCE
- Jane built REST APIs in Python and SQL from 2019 - 2023; jane o'neil-smith wrote the docs.
"""


@pytest.mark.parametrize(
    "leak",
    ["O'NEIL", "NEIL", "Jane", "jane", "@", "7946", "0958", "555", "010-0199", "Baker Street",
     "NW1 6XE", "62704", "12/03/1998", "1998", "age 24", "24 years", "She", "her", "married",
     "Irish", "Catholic", "Photo", "jane-oneil-123", "janeon42", "abc123", "daughter"],
)  # fmt: skip
def test_adversarial_personal_details_are_removed(leak):
    text = redact(ADVERSARIAL).text
    assert not re.search(rf"(?<!\w){re.escape(leak)}(?!\w)", text), text


def test_adversarial_keeps_skills_dates_of_work_and_link_evidence():
    text = redact(ADVERSARIAL).text
    for kept in [
        "REST APIs",
        "Python",
        "SQL",
        "2019 - 2023",
        "[GitHub profile]",
        "[LinkedIn profile]",
    ]:
        assert kept in text


def test_name_guess_skips_headings_and_titles():
    assert guess_name("# Priya Raman\n\nLeeds, UK") == "Priya Raman"
    assert guess_name("MARCUS OKAFOR\nAtlanta, GA") == "MARCUS OKAFOR"
    assert guess_name("Name: Ada Lovelace\n") == "Ada Lovelace"
    assert guess_name("Summary\nJane Doe") is None


def test_skill_words_are_never_removed_even_in_a_name(junior_spec):
    keep = spec_words(junior_spec)
    text = redact(
        "Ruby Chen\nLeeds, UK\nEXPERIENCE\n- Ruby on Rails and Go at Chen Labs", keep=keep
    ).text
    assert "Ruby on Rails" in text and "Chen" not in text


@pytest.mark.parametrize("name", SCORED)
def test_samples_lose_pii_but_keep_every_labelled_skill(junior_spec, name):
    document = ingest_bytes((SAMPLES / name).read_bytes(), name)
    keep = spec_words(junior_spec)
    redacted = redact(document.text, keep=keep)
    person = guess_name(document.text)
    assert person, "every sample starts with the candidate's name"
    for part in person.split():
        if part.lower() not in keep:
            assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", redacted.text, re.I), part
    assert "@example.com" not in redacted.text
    found = {
        i.name
        for i in evaluate(junior_spec, ingest_text(redacted.text, name)).match.items
        if i.found
    }
    assert set(EXPECTED[name]["skills"]) <= found, set(EXPECTED[name]["skills"]) - found


def test_cli_redact_writes_one_txt_per_input(tmp_path, capsys):
    out = tmp_path / "out"
    inputs = [
        str(SAMPLES / "python_django_graduate.md"),
        str(SAMPLES / "java_spring_new_grad.docx"),
    ]
    assert main(["redact", "--out", str(out), *inputs]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "java_spring_new_grad.txt",
        "python_django_graduate.txt",
    ]
    text = (out / "python_django_graduate.txt").read_text()
    assert "Priya" not in text and "[GitHub profile]" in text and "Django" in text


def test_redaction_keeps_line_numbers():
    text = "Jane Doe\n12 Baker\nStreet\n+44 20\n7946 0958\nborn\n12/03/1998\n2019\n2023"
    assert len(redact(text).text.split("\n")) == len(text.split("\n"))


def test_blind_exports_and_views_hide_personal_details(junior_spec):
    import json

    from screener import review
    from screener.export import candidate_to_dict
    from screener.screen import screen_one

    name = "node_bootcamp_graduate.txt"
    candidate = screen_one(junior_spec, name, (SAMPLES / name).read_bytes())
    blind_json = json.dumps(candidate_to_dict(candidate, blind=True))
    open_json = json.dumps(candidate_to_dict(candidate, blind=False))
    for personal in ("Marcus", "Okafor", "marcus.okafor@example.com", "mokafor-codes"):
        assert personal not in blind_json
        assert personal not in review.highlighted_resume(candidate, blind=True)
        assert personal not in " ".join(review.skill_table(candidate, blind=True)["evidence"])
    assert "MARCUS OKAFOR" in review.highlighted_resume(candidate, blind=False)
    assert '"source": "node_bootcamp_graduate.txt"' in open_json
    assert "<mark>Node.js</mark>" in review.highlighted_resume(candidate, blind=True)
