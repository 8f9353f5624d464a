"""The walk-through screen in a real Flet session: next, back, swipe, jump, actions, resume."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from datetime import datetime
from pathlib import Path

import pytest

from tests.flet_session import AppHarness
from tests.views.understand.screens import opened

NOW = datetime(2026, 11, 25, 20, 0)


def start(
    data_dir: Path, lang: str = "nl", *, read_only: bool = False
) -> AbstractAsyncContextManager[AppHarness]:
    return opened(data_dir, "/understand", NOW, lang, read_only=read_only)


def title(app: AppHarness) -> str:
    return app.find("step-title").value


def progress(app: AppHarness) -> str:
    return app.find("step-progress").value


async def test_next_back_and_labels(tmp_path: Path) -> None:
    async with start(tmp_path) as app:
        assert progress(app) == "1 / 13"
        assert app.find("step-next").content == "Volgende"
        assert app.find("step-back").content == "Vorige"
        assert app.find("step-back").disabled
        for _ in range(3):
            await app.click("step-next")
        assert (progress(app), title(app)) == ("4 / 13", "Denkpatronen die spanning vasthouden")
        assert app.find("step-progress-bar").value == pytest.approx(4 / 13)
        await app.click("step-back")
        assert progress(app) == "3 / 13"
        app.assert_no_crash()


async def test_arrow_keys_step_through_the_cards_and_stop_on_leaving(tmp_path: Path) -> None:
    async with start(tmp_path) as app:
        page = app.page

        async def press(key: str, **mods: bool) -> None:
            data = {"key": key, "shift": False, "ctrl": False, "alt": False, "meta": False}
            await app.session.dispatch_event(page._i, "keyboard_event", {**data, **mods})
            await app.settle()

        await press("Arrow Right")
        await press("Arrow Right")
        assert progress(app) == "3 / 13"
        await press("Arrow Left")
        assert progress(app) == "2 / 13"
        await press("Arrow Right", ctrl=True)  # a shortcut of the browser's, not a step
        await press("Enter")
        assert progress(app) == "2 / 13"
        await app.go("/plan")
        assert page.on_keyboard_event is None
        app.assert_no_crash()


async def test_english_labels(tmp_path: Path) -> None:
    async with start(tmp_path, "en") as app:
        assert (app.find("step-next").content, app.find("step-back").content) == ("Next", "Back")
        assert title(app) == "The evening your body won't cooperate"


async def test_swipe_moves_by_velocity(tmp_path: Path) -> None:
    async with start(tmp_path) as app:

        def fling(speed: float) -> dict:
            return {
                "l": {"x": 0, "y": 0},
                "g": {"x": 0, "y": 0},
                "v": {"x": speed, "y": 0},
                "pv": speed,
            }

        await app.fire("step-swipe", "horizontal_drag_end", fling(-900))  # leftward: next
        assert progress(app) == "2 / 13"
        await app.fire("step-swipe", "horizontal_drag_end", fling(40))  # a slow drift: stay
        assert progress(app) == "2 / 13"
        await app.fire("step-swipe", "horizontal_drag_end", fling(900))  # rightward: back
        assert progress(app) == "1 / 13"
        # a slow mouse drag from x=300 to x=100 also turns the card
        begin = {"l": {"x": 300, "y": 50}, "g": {"x": 300, "y": 150}}
        end = {"l": {"x": 100, "y": 50}, "g": {"x": 100, "y": 150}, "v": {"x": 0, "y": 0}, "pv": 0}
        await app.fire("step-swipe", "horizontal_drag_down", begin)
        await app.fire("step-swipe", "horizontal_drag_end", end)
        assert progress(app) == "2 / 13"
        app.assert_no_crash()


async def test_jump_to_a_chapter_and_the_actions(tmp_path: Path) -> None:
    async with start(tmp_path) as app:
        await app.click("chapter-helps")
        assert (progress(app), title(app)) == ("7 / 13", "1. Begin klein")
        # The helps chapter's cards in order, each with its do-it-now action.
        actions = [
            ("pause", "/pause/run"),
            ("recovery", "/plan?add=recovery"),
            ("boundaries", "/plan/boundaries"),
            ("rhythm", "/settings/rhythm"),
        ]
        for action, route in actions:
            await app.click(f"step-action-{action}")
            assert app.page.route == route
            await app.go("/understand")
            await app.click("step-next")
        assert not app.has("step-reframe")
        await app.click("step-action-reframe")
        assert app.page.route == "/understand"
        assert app.has("step-reframe") and app.text_shown("Rust is geen beloning")
        await app.click("step-reframe-close")
        assert not app.has("step-reframe")
        app.assert_no_crash()


async def test_support_chapter_shows_not_medical_line(tmp_path: Path) -> None:
    async with start(tmp_path) as app:
        await app.click("chapter-support")
        assert app.has("understand-not-medical")
        assert app.text_shown("0800-0113") and app.text_shown("huisarts")


async def test_position_survives_a_new_session(tmp_path: Path) -> None:
    async with start(tmp_path) as app:
        for _ in range(3):
            await app.click("step-next")
    async with start(tmp_path) as again:
        assert progress(again) == "4 / 13"


async def test_selfcheck_entry(tmp_path: Path) -> None:
    async with start(tmp_path) as app:
        await app.click("selfcheck-open")
        assert app.page.route == "/understand/selfcheck"
        assert app.has("selfcheck-title")


async def test_a_read_only_store_still_lets_you_read_on(tmp_path: Path) -> None:
    async with start(tmp_path, read_only=True) as app:
        await app.click("step-next")
        await app.click("step-next")
        assert progress(app) == "3 / 13"
        app.assert_no_crash()
        assert app.store.collection("walkthrough").all() == []  # type: ignore[attr-defined]


async def test_a_rebuild_keeps_the_place_the_store_holds(tmp_path: Path) -> None:
    # The session's reading state is reopened from the store each time the screen is built.
    async with start(tmp_path) as app:
        await app.click("step-next")
        await app.go("/plan")
        await app.go("/understand")
        assert progress(app) == "2 / 13"
    async with start(tmp_path, read_only=True) as app:
        await app.click("step-next")
        await app.go("/plan")
        await app.go("/understand")
        assert progress(app) == "2 / 13"  # the store's place, as the screen always showed
        app.assert_no_crash()
