"""Pauze in Chromium: one tap to a guided breath, stop, rate, and a history that remembers."""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from domain.pause.record import PauseRecord
from storage import Store
from storage.pause_repository import PauseRepository
from tests.e2e.browser import enable_semantics, free_port, open_page, screenshot

WEEK_ZERO = "Deze week: 0 herstelmomenten, 0 minuten"
WEEK_ONE = "Deze week: 1 herstelmoment, 1 minuut"


def on_screen(page, text: str):
    """The text as drawn on screen (live regions also copy it into an announcement node)."""
    return page.locator("span").filter(has_text=re.compile(f"^{re.escape(text)}$"))


def stored_pauses(app) -> list[PauseRecord]:
    """What the app kept on disk, read after the app has let go of its folder."""
    app.stop()
    store = Store.open(app.data_dir)
    try:
        return PauseRepository(store).all()
    finally:
        store.close()


def start_pause(page) -> float:
    expect(on_screen(page, WEEK_ZERO)).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Pauze nu").first.click()
    started = time.monotonic()
    expect(page.get_by_role("button", name="Stop pauze")).to_be_visible()
    return started


def wait_until(page, started: float, seconds: float) -> None:
    # page.wait_for_timeout keeps Playwright's event loop turning (time.sleep would not).
    left = seconds - (time.monotonic() - started)
    if left > 0:
        page.wait_for_timeout(left * 1000)


def test_pause_now_counts_after_thirty_seconds_and_survives_a_restart(browser, app):
    with open_page(browser, app.url) as (page, outside):
        started = start_pause(page)
        # the phase word changes at least twice: in, out, in again
        expect(on_screen(page, "In")).to_be_visible()
        expect(on_screen(page, "Uit")).to_be_visible(timeout=8_000)
        screenshot(page, "pause-running-out")
        expect(on_screen(page, "In")).to_be_visible(timeout=10_000)
        wait_until(page, started, 31)
        page.get_by_role("button", name="Stop pauze").click()
        expect(page.get_by_role("heading", name=re.compile("Hoe gespannen"))).to_be_visible()
        page.get_by_role("button", name="Spanning 3 van 10", exact=True).click()
        expect(on_screen(page, WEEK_ONE)).to_be_visible(timeout=10_000)
        assert outside.unexpected() == [], outside.unexpected()

    # A restart on a fresh port: the old port can linger in TIME_WAIT for a while.
    app.stop()
    app.port = free_port()
    app.start()
    with open_page(browser, app.url) as (page, _):
        expect(on_screen(page, WEEK_ONE)).to_be_visible(timeout=30_000)

    (record,) = stored_pauses(app)
    assert (record.kind, record.planned_seconds, record.completed) == ("calm", 60, False)
    assert 30 <= record.actual_seconds < 40
    assert record.rating == 3


def test_a_ten_second_pause_is_kept_but_not_counted(browser, app):
    with open_page(browser, app.url) as (page, _):
        started = start_pause(page)
        wait_until(page, started, 10)
        page.get_by_role("button", name="Stop pauze").click()
        page.get_by_role("button", name="Overslaan").click()
        expect(on_screen(page, WEEK_ZERO)).to_be_visible(timeout=10_000)
        # The screen is drawn before the address bar catches up; reload only once it has.
        expect(page).to_have_url(app.url + "/")
        page.reload()
        enable_semantics(page)
        expect(on_screen(page, WEEK_ZERO)).to_be_visible(timeout=30_000)

    (record,) = stored_pauses(app)
    assert 10 <= record.actual_seconds < 15
    assert (record.completed, record.rating) == (False, None)
