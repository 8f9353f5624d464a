"""Journeys through Begrijpen in real Chromium: read on, restart, resume; self-check to a tool."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.browser import AppProcess, open_page, screenshot

FIRST_TITLE = "De avond waarop je lijf niet meedoet"
FOURTH_TITLE = "Denkpatronen die spanning vasthouden"


def open_understand(page) -> None:
    page.get_by_role("tab", name="Begrijpen", exact=True).click(timeout=30_000)
    expect(page.get_by_role("button", name="Volgende", exact=True)).to_be_visible()


def test_read_three_steps_restart_and_resume(browser, app: AppProcess):
    with open_page(browser, app.url) as (page, outside):
        open_understand(page)
        expect(page.get_by_text(FIRST_TITLE)).to_be_visible()
        expect(page.get_by_text("Kaart 1 van 13")).to_be_attached()
        for step in (2, 3, 4):
            page.get_by_role("button", name="Volgende", exact=True).click()
            expect(page.get_by_text(f"Kaart {step} van 13")).to_be_attached()
        expect(page.get_by_text(FOURTH_TITLE)).to_be_visible()
        assert outside.unexpected() == []

    app.restart()

    with open_page(browser, app.url) as (page, _):
        open_understand(page)
        expect(page.get_by_text(FOURTH_TITLE)).to_be_visible()
        expect(page.get_by_text("Kaart 4 van 13")).to_be_attached()
        # the card title is announced as a heading
        expect(page.get_by_role("heading", name=FOURTH_TITLE)).to_be_attached()
        page.get_by_role("button", name="Vorige", exact=True).click()
        expect(page.get_by_text("Kaart 3 van 13")).to_be_attached()
        screenshot(page, "understand-resumed-nl")


def test_selfcheck_suggestion_leads_to_the_shoulders_pause(browser, app: AppProcess):
    with open_page(browser, app.url + "/understand") as (page, outside):
        page.get_by_role("button", name="Herken je dit? Doe de zelfcheck").click(timeout=30_000)
        expect(page).to_have_url(re.compile(r"/understand/selfcheck$"))
        page.get_by_role("checkbox", name="Gespannen schouders").click()
        page.get_by_role("checkbox", name="Moeilijk nee zeggen").click()
        page.get_by_role("button", name="Bekijk wat kan helpen").click()
        suggestion = page.get_by_role("button", name="Doe de pauze voor schouders en nek")
        expect(suggestion).to_be_visible()
        expect(
            page.get_by_role(
                "button", name="Kies een grens en vind zinnen om vriendelijk nee te zeggen"
            )
        ).to_be_attached()
        screenshot(page, "selfcheck-result-nl")
        suggestion.click()
        expect(page).to_have_url(re.compile(r"/pause/run$"))
        expect(page.get_by_role("button", name="Stop pauze")).to_be_visible()
        assert outside.unexpected() == []


def test_selfcheck_boundaries_suggestion_opens_the_planner(browser, app: AppProcess):
    with open_page(browser, app.url + "/understand/selfcheck") as (page, _):
        page.get_by_role("checkbox", name="Moeilijk nee zeggen").click(timeout=30_000)
        page.get_by_role("button", name="Bekijk wat kan helpen").click()
        page.get_by_role(
            "button", name="Kies een grens en vind zinnen om vriendelijk nee te zeggen"
        ).click()
        expect(page).to_have_url(re.compile(r"/plan/boundaries$"))
        expect(page.get_by_role("tab", name="Plannen", exact=True)).to_have_attribute(
            "aria-selected", "true"
        )


def test_readable_at_360_px_and_double_text(browser, app: AppProcess):
    # A 32 px root font size doubles Flutter's text in Chromium: the 200 % case.
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="nl-NL")
    context.add_init_script(
        "document.addEventListener('DOMContentLoaded',"
        " () => { document.documentElement.style.fontSize = '32px'; })"
    )
    page = context.new_page()
    try:
        from tests.e2e.browser import enable_semantics

        page.goto(app.url + "/understand")
        enable_semantics(page)
        for name in ("Volgende", "Vorige"):
            button = page.get_by_role("button", name=name, exact=True)
            expect(button).to_be_attached(timeout=30_000)
            box = button.bounding_box()
            assert box is not None
            # inside the screen, and a thumb-sized target
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
            # 48 px at normal size; taller here proves the doubled text reached the client
            assert box["height"] > 56, box
        screenshot(page, "understand-360-200pct")
    finally:
        context.close()


def settled_box(page, locator) -> dict:
    """The element's box once the page stopped moving (late fonts can still shift the text)."""
    box = locator.bounding_box()
    for _ in range(20):
        page.wait_for_timeout(150)
        again = locator.bounding_box()
        if again == box:
            break
        box = again
    assert box is not None
    return box


def mouse_drag(page, xs: tuple[int, ...], y: float) -> None:
    """A drag at a person's pace: a mouse reports its position about every 16 ms."""
    page.mouse.move(xs[0], y)
    page.mouse.down()
    for x in xs[1:]:
        page.wait_for_timeout(16)
        page.mouse.move(x, y)
    page.mouse.up()


def test_mouse_swipe_and_arrow_keys_turn_the_card(browser, app: AppProcess):
    with open_page(browser, app.url + "/understand") as (page, _):
        title = page.get_by_role("heading", name=FIRST_TITLE)
        expect(title).to_be_attached(timeout=30_000)
        box = settled_box(page, title)
        y = box["y"] + box["height"] + 60  # on the card's text, away from any button
        # a quick leftward drag with the mouse: the next card
        mouse_drag(page, (320, 280, 220, 160, 100, 60), y)
        expect(page.get_by_text("Kaart 2 van 13")).to_be_attached()
        # and a rightward one goes back
        mouse_drag(page, (60, 100, 160, 220, 280, 320), y)
        expect(page.get_by_text("Kaart 1 van 13")).to_be_attached()
        # a busy browser may merge a drag's moves into one: that still turns the card
        mouse_drag(page, (320, 60), y)
        expect(page.get_by_text("Kaart 2 van 13")).to_be_attached()
        page.get_by_role("button", name="Vorige", exact=True).click()
        expect(page.get_by_text("Kaart 1 van 13")).to_be_attached()
        # on a keyboard the arrow keys do the same
        page.keyboard.press("ArrowRight")
        expect(page.get_by_text("Kaart 2 van 13")).to_be_attached()
        page.keyboard.press("ArrowLeft")
        expect(page.get_by_text("Kaart 1 van 13")).to_be_attached()


def test_jump_to_what_helps_and_do_it_now(browser, app: AppProcess):
    with open_page(browser, app.url + "/understand") as (page, outside):
        page.get_by_role("button", name="Hoofdstukken").click(timeout=30_000)
        page.get_by_role("button", name="7. Wat wel helpt").click()
        expect(page.get_by_role("heading", name="1. Begin klein")).to_be_attached()
        expect(page.get_by_text("Kaart 7 van 13")).to_be_attached()
        # the reframe card opens in place, on the fifth "what helps" card
        for step in (8, 9, 10, 11):
            # Each card has its own length, so Volgende moves: look before the next tap.
            page.get_by_role("button", name="Volgende", exact=True).click()
            expect(page.get_by_text(f"Kaart {step} van 13")).to_be_attached()
        page.get_by_role("button", name="Lees een andere kijk op rust").click()
        expect(page.get_by_role("heading", name="Rust is geen beloning")).to_be_attached()
        page.get_by_role("button", name="Vorige", exact=True).click()
        page.get_by_role("button", name="Stel je ritme in").click()
        expect(page).to_have_url(re.compile(r"/settings/rhythm$"))
        expect(page.get_by_role("tab", name="Instellingen", exact=True)).to_have_attribute(
            "aria-selected", "true"
        )
        assert outside.unexpected() == []
