"""Reading .ics files: what comes in, what is left out and why, and files that are refused."""

from __future__ import annotations

import time
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.plan.calendar.parse import (
    MAX_BYTES,
    ParsedCalendar,
    Refusal,
    read_calendar,
    refusal_by_size,
)

DATA = Path(__file__).resolve().parents[3] / "data" / "calendars"
ICALENDAR_CALENDARS = Path(icalendar.__file__).parent / "tests" / "calendars"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def calendar(*events: str, head: str = "") -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{head}{body}END:VCALENDAR\r\n"
    return text.encode("utf-8")


def event(uid: str, *lines: str) -> str:
    named = any(line.startswith("SUMMARY") for line in lines)
    return "\r\n".join((f"UID:{uid}", *(() if named else ("SUMMARY:Overleg",)), *lines))


GOOD = event("good", "DTSTART:20260302T090000Z", "DTEND:20260302T100000Z")


def skipped_of(data: bytes) -> dict[str, int]:
    parsed = read_calendar(data)
    assert isinstance(parsed, ParsedCalendar)
    return parsed.summary.skipped


# (file, events brought in, skipped per reason) — one line per kind of trouble
SKIPS = [
    # an event with no DTSTART is left out and said so
    (calendar(GOOD, event("a", "DTEND:20260302T100000Z")), 1, {"no_start": 1}),
    # a month that does not exist (icalendar's fuzz case of an invalid month)
    (calendar(GOOD, event("b", "DTSTART:20261302T090000Z")), 1, {"bad_time": 1}),
    # a duration no calendar can hold
    (
        calendar(GOOD, event("c", "DTSTART:20260302T090000Z", "DURATION:P999999999999999999W")),
        1,
        {"bad_time": 1},
    ),
    # the end before the start
    (
        calendar(GOOD, event("d", "DTSTART:20260302T110000Z", "DTEND:20260302T100000Z")),
        1,
        {"end_before_start": 1},
    ),
    # a cancelled event is not shown and not counted
    (
        calendar(GOOD, event("e", "DTSTART:20260302T110000Z", "STATUS:CANCELLED")),
        1,
        {"cancelled": 1},
    ),
    # a moment every second or every minute is no meeting: left out, never expanded
    (
        calendar(GOOD, event("f", "DTSTART:20260302T090000Z", "RRULE:FREQ=SECONDLY")),
        1,
        {"too_frequent": 1},
    ),
    (
        calendar(GOOD, event("g", "DTSTART:20260302T090000Z", "RRULE:FREQ=MINUTELY;INTERVAL=5")),
        1,
        {"too_frequent": 1},
    ),
    # a daily rule that asks for every minute of the day
    (
        calendar(
            GOOD,
            event(
                "h",
                "DTSTART:20260302T090000Z",
                "RRULE:FREQ=DAILY;BYMINUTE=" + ",".join(map(str, range(60))),
            ),
        ),
        1,
        {"too_frequent": 1},
    ),
    # a rule that cannot be read
    (
        calendar(GOOD, event("i", "DTSTART:20260302T090000Z", "RRULE:FREQ=FORTNIGHTLY")),
        1,
        {"bad_rule": 1},
    ),
    # a year the planner does not show
    (calendar(GOOD, event("j", "DTSTART:18500302T090000Z")), 1, {"out_of_range": 1}),
    # an exception that cannot be read goes; its series stays
    (
        calendar(
            event("k", "DTSTART:20260302T090000Z", "RRULE:FREQ=WEEKLY"),
            event("k", "RECURRENCE-ID:20260309T090000Z", "DTSTART:20261309T090000Z"),
        ),
        1,
        {"bad_time": 1},
    ),
    # an endless rule is kept whole: expanded only as far as a week is opened
    (calendar(GOOD, event("l", "DTSTART:20260302T090000Z", "RRULE:FREQ=DAILY")), 2, {}),
    # NUL in a name is taken out, the event stays
    (calendar(event("m\x00n", "DTSTART:20260302T090000Z", "SUMMARY:Over\x00leg")), 1, {}),
]


@pytest.mark.parametrize(("data", "events", "skipped"), SKIPS)
def test_what_is_left_out_is_counted_per_reason(data, events, skipped):
    parsed = read_calendar(data)
    assert isinstance(parsed, ParsedCalendar)
    assert parsed.summary.events == events
    assert parsed.summary.skipped == {f"plan.calendar.skipped.{k}": n for k, n in skipped.items()}


# (file, refusal) — files that are not brought in at all
REFUSALS = [
    (b"", "empty"),
    (b"  \r\n\r\n", "empty"),
    (PNG + b"\x00" * 200, "not_calendar"),  # a PNG renamed .ics
    (b"BEGIN:VEVENT\r\nEND:VEVENT\r\n", "not_calendar"),
    (b"Hallo, dit is geen agenda.", "not_calendar"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n", "unreadable"),  # broken nesting
]


@pytest.mark.parametrize(("data", "key"), REFUSALS)
def test_a_file_that_is_no_calendar_is_refused_with_one_clear_reason(data, key):
    assert read_calendar(data) == Refusal(f"plan.calendar.refused.{key}")


def test_a_file_over_20_mb_is_refused_by_its_size_before_it_is_read():
    assert refusal_by_size(MAX_BYTES + 1) == Refusal("plan.calendar.refused.too_large")
    assert refusal_by_size(MAX_BYTES) is None
    assert read_calendar(b" " * (MAX_BYTES + 1)) == Refusal("plan.calendar.refused.too_large")


def test_a_byte_order_mark_and_windows_1252_read_as_text():
    data = calendar(event("bom", "DTSTART:20260302T090000Z"))
    parsed = read_calendar(b"\xef\xbb\xbf" + data)
    assert isinstance(parsed, ParsedCalendar) and parsed.summary.events == 1
    cp1252 = calendar(event("w", "DTSTART:20260302T090000Z", "SUMMARY:Caf\u00e9 \u2013 overleg"))
    parsed = read_calendar(cp1252.decode("utf-8").encode("cp1252"))
    assert isinstance(parsed, ParsedCalendar)
    assert parsed.data.singles[0].title == "Caf\u00e9 \u2013 overleg"
    utf16 = read_calendar(data.decode("utf-8").encode("utf-16"))
    assert isinstance(utf16, ParsedCalendar) and utf16.summary.events == 1


def test_the_calendar_name_comes_from_x_wr_calname():
    parsed = read_calendar(calendar(GOOD, head="X-WR-CALNAME:Werk-agenda\r\n"))
    assert isinstance(parsed, ParsedCalendar) and parsed.name == "Werk-agenda"
    unnamed = read_calendar(calendar(GOOD))
    assert isinstance(unnamed, ParsedCalendar) and unnamed.name == ""


def test_an_unknown_x_wr_timezone_is_ignored_not_fatal():
    parsed = read_calendar(calendar(GOOD, head="X-WR-TIMEZONE:Mars/Olympus_Mons\r\n"))
    assert isinstance(parsed, ParsedCalendar)
    assert parsed.data.x_wr_timezone == ""


def test_the_same_uid_twice_keeps_the_highest_sequence():
    data = calendar(
        event("s", "DTSTART:20260302T090000Z", "SEQUENCE:2", "SUMMARY:Nieuw"),
        event("s", "DTSTART:20260301T090000Z", "SEQUENCE:1", "SUMMARY:Oud"),
    )
    parsed = read_calendar(data)
    assert isinstance(parsed, ParsedCalendar)
    assert [e.title for e in parsed.data.singles] == ["Nieuw"]


def test_50000_events_come_in_and_more_are_left_out():
    lines = [
        event(f"e{n}", f"DTSTART:2026{1 + n % 12:02d}{1 + n % 28:02d}T0{n % 10}0000Z")
        for n in range(50_010)
    ]
    data = calendar(*lines)
    begin = time.perf_counter()
    parsed = read_calendar(data)
    assert time.perf_counter() - begin < 60
    assert isinstance(parsed, ParsedCalendar)
    assert parsed.summary.events == 50_000
    assert parsed.summary.skipped == {"plan.calendar.skipped.too_many": 10}


@pytest.mark.parametrize(
    "path",
    sorted(ICALENDAR_CALENDARS.glob("*.ics")) if ICALENDAR_CALENDARS.is_dir() else [],
    ids=lambda p: p.name,
)
def test_none_of_icalendars_own_test_calendars_crashes_the_importer(path):
    result = read_calendar(path.read_bytes())
    assert isinstance(result, ParsedCalendar | Refusal)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.ics")), ids=lambda p: p.name)
def test_every_test_calendar_reads(path):
    assert isinstance(read_calendar(path.read_bytes()), ParsedCalendar)


LINES = st.sampled_from(
    [
        "BEGIN:VCALENDAR",
        "END:VCALENDAR",
        "BEGIN:VEVENT",
        "END:VEVENT",
        "BEGIN:VTIMEZONE",
        "END:VTIMEZONE",
        "UID:x",
        "DTSTART:20260302T090000Z",
        "DTSTART;TZID=W. Europe Standard Time:20260302T090000",
        "DTSTART;TZID=Nowhere/Land:20260302T090000",
        "DTSTART;VALUE=DATE:20260302",
        "DTSTART:2026",
        "DTEND:20260301T090000Z",
        "DURATION:PT1H",
        "DURATION:P99999999999W",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TU",
        "RRULE:FREQ=SECONDLY",
        "RRULE:FREQ=DAILY;COUNT=-3",
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYSETPOS=-1",
        "RRULE:FREQ=YEARLY;BYMONTH=13",
        "RRULE:%n;BYMONTH=----",
        "RDATE:20260305T090000Z,20260306",
        "EXDATE:20260309T090000Z",
        "RECURRENCE-ID:20260309T090000Z",
        "RECURRENCE-ID;RANGE=THISANDFUTURE:20260309T090000Z",
        "STATUS:CANCELLED",
        "SEQUENCE:x",
        "X-WR-TIMEZONE:Europe/Amsterdam",
        "X-WR-TIMEZONE:",
        "SUMMARY:\x00",
        "TZOFFSETFROM:+0100",
        " folded",
        ";;;",
    ]
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=40))
def test_no_line_soup_crashes_the_importer(lines):
    data = ("BEGIN:VCALENDAR\r\n" + "\r\n".join(lines) + "\r\n").encode("utf-8", "surrogatepass")
    result = read_calendar(data)
    assert isinstance(result, ParsedCalendar | Refusal)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_no_bytes_crash_the_importer(data):
    assert isinstance(read_calendar(data), ParsedCalendar | Refusal)
    assert isinstance(read_calendar(b"BEGIN:VCALENDAR\r\n" + data), ParsedCalendar | Refusal)
