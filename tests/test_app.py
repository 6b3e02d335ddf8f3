"""The Streamlit app, driven headless with AppTest."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from screener import review
from screener.export import shortlist_csv
from screener.screen import ranked, screen_one
from tests.conftest import ROOT, SAMPLES, excel_records

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    return at


def _ranking(at: AppTest):
    [editor] = [e for e in at.data_editor if str(e.key).startswith("ranking_")]
    return editor


def _table_with(at: AppTest, column: str):
    """The first table that has ``column`` (st.dataframe keys are not exposed by AppTest)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.fixture(scope="module")
def with_samples() -> AppTest:
    at = _app()
    at.button(key="try_samples").click().run()
    assert not at.exception
    return at


def test_empty_app_invites_input():
    at = _app()
    assert any("Upload resumes" in i.value for i in at.info)


def test_sample_resumes_load_and_rank(with_samples, junior_spec):
    metrics = _metrics(with_samples)
    assert metrics["Candidates"] == "17"
    assert metrics["Needs review (scanned)"] == "1"
    table = _ranking(with_samples).value
    expected = ranked(
        [
            screen_one(junior_spec, p.name, p.read_bytes())
            for p in sorted(SAMPLES.iterdir())
            if p.suffix in (".pdf", ".docx", ".txt", ".md")
        ]
    )
    assert table["id"].tolist() == [c.id for c in expected]
    assert table["score"].iloc[0] == expected[0].score.total


def test_candidate_detail_shows_skill_table_and_plan(with_samples):
    skills = _table_with(with_samples, "match_type")
    assert {"skill", "found", "match_type", "similarity", "evidence", "section"} <= set(
        skills.columns
    )
    assert any("rounds" in i.value for i in with_samples.info)  # the plan's rule
    assert with_samples.download_button(key="download_kit")


def test_bad_file_is_reported_while_others_are_scored():
    at = _app()
    at.file_uploader(key="resumes").set_value(
        [
            ("evil.pdf", b"MZ\x90\x00 this is an executable", "application/pdf"),
            ("good.txt", (SAMPLES / "node_bootcamp_graduate.txt").read_bytes(), "text/plain"),
        ]
    ).run()
    assert not at.exception
    metrics = _metrics(at)
    assert metrics["Candidates"] == "2" and metrics["Could not read"] == "1"
    status = _table_with(at, "why")
    row = status[status["file"] == "evil.pdf"].iloc[0]
    assert row["status"] == "could not read" and "Windows executable" in row["why"]
    table = _ranking(at).value
    assert table.loc[table["candidate"] == "good.txt", "status"].item() == "scored"
    assert "rejected" not in " ".join(status["status"]).lower()
    assert at.multiselect(key="statuses").options == [
        "scored",
        "needs review (scanned)",
        "could not read",
    ]


def test_weight_change_reranks_like_the_library(with_samples, junior_spec):
    at = with_samples
    before = _ranking(at).value["id"].tolist()
    for name, value in [("hard_skills", 10.0), ("tools", 60.0), ("soft_skills", 10.0)]:
        at.number_input(key=f"part_{name}").set_value(value)
    at.run()
    assert not at.exception
    after = _ranking(at).value["id"].tolist()
    adjusted = review.adjusted_spec(
        junior_spec,
        review.weights_frame(junior_spec),
        {"hard_skills": 10, "tools": 60, "soft_skills": 10, "practical_evidence": 20},
    )
    expected = ranked(
        [
            screen_one(adjusted, p.name, p.read_bytes())
            for p in sorted(SAMPLES.iterdir())
            if p.suffix in (".pdf", ".docx", ".txt", ".md")
        ]
    )
    assert after == [c.id for c in expected]
    assert after != before


def test_shortlist_tick_feeds_the_export():
    at = _app()
    at.button(key="try_samples").click().run()
    editor = _ranking(at)
    first_id = editor.value["id"].iloc[0]
    at.session_state[editor.key] = {
        "edited_rows": {0: {"shortlist": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    assert at.session_state["shortlist"] == {first_id}
    assert at.download_button(key="download_shortlist").label == "Download shortlist CSV (1)"


def test_blind_mode_hides_file_names(with_samples):
    with_samples.toggle(key="blind").set_value(True).run()
    names = _ranking(with_samples).value["candidate"].tolist()
    assert all(n.startswith("C-") for n in names)
    with_samples.toggle(key="blind").set_value(False).run()


def test_shortlist_csv_content(junior_spec):
    candidates = ranked(
        [
            screen_one(junior_spec, n, (SAMPLES / n).read_bytes())
            for n in ("python_django_graduate.md", "data_analyst.txt")
        ]
    )
    text = shortlist_csv(candidates, {candidates[0].id}, junior_spec)
    [row] = excel_records(text)
    assert row["candidate"] == "python_django_graduate.md"
    assert float(row["score"]) == candidates[0].score.total
    assert row["missing_must_haves"] == ""
    assert row["rank"] == "1" and row["role"] == "Junior Backend Engineer"


def test_invalid_uploaded_spec_is_reported():
    at = _app()
    at.file_uploader(key="spec_upload").set_value(
        ("broken.yaml", b"title: x\nwieght: 3\n", "text/yaml")
    ).run()
    assert not at.exception
    assert any("broken.yaml: wieght: unknown field" in e.value for e in at.error)


def test_bias_self_check_and_audit_trail_in_the_app():
    at = _app()
    at.button(key="try_samples").click().run()
    ids = _ranking(at).value["id"].tolist()
    groups = "candidate_id,group\n" + "\n".join(
        f"{cid},{'A' if i % 2 else 'B'}" for i, cid in enumerate(ids)
    )
    editor = _ranking(at)
    at.session_state[editor.key] = {
        "edited_rows": {0: {"shortlist": True}, 2: {"shortlist": True}, 4: {"shortlist": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.file_uploader(key="groups_csv").set_value(("groups.csv", groups.encode(), "text/csv")).run()
    assert not at.exception
    report = _table_with(at, "selection_impact_ratio")
    by_group = report.set_index("group")
    assert by_group.loc["B", "selected"] == 3 and by_group.loc["A", "selected"] == 0
    assert by_group.loc["A", "four_fifths_flag"]
    assert at.download_button(key="download_bias")

    restarted = _app()  # a new session reads the same audit database
    runs = _table_with(restarted, "spec_hash")
    assert len(runs) >= 1 and (runs["candidates"] == 17).any()


def test_same_resume_twice_is_one_candidate():
    at = _app()
    data = (SAMPLES / "data_analyst.txt").read_bytes()
    at.file_uploader(key="resumes").set_value([
        ("first.txt", data, "text/plain"), ("copy.txt", data, "text/plain")
    ]).run()  # fmt: skip
    assert _metrics(at)["Candidates"] == "1"
    assert _ranking(at).value["candidate"].tolist() == ["first.txt"]


def _upload(at: AppTest, *names: str) -> AppTest:
    files = [(n, (SAMPLES / n).read_bytes(), "text/plain") for n in names]
    at.file_uploader(key="resumes").set_value(files).run()
    assert not at.exception
    return at


def test_band_is_a_label_not_a_green_delta():
    at = _upload(_app(), "marketing_manager.txt")
    [score] = [m for m in at.metric if m.label == "Score"]
    assert float(score.value) < 10 and not score.delta  # no "↑ weak" arrow
    assert _metrics(at)["Band"] == "weak"
    assert "a band never rejects" in next(m for m in at.metric if m.label == "Band").help
    assert any("screening call" in i.value for i in at.info)  # the plan says why it is short


def test_duplicate_upload_is_named():
    at = _app()
    data = (SAMPLES / "data_analyst.txt").read_bytes()
    at.file_uploader(key="resumes").set_value([
        ("first.txt", data, "text/plain"), ("copy.txt", data, "text/plain")
    ]).run()  # fmt: skip
    assert any("copy.txt = first.txt" in i.value for i in at.info)
    at.toggle(key="blind").set_value(True).run()
    notes = [i.value for i in at.info if "same content" in i.value]
    assert notes and not any("first.txt" in n for n in notes)


def test_heatmap_pages_past_40_candidates():
    at = _app()
    base = (SAMPLES / "node_bootcamp_graduate.txt").read_text(encoding="utf-8")
    files = [(f"r{n}.txt", f"{base}\nReference {n}".encode(), "text/plain") for n in range(45)]
    at.file_uploader(key="resumes").set_value(files).run()
    assert not at.exception
    pages = at.selectbox(key="heatmap_page")
    assert "40 candidates at a time" in pages.label and "45 scored" in pages.label
    assert pages.options == [
        "Candidates 1-40 of 45",
        "Candidates 41-45 of 45",
    ]
    pages.set_value(1).run()
    assert not at.exception


def test_group_csv_that_matches_nobody_is_refused(with_samples):
    at = with_samples
    at.file_uploader(key="groups_csv").set_value(
        ("groups.csv", b"name,gender\nAlice,F\nBob,M\n", "text/csv")
    ).run()
    assert not at.exception
    [error] = [e.value for e in at.error if "groups.csv" in e.value]
    assert "none of its 3 id(s)" in error and "candidate_id,group" in error
    assert not any("selection_impact_ratio" in d.value.columns for d in at.dataframe)
    at.file_uploader(key="groups_csv").set_value([]).run()


def _labels(frame) -> dict[str, str]:
    config = json.loads(frame.proto.columns or "{}")
    return {k.removeprefix("name:"): v.get("label", "") for k, v in config.items()}


def test_every_table_column_has_a_label(with_samples):
    at = with_samples
    frames = [*at.dataframe]
    assert frames
    for frame in frames:
        labels = _labels(frame)
        for column in frame.value.columns:
            if "_" in column:
                assert labels.get(column), f"{column} has no label"
    skills = next(f for f in frames if "match_type" in f.value.columns)
    assert _labels(skills)["match_type"] == "Match"
    weights = next(e for e in at.data_editor if str(e.key).startswith("weights_"))
    assert _labels(weights)["group"] == "Group"
    [breakdown] = at.table  # the score's parts wrap their "why" in a static table
    assert "Why" in breakdown.value.columns


def test_blind_mode_hides_upload_names_and_explains_the_paste_box():
    at = _upload(_app(), "data_analyst.txt")
    at.toggle(key="blind").set_value(True).run()
    assert any("names hidden in blind mode" in c.value for c in at.caption)
    assert any("stFileChips" in h.proto.body for h in at.get("html"))
    assert "paste box" in at.toggle(key="blind").help


def test_detail_says_when_a_missing_must_have_caps_the_band():
    at = _upload(_app(), "projects_only_no_skills_section.md")
    assert any(i.value == "Capped at possible: a must-have is missing (Git)" for i in at.info)
