"""The app's New-role flow and role fit, driven headless with AppTest."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from screener.draft import Draft, draft_spec, draft_yaml
from screener.fit import reads_more_like, role_fits
from screener.ingest import ingest_bytes
from screener.spec import load_spec, parse_spec
from tests.conftest import FIXTURES, JUNIOR_SPEC, ROOT, SAMPLES

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
POSTING = (FIXTURES / "posting_backend.md").read_text(encoding="utf-8")


def _editor(at: AppTest, prefix: str):
    [editor] = [e for e in at.data_editor if str(e.key).startswith(prefix)]
    return editor


@pytest.fixture(scope="module")
def drafted() -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    assert any("Paste or upload a job description" in i.value for i in at.info)
    at.text_area(key="jd_text").input(POSTING)
    at.button(key="jd_draft").click().run()
    assert not at.exception and not at.error
    return at


def test_draft_shows_editable_tables_with_source_lines(drafted):
    hard = _editor(drafted, "draft_hard_").value
    expected = draft_spec(POSTING, source="pasted job description")
    assert list(hard["skill"]) == [s.name for s in expected.spec.hard_skills]
    python = hard[hard["skill"] == "Python"].iloc[0]
    assert python["posting_line"] == "At least 2 years of experience with Python, Java or Go"
    assert python["must_have"]
    assert list(_editor(drafted, "draft_tools_").value["tool"]) == [
        "Kubernetes",
        "Kafka",
        "Grafana",
    ]
    assert list(_editor(drafted, "draft_rounds_").value["id"]) == [
        "technical_screening",
        "team_interview",
    ]


def test_edit_a_weight_then_screen_with_the_drafted_spec(drafted):
    at = drafted
    hard = _editor(at, "draft_hard_")
    row = int(hard.value.index[hard.value["skill"] == "Django"][0])
    at.session_state[hard.key] = {
        "edited_rows": {row: {"weight": 10.0, "must_have": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="jd_use").click().run()
    assert not at.exception
    assert at.selectbox(key="spec_file").value == "New role (drafted in this session)"
    assert at.title[0].value == "Screening: Backend Developer"
    spec = at.session_state["drafted_spec"]
    django = {s.name: s for s in spec.hard_skills}["Django"]
    assert (django.weight, django.must_have) == (10.0, True)
    # the downloaded YAML is this spec with source comments, and it validates
    text = draft_yaml(Draft(spec, {}))
    assert parse_spec(text) == spec
    at.button(key="try_samples").click().run()
    assert not at.exception
    ranking = _editor(at, "ranking_").value
    assert ranking["candidate"].iloc[0] in {
        "python_django_graduate.md",
        "senior_backend_engineer.pdf",
        "java_spring_new_grad.docx",
        "go_self_taught_developer.pdf",
    }
    assert "role_fit" in ranking.columns


def test_a_posting_with_no_skills_is_reported():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.text_area(key="jd_text").input("We bake bread.")
    at.button(key="jd_draft").click().run()
    assert not at.exception
    assert at.error[0].value.startswith("pasted job description: no skill, tool or technology")


def test_role_fit_in_ranking_and_detail():
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.button(key="try_samples").click().run()
    ranking = _editor(at, "ranking_").value
    react = ranking[ranking["candidate"] == "react_frontend_developer.txt"].iloc[0]
    roles = {
        "Junior Backend Engineer": load_spec(JUNIOR_SPEC),
        "Full-Stack Developer": load_spec(ROOT / "role_specs" / "full_stack_developer.yaml"),
    }
    data = (SAMPLES / "react_frontend_developer.txt").read_bytes()
    fits = role_fits(ingest_bytes(data, "react_frontend_developer.txt"), roles)
    junior = next(f for f in fits if f.role == "Junior Backend Engineer")
    assert react["role_fit"] == reads_more_like("Junior Backend Engineer", junior.score, fits)
    assert react["role_fit"].startswith("reads more like Full-Stack Developer (")
    at.selectbox(key="detail_id_named").set_value(react["id"]).run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if "this screening" in d.value.columns)
    assert list(table["role"]) == [f.role for f in fits]
    assert list(table["score"]) == [round(f.score, 1) for f in fits]
