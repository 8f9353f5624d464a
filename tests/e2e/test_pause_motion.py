"""Pauze in Chromium when the system asks for less motion: text and a bar, no breathing circle."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import open_page, screenshot


@pytest.mark.parametrize(
    ("reduced_motion", "circles"),
    [
        # the browser says nothing: the breathing circle guides
        (False, 1),
        # the system asks for less motion (read with SemanticsService): no circle
        (True, 0),
    ],
)
def test_system_reduce_motion_replaces_the_circle(browser, app, reduced_motion, circles):
    with open_page(browser, app.url, reduced_motion=reduced_motion) as (page, _):
        page.get_by_role("button", name="Pauze nu").first.click(timeout=30_000)
        expect(page.get_by_role("button", name="Stop pauze")).to_be_visible()
        # the phase word and the bar are there either way
        expect(page.get_by_text("Verstreken tijd")).to_have_count(1)
        expect(page.get_by_text("Ademcirkel")).to_have_count(circles)
        screenshot(page, f"pause-running-reduced-{reduced_motion}".lower())
