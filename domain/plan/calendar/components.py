"""Reading one event of an .ics file: its times, title and rules, or a series with its exceptions.

What cannot be shown raises `Skip` with the reason, which the import counts in its summary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from dateutil.rrule import rrulestr
from icalendar import Component, Event, vRecur

from domain.plan.calendar.series import Moment, RecurringSeries, SingleEvent, naive_utc
from domain.plan.calendar.sources import clean_name
from domain.plan.calendar.zones import in_database_zone, tzids, use_database_zones
from domain.plan.times import MAX_YEAR, MIN_YEAR

# More moments a day than this is no meeting pattern: a rule asking for it is left out.
MAX_PER_DAY = 24
# Only these are kept of a repeating event: all that expanding it and showing it need.
SERIES_PROPERTIES = (
    "UID",
    "SUMMARY",
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "RECURRENCE-ID",
    "SEQUENCE",
    "STATUS",
)
ALLOWED_FREQ = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
TOO_FREQUENT = ("SECONDLY", "MINUTELY", "HOURLY")

SKIPPED_NO_START = "plan.calendar.skipped.no_start"
SKIPPED_BAD_TIME = "plan.calendar.skipped.bad_time"
SKIPPED_END_BEFORE_START = "plan.calendar.skipped.end_before_start"
SKIPPED_CANCELLED = "plan.calendar.skipped.cancelled"
SKIPPED_TOO_FREQUENT = "plan.calendar.skipped.too_frequent"
SKIPPED_BAD_RULE = "plan.calendar.skipped.bad_rule"
SKIPPED_OUT_OF_RANGE = "plan.calendar.skipped.out_of_range"
SKIPPED_TOO_MANY = "plan.calendar.skipped.too_many"


# Carries a message key like quickadd.QuickAddError; kept apart: that one is a ValueError shown
# beside a field, this one leaves one event out and is only counted in the import's summary.
class Skip(Exception):
    """An event that is left out; `key` says why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def latest_copy(components: Sequence[Component]) -> Component:
    """Of several copies of one event, the one with the highest SEQUENCE (the last on a tie)."""
    return max(enumerate(components), key=lambda pair: (_sequence(pair[1]), pair[0]))[1]


def _sequence(component: Component) -> int:
    try:
        return int(component.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        return 0


def first_value(value: object) -> object:
    """A property that appears more than once reads as its first value."""
    return value[0] if isinstance(value, list) and value else value


def title_of(component: Component) -> str:
    """The event's SUMMARY as it can be shown."""
    return clean_name(str(first_value(component.get("SUMMARY", ""))))


def is_cancelled(component: Component) -> bool:
    """Whether the event (or the occurrence it changes) is cancelled."""
    return str(first_value(component.get("STATUS", ""))).upper() == "CANCELLED"


def read_times(component: Component) -> tuple[Moment, Moment]:
    """(start, end) of one component, with zoned times in UTC; Skip when they cannot be used."""
    if component.get("DTSTART") is None:
        raise Skip(SKIPPED_NO_START)
    event: Any = component  # a VEVENT: icalendar reads its start, and its end from DURATION too
    try:
        start = event.start
        end = event.end
    except Exception as exc:  # broken values come back as errors of many kinds
        raise Skip(SKIPPED_BAD_TIME) from exc
    if not isinstance(start, date):
        raise Skip(SKIPPED_BAD_TIME)
    try:
        length = end - start if type(end) is type(start) else None
    except (TypeError, ValueError):
        length = None
    start = in_database_zone(start, component, "DTSTART")
    if "DTEND" in component:
        end = in_database_zone(end, component, "DTEND")
    elif length is not None:
        end = start + length  # from DURATION: the same length from the same wall-clock start
    if isinstance(start, datetime):
        if not isinstance(end, datetime):
            end = start  # a day as the end of a timed event says nothing about its length
        elif (start.tzinfo is None) != (end.tzinfo is None):
            raise Skip(SKIPPED_BAD_TIME)
    elif isinstance(end, datetime) or not isinstance(end, date):
        end = start + timedelta(days=1)
    if not MIN_YEAR <= start.year <= MAX_YEAR:
        raise Skip(SKIPPED_OUT_OF_RANGE)
    try:
        if end < start:  # type: ignore[operator]
            raise Skip(SKIPPED_END_BEFORE_START)
        if not MIN_YEAR <= end.year <= MAX_YEAR:
            raise Skip(SKIPPED_OUT_OF_RANGE)
        return _in_utc(start), _in_utc(end)
    except (OverflowError, ValueError, TypeError) as exc:
        raise Skip(SKIPPED_BAD_TIME) from exc


def _in_utc(value: Moment) -> Moment:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC)
    return value


def read_single(uid: str, component: Component) -> SingleEvent:
    """A single event, or Skip with the reason it is left out."""
    start, end = read_times(component)
    if is_cancelled(component):
        raise Skip(SKIPPED_CANCELLED)
    return SingleEvent(uid, title_of(component), start, end)


def read_series(
    uid: str, components: Sequence[Component], skipped: Counter[str]
) -> RecurringSeries:
    """A repeating event and its exceptions, checked; Skip when the series cannot be shown.

    An exception that cannot be read is left out on its own (and counted), the series stays.
    """
    masters = [c for c in components if "RECURRENCE-ID" not in c]
    master = latest_copy(masters) if masters else None
    kept: list[Component] = []
    firsts: list[datetime] = []
    lasts: list[datetime | None] = []
    if master is not None:
        start, end = read_times(master)
        if is_cancelled(master):
            raise Skip(SKIPPED_CANCELLED)
        rules = _rules_of(master)
        for rule in rules:
            check_rule(rule, start)
        extra = [_dates_of(master, "RDATE")]
        firsts.append(naive_utc(start))
        length = naive_utc(end) - naive_utc(start)
        ends: list[datetime | None] = [naive_utc(end)]
        ends += [naive_utc(d) + length for d in extra[0]]
        if rules:
            ends.append(_rules_end(rules, length))
        lasts.append(None if any(e is None for e in ends) else max(e for e in ends if e))
        kept.append(master)
    for override in (c for c in components if "RECURRENCE-ID" in c):
        try:
            o_start, o_end = read_times(override)
            rid = override.get("RECURRENCE-ID")
            rid_at = naive_utc(_in_utc(rid.dt))
        except Skip as skip:
            skipped[skip.key] += 1
            continue
        except Exception:
            skipped[SKIPPED_BAD_TIME] += 1
            continue
        firsts += [naive_utc(o_start), rid_at]
        lasts.append(naive_utc(o_end))
        kept.append(override)
    if not kept:
        raise Skip(SKIPPED_BAD_TIME)
    text = "".join(_stripped(c).to_ical().decode("utf-8") for c in kept)
    last = None if any(x is None for x in lasts) else max(x for x in lasts if x is not None)
    return RecurringSeries(uid, text, min(firsts), last, tzids(kept))


def _rules_of(component: Component) -> list[vRecur]:
    value = component.get("RRULE")
    values = value if isinstance(value, list) else [] if value is None else [value]
    for rule in values:
        if not isinstance(rule, vRecur):
            raise Skip(SKIPPED_BAD_RULE)
    return values


def check_rule(rule: vRecur, start: Moment) -> None:
    """Skip a rule that cannot be expanded, or that asks for a moment every hour or more often."""
    freq = [str(f).upper() for f in rule.get("FREQ", [])]
    if len(freq) != 1:
        raise Skip(SKIPPED_BAD_RULE)
    if freq[0] in TOO_FREQUENT:
        raise Skip(SKIPPED_TOO_FREQUENT)
    if freq[0] not in ALLOWED_FREQ:
        raise Skip(SKIPPED_BAD_RULE)
    per_day = 1
    for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        per_day *= max(1, len(rule.get(part, [])))
    if per_day > MAX_PER_DAY:
        raise Skip(SKIPPED_TOO_FREQUENT)
    try:
        # UNTIL is left out here: its zone may differ from the start's, which the expansion
        # sorts out; everything else must read as a rule.
        parts = rule.to_ical().decode("ascii").split(";")
        text = ";".join(p for p in parts if not p.upper().startswith("UNTIL="))
        rrulestr(text, dtstart=naive_utc(start))
    except Exception as exc:
        raise Skip(SKIPPED_BAD_RULE) from exc


def _rules_end(rules: Iterable[vRecur], length: timedelta) -> datetime | None:
    """The latest UNTIL plus the length, or None when a rule has no UNTIL (COUNT counts as open)."""
    ends = []
    for rule in rules:
        until = rule.get("UNTIL")
        if not until:
            return None
        ends.append(naive_utc(_in_utc(until[0])) + length + timedelta(days=1))
    return max(ends)


def _dates_of(component: Component, name: str) -> list[Moment]:
    value = component.get(name)
    values = value if isinstance(value, list) else [] if value is None else [value]
    found: list[Moment] = []
    for prop in values:
        for one in getattr(prop, "dts", ()):
            dt = one.dt
            dt = dt[0] if isinstance(dt, tuple) else dt
            if isinstance(dt, date):
                found.append(_in_utc(dt))
    return found


def _stripped(component: Component) -> Event:
    """The event with only what expanding and showing it need: no descriptions, guests or alarms."""
    event = Event()
    for name in SERIES_PROPERTIES:
        if name in component:
            event[name] = component[name]
    use_database_zones(event)
    return event
