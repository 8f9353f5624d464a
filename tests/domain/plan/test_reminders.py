"""The reminder plan: every rule as a table, across midnight and both DST switches."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from domain.plan.items import AgendaItem
from domain.plan.reminders import (
    ReminderChoices,
    ReminderWindow,
    due_reminder,
    in_zone,
    plan_reminders,
    stale_choices,
)
from domain.plan.rhythm import Rhythm

RHYTHM = Rhythm(bedtime=time(23, 0), wake=time(7, 0), screens_off=time(22, 0))
NOW = datetime(2026, 12, 2, 8, 0)  # a Wednesday


def moment(at: str, day: date = date(2026, 12, 2), *, id: str | None = None, done: bool = False):
    hh, mm = map(int, at.split(":"))
    return AgendaItem(
        id=id or f"r@{day:%Y%m%d}T{hh:02}{mm:02}",
        title="Even pauze",
        day=day,
        start=time(hh, mm),
        minutes=5,
        kind="recovery",
        energy="light",
        done=done,
    )


def item(start: str, minutes: int, day: date = date(2026, 12, 2), kind: str = "must"):
    hh, mm = map(int, start.split(":"))
    return AgendaItem(
        id=f"i-{start}", title="Overleg", day=day, start=time(hh, mm), minutes=minutes, kind=kind
    )


def times(plan) -> list[str]:
    return [f"{r.at:%a %H:%M}" for r in plan]


@pytest.mark.parametrize(
    ("moments", "agenda", "window", "expected"),
    [
        # a plain moment in active hours
        ([moment("10:30")], [], ReminderWindow(), ["Wed 10:30"]),
        # before wake time (07:00): the default active hours start at wake time
        ([moment("06:30")], [], ReminderWindow(), []),
        # after screens-off (22:00): the default active hours end there
        ([moment("22:15")], [], ReminderWindow(), []),
        # own active hours 09:00–17:00 drop an evening moment
        ([moment("18:00")], [], ReminderWindow(start=time(9), end=time(17)), []),
        # active hours to 01:00 would reach into the night, but the sleep window still wins
        ([moment("23:30")], [], ReminderWindow(start=time(9), end=time(1)), []),
        # Wednesday is a day off
        ([moment("10:30")], [], ReminderWindow(days=(0, 1, 3, 4, 5, 6)), []),
        # inside a meeting 10:00–11:00: waits until it ends, plus five minutes
        ([moment("10:30")], [item("10:00", 60)], ReminderWindow(), ["Wed 11:05"]),
        # back-to-back meetings: waits for both
        (
            [moment("10:30")],
            [item("10:00", 60), item("11:00", 20)],
            ReminderWindow(),
            ["Wed 11:25"],
        ),
        # a whole afternoon of meetings: the moment is gone by the time they end
        ([moment("13:00")], [item("12:30", 240)], ReminderWindow(), []),
        # a recovery item in the agenda does not hold a reminder back
        ([moment("10:30")], [item("10:00", 60, kind="recovery")], ReminderWindow(), ["Wed 10:30"]),
        # a moment already taken gets no reminder
        ([moment("10:30", done=True)], [], ReminderWindow(), []),
        # at most two a day: the first two
        (
            [moment("09:00"), moment("11:00"), moment("15:00")],
            [],
            ReminderWindow(per_day=2),
            ["Wed 09:00", "Wed 11:00"],
        ),
        # a moment in the past (more than 10 minutes) is not planned
        ([moment("07:30")], [], ReminderWindow(), []),
        # one that came due five minutes ago is still in the plan
        ([moment("07:55")], [], ReminderWindow(), ["Wed 07:55"]),
        # the next seven days only
        ([moment("10:00", date(2026, 12, 9))], [], ReminderWindow(), []),
        ([moment("07:59", date(2026, 12, 9))], [], ReminderWindow(), ["Wed 07:59"]),
    ],
)
def test_rules(moments, agenda, window, expected) -> None:
    plan = plan_reminders(moments, agenda, RHYTHM, window, ReminderChoices(), NOW)
    assert times(plan) == expected


def test_later_snoozes_ten_minutes_once() -> None:
    m = moment("10:30")
    at_tap = datetime(2026, 12, 2, 10, 31)
    choices = ReminderChoices().snooze(m.id, at_tap)
    plan = plan_reminders([m], [], RHYTHM, ReminderWindow(), choices, at_tap)
    assert times(plan) == ["Wed 10:41"]
    # a second Later on the same moment changes nothing
    again = choices.snooze(m.id, datetime(2026, 12, 2, 10, 42))
    assert again == choices


def test_snooze_into_a_meeting_waits_for_its_end() -> None:
    m = moment("10:30")
    choices = ReminderChoices().snooze(m.id, datetime(2026, 12, 2, 10, 31))
    plan = plan_reminders([m], [item("10:35", 30)], RHYTHM, ReminderWindow(), choices, NOW)
    assert times(plan) == ["Wed 11:10"]


def test_not_today_skips_that_moment_only() -> None:
    first, second = moment("10:30"), moment("15:00")
    choices = ReminderChoices().skip(first.id)
    plan = plan_reminders([first, second], [], RHYTHM, ReminderWindow(), choices, NOW)
    assert [r.moment_id for r in plan] == [second.id]


@pytest.mark.parametrize(
    ("rhythm", "at", "kept"),
    [
        # bedtime after midnight (00:30–08:00): 07:30 is still night
        (Rhythm(time(0, 30), time(8, 0), time(23, 0)), "07:30", False),
        (Rhythm(time(0, 30), time(8, 0), time(23, 0)), "08:00", True),
        # an early sleeper (21:00–05:00), active hours set wide: 21:30 is night
        (Rhythm(time(21, 0), time(5, 0), time(20, 0)), "21:30", False),
    ],
)
def test_sleep_window(rhythm, at, kept) -> None:
    window = ReminderWindow(start=time(0, 0), end=time(0, 0))
    early = datetime(2026, 12, 2, 0, 1)
    plan = plan_reminders([moment(at)], [], rhythm, window, ReminderChoices(), early)
    assert bool(plan) is kept


def test_a_meeting_over_midnight_holds_the_reminder_into_the_next_day() -> None:
    # active the whole day, sleep 02:00–06:00; a late shift 23:00–00:15 holds a 23:30 moment
    rhythm = Rhythm(time(2, 0), time(6, 0), time(23, 59))
    window = ReminderWindow(start=time(0, 0), end=time(0, 0))
    plan = plan_reminders(
        [moment("23:30")], [item("23:00", 75)], rhythm, window, ReminderChoices(), NOW
    )
    assert [f"{r.at:%Y-%m-%d %H:%M}" for r in plan] == ["2026-12-03 00:20"]


def test_due_reminder_shows_for_ten_minutes() -> None:
    plan = plan_reminders([moment("10:30")], [], RHYTHM, ReminderWindow(), ReminderChoices(), NOW)
    assert due_reminder(plan, datetime(2026, 12, 2, 10, 29)) is None
    assert due_reminder(plan, datetime(2026, 12, 2, 10, 30)) == plan[0]
    assert due_reminder(plan, datetime(2026, 12, 2, 10, 39)) == plan[0]
    assert due_reminder(plan, datetime(2026, 12, 2, 10, 40)) is None


def test_route_starts_a_pause_of_the_moments_length() -> None:
    plan = plan_reminders([moment("10:30")], [], RHYTHM, ReminderWindow(), ReminderChoices(), NOW)
    assert plan[0].route == "/pause/run?seconds=300&from=reminder"


AMS = ZoneInfo("Europe/Amsterdam")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("wall", "zone", "utc"),
    [
        # an ordinary winter and summer day
        (datetime(2026, 12, 2, 10, 30), AMS, "2026-12-02 09:30"),
        (datetime(2026, 7, 1, 10, 30), AMS, "2026-07-01 08:30"),
        # spring forward (29 March 2026, 02:00 → 03:00): 02:30 does not exist, it comes at 03:30
        (datetime(2026, 3, 29, 2, 30), AMS, "2026-03-29 01:30"),
        (datetime(2026, 3, 29, 10, 30), AMS, "2026-03-29 08:30"),
        # fall back (25 October 2026, 03:00 → 02:00): 02:30 happens twice, the first one counts
        (datetime(2026, 10, 25, 2, 30), AMS, "2026-10-25 00:30"),
        (datetime(2026, 10, 25, 10, 30), AMS, "2026-10-25 09:30"),
        # the same wall-clock moment after travelling to New York: 10:30 there
        (datetime(2026, 12, 2, 10, 30), NEW_YORK, "2026-12-02 15:30"),
    ],
)
def test_in_zone(wall, zone, utc) -> None:
    aware = in_zone(wall, zone)
    assert aware.tzinfo is zone
    assert f"{aware.astimezone(ZoneInfo('UTC')):%Y-%m-%d %H:%M}" == utc


def test_the_days_first_reminders_count_towards_its_most_even_when_gone_by() -> None:
    # at most two a day; at 12:00 the 09:00 and 11:00 ones have been, so 15:00 is one too many
    moments = [
        moment("09:00"),
        moment("11:00"),
        moment("15:00"),
        moment("09:00", date(2026, 12, 3)),
    ]
    noon = datetime(2026, 12, 2, 12, 0)
    plan = plan_reminders(moments, [], RHYTHM, ReminderWindow(per_day=2), ReminderChoices(), noon)
    assert times(plan) == ["Thu 09:00"]


@pytest.mark.parametrize(
    ("start", "end", "days", "expected"),
    [
        # nothing typed: the rhythm decides (wake time to screens-off)
        (None, None, [0, 1, 2, 3, 4, 5, 6], ReminderWindow()),
        ("", "", (0, 1, 2, 3, 4, 5, 6), ReminderWindow()),
        # office hours on weekdays, three a day
        ("09:00", "17:30", [0, 1, 2, 3, 4], ReminderWindow(time(9), time(17, 30), (0, 1, 2, 3, 4))),
        # no days at all: no reminders at all
        (None, None, [], ReminderWindow(days=())),
    ],
)
def test_window_from_the_settings(start, end, days, expected) -> None:
    window = ReminderWindow.from_texts(start, end, days, 6)
    assert window == expected
    plan = plan_reminders([moment("10:30")], [], RHYTHM, window, ReminderChoices(), NOW)
    assert bool(plan) is bool(days)


def test_choices_survive_as_records_and_unreadable_ones_are_passed_over() -> None:
    m1, m2 = "r@20261202T1030", "r@20261202T1500"
    choices = ReminderChoices().snooze(m1, datetime(2026, 12, 2, 10, 31)).skip(m2)
    records = [choices.record_of(m1), choices.record_of(m2)]
    broken = [
        {"id": 5, "skipped": True},  # an id that is not text
        {"id": "x@20261202T1100", "snoozed_until": "morgen"},  # a time that is not a time
        {"id": "y@20261202T1100", "skipped": "ja"},  # skipped that is not true or false
    ]
    assert ReminderChoices.from_records(records + broken) == choices


@pytest.mark.parametrize(
    ("moment_id", "stale"),
    [
        ("r@20261124T1030", True),  # eight days before NOW
        ("r@20261125T1030", False),  # a week before: still kept
        ("r@20261202T1030", False),  # today
        ("no-day-in-it", False),  # an id without a day is never let go by age
    ],
)
def test_stale_choices(moment_id, stale) -> None:
    assert (stale_choices([moment_id], NOW) == [moment_id]) is stale
