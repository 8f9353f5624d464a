"""Time edges on the screens, with the session's clock turned by hand: midnight, DST, week 53.

The domain tables (tests/domain/test_time_edges.py) hold the rules; these check that the screens
built from them show each item and recovery moment once, switch days at 00:00, and never crash
when the device clock goes back.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from domain.pause.record import PauseRecord
from domain.plan.items import new_item
from domain.plan.recurrence import new_rule
from domain.settings.preferences import Settings
from storage import Store
from storage.pause_repository import PauseRepository
from storage.planner_repository import PlannerRepository
from storage.settings_repository import SettingsRepository
from tests.flet_session import AppHarness, open_app


class HandClock:
    """The session's "now", moved forward or back by the test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def start(tmp_path, clock: HandClock, route: str) -> tuple[AppHarness, Store]:
    store = Store.open(tmp_path / "data")
    app = await open_app(store=store, route=route, now=clock, lang="nl")
    return app, store


def keys_starting(app: AppHarness, prefix: str) -> list[str]:
    found = [getattr(c.key, "value", c.key) for c in app.controls() if getattr(c, "key", None)]
    return sorted(k for k in found if isinstance(k, str) and k.startswith(prefix))


async def test_the_planner_switches_today_at_midnight_and_keeps_a_late_item_on_its_day(tmp_path):
    clock = HandClock(datetime(2026, 11, 25, 23, 59, 30))  # Wednesday, half a minute to go
    app, store = await start(tmp_path, clock, "/plan")
    try:
        await app.type_into("plan-quick", "vandaag 23:30 film 90m", submit=True)
        [film] = PlannerRepository(store).items()
        assert (film.day, film.minutes) == (date(2026, 11, 25), 90)
        assert app.find("plan-view-title").value == "woensdag 25 november"
        assert app.has(f"plan-item-{film.id}")

        clock.now = datetime(2026, 11, 26, 0, 0, 10)  # midnight has passed
        await app.click("plan-today")
        assert app.find("plan-view-title").value == "donderdag 26 november"
        assert not app.has(f"plan-item-{film.id}")  # it belongs to the day it starts
        assert app.find("plan-load-2026-11-26").value == 0

        await app.type_into("plan-quick", "morgen 9:00 bellen", submit=True)
        days = sorted(i.day for i in PlannerRepository(store).items())
        assert days == [date(2026, 11, 25), date(2026, 11, 27)]  # "morgen" is now Friday
        app.assert_no_crash()
    finally:
        await app.close()
        store.close()


@pytest.mark.parametrize(
    ("now", "shown"),
    [
        # 23:58: the 23:55 moment is due
        (datetime(2026, 11, 25, 23, 58), True),
        # 00:02 the next day: it runs to 00:05, so it is still there
        (datetime(2026, 11, 26, 0, 2), True),
        # 00:07: it faded quietly
        (datetime(2026, 11, 26, 0, 7), False),
    ],
)
async def test_a_late_recovery_moment_is_nudged_past_midnight(tmp_path, now, shown):
    clock = HandClock(now)
    store = Store.open(tmp_path / "data")
    PlannerRepository(store).save_rule(
        new_rule(
            title="Avondadem", start=date(2026, 11, 1), at_text="23:55", repeat="daily",
            minutes=10, rule_id="late",
        )
    )  # fmt: skip
    # A late sleeper: 23:55 lies inside the hours reminders may come (until screens-off, 00:30).
    SettingsRepository(store).save(Settings(bedtime="01:00", screens_off="00:30"))
    app = await open_app(store=store, route="/plan", now=clock, lang="nl")
    try:
        visible = [n for n in app.find_all("plan-nudge") if n.visible]
        assert bool(visible) == shown
        if shown:
            assert app.text_shown("Tijd voor Avondadem")
        app.assert_no_crash()
    finally:
        await app.close()
        store.close()


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 3, 29),  # spring: 02:30 does not exist on the wall clock that night
        date(2026, 10, 25),  # autumn: 02:30 comes twice
    ],
)
async def test_on_a_dst_night_the_day_shows_each_recovery_moment_once(tmp_path, day):
    clock = HandClock(datetime.combine(day, datetime.min.time()).replace(hour=12))
    store = Store.open(tmp_path / "data")
    repo = PlannerRepository(store)
    for rule_id, at in (("nacht", "02:30"), ("ochtend", "10:30")):
        repo.save_rule(
            new_rule(
                title=rule_id, start=date(2026, 1, 1), at_text=at, repeat="daily", rule_id=rule_id
            )
        )
    app = await open_app(store=store, route="/plan", now=clock, lang="nl")
    try:
        assert keys_starting(app, "plan-moment-") == [
            f"plan-moment-nacht@{day:%Y%m%d}T0230",
            f"plan-moment-ochtend@{day:%Y%m%d}T1030",
        ]
        await app.click("plan-next")  # the day after the change: again one each
        after = day + timedelta(days=1)
        assert keys_starting(app, "plan-moment-") == [
            f"plan-moment-nacht@{after:%Y%m%d}T0230",
            f"plan-moment-ochtend@{after:%Y%m%d}T1030",
        ]
        app.assert_no_crash()
    finally:
        await app.close()
        store.close()


async def test_the_week_view_goes_from_week_53_to_week_1(tmp_path):
    clock = HandClock(datetime(2026, 12, 31, 10, 0))
    app, store = await start(tmp_path, clock, "/plan")
    try:
        await app.click("plan-mode-week")
        assert app.find("plan-view-title").value == "Week 53"
        days = [date(2026, 12, 28) + timedelta(days=n) for n in range(7)]  # into 2027
        assert all(app.has(f"plan-week-day-{d}") for d in days)
        await app.click("plan-next")
        assert app.find("plan-view-title").value == "Week 1"
        assert app.has("plan-week-day-2027-01-04")
        await app.click("plan-prev")
        await app.click("plan-prev")
        assert app.find("plan-view-title").value == "Week 52"
        app.assert_no_crash()
    finally:
        await app.close()
        store.close()


SUNDAY_NIGHT = datetime(2026, 11, 29, 23, 59, 50)


@pytest.mark.parametrize(
    ("now", "sentence"),
    [
        # Sunday 23:59:59: the pause ten seconds ago is this week's
        (datetime(2026, 11, 29, 23, 59, 59), "Deze week: 1 herstelmoment, 1 minuut"),
        # Monday 00:00:00: a new week starts at nothing, kindly
        (datetime(2026, 11, 30, 0, 0, 0), "Deze week: 0 herstelmomenten, 0 minuten"),
        # the clock went back to Saturday: the pause lies ahead, nothing negative is shown
        (datetime(2026, 11, 28, 9, 0), "Deze week: 0 herstelmomenten, 0 minuten"),
    ],
)
async def test_the_pause_week_sentence_around_monday_midnight(tmp_path, now, sentence):
    store = Store.open(tmp_path / "data")
    PauseRepository(store).save(PauseRecord("late", "calm", SUNDAY_NIGHT, 60, 60, True))
    app = await open_app(store=store, route="/", now=HandClock(now), lang="nl")
    try:
        assert app.find("pause-week").value == sentence
        app.assert_no_crash()
    finally:
        await app.close()
        store.close()


async def test_a_clock_that_jumps_back_crashes_nothing_and_doubles_nothing(tmp_path):
    """Records made at a later time than "now", and a pause whose end lies before its start."""
    clock = HandClock(datetime(2026, 11, 25, 12, 0))
    store = Store.open(tmp_path / "data")
    pauses = store.collection("pauses")
    later = PauseRecord("later", "calm", datetime(2026, 11, 25, 18, 0), 60, 60, True)
    pauses.put(later.to_record())
    backwards = later.to_record() | {"id": "backwards", "actual_seconds": -600}  # ends first
    pauses.put(backwards)
    repo = PlannerRepository(store)
    repo.save_rule(
        new_rule(
            title="Adem", start=date(2026, 11, 1), at_text="10:30", repeat="daily", rule_id="r"
        )
    )
    app = await open_app(store=store, route="/", now=clock, lang="nl")
    try:
        app.assert_no_crash()
        # The pause from "later today" counts once; the backwards one is left out, not subtracted.
        assert app.find("pause-week").value == "Deze week: 1 herstelmoment, 1 minuut"

        await app.go("/plan")
        await app.click("plan-moment-r@20261125T1030")  # taken at 12:00: a pause starts
        assert app.page.route == "/pause/run"
        clock.now = datetime(2026, 11, 25, 9, 0)  # the clock goes back before the moment
        await app.go("/plan")
        assert keys_starting(app, "plan-moment-") == ["plan-moment-r@20261125T1030"]
        assert [i.done for i in repo.items()] == [True]  # still the one moment, still taken
        assert not [n for n in app.find_all("plan-nudge") if n.visible]
        repo.save_item(
            new_item(title="later", day=date(2026, 11, 25), start="17:00", minutes=30, item_id="x")
        )
        await app.go("/plan?again=1")
        assert app.has("plan-item-x")
        app.assert_no_crash()
    finally:
        await app.close()
        store.close()
