from __future__ import annotations

from screener.fit import RoleFit, reads_more_like, role_fits, role_scores
from screener.ingest import ingest_bytes
from screener.screen import screen_one
from screener.spec import load_spec
from tests.conftest import JUNIOR_SPEC, ROOT, SAMPLES

FULL_STACK = ROOT / "role_specs" / "full_stack_developer.yaml"


def test_fit_is_the_score_of_screening_with_that_spec():
    roles = {"Junior backend": load_spec(JUNIOR_SPEC), "Full stack": load_spec(FULL_STACK)}
    data = (SAMPLES / "react_frontend_developer.txt").read_bytes()
    fits = role_fits(ingest_bytes(data, "r.txt"), roles)
    for fit in fits:
        direct = screen_one(roles[fit.role], "r.txt", data).score
        assert direct is not None and fit.score == direct.total and fit.band == direct.band
    assert [f.role for f in fits] == ["Full stack", "Junior backend"]  # a frontend resume


def test_reads_more_like_needs_a_clear_lead():
    fits = [RoleFit("Backend", 58.0, "possible", True), RoleFit("Full stack", 71.4, "strong", True)]
    assert reads_more_like("Backend", 58.0, fits) == "reads more like Full stack (71 vs 58)"
    assert reads_more_like("Backend", 68.0, fits) is None  # within the margin
    assert reads_more_like("Full stack", 71.4, fits) is None
    assert reads_more_like("Backend", 58.0, fits[:1]) is None


def test_role_scores_by_content_skip_unscorable_documents():
    spec = load_spec(FULL_STACK)
    documents = [
        ingest_bytes((SAMPLES / name).read_bytes(), name)
        for name in ("react_frontend_developer.txt", "scanned_resume.pdf")
    ]
    scores = role_scores(spec, "Full stack", documents)
    assert list(scores) == [documents[0].sha256]  # the scanned PDF needs review, no score
    direct = screen_one(spec, "r.txt", (SAMPLES / "react_frontend_developer.txt").read_bytes())
    assert direct.score is not None and scores[documents[0].sha256].score == direct.score.total
