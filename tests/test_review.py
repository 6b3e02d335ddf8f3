from __future__ import annotations

from dataclasses import replace

import pytest

from screener import review
from screener.errors import SpecError
from screener.export import skills_by_credit
from screener.ingest import ingest_text
from screener.jobad import job_description
from screener.screen import evaluate, rescore, screen_one
from screener.spec import parse_spec
from tests.conftest import SAMPLES

NAMES = ["python_django_graduate.md", "react_frontend_developer.txt", "scanned_resume.pdf"]


@pytest.fixture(scope="module")
def candidates(junior_spec):
    return [screen_one(junior_spec, n, (SAMPLES / n).read_bytes()) for n in NAMES]


def test_ranking_frame_and_filters(candidates):
    frame = review.ranking_frame(candidates, {candidates[1].id}, blind=False)
    assert list(frame.columns) == review.RANKING_COLUMNS
    assert frame["shortlist"].tolist() == [False, True, False]
    strong = review.filter_ranking(frame, min_score=50, must_haves_only=True, statuses=["ok"])
    assert strong["candidate"].tolist() == ["python_django_graduate.md"]
    review_only = review.filter_ranking(
        frame, min_score=90, must_haves_only=False, statuses=["needs_review"]
    )
    assert review_only["candidate"].tolist() == ["scanned_resume.pdf"]  # unscored rows pass


def test_blind_ranking_shows_ids_only(candidates):
    frame = review.ranking_frame(candidates, set(), blind=True)
    assert frame["candidate"].tolist() == [c.id for c in candidates]


def test_shortlist_from_editor_keeps_hidden_rows(candidates):
    frame = review.ranking_frame(candidates, set(), blind=False)
    shown = frame.iloc[:2]
    edited = shown.copy()
    edited.loc[0, "shortlist"] = True
    result = review.shortlist_from_editor(shown, edited, {"C-hidden", candidates[1].id})
    assert result == {"C-hidden", candidates[0].id}


def test_editor_key_changes_with_rows(candidates):
    frame = review.ranking_frame(candidates, set(), blind=False)
    assert review.editor_key(frame) != review.editor_key(frame.iloc[::-1])
    assert review.editor_key(frame) == review.editor_key(frame.copy())


def test_skill_table_lists_every_item_with_evidence(candidates, junior_spec):
    table = review.skill_table(candidates[0])
    assert len(table) == len(list(junior_spec.matchables()))
    python = table[table["skill"] == "Python"].iloc[0]
    assert python["found"] and python["match_type"] == "exact" and python["line"] >= 1
    assert table.iloc[0]["kind"] == "hard" and table.iloc[0]["found"]


def test_highlighted_resume_escapes_and_marks():
    from screener.ingest import ingest_text
    from screener.screen import evaluate
    from screener.spec import load_spec
    from tests.conftest import FIXTURES

    spec = load_spec(FIXTURES / "toy_spec.yaml")
    candidate = evaluate(
        spec, ingest_text("<script>alert(1)</script>\nEXPERIENCE\n- Python and C++ apps")
    )
    out = review.highlighted_resume(candidate)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert '<mark class="used">Python</mark>' in out and '<mark class="used">C++</mark>' in out
    assert '<span class="ln">3</span>- <mark' in out and "\n" not in out.split("</style>")[1]


def test_highlight_legend_names_every_colour():
    legend = review.highlight_legend()
    for kind in ("used", "listed", "fuzzy"):
        assert f'<mark class="{kind}">' in legend and f"mark.{kind}{{background" in legend


def test_split_pasted():
    assert review.split_pasted("Jane\nPython\n---\nJohn\nJava\n\n----\n") == [
        ("Jane (pasted 1)", "Jane\nPython"),
        ("John (pasted 2)", "John\nJava"),
    ]
    assert review.split_pasted("") == []


def test_adjusted_spec_changes_weights_and_must_haves(junior_spec):
    edits = review.weights_frame(junior_spec)
    edits.loc[edits["skill"] == "Docker", ["weight", "must_have"]] = [10, True]
    adjusted = review.adjusted_spec(
        junior_spec,
        edits,
        {"hard_skills": 40, "tools": 30, "soft_skills": 10, "practical_evidence": 20},
    )
    docker = next(s for s in adjusted.hard_skills if s.name == "Docker")
    assert (docker.weight, docker.must_have) == (10, True)
    assert adjusted.scoring.weights.tools == 30
    assert adjusted.fingerprint != junior_spec.fingerprint


def test_adjusted_spec_is_validated(junior_spec):
    with pytest.raises(SpecError, match="weights must add up to 100"):
        review.adjusted_spec(
            junior_spec,
            review.weights_frame(junior_spec),
            {"hard_skills": 90, "tools": 30, "soft_skills": 10, "practical_evidence": 20},
        )


def test_spec_yaml_round_trips(junior_spec):
    assert parse_spec(review.spec_yaml(junior_spec)) == junior_spec


def test_heatmap_frame(candidates):
    cells = review.heatmap_frame(candidates, blind=True, top=5)
    assert set(cells["candidate"]) == {candidates[0].id, candidates[1].id}
    assert cells["skill"].nunique() <= 5
    assert set(cells["evidence"]) <= {"used", "listed", "mentioned", "not found"}


def test_job_description_from_spec(junior_spec):
    text = job_description(junior_spec)
    assert text.startswith("# Junior Backend Engineer")
    assert "2-3 rounds, no take-home project" in text
    assert "Write clean, efficient, and well-documented code" in text
    duties = [line for line in _section(text, "What you will do") if line.startswith("- ")]
    assert 4 <= len(duties) <= 8
    assert "- Debug production issues and implement fixes" in duties
    assert "- Debug and resolve production issues" not in duties  # a near-duplicate
    assert text.count("Node.js") == 1  # the languages once, in what you need
    tools = " ".join(_section(text, "Tools you will use"))
    assert "PostgreSQL" in tools and "Rust" not in tools and "C++" not in tools
    assert "## Nice to have (not required)" in text
    for placeholder in ("[Company name]", "[salary range]", "[Link or e-mail address]"):
        assert placeholder in text
    assert "equal-opportunity employer" in text and "No degree required" in text
    assert "bootcamp" in text and "Competitive salary" not in text


def _section(text: str, title: str) -> list[str]:
    after = text.split(f"## {title}\n", 1)[1]
    return after.split("\n## ", 1)[0].strip().splitlines()


def test_duplicate_uploads_name_the_earlier_file():
    files = [("a.txt", b"x"), ("b.txt", b"y"), ("c.txt", b"x"), ("d.txt", b"x")]
    assert review.duplicate_uploads(files) == [("c.txt", "a.txt"), ("d.txt", "a.txt")]
    assert review.duplicate_uploads(files[:2]) == []


def test_breakdown_says_when_a_part_was_capped(candidates):
    table = review.breakdown_table(candidates[0])
    full = table[table["points"] >= table["max"]]
    assert len(full) and all("Full marks: capped at" in why for why in full["why"])
    assert not any("of 12 points" in why for why in table["why"])


def test_status_frame_lists_every_file_problems_first(candidates):
    frame = review.status_frame(candidates, blind=False)
    assert frame["file"].tolist()[0] == "scanned_resume.pdf"
    assert frame["status"].tolist() == ["needs review (scanned)", "scored", "scored"]
    assert "no text layer" in frame["why"].iloc[0]


def test_screen_cached_matches_once_and_rescoring_reuses_matches(junior_spec):
    calls = []

    def progress(done: int, total: int, name: str) -> None:
        calls.append(total)

    cache: review.ScreeningCache = {}
    files = [(n, (SAMPLES / n).read_bytes()) for n in NAMES]
    first = review.screen_cached(cache, junior_spec, junior_spec, files, progress)
    heavier = review.adjusted_spec(
        junior_spec,
        review.weights_frame(junior_spec),
        {"hard_skills": 30, "tools": 40, "soft_skills": 10, "practical_evidence": 20},
    )
    again = review.screen_cached(
        cache, junior_spec, heavier, [*files, ("copy.md", files[0][1])], progress
    )
    assert calls == [3, 3, 3]  # the second call parsed nothing: same content, even under a new name
    assert [c.id for c in again] != [] and len(again) == 3
    assert {c.id for c in first} == {c.id for c in again}
    changed = {c.id: c.score.total for c in again if c.score}
    assert changed != {c.id: c.score.total for c in first if c.score}


def test_heatmap_pages_and_pasted_names():
    assert review.heatmap_pages(90, 40) == [(0, 40), (40, 80), (80, 90)]
    assert review.heatmap_pages(40, 40) == [(0, 40)] and review.heatmap_pages(0) == []
    pasted = review.split_pasted("Ana Diaz\nana@example.com\n---\n# SKILLS\nJava")
    assert [name for name, _ in pasted] == ["Ana Diaz (pasted 1)", "SKILLS (pasted 2)"]


def test_distinct_duties_drop_near_duplicates_only():
    from screener.jobad import distinct_duties

    duties = [
        "Contribute to technical documentation and specifications",
        "Participate in code reviews",
        "Contribute to technical documentation and knowledge sharing",
        "Participate in sprint planning",
    ]
    assert distinct_duties(duties) == [duties[0], duties[1], duties[3]]


def test_job_post_names_must_haves_the_prerequisites_leave_out():
    from tests.conftest import ROOT

    spec = parse_spec((ROOT / "role_specs" / "full_stack_developer.yaml").read_text())
    need = _section(job_description(spec), "What you need")
    assert "- Frontend framework: any one of React, Vue.js, Angular" in need
    assert "- Git" in need and "Mid-level level" not in job_description(spec)


def test_skill_table_says_why_an_untaken_alternative_is_not_missing(junior_spec):
    data = (SAMPLES / "csharp_dotnet_intern.docx").read_bytes()
    candidate = screen_one(junior_spec, "c.docx", data)
    table = review.skill_table(candidate, spec=junior_spec).set_index("skill")
    assert table.loc["Python", "evidence"] == "not needed: C# covers Backend language"
    assert not table.loc["Python", "found"] and table.loc["Python", "match_type"] == ""
    assert table.loc["Database design", "evidence"] == ""  # not in a group: plainly missing
    credits = review.credits_table(candidate)["credit"].tolist()
    assert credits == sorted(credits, reverse=True)


def test_skill_table_shows_the_job_and_the_stated_experience(toy_spec):
    text = (
        "Ann Lee\nEXPERIENCE\nJava Developer\nJan 2019 to Current\n- Built APIs in Java\n"
        "SKILLS\nPython - Experience - 24 months"
    )
    table = review.skill_table(evaluate(toy_spec, ingest_text(text)))
    rows = table.set_index("skill")
    assert rows.loc["Java", "job"] == "Java Developer | Jan 2019 to Current"
    assert rows.loc["Python", "stated_experience"] == "24 months"
    assert rows.loc["Python", "job"] == ""


def test_plans_are_made_on_demand_as_rescoring_made_them(junior_spec):
    files = [(n, (SAMPLES / n).read_bytes()) for n in NAMES]
    candidates = review.screen_cached({}, junior_spec, junior_spec, files)
    assert all(c.plan is None for c in candidates)  # a weight change plans no interviews
    planned = review.with_plans(junior_spec, candidates)
    assert planned == [rescore(junior_spec, c) for c in candidates]
    assert any(c.plan is not None for c in planned)
    frame = review.distribution_frame(planned)
    scored = [c for c in planned if c.score]
    assert frame.to_dict("list") == {
        "score": [c.score.total for c in scored],
        "band": [c.score.band for c in scored],
    }


def test_ranking_frame_takes_top_skills_of_candidates_loaded_without_matches(junior_spec):
    files = [(n, (SAMPLES / n).read_bytes()) for n in NAMES]
    full = review.screen_cached({}, junior_spec, junior_spec, files)
    light = [replace(c, document=None, match=None) for c in full]
    skills = {c.sha256: skills_by_credit(c) for c in full}
    expected = review.ranking_frame(full, set(), blind=False)
    assert expected["top_skills"].str.len().gt(0).any()
    assert review.ranking_frame(light, set(), blind=False, skills=skills).equals(expected)
