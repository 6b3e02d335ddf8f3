"""Take README screenshots of the running app with headless Chromium (Playwright).

Usage: python scripts/screenshots.py http://localhost:8501 docs/
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(url: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.goto(url, wait_until="networkidle")
        page.get_by_role("button", name="Try with sample resumes").click()
        page.get_by_text("Candidate detail").wait_for(timeout=60_000)
        page.wait_for_timeout(2500)
        page.screenshot(path=str(out / "ranking.png"), full_page=False)
        page.get_by_text("Candidate detail").scroll_into_view_if_needed()
        page.get_by_role("tab", name="Skill matches").click()
        page.wait_for_timeout(1500)
        page.get_by_text("Candidate detail").evaluate("e => e.scrollIntoView()")
        page.wait_for_timeout(500)
        page.screenshot(path=str(out / "candidate.png"), full_page=False)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
