"""The web dashboard in a real headless Chromium (Debian's package, driven by Playwright)
against `dyad serve`'s app on a real socket and a store built from the bundled corpus:
load, filter, open an event, check the highlighted words, and save a screenshot. Every
request the page makes must go to the server itself."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .test_api import STORED, server  # noqa: F401  (the API server fixture, on the bundled corpus)

SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "dashboard.png"
BROWSER_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        import playwright  # noqa: F401
    except ImportError:
        found = None
    if not found:
        message = "needs Debian's chromium and the playwright package (.ci/run installs both)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def page(server):  # noqa: F811
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        outside: list[str] = []
        page.on("request", lambda request: None if request.url.startswith(server) else outside.append(request.url))
        page.goto(server + "/")
        page.wait_for_selector("#events tr")
        page.outside = outside
        yield page
        browser.close()


def test_the_page_lists_events_and_draws_the_map_and_network(page):
    assert page.locator("#events tr").count() == 25
    assert f"of {STORED['events']}" in page.inner_text("#page")
    page.wait_for_selector("#map svg path[data-country]")
    page.wait_for_selector("#network svg text.node")
    assert page.locator("#network svg line").count() > 3


def test_filtering_narrows_the_table(page):
    page.fill("input[name=country]", "USA")
    page.select_option("select[name=root]", "19")
    page.click("#apply")
    page.wait_for_function(
        f"document.querySelector('#page').textContent.indexOf('of {STORED['events']}') < 0")
    rows = page.locator("#events tr")
    assert 0 < rows.count() < 25
    codes = [rows.nth(i).locator("td").nth(2).inner_text() for i in range(rows.count())]
    assert all(code.startswith("19") for code in codes)


def test_opening_an_event_highlights_actor_action_and_target(page):
    rows = page.locator("#events tr")
    with_source = 0
    for i in range(min(rows.count(), 5)):  # a source named by a pronoun is not marked
        rows.nth(i).click()
        page.wait_for_function(f"document.querySelector('#events tr.selected') === "
                               f"document.querySelectorAll('#events tr')[{i}]")
        page.wait_for_selector("#sentence mark.trigger")
        selected = page.locator("#events tr.selected td")
        page.wait_for_function("(t) => document.querySelector('#sentence mark.trigger').textContent === t",
                               arg=selected.nth(4).inner_text())
        if page.locator("#sentence mark.source").count():
            with_source += 1
            assert page.inner_text("#sentence mark.source").strip()
            break
    assert with_source, "no event of the first five had its source marked"
    page.wait_for_selector("#timeline svg rect")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 50_000


def test_the_page_asked_nothing_of_the_internet(page):
    assert page.outside == []
