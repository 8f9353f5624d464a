"""Pauze in Chromium: one tap to a guided breath, stop, rate, and a history that remembers."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import expect

from domain.pause.record import PauseRecord
from domain.settings.preferences import Settings
from storage import Store
from storage.pause_repository import PauseRepository
from storage.settings_repository import SettingsRepository
from tests.e2e.browser import AppProcess, enable_semantics, free_port, open_page, screenshot
from views.pause.device_clock import SPEED as PAUSE_CLOCK_SPEED

# Resolves (in the page) when the text is drawn, with the page's wall clock (ms since 1970).
NOTE_WHEN_SHOWN_JS = """
(text) => { window.__shownAt = null;
  const found = () => [...document.querySelectorAll('span')]
      .some((el) => el.textContent.trim() === text && el.children.length === 0);
  const observer = new MutationObserver(() => {
    if (found()) { window.__shownAt = Date.now(); observer.disconnect(); }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
}
"""
# Flutter's web engine hears the app come and go through the page's visibility.
SET_VISIBILITY_JS = """
(state) => {
  Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => state});
  Object.defineProperty(document, 'hidden', {configurable: true, get: () => state === 'hidden'});
  document.dispatchEvent(new Event('visibilitychange'));
}
"""

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


def cue_requests(page) -> list:
    """Every request for a sound cue the page makes from now on (finished ones)."""
    found: list = []
    page.on("requestfinished", lambda r: found.append(r) if "/sounds/" in r.url else None)
    return found


@contextmanager
def app_with(tmp_path: Path, settings: Settings, monkeypatch, **env: str) -> Iterator[AppProcess]:
    """The real app on data that starts with `settings`, its process given `env`."""
    data = tmp_path / "data"
    store = Store.open(data)
    try:
        SettingsRepository(store).save(settings)
    finally:
        store.close()
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    process = AppProcess(data_dir=data).start()
    try:
        yield process
    finally:
        process.stop()


def test_pause_now_counts_after_thirty_seconds_and_survives_a_restart(browser, app):
    with open_page(browser, app.url) as (page, outside):
        cues = cue_requests(page)
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
        # Geluid is off by default: not one sound file was fetched in a whole pause
        assert [r.url for r in cues] == []

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


def test_with_sound_on_each_tone_is_fetched_once_before_the_first_breath(
    browser, tmp_path, monkeypatch
):
    with (
        app_with(tmp_path, Settings(sound=True), monkeypatch) as app,
        open_page(browser, app.url) as (page, _),
    ):
        # From the start of a session: the home screen fetches the tones while it is idle.
        cues = cue_requests(page)
        page.reload()
        enable_semantics(page)
        expect(on_screen(page, WEEK_ZERO)).to_be_visible(timeout=30_000)
        for _ in range(50):  # until the three have come in (each a few KB)
            if len(cues) >= 3:
                break
            page.wait_for_timeout(100)
        page.evaluate(NOTE_WHEN_SHOWN_JS, "In")
        page.get_by_role("button", name="Pauze nu").first.click()
        expect(on_screen(page, "In")).to_be_visible()
        # the out-breath plays its tone from the file fetched before: no new request
        expect(on_screen(page, "Uit")).to_be_visible(timeout=8_000)
        shown_at = page.evaluate("() => window.__shownAt")
        fetched = sorted(Path(r.url).name for r in cues)
        assert fetched == ["bell.wav", "in.wav", "out.wav"], fetched
        # each asked for before the first phase word was drawn, so no cue lags its phase
        started = {Path(r.url).name: r.timing["startTime"] for r in cues}
        assert shown_at is not None
        assert all(at <= shown_at for at in started.values()), (started, shown_at)


def test_a_page_hidden_and_shown_again_shows_where_the_pause_is(browser, tmp_path, monkeypatch):
    # Tests only: the pause's clock runs five times faster and its loop sleeps five times too
    # long, so the loop falls far behind, as a phone's does with the screen off; four seconds
    # away are twenty in the pause.
    speed = {PAUSE_CLOCK_SPEED: "5"}
    with (
        app_with(tmp_path, Settings(), monkeypatch, **speed) as app,
        open_page(browser, app.url) as (page, _),
    ):
        # The first tap, the moment Pauze nu is there: the breath shows at once.
        page.get_by_role("button", name="Pauze nu").first.click(timeout=30_000)
        expect(on_screen(page, "In")).to_be_visible()
        expect(on_screen(page, "nog 1:00")).to_be_visible()
        page.evaluate(SET_VISIBILITY_JS, "hidden")
        page.wait_for_timeout(4_000)
        page.evaluate(SET_VISIBILITY_JS, "visible")
        # On its own the loop would look again only some 17 s after the tap, still showing
        # "nog 1:00": what shows now came from coming back. Twenty-odd seconds in.
        left = page.locator("span").filter(has_text=re.compile(r"^nog 0:[234]\d$")).first
        expect(left).to_be_visible(timeout=3_000)
        taken = 60 - int(left.inner_text().strip()[-2:])
        # 4 s in, 6 s out: the word shown is the one for that moment
        expect(on_screen(page, "In" if taken % 10 < 4 else "Uit")).to_be_visible()
