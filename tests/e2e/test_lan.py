"""--lan in Chromium: without the token a page sees only "Geen toegang" and no data reaches it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from domain.plan.items import new_item
from storage import Store
from storage.access_token import TOKEN_FILE
from storage.planner_repository import PlannerRepository
from tests.e2e.browser import AppProcess, open_page, screenshot

SECRET_TITLE = "Gesprek met de bedrijfsarts"


@pytest.fixture
def lan_app(tmp_path: Path) -> Iterator[AppProcess]:
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        item = new_item(title=SECRET_TITLE, day=date.today(), start="10:00", minutes=45)
        PlannerRepository(store).save_item(item)
    process = AppProcess(data_dir=data_dir, extra_args=["--lan"]).start()
    yield process
    process.stop()


def token_of(process: AppProcess) -> str:
    return (process.data_dir / TOKEN_FILE).read_text().strip()


def frames_seen(page) -> list[bytes]:
    """Every websocket frame the server sends to this page, as bytes."""
    frames: list[bytes] = []

    def on_socket(ws) -> None:
        ws.on(
            "framereceived",
            lambda payload: frames.append(
                payload if isinstance(payload, bytes) else payload.encode()
            ),
        )

    page.on("websocket", on_socket)
    return frames


@pytest.mark.parametrize(
    "query",
    [
        "",  # no token at all
        "?token=wrong-but-long-enough-to-look-real",  # a guessed token
        "?tok=",  # an empty, misspelt parameter
    ],
)
def test_without_the_right_token_a_page_sees_no_access_and_no_data(browser, lan_app, query):
    with open_page(browser, lan_app.url + "/plan" + query) as (page, outside):
        expect(page.get_by_text("Geen toegang")).to_be_visible(timeout=30_000)
        expect(page.get_by_role("button", name="Pauze nu")).to_have_count(0)
        expect(page.get_by_role("tab")).to_have_count(0)
        screenshot(page, "lan-no-access")
        assert outside.unexpected() == []


def test_no_data_travels_to_a_page_without_the_token(browser, lan_app):
    context = browser.new_context()
    page = context.new_page()
    try:
        frames = frames_seen(page)
        page.goto(lan_app.url + "/plan")
        page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
        page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
        expect(page.get_by_text("Geen toegang")).to_be_visible(timeout=30_000)
        assert frames, "the page should have talked to the server"
        assert not any(SECRET_TITLE.encode() in frame for frame in frames)
    finally:
        context.close()


def test_with_the_token_the_page_opens_on_pause_and_keeps_access(browser, lan_app):
    url = f"{lan_app.url}/?token={token_of(lan_app)}"
    with open_page(browser, url) as (page, outside):
        expect(page.get_by_role("button", name="Pauze nu").first).to_be_visible(timeout=30_000)
        # The query string is gone after the first navigation; the session keeps its access.
        page.get_by_role("tab", name="Plannen", exact=True).click()
        expect(page.get_by_text(SECRET_TITLE).first).to_be_visible(timeout=15_000)
        # The screen is drawn before the address bar catches up; wait for the address too.
        expect(page).not_to_have_url(re.compile("token="))
        screenshot(page, "lan-with-token")
        assert outside.unexpected() == []


def test_the_terminal_shows_the_link_with_its_token_and_a_qr_code(lan_app):
    log = lan_app.log()
    token = token_of(lan_app)
    assert f"?token={token}" in log
    assert "\u2588" in log or "\u2580" in log  # the QR code's block characters
    assert "--new-token" in log


def test_the_token_survives_a_restart_and_new_token_replaces_it(browser, lan_app):
    first = token_of(lan_app)
    lan_app.restart()
    assert token_of(lan_app) == first  # a bookmarked link keeps working

    lan_app.stop()
    lan_app.extra_args = ["--lan", "--new-token"]
    lan_app.start()
    second = token_of(lan_app)
    assert second != first
    with open_page(browser, f"{lan_app.url}/?token={first}") as (page, _):
        expect(page.get_by_text("Geen toegang")).to_be_visible(timeout=30_000)
    with open_page(browser, f"{lan_app.url}/?token={second}") as (page, _):
        expect(page.get_by_role("button", name="Pauze nu").first).to_be_visible(timeout=30_000)


def test_a_non_loopback_host_needs_the_token_too(browser, tmp_path):
    process = AppProcess(data_dir=tmp_path / "data", extra_args=["--host", "0.0.0.0"]).start()
    try:
        assert (process.data_dir / TOKEN_FILE).exists()
        with open_page(browser, process.url) as (page, _):
            expect(page.get_by_text("Geen toegang")).to_be_visible(timeout=30_000)
    finally:
        process.stop()


def test_the_default_stays_on_this_computer_without_a_token(browser, app):
    assert not (app.data_dir / TOKEN_FILE).exists()
    with open_page(browser, app.url) as (page, _):
        expect(page.get_by_role("button", name="Pauze nu").first).to_be_visible(timeout=30_000)


@pytest.mark.parametrize(
    ("argv", "host", "token"),
    [
        ([], "127.0.0.1", False),  # the default: this computer only, no token
        (["--lan"], "0.0.0.0", True),  # every interface, with the token
        (["--lan", "--host", "192.168.1.20"], "192.168.1.20", True),  # one LAN interface
        (["--host", "0.0.0.0"], "0.0.0.0", True),  # reachable from the LAN: token too
        (["--host", "::"], "::", True),
        (["--host", "localhost"], "localhost", False),  # still only this computer
        (["--host", "127.0.0.2"], "127.0.0.2", False),
        (["--desktop"], "127.0.0.1", False),  # a native window has no address to reach
    ],
)
def test_which_starts_need_the_token(argv, host, token):
    import main

    args = main.parse_args(argv)
    assert main.choose_host(args) == host
    assert main.needs_token(args, main.choose_host(args)) is token
