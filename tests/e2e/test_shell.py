"""The first journey: the app opens on Pauze, one tap from a pause, and every destination works."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import AppProcess, open_page, screenshot

DESTINATIONS = [
    # (tab name, path the URL shows)
    ("Begrijpen", "/understand"),
    ("Plannen", "/plan"),
    ("Instellingen", "/settings"),
    ("Pauze", "/"),
]


@pytest.fixture
def app(tmp_path):
    """The app with the web renderer people get (the other journeys use CanvasKit)."""
    process = AppProcess(data_dir=tmp_path / "data", renderer=None).start()
    yield process
    process.stop()


def test_opens_on_pause_and_reaches_every_destination(browser, app):
    with open_page(browser, app.url) as (page, outside):
        pause_now = page.get_by_role("button", name="Pauze nu")
        expect(pause_now.first).to_be_visible(timeout=30_000)
        screenshot(page, "home-nl")

        for tab, path in DESTINATIONS:
            page.get_by_role("tab", name=tab, exact=True).click()
            expect(page).to_have_url(re.compile(re.escape(app.url + path) + r"(\?.*)?$"))
            # Reading and planning screens carry the floating one-tap pause too.
            if path in ("/understand", "/plan", "/"):
                expect(page.get_by_role("button", name="Pauze nu").first).to_be_visible()
            expect(page.get_by_role("tab", name=tab, exact=True)).to_have_attribute(
                "aria-selected", "true"
            )

        # The browser's back button returns to the previous screen.
        page.go_back()
        expect(page).to_have_url(re.compile(re.escape(app.url + "/settings") + "$"))
        assert outside.unexpected() == [], outside.unexpected()


def test_deep_link_opens_that_screen(browser, app):
    with open_page(browser, app.url + "/plan") as (page, outside):
        expect(page.get_by_role("tab", name="Plannen", exact=True)).to_have_attribute(
            "aria-selected", "true", timeout=30_000
        )
        expect(page.get_by_role("button", name="Pauze nu").first).to_be_visible()
        assert outside.unexpected() == []


def test_english_when_asked(browser, tmp_path):
    from tests.e2e.browser import AppProcess

    process = AppProcess(data_dir=tmp_path / "en", lang="en").start()
    try:
        with open_page(browser, process.url, locale="en-GB") as (page, _):
            expect(page.get_by_role("button", name="Pause now").first).to_be_visible(timeout=30_000)
            expect(page.get_by_role("tab", name="Understand", exact=True)).to_be_visible()
    finally:
        process.stop()
