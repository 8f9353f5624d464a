"""Read an .ics file into single events and recurring series, and say what was left out and why."""

from __future__ import annotations

import codecs
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from icalendar import Calendar, Component

from domain.plan.calendar.components import (
    SKIPPED_TOO_MANY,
    Skip,
    first_value,
    latest_copy,
    read_series,
    read_single,
)
from domain.plan.calendar.series import (
    CalendarData,
    RecurringSeries,
    SingleEvent,
)
from domain.plan.calendar.sources import clean_name
from domain.plan.calendar.zones import (
    custom_zones,
    known_zone,
)

MAX_BYTES = 20 * 1024 * 1024
MAX_EVENTS = 50_000
REFUSED_TOO_LARGE = "plan.calendar.refused.too_large"
REFUSED_EMPTY = "plan.calendar.refused.empty"
REFUSED_NOT_CALENDAR = "plan.calendar.refused.not_calendar"
REFUSED_UNREADABLE = "plan.calendar.refused.unreadable"


@dataclass(frozen=True, slots=True)
class Refusal:
    """A file that is not brought in at all; `key` is the message that says why."""

    key: str


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """How many events came in, and per reason (a message key) how many were left out."""

    events: int
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


@dataclass(frozen=True, slots=True)
class ParsedCalendar:
    """A readable file: its calendar name (X-WR-CALNAME, "" when absent), data and summary."""

    name: str
    data: CalendarData
    summary: ImportSummary


def refusal_by_size(size: int) -> Refusal | None:
    """Refuse a file by its size alone, before it is read or parsed."""
    if size > MAX_BYTES:
        return Refusal(REFUSED_TOO_LARGE)
    if size == 0:
        return Refusal(REFUSED_EMPTY)
    return None


def decode_text(data: bytes) -> str:
    """The file as text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252.

    Older Outlook exports are Windows-1252; every byte reads as something, so nothing crashes.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_calendar(data: bytes) -> ParsedCalendar | Refusal:
    """Everything a calendar file holds that the planner can use, or why it cannot be used."""
    refused = refusal_by_size(len(data))
    if refused is not None:
        return refused
    # NUL never belongs in a calendar, and the parser stops at it: take it out.
    text = decode_text(data).replace("\x00", "").lstrip("\ufeff \t\r\n")
    if not text:
        return Refusal(REFUSED_EMPTY)
    if text[:15].upper() != "BEGIN:VCALENDAR":
        return Refusal(REFUSED_NOT_CALENDAR)
    try:
        parsed = Calendar.from_ical(text, multiple=True)
    except Exception:
        # A file from elsewhere can break the parser in any way; one clear refusal covers it.
        return Refusal(REFUSED_UNREADABLE)
    calendars = [c for c in parsed if isinstance(c, Calendar)]
    if not calendars:
        return Refusal(REFUSED_UNREADABLE)
    try:
        return _read_calendars(calendars)
    except Exception:
        return Refusal(REFUSED_UNREADABLE)


def _read_calendars(calendars: Sequence[Calendar]) -> ParsedCalendar:
    name = next(
        (clean_name(str(first_value(c["X-WR-CALNAME"]))) for c in calendars if "X-WR-CALNAME" in c),
        "",
    )
    x_wr_timezone = next(
        (
            z
            for c in calendars
            if (z := known_zone(first_value(c.get("X-WR-TIMEZONE")))) is not None
        ),
        "",
    )
    timezones: dict[str, str] = {}
    groups: dict[str, list[Component]] = {}
    for calendar in calendars:
        for component in calendar.subcomponents:
            if component.name == "VTIMEZONE":
                tzid = str(component.get("TZID", ""))
                if tzid:
                    timezones.setdefault(tzid, component.to_ical().decode("utf-8"))
            elif component.name == "VEVENT":
                groups.setdefault(_uid_of(component, groups), []).append(component)
    skipped: Counter[str] = Counter()
    singles: list[SingleEvent] = []
    series: list[RecurringSeries] = []
    for uid, components in groups.items():
        if len(singles) + len(series) >= MAX_EVENTS:
            skipped[SKIPPED_TOO_MANY] += 1
            continue
        try:
            if _is_single(components):
                singles.append(read_single(uid, latest_copy(components)))
            else:
                series.append(read_series(uid, components, skipped))
        except Skip as skip:
            skipped[skip.key] += 1
    data = CalendarData(
        singles=tuple(singles),
        series=tuple(series),
        timezones={t: timezones[t] for t in sorted(custom_zones(series)) if t in timezones},
        x_wr_timezone=x_wr_timezone,
    )
    return ParsedCalendar(name, data, ImportSummary(data.event_count, dict(skipped)))


def _uid_of(component: Component, taken: dict[str, list[Component]]) -> str:
    """The event's UID; one without gets a UID from its content, so a re-import finds it again."""
    uid = clean_name(str(first_value(component.get("UID", ""))))
    if uid:
        return uid
    digest = hashlib.sha256(component.to_ical()).hexdigest()[:20]
    uid, n = f"no-uid-{digest}", 1
    while uid in taken:
        n += 1
        uid = f"no-uid-{digest}-{n}"
    return uid


def _is_single(components: Sequence[Component]) -> bool:
    return not any("RRULE" in c or "RDATE" in c or "RECURRENCE-ID" in c for c in components)
