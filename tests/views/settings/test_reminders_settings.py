"""Herinneringen in the settings: where reminders work, hours, days and how many, each saved at once."""

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


async def choose(app: AppHarness, key: str, value: object, event: str = "change") -> None:
    control = app.find(key)
    app.session.apply_patch(control._i, {"value": value})
    await app.fire(control, event, value)


async def test_reached_from_the_settings_and_says_where_reminders_work(store):
    app = await open_app(store=store, route="/settings", lang="nl")
    try:
        await app.click("settings-reminders-link")
        assert app.page.route == "/settings/reminders"
        assert app.find("settings-reminders-where").value == (
            "Adempauze herinnert je aan je herstelmomenten: op je telefoon, ook als de app dicht "
            "is; in de browser zolang Adempauze open is."
        )
        assert app.find("settings-reminders").value is False  # off until turned on
        assert app.find("settings-reminder-start").hint_text == "leeg: vanaf je opstaantijd (07:00)"
        assert all(app.find(f"settings-reminder-day-{d}").value for d in range(7))
        assert app.find("settings-reminders-per-day").value == "6"
        assert app.has("app-back")
        app.assert_no_crash()
    finally:
        await app.close()


async def test_in_english(store):
    app = await open_app(store=store, route="/settings/reminders", lang="en")
    try:
        assert app.find("settings-reminders-where").value == (
            "Adempauze reminds you of your recovery moments: on your phone, even when the app is "
            "closed; in the browser while Adempauze is open."
        )
        assert app.find("settings-reminder-day-0").label == "Monday"
    finally:
        await app.close()


async def test_hours_days_and_how_many_are_saved(store):
    app = await open_app(store=store, route="/settings/reminders", lang="nl")
    try:
        await choose(app, "settings-reminder-start", "09:00", "submit")
        await choose(app, "settings-reminder-end", "17:30", "submit")
        await choose(app, "settings-reminder-day-5", False)
        await choose(app, "settings-reminder-day-6", False)
        await choose(app, "settings-reminders-per-day", "3", "select")
        saved = SettingsRepository(store).load()
        assert (saved.reminder_start, saved.reminder_end) == ("09:00", "17:30")
        assert saved.reminder_days == (0, 1, 2, 3, 4)
        assert saved.reminders_per_day == 3

        # Emptied again: the rhythm's wake time counts once more.
        await choose(app, "settings-reminder-start", "", "submit")
        assert SettingsRepository(store).load().reminder_start is None
        app.assert_no_crash()
    finally:
        await app.close()


@pytest.mark.parametrize(
    ("key", "typed", "field"),
    [
        ("settings-reminder-start", "25:00", "reminder_start"),  # no such hour
        ("settings-reminder-end", "half zes", "reminder_end"),  # words, not a time
    ],
)
async def test_a_wrong_time_is_named_next_to_its_field(store, key, typed, field):
    app = await open_app(store=store, route="/settings/reminders", lang="nl")
    try:
        await choose(app, key, typed, "submit")
        error = app.find(f"{key}-error")
        assert error.visible and error.value.startswith("Dit is geen tijd.")
        assert app.find(key).value == typed
        assert getattr(SettingsRepository(store).load(), field) is None
        await choose(app, key, "08:15", "submit")
        assert not app.find(f"{key}-error").visible
        assert getattr(SettingsRepository(store).load(), field) == "08:15"
        app.assert_no_crash()
    finally:
        await app.close()


async def test_a_browser_can_turn_them_on_without_being_asked_anything(store):
    app = await open_app(store=store, route="/settings/reminders", lang="nl")
    try:
        await choose(app, "settings-reminders", True)
        assert SettingsRepository(store).load().reminders is True
        assert not app.has("settings-reminders-refused")
        assert "request_permissions" not in [name for name, _ in app.conn.calls]
        app.assert_no_crash()
    finally:
        await app.close()
