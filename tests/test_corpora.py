from __future__ import annotations

import json

import pytest

from screener import corpora


@pytest.fixture
def fake_corpora(tmp_path, monkeypatch):
    monkeypatch.setenv("SCREENER_CORPORA", str(tmp_path))
    (tmp_path / "dataturks").mkdir()
    record = {
        "content": "Ann Lee\nJava Developer",
        "annotation": [{"label": ["Designation"], "points": [{"start": 8, "end": 21, "text": ""}]}],
    }
    (tmp_path / "dataturks" / "resumes_annotated.jsonl").write_text(json.dumps(record) + "\n")
    (tmp_path / "skillspan").mkdir()
    sentence = {
        "idx": 3,
        "tokens": ["Python", "and", "SQL", "Server", "skills"],
        "tags_skill": ["O"] * 5,
        "tags_knowledge": ["B", "O", "B", "I", "O"],
        "source": "tech",
    }
    (tmp_path / "skillspan" / "dev.json").write_text(json.dumps(sentence) + "\n")
    for category in ("IT", "CHEF"):
        (tmp_path / "livecareer" / category).mkdir(parents=True)
        for n in (1, 2):
            (tmp_path / "livecareer" / category / f"{n}.pdf").write_bytes(b"%PDF-1.4")
    return tmp_path


def test_annotated_spans_use_exclusive_ends(fake_corpora):
    [resume] = corpora.annotated_resumes()
    assert resume.labelled("Designation")[0].text == "Java Developer"


def test_posting_spans_follow_bio_tags(fake_corpora):
    [posting] = corpora.skillspan_postings("dev")
    assert posting.spans("knowledge") == ["Python", "SQL Server"]
    assert posting.text == "Python and SQL Server skills"


def test_livecareer_sample_takes_the_first_files_of_each_category(fake_corpora):
    sample = corpora.livecareer_sample(1)
    assert [(category, path.name) for category, path in sample] == [
        ("CHEF", "1.pdf"),
        ("IT", "1.pdf"),
    ]


def test_missing_corpora_name_the_path(tmp_path, monkeypatch):
    monkeypatch.setenv("SCREENER_CORPORA", str(tmp_path / "nowhere"))
    with pytest.raises(corpora.CorporaMissing, match="nowhere"):
        corpora.annotated_resumes()
