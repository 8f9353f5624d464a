"""Imported calendars week by week: the exact local day, start and length of every tricky case."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from domain.plan.calendar.expand import CalendarWeeks, recurrence_id_text, to_local
from domain.plan.calendar.parse import ParsedCalendar, read_calendar

DATA = Path(__file__).resolve().parents[3] / "data" / "calendars"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SEATTLE = ZoneInfo("America/Los_Angeles")


def weeks_of(name: str, zone=AMSTERDAM) -> CalendarWeeks:
    parsed = read_calendar((DATA / name).read_bytes())
    assert isinstance(parsed, ParsedCalendar)
    return CalendarWeeks("src", parsed.data, zone)


def shown(weeks: CalendarWeeks, day: date) -> list[tuple[str, str, int, str]]:
    """(title, local start "HH:MM" or "all day", minutes, recurrence id) of one local day."""
    return [
        (e.title, "all day" if e.all_day else f"{e.start:%H:%M}", e.minutes, e.recurrence_id)
        for e in weeks.between(day, day)
        if e.start.date() == day or e.all_day
    ]


# (file, local day in Amsterdam, what that day shows) — one line per tricky case
DAYS = [
    # Google: a weekly stand-up written in UTC with X-WR-TIMEZONE stays at 09:00 across DST
    ("google_werk.ics", date(2026, 3, 2), [("Stand-up", "09:00", 30, "20260302T080000Z")]),
    ("google_werk.ics", date(2026, 4, 6), [("Stand-up", "09:00", 30, "20260406T070000Z")]),
    ("google_werk.ics", date(2026, 10, 26), [("Stand-up", "09:00", 30, "20261026T080000Z")]),
    # a moved occurrence (RECURRENCE-ID) shows at its new time, under its original id
    (
        "google_werk.ics",
        date(2026, 3, 23),
        [("Stand-up (verplaatst)", "14:00", 30, "20260323T080000Z")],
    ),
    # a cancelled occurrence and an EXDATE leave the day empty
    ("google_werk.ics", date(2026, 3, 30), []),
    ("google_werk.ics", date(2026, 4, 13), []),
    # a Seattle meeting at 18:00 is 03:00 the next day here, 02:00 while only the US is on DST
    ("google_werk.ics", date(2026, 3, 5), []),
    ("google_werk.ics", date(2026, 3, 6), [("Sync met Seattle", "03:00", 60, "")]),
    (
        "google_werk.ics",
        date(2026, 3, 13),
        [("Sync met Seattle (zomertijd daar)", "02:00", 60, "")],
    ),
    # an all-day event adds no minutes; the series goes on beside it
    (
        "google_werk.ics",
        date(2026, 4, 27),
        [("Koningsdag", "all day", 0, ""), ("Stand-up", "09:00", 30, "20260427T070000Z")],
    ),
    # a daily series over the turn of the year (COUNT=7)
    (
        "google_werk.ics",
        date(2026, 12, 31),
        [("Eindejaarsoverleg", "16:00", 60, "20261231T150000Z")],
    ),
    (
        "google_werk.ics",
        date(2027, 1, 3),
        [("Eindejaarsoverleg", "16:00", 60, "20270103T150000Z")],
    ),
    ("google_werk.ics", date(2027, 1, 5), []),
    # a cancelled single event is not there
    ("google_werk.ics", date(2026, 3, 4), []),
    # Outlook: Windows zone names, Windows-1252 text, UNTIL includes its last occurrence
    (
        "outlook_agenda.ics",
        date(2026, 3, 24),
        [("Overleg café – begroting", "10:00", 60, "20260324T090000Z")],
    ),
    (
        "outlook_agenda.ics",
        date(2026, 3, 31),
        [("Overleg café – begroting", "10:00", 60, "20260331T080000Z")],
    ),
    (
        "outlook_agenda.ics",
        date(2026, 5, 5),
        [
            ("Vakantie", "all day", 0, ""),
            ("Overleg café – begroting", "10:00", 60, "20260505T080000Z"),
        ],
    ),
    ("outlook_agenda.ics", date(2026, 5, 12), []),
    ("outlook_agenda.ics", date(2026, 3, 6), [("Call Redmond", "03:00", 60, "")]),
    # Apple: DURATION instead of DTEND, and RDATE adding dates to a single start
    ("apple_thuis.ics", date(2026, 3, 10), [("Koor", "19:30", 90, "20260310T183000Z")]),
    ("apple_thuis.ics", date(2026, 3, 31), [("Koor", "19:30", 90, "20260331T173000Z")]),
    ("apple_thuis.ics", date(2026, 3, 24), []),
    # a floating time reads as it is written, in whatever zone the device is
    ("apple_thuis.ics", date(2026, 3, 11), [("Lunch met Sam", "12:00", 60, "")]),
    # a daily series over the night the clocks go forward keeps 09:00
    ("apple_thuis.ics", date(2026, 3, 29), [("Zwemmen", "09:00", 60, "20260329T070000Z")]),
    ("apple_thuis.ics", date(2026, 3, 31), [("Koor", "19:30", 90, "20260331T173000Z")]),
    # a night train past midnight is one event on the day it leaves
    (
        "apple_thuis.ics",
        date(2026, 3, 14),
        [("Weekend weg", "all day", 0, ""), ("Nachttrein", "23:00", 180, "")],
    ),
    # Thunderbird: monthly on the first Monday, and a weekly series begun in 2020, still going
    (
        "thunderbird.ics",
        date(2026, 11, 2),
        [("Maandoverleg", "14:00", 90, "20261102T130000Z")],
    ),
    ("thunderbird.ics", date(2027, 1, 4), []),  # COUNT=12 ended in December
    ("thunderbird.ics", date(2031, 1, 1), [("Yoga", "07:00", 60, "20310101T060000Z")]),
    ("thunderbird.ics", date(2031, 7, 2), [("Yoga", "07:00", 60, "20310702T050000Z")]),
]


@pytest.mark.parametrize(("name", "day", "expected"), DAYS)
def test_a_day_shows_exactly_its_events_in_local_time(name, day, expected):
    assert shown(weeks_of(name), day) == expected


def test_the_device_zone_is_a_parameter_seattle_sees_its_own_1800():
    weeks = weeks_of("google_werk.ics", SEATTLE)
    assert shown(weeks, date(2026, 3, 5)) == [("Sync met Seattle", "18:00", 60, "")]
    # the stand-up at 09:00 in Amsterdam is at midnight in Seattle
    assert [t for t, *_ in shown(weeks, date(2026, 3, 2))] == ["Stand-up"]
    assert shown(weeks, date(2026, 3, 2))[0][1] == "00:00"


def test_a_multi_day_all_day_event_touches_each_of_its_days():
    weeks = weeks_of("apple_thuis.ics")
    [weekend] = [e for e in weeks.between(date(2026, 3, 13), date(2026, 3, 15)) if e.all_day]
    assert weekend.days == [date(2026, 3, 13), date(2026, 3, 14), date(2026, 3, 15)]
    assert weekend.minutes == 0
    assert weekend in weeks.between(date(2026, 3, 15), date(2026, 3, 15))


def test_a_week_is_expanded_once_and_kept():
    weeks = weeks_of("thunderbird.ics")
    monday = date(2029, 5, 7)
    assert weeks.week(monday) is weeks.week(monday)


def test_years_back_and_ahead_show_their_events():
    weeks = weeks_of("thunderbird.ics")
    for monday in (date(2020, 1, 6), date(2024, 2, 5), date(2040, 10, 1), date(2199, 12, 2)):
        assert [e.title for e in weeks.week(monday)] == ["Yoga"]
    assert weeks.week(date(2019, 12, 23)) == ()


def value(component: Any, name: str) -> Any:
    return component[name].dt


def reference(path_or_bytes, first: date, last: date, zone) -> set[tuple[str, str, datetime]]:
    """(uid, recurrence id, local start) from recurring-ical-events over the whole file at once."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    calendar = Calendar.from_ical(data.decode("utf-8", errors="replace"))
    # what the import leaves out on purpose (no start, end before start) is not compared
    calendar.subcomponents = [
        c
        for c in calendar.subcomponents
        if c.name != "VEVENT"
        or ("DTSTART" in c and ("DTEND" not in c or value(c, "DTEND") >= value(c, "DTSTART")))
    ]
    begin = datetime.combine(first, time.min)
    end = datetime.combine(last + timedelta(days=1), time.min)
    found = set()
    for e in recurring_ical_events.of(calendar).between(
        (begin - timedelta(days=1)).replace(tzinfo=zone),
        (end + timedelta(days=1)).replace(tzinfo=zone),
    ):
        if str(e.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = to_local(e["DTSTART"].dt, zone)
        if begin <= start < end:
            recurring = "RRULE" in e or "RDATE" in e or _is_series(calendar, str(e["UID"]))
            rid = recurrence_id_text(e["RECURRENCE-ID"].dt) if recurring else ""
            found.add((str(e["UID"]), rid, start))
    return found


def _is_series(calendar: Calendar, uid: str) -> bool:
    return any(
        str(c.get("UID")) == uid and ("RRULE" in c or "RDATE" in c or "RECURRENCE-ID" in c)
        for c in calendar.walk("VEVENT")
    )


def ours(weeks: CalendarWeeks, first: date, last: date) -> set[tuple[str, str, datetime]]:
    begin = datetime.combine(first, time.min)
    end = datetime.combine(last + timedelta(days=1), time.min)
    return {
        (e.uid, e.recurrence_id, e.start)
        for e in weeks.between(first, last)
        if begin <= e.start < end
    }


@pytest.mark.parametrize("name", ["google_werk.ics", "apple_thuis.ics", "outlook_agenda.ics"])
def test_week_by_week_agrees_with_expanding_the_whole_file(name):
    weeks = weeks_of(name)
    monday = date(2025, 12, 1)
    while monday < date(2027, 2, 1):
        sunday = monday + timedelta(days=6)
        assert ours(weeks, monday, sunday) == reference(DATA / name, monday, sunday, AMSTERDAM)
        monday += timedelta(days=7)


RULES = st.sampled_from(
    [
        "FREQ=DAILY",
        "FREQ=DAILY;INTERVAL=3",
        "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=WEEKLY",
        "FREQ=WEEKLY;INTERVAL=2",
        "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH;WKST=SU",
        "FREQ=WEEKLY;BYDAY=TU,TH",  # started on a day the rule does not hold: never moved
        "FREQ=WEEKLY;UNTIL=20290101T000000Z",
        "FREQ=MONTHLY;BYDAY=2WE",
    ]
)


@settings(max_examples=40, deadline=None)
@given(
    rule=RULES,
    start=st.dates(date(2015, 1, 1), date(2026, 12, 31)),
    hour=st.integers(0, 23),
    zone=st.sampled_from(["Europe/Amsterdam", "America/Los_Angeles", "UTC", ""]),
    weeks_ahead=st.integers(0, 700),
    exdate_week=st.integers(1, 60),
)
def test_restarting_a_long_series_changes_none_of_its_occurrences(
    rule, start, hour, zone, weeks_ahead, exdate_week
):
    at = datetime.combine(start, time(hour, 15))
    tzid = f";TZID={zone}" if zone else ""
    exdate = at + timedelta(weeks=exdate_week)
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:r\r\n"
        f"DTSTART{tzid}:{at:%Y%m%dT%H%M%S}\r\nDURATION:PT45M\r\nRRULE:{rule}\r\n"
        f"EXDATE{tzid}:{exdate:%Y%m%dT%H%M%S}\r\nSUMMARY:Reeks\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
    parsed = read_calendar(text)
    assert isinstance(parsed, ParsedCalendar)
    weeks = CalendarWeeks("src", parsed.data, AMSTERDAM)
    monday = start - timedelta(days=start.weekday()) + timedelta(weeks=weeks_ahead)
    for first in (monday, monday + timedelta(weeks=1)):
        last = first + timedelta(days=6)
        assert ours(weeks, first, last) == reference(text, first, last, AMSTERDAM)
