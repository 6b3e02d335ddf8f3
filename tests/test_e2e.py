"""End to end in a real browser: Debian's Chromium driven by Playwright against `streamlit run`."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"),
        reason="Debian chromium not installed (CI installs it)",
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def streamlit_server(env: dict[str, str] | None = None) -> Iterator[str]:
    """`streamlit run` the app on a free port until the block ends; yields its URL."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("streamlit did not start within 60 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def app_url():
    with streamlit_server() as url:
        yield url


@pytest.fixture
def page(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1500, "height": 1000}, accept_downloads=True)
        page.set_default_timeout(60_000)
        page.goto(app_url, wait_until="networkidle")
        yield page
        browser.close()


THREE_SAMPLES = ["python_django_graduate.md", "java_spring_new_grad.docx", "marketing_manager.txt"]


def upload_samples(page, names: list[str]) -> None:
    """Put sample resumes into the app's resume uploader."""
    uploader = page.locator('[data-testid="stFileUploader"]').filter(has_text="Upload resumes")
    uploader.locator('input[type="file"]').set_input_files([str(SAMPLES / n) for n in names])


def wait_for_rerun(page) -> None:
    """Until Streamlit's "Running..." status has come and gone (or 10 s): a click made
    while a rerun is still drawing the page can be lost."""
    page.wait_for_timeout(500)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=10_000)


def test_upload_rank_open_and_download_shortlist(page, tmp_path):
    upload_samples(page, THREE_SAMPLES)
    page.get_by_text("Candidate detail").wait_for()
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Candidates").first
    assert metric.inner_text().split()[-1] == "3"

    # open a candidate: pick the marketing resume and read its skill matches and plan
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Candidate").last.click()
    page.keyboard.type("marketing")
    page.keyboard.press("Enter")
    page.get_by_text("Missing must-have: SQL").wait_for()
    page.get_by_role("tab", name="Interview plan").click()
    page.get_by_text("Round 1: Screening call (20 min)").wait_for()  # weak: a short call first

    # tick the top candidate in the ranking grid (a canvas), then download the shortlist
    grid = page.locator('[data-testid="stDataFrame"]').filter(has_text="Shortlist").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 40, box["y"] + 35 + 17)
    button = page.get_by_role("button", name="Download shortlist CSV (1)")
    button.wait_for()
    wait_for_rerun(page)  # a click while the tick's rerun draws the page started no download
    with page.expect_download() as download:
        button.click()
    path = tmp_path / "shortlist.csv"
    download.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    assert [r["candidate"] for r in rows] == ["java_spring_new_grad.docx"]
    assert float(rows[0]["score"]) > 60


def test_resume_tab_keeps_lines_and_blind_view_hides_names(page):
    uploader = page.locator('[data-testid="stFileUploader"]').filter(has_text="Upload resumes")
    uploader.locator('input[type="file"]').set_input_files(
        [str(SAMPLES / "node_bootcamp_graduate.txt")]
    )
    page.get_by_text("Candidate detail").wait_for()
    page.get_by_role("tab", name="Resume").click()
    lines = page.locator(".resume .line")
    lines.first.wait_for()
    expected = (SAMPLES / "node_bootcamp_graduate.txt").read_text(encoding="utf-8").split("\n")
    assert lines.count() == len(expected)  # one block per line, blank lines included
    assert lines.nth(0).locator(".ln").inner_text() == "1"
    assert lines.nth(0).inner_text() == "1MARCUS OKAFOR"  # the number is its own block
    assert (
        lines.nth(1).locator(".ln").inner_text() == "2" and "Atlanta" in lines.nth(1).inner_text()
    )
    box_1, box_2 = (lines.nth(i).bounding_box() for i in (0, 1))
    assert box_1 and box_2 and box_2["y"] > box_1["y"] + 10  # separate rows, not one paragraph
    used = lines.nth(13).locator("mark.used").first
    assert used.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(165, 214, 167)"
    legend = page.locator(".resume").filter(has_text="Highlights:").first
    assert "used in work or projects" in legend.inner_text()
    assert "only listed or mentioned" in legend.inner_text()

    page.get_by_text("Blind screening").click()
    page.get_by_text("names hidden in blind mode").first.wait_for()
    page.locator(".resume .line").first.wait_for()
    page.wait_for_timeout(1000)
    body = page.locator("body").inner_text()
    for personal in ("MARCUS", "Okafor", "node_bootcamp", "marcus.okafor@example.com"):
        assert personal not in body, personal
    assert page.locator(".resume .line").nth(0).inner_text() == "1[name]"
