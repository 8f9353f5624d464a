"""Instellingen in a real Flet session: changes apply at once, are saved, and bad times are refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import Store
from storage.settings_repository import SettingsRepository
from tests.flet_session import AppHarness, open_app


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data")
    yield opened
    opened.close()


async def open_settings(
    store: Store, route: str = "/settings", lang: str | None = None
) -> AppHarness:
    app = await open_app(store=store, route=route, lang=lang)
    app.assert_no_crash()
    return app


async def choose(app: AppHarness, key: str, value: object, event: str = "change") -> None:
    control = app.find(key)
    app.session.apply_patch(control._i, {"value": value})
    await app.fire(control, event, value)


async def test_a_change_is_saved_and_a_new_session_sees_it(store):
    app = await open_settings(store)
    await choose(app, "settings-theme", "dark")
    await choose(app, "settings-pause-kind", "box", "select")
    await choose(app, "settings-pause-length", "120", "select")
    await choose(app, "settings-haptics", False)
    app.assert_no_crash()
    await app.close()

    saved = SettingsRepository(store).load()
    assert (saved.theme, saved.default_pause_kind, saved.default_pause_seconds) == (
        "dark",
        "box",
        120,
    )
    again = await open_settings(store)
    try:
        assert again.find("settings-theme").value == "dark"
        assert again.find("settings-pause-kind").value == "box"
        assert again.page.theme_mode.value == "dark"
    finally:
        await again.close()


async def test_switching_language_changes_the_whole_ui_at_once(store):
    app = await open_settings(store, lang=None)
    try:
        assert app.text_shown("Instellingen")
        await choose(app, "settings-language", "en")
        app.assert_no_crash()
        assert app.text_shown("Settings") and not app.text_shown("Instellingen")
        assert app.text_shown("Bedtime")
        assert SettingsRepository(store).load().language == "en"
    finally:
        await app.close()


@pytest.mark.parametrize(
    ("key", "typed", "field"),
    [
        ("settings-bedtime", "24:61", "bedtime"),  # no such time of day
        ("settings-wake", "7 uur", "wake_time"),  # words, not a time
        ("settings-screens-off", "", "screens_off"),  # left empty
        ("settings-capacity", "0", "daily_capacity_hours"),  # a day with no room
        ("settings-capacity", "veel", "daily_capacity_hours"),  # not a number
    ],
)
async def test_a_refused_value_is_named_next_to_its_field_and_nothing_is_saved(
    store, key, typed, field
):
    app = await open_settings(store)
    try:
        before = SettingsRepository(store).load()
        await choose(app, key, typed, "submit")
        app.assert_no_crash()
        error = app.find(f"{key}-error")
        assert error.visible and error.value
        assert app.find(key).value == typed  # what was typed stays, to be corrected
        assert getattr(SettingsRepository(store).load(), field) == getattr(before, field)

        # Fixing it clears the message and saves.
        good = "5,5" if field == "daily_capacity_hours" else "21:45"
        await choose(app, key, good, "submit")
        assert not app.find(f"{key}-error").visible
        saved = getattr(SettingsRepository(store).load(), field)
        assert saved == (5.5 if field == "daily_capacity_hours" else "21:45")
    finally:
        await app.close()


async def test_the_rhythm_screen_shows_only_the_rhythm_times(store):
    app = await open_settings(store, route="/settings/rhythm")
    try:
        assert app.has("settings-bedtime") and app.has("settings-wake")
        assert app.has("settings-screens-off")
        assert not app.has("settings-theme")
        await choose(app, "settings-bedtime", "22:15", "submit")
        assert SettingsRepository(store).load().bedtime == "22:15"
        assert app.page.route.startswith("/settings/rhythm")
    finally:
        await app.close()


@pytest.mark.parametrize(
    ("key", "route"),
    [
        ("settings-data", "/settings/data"),  # Je gegevens
        ("settings-about", "/about"),  # Over Adempauze
    ],
)
async def test_links_lead_to_data_and_about(store, key, route):
    app = await open_settings(store)
    try:
        await app.click(key)
        app.assert_no_crash()
        assert app.page.route == route
    finally:
        await app.close()
