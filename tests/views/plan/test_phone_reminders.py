"""Reminders on a phone: the session hands the planned schedule to the notification service.

A real Flet session that claims to be the app on Android or iOS (not a browser); every call to
the service is counted on the recording connection, with its arguments.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from domain.plan.recurrence import new_rule
from domain.settings.preferences import Settings
from storage import Store
from storage.planner_repository import PlannerRepository
from storage.settings_repository import SettingsRepository
from tests.flet_session import AppHarness, open_app
from views.plan.reminders import CHANNEL_ID, phone_reminders
from views.plan.state import reminder_plan

NOW = datetime(2026, 11, 25, 12, 0)  # a Wednesday
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def amsterdam(monkeypatch):
    """The phone's zone, as tzlocal would report it on a phone set to Amsterdam."""
    monkeypatch.setattr("views.plan.reminders.device_zone", lambda: AMSTERDAM)


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "data")
    PlannerRepository(opened).save_rule(
        new_rule(title="Adem", start=date(2026, 11, 1), at_text="10:30", repeat="daily",
                 minutes=5, rule_id="adem")
    )  # fmt: skip
    yield opened
    opened.close()


def reminders_on(store: Store, **changes: Any) -> None:
    SettingsRepository(store).save(Settings(reminders=True, **changes))


async def phone(store: Store, platform: str = "android", **kwargs: Any) -> AppHarness:
    app = await open_app(
        store=store, now=lambda: NOW, lang="nl", web=False, platform=platform, **kwargs
    )
    await app.settle(60)
    return app


def service_calls(app: AppHarness) -> list[tuple[str, Any]]:
    service = phone_reminders(app.ctx).service
    assert service is not None, "no notification service was made"
    return app.calls_to(service)


def schedules(calls: list[tuple[str, Any]]) -> list[tuple[str, str, str]]:
    """The last hand-over (after the last cancel): each reminder's time, title and payload."""
    last_cancel = max(i for i, (name, _) in enumerate(calls) if name == "cancel_pending")
    return [
        (args["when"]["iso"], args["title"], args["payload"])
        for name, args in calls[last_cancel:]
        if name == "schedule"
    ]


def daily(at: str, first: int, last: int, offset: str = "+01:00") -> list[str]:
    return [f"2026-{m:02}-{d:02}T{at}:00{offset}" for m, d in days_from(first, last)]


def days_from(first: int, last: int) -> list[tuple[int, int]]:
    """November `first` up to December `last` (as days after 30 November)."""
    return [(11, d) if d <= 30 else (12, d - 30) for d in range(first, last + 1)]


ROUTE = "/pause/run?seconds=300&from=reminder"


@pytest.mark.parametrize("platform", ["android", "ios"])
async def test_the_phone_receives_exactly_the_planned_schedule(store, platform):
    reminders_on(store)
    app = await phone(store, platform)
    try:
        calls = service_calls(app)
        # Today's 10:30 has gone by; the next seven days from today's start hold six more.
        expected = [(iso, "Tijd voor Adem", ROUTE) for iso in daily("10:30", 26, 31)]
        assert schedules(calls) == expected
        assert [name for name, _ in calls].count("cancel_pending") == 1  # handed over once
        first = next(args for name, args in calls if name == "schedule")
        assert first["id"] == 1 and first["channel_id"] == CHANNEL_ID
        assert first["when"]["utc_offset_seconds"] == 3600  # aware, in the phone's zone
        assert first["body"] == "Even ademhalen? Eén tik en je pauze begint."
        assert first["schedule_mode"] == "inexactAllowWhileIdle"
        channels = [args for name, args in calls if name == "create_notification_channel"]
        if platform == "android":
            [channel] = channels
            assert (channel["id"], channel["name"]) == (CHANNEL_ID, "Herstelmomenten")
            assert channel["play_sound"] is False  # calm: no sound
        else:
            assert channels == []  # channels are Android's
        assert "request_permissions" not in [name for name, _ in calls]  # asked only on turning on
        app.assert_no_crash()
    finally:
        await app.close()


async def test_a_new_rule_and_a_meeting_are_handed_over_again(store):
    reminders_on(store)
    app = await phone(store)
    try:
        await app.go("/plan?add=recovery")
        await app.type_into("plan-rule-time", "15:00")
        await app.click("plan-rule-save")  # every weekday at 15:00
        await app.settle(60)
        calls = service_calls(app)
        assert [name for name, _ in calls].count("cancel_pending") == 2
        weekdays = [(m, d) for m, d in days_from(25, 31) if date(2026, m, d).weekday() < 5]
        afternoons = [f"2026-{m:02}-{d:02}T15:00:00+01:00" for m, d in weekdays]
        assert sorted(iso for iso, _, _ in schedules(calls)) == sorted(
            daily("10:30", 26, 31) + afternoons
        )

        # A meeting over tomorrow's 10:30: that reminder waits until it ends (+5 minutes).
        await app.type_into("plan-quick", "morgen 10:00 overleg 60m", submit=True)
        await app.settle(60)
        calls = service_calls(app)
        assert [name for name, _ in calls].count("cancel_pending") == 3
        handed = [iso for iso, _, _ in schedules(calls)]
        assert "2026-11-26T11:05:00+01:00" in handed
        assert "2026-11-26T10:30:00+01:00" not in handed
        app.assert_no_crash()
    finally:
        await app.close()


async def test_turning_reminders_off_cancels_them_and_nothing_follows(store):
    reminders_on(store)
    app = await phone(store)
    try:
        await app.go("/settings/reminders")
        switch = app.find("settings-reminders")
        app.session.apply_patch(switch._i, {"value": False})
        await app.fire(switch, "change", False)
        await app.settle(60)
        calls = service_calls(app)
        assert calls[-1][0] == "cancel_pending"
        handed = len(calls)

        await app.go("/plan?add=recovery")
        await app.type_into("plan-rule-time", "15:00")
        await app.click("plan-rule-save")
        await app.settle(60)
        assert len(service_calls(app)) == handed  # a new rule schedules nothing
        assert SettingsRepository(store).load().reminders is False
        app.assert_no_crash()
    finally:
        await app.close()


@pytest.mark.parametrize("platform", ["android", "ios"])
async def test_turning_reminders_on_asks_the_phone_once_then_schedules(store, platform):
    app = await phone(store, platform, answers={"request_permissions": True})
    try:
        assert phone_reminders(app.ctx).service is None  # off: nothing made yet
        await app.go("/settings/reminders")
        switch = app.find("settings-reminders")
        app.session.apply_patch(switch._i, {"value": True})
        await app.fire(switch, "change", True)
        await app.settle(60)
        names = [name for name, _ in service_calls(app)]
        assert names.count("request_permissions") == 1
        assert names.index("request_permissions") < names.index("schedule")
        assert len(schedules(service_calls(app))) == 6
        assert not app.has("settings-reminders-refused")
        app.assert_no_crash()
    finally:
        await app.close()


async def test_refused_permission_is_said_kindly_and_the_nudge_keeps_working(store):
    app = await phone(store, answers={"request_permissions": False})
    try:
        await app.go("/settings/reminders")
        switch = app.find("settings-reminders")
        app.session.apply_patch(switch._i, {"value": True})
        await app.fire(switch, "change", True)
        await app.settle(60)
        assert app.find("settings-reminders-refused").value.startswith(
            "Je telefoon laat nog geen meldingen van Adempauze toe."
        )
        assert "schedule" not in [name for name, _ in service_calls(app)]
        app.assert_no_crash()
    finally:
        await app.close()
    # In the app the moment is still nudged when it comes.
    later = await open_app(store=store, now=lambda: datetime(2026, 11, 26, 10, 31), web=False)
    try:
        assert later.find("plan-nudge").visible
    finally:
        await later.close()


async def test_a_tap_on_a_reminder_starts_its_pause(store):
    reminders_on(store)
    app = await phone(store)
    try:
        service = phone_reminders(app.ctx).service
        assert service is not None
        await app.session.dispatch_event(service._i, "tap", {"id": 1, "payload": ROUTE})
        await app.settle(40)
        assert app.page.route == "/pause/run"
        app.assert_no_crash()
    finally:
        await app.close()


@pytest.mark.parametrize("platform", ["android", "ios", "windows"])
async def test_a_browser_session_never_makes_the_service(store, platform):
    reminders_on(store)
    app = await open_app(store=store, now=lambda: NOW, lang="nl", web=True, platform=platform)
    try:
        await app.go("/settings/reminders")
        switch = app.find("settings-reminders")
        app.session.apply_patch(switch._i, {"value": False})
        await app.fire(switch, "change", False)
        app.session.apply_patch(switch._i, {"value": True})
        await app.fire(switch, "change", True)
        await app.settle(60)
        assert phone_reminders(app.ctx).service is None
        names = [name for name, _ in app.conn.calls]
        assert not {"schedule", "cancel_pending", "request_permissions"} & set(names)
        assert not [c for c in app.controls() if type(c).__name__ == "LocalNotifications"]
        app.assert_no_crash()
    finally:
        await app.close()


async def test_the_plan_is_computed_again_only_when_its_inputs_change(store):
    app = await open_app(store=store, now=lambda: NOW, lang="nl", route="/plan")
    try:
        plan = reminder_plan(app.ctx)
        computed = plan.computed
        for route in ("/", "/understand", "/settings", "/plan?x=1"):
            await app.go(route)  # each screen asks the plan again: nothing changed
        assert plan.computed == computed
        await app.type_into("plan-quick", "morgen 10:00 overleg 60m", submit=True)
        assert plan.computed == computed + 1
        await app.go("/settings/reminders")
        thursday = app.find("settings-reminder-day-3")
        app.session.apply_patch(thursday._i, {"value": False})
        await app.fire(thursday, "change", False)  # no reminders on Thursdays
        assert plan.computed == computed + 2
        app.assert_no_crash()
    finally:
        await app.close()
