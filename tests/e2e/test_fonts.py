"""Emoji and right-to-left text are valid input: stored, and drawn offline without empty boxes."""

from __future__ import annotations

from playwright.sync_api import expect

from storage import Store
from tests.e2e.browser import open_page, type_text


def test_emoji_and_hebrew_titles_are_stored_and_their_fonts_served(browser, app):
    title = "thee 🍵 met שלום"
    with open_page(browser, app.url + "/plan") as (page, outside):
        failed: list[str] = []
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        field = page.get_by_role("textbox", name="Snel toevoegen")
        expect(field).to_be_visible(timeout=30_000)
        type_text(page, field, f"vandaag 10:00 {title} 30m", submit=True)
        expect(page.get_by_role("button", name=f"Klaar: {title}")).to_be_visible()
        page.wait_for_timeout(2500)  # the client fetches fallback fonts after the first paint
        page.screenshot(path="artifacts/fonts-emoji-rtl.png")
        assert [u for u in failed if "/fonts/" in u] == []
        assert outside.unexpected() == []
    app.stop()
    store = Store.open(app.data_dir)
    try:
        assert [r["title"] for r in store.collection("agenda_items").all()] == [title]
    finally:
        store.close()
