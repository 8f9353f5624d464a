"""Parsing and formatting of wall-clock times ("HH:MM") and dates used by the planner."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

MIN_YEAR = 1970
MAX_YEAR = 2200
MINUTES_PER_DAY = 24 * 60

_HHMM = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def parse_hhmm(text: str | None) -> time | None:
    """Read "HH:MM" (or "H.MM"); None when it is not a real time of day."""
    if text is None:
        return None
    match = _HHMM.match(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def format_hhmm(value: time) -> str:
    """Write a time as "HH:MM"."""
    return f"{value.hour:02d}:{value.minute:02d}"


def parse_iso_date(text: str | None) -> date | None:
    """Read "YYYY-MM-DD"; None when it is not a date the planner accepts."""
    if not text:
        return None
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if date_in_range(value) else None


def date_in_range(value: date) -> bool:
    """Whether a date lies in the span an agenda can sensibly hold."""
    return MIN_YEAR <= value.year <= MAX_YEAR


def minute_of_day(value: time) -> int:
    """Minutes since midnight."""
    return value.hour * 60 + value.minute


def evening_limit_minutes(value: time) -> int:
    """An evening limit as minutes after the day's midnight.

    Limits in the small hours (before 05:00) belong to the night after the day, so "no screens after
    00:30" reads as 24:30 of that day rather than half past midnight that morning.
    """
    minutes = minute_of_day(value)
    return minutes + MINUTES_PER_DAY if value.hour < 5 else minutes


def monday_of(day: date) -> date:
    """The Monday of the ISO week holding this day."""
    return day - timedelta(days=day.weekday())


def week_days(day: date) -> list[date]:
    """The seven days, Monday first, of the ISO week holding this day."""
    start = monday_of(day)
    return [start + timedelta(days=i) for i in range(7)]


_USER_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


def parse_user_date(text: str | None) -> date | None:
    """Read a typed date: "25-11-2026", "25/11/2026", "25.11.2026" or ISO "2026-11-25"."""
    if not text or not text.strip():
        return None
    match = _USER_DATE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            value = date(year, month, day)
        except ValueError:
            return None
        return value if date_in_range(value) else None
    return parse_iso_date(text)


def format_user_date(value: date) -> str:
    """Write a date the way the form reads it back: "25-11-2026"."""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"
