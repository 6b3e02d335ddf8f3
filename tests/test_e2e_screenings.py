"""A saved screening in a real browser, reopened from a second `streamlit run` process."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from tests.test_e2e import (
    ARGS,
    CHROMIUM,
    THREE_SAMPLES,
    streamlit_server,
    upload_samples,
    wait_for_rerun,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"),
        reason="Debian chromium not installed (CI installs it)",
    ),
]
NOTE = "Clear API design; ask about testing"


def _server(db: Path) -> contextlib.AbstractContextManager[str]:
    return streamlit_server(os.environ | {"SCREENER_SCREENINGS_DB": str(db)})


@contextlib.contextmanager
def _page(url: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.set_default_timeout(60_000)
        page.goto(url, wait_until="networkidle")
        yield page
        browser.close()


def _choose(page, label: str, text: str) -> None:
    page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first.click()
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_ticks_and_note_come_back_in_a_new_server_process(tmp_path):
    db = tmp_path / "screenings.sqlite3"
    with _server(db) as url, _page(url) as page:
        page.get_by_label("New screening name").fill("Browser Q1")
        page.get_by_label("New screening name").press("Enter")
        page.get_by_role("button", name="Start new screening").click()
        page.get_by_text("Saved screening Browser Q1").wait_for()
        upload_samples(page, THREE_SAMPLES)
        page.get_by_text("Candidate detail").wait_for()
        grid = page.locator('[data-testid="stDataFrame"]').filter(has_text="Shortlist").first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 40, box["y"] + 35 + 17)
        page.get_by_text("1 shortlisted.").wait_for()
        page.mouse.click(box["x"] + 40, box["y"] + 35 + 17 + 35)
        page.get_by_text("2 shortlisted.").wait_for()
        wait_for_rerun(page)
        note = page.get_by_label("Note", exact=True)
        note.scroll_into_view_if_needed()
        note.fill(NOTE)
        page.get_by_role("button", name="Save decision and note").click()
        page.get_by_text("Decision and note saved.").wait_for()

    with _server(db) as url, _page(url) as page:
        _choose(page, "Saved screening", "Browser Q1")
        page.get_by_text("2 shortlisted.").wait_for()
        metric = page.locator('[data-testid="stMetric"]').filter(has_text="Candidates").first
        assert metric.inner_text().split()[-1] == "3"
        note = page.get_by_label("Note", exact=True)
        note.scroll_into_view_if_needed()
        assert note.input_value() == NOTE
        page.screenshot(path=str(tmp_path / "reopened.png"), full_page=True)
