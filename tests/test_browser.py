"""The clinician's path in a real browser (Debian's Chromium driven by Playwright): the sandbox EHR
launches ChartRAG in an iframe (with 30-second tokens), questions are asked from the keyboard, a trend is
drawn with its reference band, yes/no and each kind of "not found" read distinctly, the EHR revokes the
token mid-session, and the CDS card says "and N more". axe-core (npm, WCAG 2.1 A/AA rules) checks the app
in each state and the card: zero serious or critical violations. Screenshots of the states are written
to docs/screenshots/ when CHARTRAG_SCREENSHOTS is set."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageStat

from tests.conftest import ALLEN_ID, EDYTHE_ID, GENERATED_LABS_ID, ROOT

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SHOTS = ("1-launched.png", "2-answer-with-source.png", "3-note-highlighted.png", "4-not-found.png",
         "5-trend-chart.png", "6-yes-no.png", "7-outside-the-period.png", "8-withheld-by-scope.png",
         "9-ehr-session-ended.png", "10-card-and-n-more.png")


def not_blank(path: Path) -> bool:
    image = Image.open(path).convert("L")
    return ImageStat.Stat(image).stddev[0] > 10 and len(image.getcolors(1 << 16) or []) > 20


def serious_violations(frame: Any, include: str | None = None) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations of impact serious or critical, as 'rule: target' lines."""
    if not frame.evaluate("() => typeof window.axe !== 'undefined'"):
        frame.add_script_tag(path=str(AXE))
    context = f"{{include: [[{include!r}]]}}" if include else "document"
    result = frame.evaluate(f"async () => await axe.run({context}, {{runOnly: {{type: 'tag', values: {WCAG}}}}})")
    return [f"{v['id']}: {n['target']}" for v in result["violations"] if v["impact"] in ("serious", "critical")
            for n in v["nodes"]]


@pytest.fixture(scope="module")
def browser() -> Any:
    from playwright.sync_api import sync_playwright

    if not AXE.exists():
        pytest.fail("axe-core is missing: run `bash scripts/setup.sh` (npm ci --prefix tests/browser)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    path = ROOT / "docs" / "screenshots" if os.environ.get("CHARTRAG_SCREENSHOTS") else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path


def chart_page(browser: Any, stack: dict[str, Any], patient: str, query: str = "") -> tuple[Any, Any, Any]:
    """A new EHR tab on the patient's chart (bypass_csp only so that axe can be injected)."""
    from playwright.sync_api import expect

    page = browser.new_context(viewport={"width": 1360, "height": 900}, bypass_csp=True).new_page()
    page.goto(f"{stack['ehr']}/ehr/patient/{patient}{query}")
    app = page.frame_locator("iframe[title=ChartRAG]")
    expect(app.locator("#question")).to_be_visible(timeout=30_000)
    return page, app, page.frame(name="chartrag")


def ask(app: Any, question: str) -> None:
    app.locator("#question").fill(question)
    app.locator("#question").press("Enter")  # keyboard-usable


def test_launch_ask_and_open_a_citation(browser: Any, stack: dict[str, Any], shots: Path) -> None:
    from playwright.sync_api import expect

    page, app, frame = chart_page(browser, stack, EDYTHE_ID, "?token_ttl=30")  # 30-second access tokens
    expect(app.locator(".banner")).to_contain_text("Edythe31")
    expect(page.locator(".cards .card")).to_contain_text("Chart summary")  # CDS card on chart open
    assert page.evaluate("() => document.querySelector('link[rel=icon]') !== null")
    assert serious_violations(frame) == []
    page.screenshot(path=str(shots / "1-launched.png"))

    ask(app, "How has the body weight changed since 2018?")
    expect(app.locator(".claim").first).to_be_visible(timeout=30_000)
    expect(app.locator(".confidence")).to_have_count(0)  # not calibrated on blind sets: not shown (README)
    expect(app.locator("figure.series svg")).to_be_visible()  # the trend, drawn
    app.locator(".chip").first.click()
    expect(app.locator("#source")).to_be_visible()
    expect(app.locator("#source-title")).to_contain_text("Observation/")
    page.screenshot(path=str(shots / "2-answer-with-source.png"))

    app.locator(".suggestion", has_text="last note").click()
    expect(app.locator(".claim").first).to_be_visible(timeout=30_000)
    app.locator(".chip").first.click()
    expect(app.locator("#source-text mark")).to_be_visible()
    page.screenshot(path=str(shots / "3-note-highlighted.png"))

    ask(app, "Has the patient ever been prescribed Warfarin Sodium 5 MG Oral Tablet?")
    expect(app.locator(".notfound.not_recorded")).to_be_visible(timeout=30_000)
    expect(app.locator(".notfound")).to_contain_text("Not recorded")
    assert serious_violations(frame) == []
    page.screenshot(path=str(shots / "4-not-found.png"))

    page.locator(".cds-link").first.click()  # the card's smart link relaunches ChartRAG in the frame
    expect(app.locator("#question")).to_have_value("", timeout=30_000)
    expect(app.locator(".banner")).to_contain_text("Edythe31")
    page.context.close()
    for name in SHOTS[:4]:
        assert not_blank(shots / name), name


def test_due_for_screening_shows_chart_and_guideline_citations_apart(browser: Any, stack: dict[str, Any],
                                                                     shots: Path) -> None:
    from playwright.sync_api import expect

    page, app, frame = chart_page(browser, stack, EDYTHE_ID)
    expect(page.locator(".cards .card")).to_contain_text("guideline rec")  # the card's recommendations
    expect(page.locator(".cards .card")).to_contain_text("Guideline: U.S. Preventive Services Task Force")
    ask(app, "Is she due for colorectal cancer screening?")
    guideline = app.locator(".claim.guideline").first
    expect(guideline).to_be_visible(timeout=30_000)
    expect(app.locator(".guideline-heading")).to_contain_text("not facts of this chart")
    expect(guideline.locator(".guideline-label")).to_contain_text("Guideline: U.S. Preventive Services Task Force")
    expect(guideline.locator(".guideline-label")).to_contain_text("version 2021-05-18")
    chart = app.locator(".claim:not(.guideline)", has_text="Age 52")
    expect(chart).to_be_visible()
    # the chart's chips are plain numbers; a guideline's read "G…" and open the guideline passage, not the chart
    expect(chart.locator(".chip").first).not_to_have_class("chip guideline")
    guideline.locator(".chip.guideline").first.click()
    expect(app.locator("#source-title")).to_contain_text("Guideline — U.S. Preventive Services Task Force")
    expect(app.locator("#source-meta")).to_contain_text("Recommendation Summary")
    chart.locator(".chip").first.click()
    expect(app.locator("#source-title")).to_contain_text("Patient/")
    assert serious_violations(frame) == []
    page.screenshot(path=str(shots / "11-chart-and-guideline.png"))
    page.context.close()
    assert not_blank(shots / "11-chart-and-guideline.png")


def test_trend_chart_yes_no_and_not_found_kinds(browser: Any, stack: dict[str, Any], shots: Path) -> None:
    from playwright.sync_api import expect

    page, app, frame = chart_page(browser, stack, GENERATED_LABS_ID)
    ask(app, "How has the potassium changed over time?")
    chart = app.locator("figure.series svg")
    expect(chart).to_be_visible(timeout=30_000)
    expect(chart.locator("rect.band")).to_have_count(1)  # the recorded reference range
    assert chart.locator("circle.point").count() >= 2
    expect(app.locator("figure.series figcaption")).to_contain_text("reference range 3.5–5.1 mmol/L")
    flagged = chart.locator("circle.point.flagged")
    assert flagged.count() >= 1 and "(High)" in (flagged.first.get_attribute("aria-label") or "")
    flagged.first.focus()
    flagged.first.press("Enter")  # a point is a citation, opened from the keyboard
    expect(app.locator("#source-title")).to_contain_text("Observation/")
    expect(app.locator("#source-text")).to_contain_text("Interpretation: High")
    assert serious_violations(frame) == []
    page.screenshot(path=str(shots / "5-trend-chart.png"))

    ask(app, "Is the patient on warfarin?")
    expect(app.locator(".claim").first).to_be_visible(timeout=30_000)
    assert (app.locator(".claim").first.text_content() or "").startswith("Yes — ")
    page.screenshot(path=str(shots / "6-yes-no.png"))

    ask(app, "What was the potassium in 2010?")
    box = app.locator(".notfound.outside_window")
    expect(box).to_be_visible(timeout=30_000)
    expect(box).to_contain_text("Not in the period asked")
    expect(box).to_contain_text("The latest:")
    assert serious_violations(frame) == []
    page.screenshot(path=str(shots / "7-outside-the-period.png"))
    page.context.close()

    page, app, frame = chart_page(browser, stack, GENERATED_LABS_ID, "?scope=patient/Condition.rs")
    expect(app.locator(".banner")).to_contain_text("Patient in context")
    expect(app.locator(".scope-note")).to_contain_text("may read only: Condition")
    ask(app, "What was the most recent potassium?")
    withheld = app.locator(".notfound.withheld")
    expect(withheld).to_be_visible(timeout=30_000)
    expect(withheld).to_contain_text("Withheld by this session's access")
    assert serious_violations(frame) == []
    page.screenshot(path=str(shots / "8-withheld-by-scope.png"))
    page.context.close()
    for name in SHOTS[4:8]:
        assert not_blank(shots / name), name


def test_ehr_revokes_the_token_mid_session_and_the_card_says_and_n_more(
    browser: Any, stack: dict[str, Any], shots: Path
) -> None:
    from playwright.sync_api import expect

    page, app, frame = chart_page(browser, stack, ALLEN_ID)
    card = page.locator(".cards .card").first
    expect(card).to_contain_text("10 active problems")
    expect(card).to_contain_text("and 4 more")
    expect(card).to_contain_text("still marked active")
    assert card.locator("ol li a").count() >= 6  # a footnote link per cited resource
    assert serious_violations(page, ".cards") == []
    page.screenshot(path=str(shots / "10-card-and-n-more.png"))

    ask(app, "What allergies are documented?")
    expect(app.locator(".claim, .notfound").first).to_be_visible(timeout=30_000)
    revoked = page.request.post(f"{stack['ehr']}/ehr/patient/{ALLEN_ID}/revoke", max_redirects=0)
    assert revoked.status == 303  # the EHR ended every token for this chart; the page itself stays
    ask(app, "What medications are currently active?")
    ended = app.locator(".ended")
    expect(ended).to_be_visible(timeout=30_000)
    expect(ended).to_contain_text("Your EHR session ended")
    expect(ended).to_contain_text("Relaunch ChartRAG from the patient's chart")
    expect(app.locator("#question")).to_be_disabled()
    assert serious_violations(frame) == []
    page.screenshot(path=str(shots / "9-ehr-session-ended.png"))
    page.context.close()
    for name in SHOTS[8:]:
        assert not_blank(shots / name), name


def test_the_sandbox_new_data_menu_fits_its_panel(browser: Any) -> None:
    from sandbox_ehr.app import create_sandbox
    from tests.conftest import SYNTHEA
    from tests.servers import free_port, serving

    port = free_port()
    sandbox = create_sandbox(SYNTHEA, f"http://127.0.0.1:{port}", "http://127.0.0.1:9",
                             notify=("http://127.0.0.1:9/fhir/notify", "secret"))
    with serving(sandbox, port) as url:
        page = browser.new_page(viewport={"width": 1360, "height": 900})
        page.goto(f"{url}/ehr/patient/{EDYTHE_ID}")
        panel = page.locator("aside").bounding_box()
        for control in (".new select", ".new input[name=value]", ".new textarea", ".revoke button"):
            box = page.locator(control).bounding_box()
            assert panel and box and box["x"] >= panel["x"] and box["x"] + box["width"] <= panel["x"] + panel["width"], control
        page.close()
