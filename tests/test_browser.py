"""The clinician's path in a real browser (Debian's Chromium driven by Playwright): the sandbox EHR
launches ChartRAG in an iframe, a question is asked, a citation chip opens its source. Screenshots of
the main states are written to docs/screenshots/ when CHARTRAG_SCREENSHOTS is set."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageStat

from tests.conftest import EDYTHE_ID, ROOT

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def not_blank(path: Path) -> bool:
    image = Image.open(path).convert("L")
    return ImageStat.Stat(image).stddev[0] > 10 and len(image.getcolors(1 << 16) or []) > 20


def test_launch_ask_and_open_a_citation(stack: dict[str, Any], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = ROOT / "docs" / "screenshots" if os.environ.get("CHARTRAG_SCREENSHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1360, "height": 860})
        page.goto(f"{stack['ehr']}/ehr/patient/{EDYTHE_ID}")
        app = page.frame_locator("iframe[title=ChartRAG]")
        expect(app.locator("#question")).to_be_visible(timeout=30_000)
        expect(app.locator(".banner")).to_contain_text("Edythe31")
        expect(page.locator(".cards .card")).to_contain_text("Chart summary")  # CDS card on chart open
        page.screenshot(path=str(shots / "1-launched.png"))

        app.locator("#question").fill("How has the body weight changed since 2018?")
        app.locator("#question").press("Enter")  # keyboard-usable
        expect(app.locator(".claim").first).to_be_visible(timeout=30_000)
        expect(app.locator(".confidence")).to_be_visible()
        app.locator(".chip").first.click()
        expect(app.locator("#source")).to_be_visible()
        expect(app.locator("#source-title")).to_contain_text("Observation/")
        page.screenshot(path=str(shots / "2-answer-with-source.png"))

        app.locator(".suggestion", has_text="last note").click()
        expect(app.locator(".claim").first).to_be_visible(timeout=30_000)
        app.locator(".chip").first.click()
        expect(app.locator("#source-text mark")).to_be_visible()
        page.screenshot(path=str(shots / "3-note-highlighted.png"))

        app.locator("#question").fill("Has the patient ever been prescribed Warfarin Sodium 5 MG Oral Tablet?")
        app.locator("#ask-button").click()
        expect(app.locator(".notfound")).to_be_visible(timeout=30_000)
        page.screenshot(path=str(shots / "4-not-found.png"))

        page.locator(".cds-link").first.click()  # the card's smart link relaunches ChartRAG in the frame
        expect(app.locator("#question")).to_have_value("", timeout=30_000)
        expect(app.locator(".banner")).to_contain_text("Edythe31")
        browser.close()
    for name in ("1-launched.png", "2-answer-with-source.png", "3-note-highlighted.png", "4-not-found.png"):
        assert not_blank(shots / name), name
