"""End to end in Chromium: draft a role from a pasted posting, edit it, screen, download it."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.conftest import FIXTURES
from tests.test_e2e import app_url, page, pytestmark  # noqa: F401  (shared fixtures and marks)

POSTING = (FIXTURES / "posting_backend.md").read_text(encoding="utf-8")


def test_paste_draft_edit_screen_and_download(page, tmp_path):  # noqa: F811
    page.get_by_role("tab", name="New role").click()
    box = page.get_by_label("Paste a job description")
    box.fill(POSTING)
    box.press("Control+Enter")
    page.get_by_role("button", name="Draft role spec").click()
    page.get_by_text("Hard skills (weights 1-10").wait_for()

    # edit Django's weight in the grid (a canvas): select the first cell, move, type
    grid = page.locator('[data-testid="stDataFrame"]').filter(has_text="Any-of group").first
    grid.scroll_into_view_if_needed()
    canvas = grid.locator("canvas").first.bounding_box()
    assert canvas is not None
    page.mouse.click(canvas["x"] + 60, canvas["y"] + 35 + 17)  # row 0, "skill"
    for key in ["ArrowDown", "ArrowDown", "ArrowDown", "ArrowRight", "Enter"]:  # Django weight
        page.keyboard.press(key)
    page.locator("#portal input").first.wait_for()  # the grid's cell editor is open
    page.keyboard.press("Control+A")
    page.keyboard.type("10", delay=80)
    page.keyboard.press("Enter")
    page.wait_for_timeout(1500)

    page.get_by_role("button", name="Use for this screening").click()
    page.get_by_text("Screening: Backend Developer").wait_for()
    page.get_by_role("tab", name="Screen candidates").click()
    page.get_by_role("button", name="Try with sample resumes").click()
    page.get_by_text("Candidate detail").wait_for()
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Candidates").first
    assert metric.inner_text().split()[-1] == "17"

    page.get_by_role("tab", name="New role").click()
    button = page.get_by_role("button", name="Download drafted spec (YAML)")
    with page.expect_download() as download:
        button.click()
    path = tmp_path / "drafted.yaml"
    download.value.save_as(path)
    check = subprocess.run(
        [sys.executable, "-m", "screener", "spec", "validate", str(path)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    skills = {s["name"]: s for s in yaml.safe_load(path.read_text())["hard_skills"]}
    assert skills["Django"]["weight"] == 10
    assert "# line " in path.read_text()
