"""Time edges with "now" passed in: midnight, DST in Europe/Amsterdam, ISO week 53, a clock that jumps back.

The app keeps naive local wall-clock times. These tables check that around the edges nothing is
counted twice, nothing is skipped, no duration comes out negative and nothing raises.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from domain.pause.history import (
    first_day_shown,
    last_weeks,
    months_between,
    summarize_week,
    this_week,
    week_start,
)
from domain.pause.kinds import CATALOGUE
from domain.pause.record import PauseRecord
from domain.pause.session import PauseSession
from domain.plan.boundaries import check_week, new_boundary
from domain.plan.items import AgendaItem, new_item
from domain.plan.load import day_load
from domain.plan.overview import Agenda
from domain.plan.quickadd import parse_quick_add
from domain.plan.recurrence import (
    RecoveryRule,
    due_moment,
    expand_rules,
    mark_taken,
    moment_state,
    new_rule,
)
from domain.plan.rhythm import Rhythm, rhythm_flags
from domain.plan.state import PlannerState
from domain.plan.times import monday_of, week_days

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WED = date(2026, 11, 25)
THU = WED + timedelta(days=1)


def late_film(**changes) -> AgendaItem:
    """23:30 for 90 minutes: runs to 01:00 the next day."""
    return new_item(title="film", day=WED, start="23:30", minutes=90, item_id="film", **changes)


# --- the planner across midnight -----------------------------------------------------------------


def test_an_item_past_midnight_ends_the_next_day_with_a_positive_length():
    item = late_film()
    assert item.ends_at == datetime(2026, 11, 26, 1, 0)
    assert item.end_minute == 24 * 60 + 60
    assert item.ends_at - item.starts_at == timedelta(minutes=90)


def test_an_item_past_midnight_counts_once_on_the_day_it_starts():
    agenda = Agenda([late_film()], [])
    by_day = agenda.items_on_days([WED, THU])
    assert [i.id for i in by_day[WED]] == ["film"]
    assert by_day[THU] == []
    assert (day_load(by_day[WED]), day_load(by_day[THU])) == (90, 0)


@pytest.mark.parametrize(
    ("rhythm", "on_screen", "flags"),
    [
        # bed at 23:00: the film runs into the night
        (Rhythm(bedtime=time(23, 0)), False, ("sleep",)),
        # bed at 00:30, after midnight: still inside the film
        (Rhythm(bedtime=time(0, 30), wake=time(8, 0)), False, ("sleep",)),
        # bed at 01:30, after the film ends: no flag
        (Rhythm(bedtime=time(1, 30), wake=time(9, 0)), False, ()),
        # screens off at 00:30 reads as that night, and the film on a screen goes past it
        (Rhythm(bedtime=time(2, 0), wake=time(9, 0), screens_off=time(0, 30)), True, ("screens",)),
        # screens off at 01:00 exactly when the film ends: not past it
        (Rhythm(bedtime=time(2, 0), wake=time(9, 0), screens_off=time(1, 0)), True, ()),
    ],
)
def test_rhythm_flags_for_an_item_past_midnight(rhythm, on_screen, flags):
    assert rhythm_flags(late_film(on_screen=on_screen), rhythm) == flags


def test_a_boundary_crossed_late_in_the_evening_shows_on_that_day_only():
    work = new_item(title="mail", day=WED, start="23:30", minutes=90, area="work", item_id="w")
    boundary = new_boundary(kind="no_work_after", time_text="20:00", boundary_id="b")
    violations = check_week([boundary], [WED, THU], {WED: [work], THU: []})
    assert [(v.day, v.item_ids) for v in violations] == [(WED, ("w",))]


TODAY_TOMORROW = [
    # one second before midnight, "morgen" is Thursday
    (datetime(2026, 11, 25, 23, 59, 59), "morgen 9:00 bellen", date(2026, 11, 26)),
    # at midnight, "morgen" has become Friday
    (datetime(2026, 11, 26, 0, 0, 0), "morgen 9:00 bellen", date(2026, 11, 27)),
    # one second before midnight, "vandaag" is still Wednesday
    (datetime(2026, 11, 25, 23, 59, 59), "vandaag bellen", date(2026, 11, 25)),
    # at midnight, "vandaag" is Thursday
    (datetime(2026, 11, 26, 0, 0, 0), "vandaag bellen", date(2026, 11, 26)),
    # "donderdag 9:00" on Wednesday night is tomorrow
    (datetime(2026, 11, 25, 23, 59), "donderdag 9:00 yoga", date(2026, 11, 26)),
    # at Thursday 00:00 it is today: its time is still ahead
    (datetime(2026, 11, 26, 0, 0), "donderdag 9:00 yoga", date(2026, 11, 26)),
    # at Thursday 09:00 the time has come: the next Thursday
    (datetime(2026, 11, 26, 9, 0), "donderdag 9:00 yoga", date(2026, 12, 3)),
    # "maandag" on Sunday night is the next morning
    (datetime(2026, 11, 29, 23, 59), "maandag overleg", date(2026, 11, 30)),
    # at Monday 00:00 "maandag" with no time is today
    (datetime(2026, 11, 30, 0, 0), "maandag overleg", date(2026, 11, 30)),
    # "morgen" on New Year's Eve is the next year
    (datetime(2026, 12, 31, 23, 59, 59), "morgen brunch", date(2027, 1, 1)),
    # "overmorgen" on New Year's Eve
    (datetime(2026, 12, 31, 12, 0), "overmorgen wandelen", date(2027, 1, 2)),
    # "3 jan" written in December is next January
    (datetime(2026, 12, 20, 10, 0), "3 jan tandarts", date(2027, 1, 3)),
    # "29 feb" in a year without it is refused below, not moved; 2028 has one
    (datetime(2027, 12, 20, 10, 0), "29 feb 2028 tandarts", date(2028, 2, 29)),
]


@pytest.mark.parametrize(("now", "text", "day"), TODAY_TOMORROW)
def test_today_and_tomorrow_switch_at_midnight(now, text, day):
    assert parse_quick_add(text, now).day == day


# --- recovery moments across the DST changes ------------------------------------------------------

SPRING = date(2026, 3, 29)  # last Sunday of March: 02:00 becomes 03:00
AUTUMN = date(2026, 10, 25)  # last Sunday of October: 03:00 becomes 02:00 again


def test_the_dst_dates_are_the_real_ones():
    before = datetime(2026, 3, 29, 0, 59, tzinfo=UTC).astimezone(AMSTERDAM)
    after = datetime(2026, 3, 29, 1, 0, tzinfo=UTC).astimezone(AMSTERDAM)
    assert (before.hour, after.hour) == (1, 3)  # 02:xx does not exist that night
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC).astimezone(AMSTERDAM)
    again = datetime(2026, 10, 25, 1, 30, tzinfo=UTC).astimezone(AMSTERDAM)
    assert (first.hour, first.minute) == (again.hour, again.minute) == (2, 30)  # twice


def rule(at: str, repeat: str = "daily", weekdays=(), start=date(2025, 6, 1)) -> RecoveryRule:
    return new_rule(
        title="Adem", start=start, at_text=at, repeat=repeat, weekdays=weekdays, rule_id="r"
    )


DST_WEEKS = [
    # daily at 02:30, the hour that doesn't exist in spring: one moment per day, that day too
    (rule("02:30"), SPRING, 14),
    # daily at 02:30, the hour that happens twice in autumn: still one a day
    (rule("02:30"), AUTUMN, 14),
    # weekdays at 10:30, far from the change: five a week, both weeks
    (rule("10:30", "weekdays"), SPRING, 10),
    # weekdays at 10:30 in autumn
    (rule("10:30", "weekdays"), AUTUMN, 10),
    # only on Sundays at 02:15, exactly on the night of the change
    (rule("02:15", "days", (6,)), SPRING, 2),
    # the same in autumn
    (rule("02:15", "days", (6,)), AUTUMN, 2),
    # a rule that starts on the day of the change itself
    (rule("02:30", start=SPRING), SPRING, 8),
    # daily at 00:00, right at the start of the day of the change
    (rule("00:00"), AUTUMN, 14),
    # daily at 23:59, the last minute of the day
    (rule("23:59"), AUTUMN, 14),
]


@pytest.mark.parametrize(("recovery", "change_day", "count"), DST_WEEKS)
def test_recovery_moments_across_dst_are_neither_doubled_nor_skipped(recovery, change_day, count):
    first = monday_of(change_day)  # the week of the change (it ends on that Sunday) and the next
    last = first + timedelta(days=13)
    moments = expand_rules([recovery], first, last)
    ids = [m.id for m in moments]
    assert len(ids) == len(set(ids)) == count
    expected_days = [
        d
        for d in (first + timedelta(days=n) for n in range((last - first).days + 1))
        if d.weekday() in recovery.weekdays and d >= date(2025, 6, 1)
    ]
    if recovery.rule.startswith(f"DTSTART:{SPRING:%Y%m%d}"):
        expected_days = [d for d in expected_days if d >= SPRING]
    assert [m.day for m in moments] == expected_days  # one each day it falls on, in order
    assert all(m.start == recovery.at and m.minutes > 0 for m in moments)
    assert all(m.ends_at > m.starts_at for m in moments)


def local_minutes(day: date) -> list[datetime]:
    """Every real minute of one Amsterdam day, as the device's naive local clock shows it."""
    begin = datetime.combine(day, time(0, 0), tzinfo=AMSTERDAM).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=AMSTERDAM).astimezone(UTC)
    minutes, now = [], begin
    while now < end:
        minutes.append(now.astimezone(AMSTERDAM).replace(tzinfo=None))
        now += timedelta(minutes=1)
    return minutes


@pytest.mark.parametrize(
    ("day", "minutes_in_day", "at"),
    [
        # spring: 23 real hours; a moment at 08:00, after the change
        (SPRING, 23 * 60, "08:00"),
        # autumn: 25 real hours; a moment at 02:30, inside the hour that comes twice
        (AUTUMN, 25 * 60, "02:30"),
        # autumn: a moment at 01:55 that is still due when the clock turns back
        (AUTUMN, 25 * 60, "01:55"),
        # an ordinary day, for comparison
        (date(2026, 11, 25), 24 * 60, "02:30"),
    ],
)
def test_a_moment_taken_once_is_not_offered_again_when_the_clock_turns_back(
    day, minutes_in_day, at
):
    recovery = rule(at)
    clock = local_minutes(day)
    assert len(clock) == minutes_in_day
    taken: dict[str, AgendaItem] = {}
    offered: list[str] = []
    for now in clock:
        moments = expand_rules([recovery], now.date(), now.date(), taken)
        due = due_moment(moments, now)
        if due is not None:
            offered.append(due.id)
            taken[due.id] = mark_taken(due)  # the user taps it: stored as taken
    assert offered == [f"r@{day:%Y%m%d}T{at.replace(':', '')}"]


def test_a_moment_inside_the_missing_spring_hour_is_listed_once_and_fades_quietly():
    recovery = rule("02:30")
    [moment] = expand_rules([recovery], SPRING, SPRING)
    states = {moment_state(moment, now) for now in local_minutes(SPRING)}
    # The wall clock never shows 02:30 that night, so it is never "due"; it simply fades.
    assert states == {"ahead", "faded"}


# --- ISO week 53 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "monday", "week", "next_monday", "next_week"),
    [
        # 2026 has 53 ISO weeks: New Year's Eve is in week 53
        (date(2026, 12, 31), date(2026, 12, 28), (2026, 53), date(2027, 1, 4), (2027, 1)),
        # New Year's Day 2027 still belongs to week 53 of 2026
        (date(2027, 1, 1), date(2026, 12, 28), (2026, 53), date(2027, 1, 4), (2027, 1)),
        # Sunday 3 January 2027 is the last day of that week 53
        (date(2027, 1, 3), date(2026, 12, 28), (2026, 53), date(2027, 1, 4), (2027, 1)),
        # 2020 had 53 weeks too
        (date(2020, 12, 31), date(2020, 12, 28), (2020, 53), date(2021, 1, 4), (2021, 1)),
        # a year with 52: 2025's last week runs into 2026 as week 1
        (date(2025, 12, 31), date(2025, 12, 29), (2026, 1), date(2026, 1, 5), (2026, 2)),
    ],
)
def test_iso_week_edges(day, monday, week, next_monday, next_week):
    days = week_days(day)
    assert days[0] == monday_of(day) == week_start(day) == monday
    assert len(days) == 7 and days[-1] == monday + timedelta(days=6)
    assert monday.isocalendar()[:2] == week
    assert (days[-1] + timedelta(days=1)) == next_monday
    assert next_monday.isocalendar()[:2] == next_week


def test_a_free_evening_is_judged_over_week_53_across_new_year():
    boundary = new_boundary(kind="free_evening_per_week", n=1, boundary_id="free")
    days = week_days(date(2026, 12, 31))
    busy = {
        d: [new_item(title="uit", day=d, start="19:00", minutes=60, item_id=f"e{d}")] for d in days
    }
    # every evening taken, over two calendar years: one violation for the one ISO week
    assert len(check_week([boundary], days, busy)) == 1
    free_on_new_year = {**busy, date(2027, 1, 1): []}
    assert check_week([boundary], days, free_on_new_year) == []


def pause(started: datetime, seconds: int = 60, pid: str | None = None) -> PauseRecord:
    return PauseRecord(pid or f"{started:%Y%m%dT%H%M%S}", "calm", started, 60, seconds, True)


def test_the_pause_history_runs_from_week_53_into_week_1_without_a_gap():
    records = [pause(datetime(2026, 12, 31, 20, 0)), pause(datetime(2027, 1, 2, 9, 0))]
    now = datetime(2027, 1, 5, 8, 0)
    weeks = last_weeks(records, now)
    mondays = [w.week_start for w in weeks]
    assert all(b - a == timedelta(days=7) for a, b in pairwise(mondays))
    assert [w.week_start.isocalendar()[1] for w in weeks[-2:]] == [53, 1]
    assert [w.moments for w in weeks[-2:]] == [2, 0]
    assert months_between(first_day_shown(now), now.date())[-2:] == ["2026-12", "2027-01"]


# --- the pause week summary around midnight and Monday 00:00 --------------------------------------

SUNDAY_NIGHT = datetime(2026, 11, 29, 23, 59, 50)  # the last seconds of an ISO week
MONDAY = datetime(2026, 11, 30, 0, 0, 0)


@pytest.mark.parametrize(
    ("records", "now", "this_week_moments", "last_week_moments"),
    [
        # a pause in the last seconds of Sunday, seen on Sunday: this week
        ([pause(SUNDAY_NIGHT)], datetime(2026, 11, 29, 23, 59, 59), 1, 0),
        # the same pause seen at Monday 00:00: it moved to last week, the new week starts at 0
        ([pause(SUNDAY_NIGHT)], MONDAY, 0, 1),
        # a pause that starts Sunday 23:59:50 and ends on Monday counts once, in its start week
        ([pause(SUNDAY_NIGHT, 120)], MONDAY + timedelta(hours=1), 0, 1),
        # a pause at Monday 00:00:00 exactly belongs to the new week
        ([pause(MONDAY)], MONDAY, 1, 0),
        # 29 seconds just before midnight: no recovery moment either side
        ([pause(SUNDAY_NIGHT, 29)], MONDAY, 0, 0),
        # one pause each side of midnight: one in each week, not two in either
        ([pause(SUNDAY_NIGHT), pause(MONDAY + timedelta(seconds=5))], MONDAY + timedelta(minutes=1), 1, 1),
    ],
)  # fmt: skip
def test_the_week_summary_around_monday_midnight(
    records, now, this_week_moments, last_week_moments
):
    weeks = last_weeks(records, now)
    assert (weeks[-1].moments, weeks[-2].moments) == (this_week_moments, last_week_moments)
    assert this_week(records, now).moments == this_week_moments
    total = sum(r.actual_seconds >= 30 for r in records)
    assert sum(w.moments for w in weeks) == total  # nothing counted twice, nothing lost
    assert all(w.minutes >= 0 for w in weeks)


# --- a device clock that jumps back ---------------------------------------------------------------


def test_a_pause_record_that_ends_before_it_starts_cannot_be_made_or_read():
    with pytest.raises(ValueError):
        PauseRecord("p", "calm", MONDAY, 60, -30, False)
    stored = pause(MONDAY).to_record() | {"actual_seconds": -30}
    with pytest.raises(ValueError):
        PauseRecord.from_record(stored)  # the repository skips such a record, see the view test


def test_pauses_saved_later_than_now_count_where_they_started_and_never_negatively():
    saved = [pause(datetime(2026, 11, 25, 22, 0)), pause(datetime(2026, 12, 2, 9, 0))]
    now = datetime(2026, 11, 25, 8, 0)  # the clock went back: both pauses lie "ahead" of now
    summary = this_week(saved, now)
    assert (summary.moments, summary.minutes) == (1, 1)  # the one in this week; the other waits
    assert all(w.moments >= 0 and w.minutes >= 0 for w in last_weeks(saved, now))
    assert summarize_week(saved, date(2026, 11, 30)).moments == 1


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        # the clock steps back 100 s while running, then the pause is stopped
        ([900.0], 0),
        # 40 s run, paused and resumed, then the clock steps back 40 s: the 40 s are kept
        ([1040.0, "pause", "resume", 1000.0], 40),
        # a clock that only goes forward, for comparison
        pytest.param([1030.0], 30),
    ],
)
def test_a_pause_stopped_after_the_clock_went_back_keeps_no_negative_time(steps, expected):
    reading = [1000.0]
    session = PauseSession(CATALOGUE["calm"], 60, lambda: reading[0])
    session.start(MONDAY)
    for step in steps:
        if step == "pause":
            session.pause()
        elif step == "resume":
            session.resume()
        else:
            reading[0] = step
    assert 0 <= session.elapsed() <= 60
    record = session.stop()
    assert record is not None and record.actual_seconds == expected


def test_a_taken_moment_stays_single_when_now_goes_back_before_it():
    recovery = rule("10:30")
    [moment] = expand_rules([recovery], WED, WED)
    taken = {moment.id: mark_taken(moment)}
    for now in (datetime(2026, 11, 25, 10, 35), datetime(2026, 11, 25, 9, 0)):  # back 95 min
        moments = expand_rules([recovery], WED, WED, taken)
        assert [m.id for m in moments] == [moment.id]
        assert moment_state(moments[0], now) == "taken"
        assert due_moment(moments, now) is None


class MemoryRepo:
    """A planner repository in memory: enough to ask the state about due moments."""

    def __init__(self, items=(), rules=()):
        self._items = {i.id: i for i in items}
        self._rules = list(rules)

    def items(self):
        return list(self._items.values())

    def items_between(self, first, last):
        return [i for i in self._items.values() if first <= i.day <= last]

    def get_item(self, item_id):
        return self._items.get(item_id)

    def save_item(self, item):
        self._items[item.id] = item

    def delete_item(self, item_id):
        return self._items.pop(item_id, None) is not None

    def boundaries(self):
        return []

    def save_boundary(self, boundary):
        pass

    def delete_boundary(self, boundary_id):
        return False

    def rules(self):
        return list(self._rules)

    def save_rule(self, recovery):
        self._rules.append(recovery)

    def delete_rule(self, rule_id):
        return False


@pytest.mark.parametrize(
    ("now", "due"),
    [
        # 23:55 for 10 minutes: due at 23:58
        (datetime(2026, 11, 25, 23, 58), True),
        # still due two minutes after midnight: it runs to 00:05
        (datetime(2026, 11, 26, 0, 2), True),
        # gone quietly at 00:06
        (datetime(2026, 11, 26, 0, 6), False),
        # the clock jumped back to the evening before: not yet
        (datetime(2026, 11, 25, 23, 0), False),
    ],
)
def test_a_late_moment_stays_due_across_midnight(now, due):
    recovery = new_rule(
        title="Adem", start=date(2026, 11, 1), at_text="23:55", repeat="daily", minutes=10,
        rule_id="late",
    )  # fmt: skip
    state = PlannerState(MemoryRepo(rules=[recovery]), 6, Rhythm(), around=now.date())
    found = state.due_moment(now)
    assert (found is not None) == due
    if due:
        assert found.id == "late@20261125T2355" and found.minutes == 10
