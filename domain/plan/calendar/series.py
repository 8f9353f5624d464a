"""What is kept of a calendar file: its single events and its recurring series, as stored."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

Moment = datetime | date  # aware (in UTC) for zoned times, naive for floating ones, date for a day


def moment_text(value: Moment) -> str:
    """ "2026-03-02T08:00:00Z", "2026-03-02T09:00:00" (floating) or "2026-03-02" (a day)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"
        return value.isoformat()
    return value.isoformat()


def parse_moment(text: str) -> Moment:
    """The moment `moment_text` wrote."""
    if len(text) == 10:
        return date.fromisoformat(text)
    if text.endswith("Z"):
        return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
    return datetime.fromisoformat(text)


def naive_utc(value: Moment) -> datetime:
    """A moment as a naive time on the UTC clock; floating times and days are taken as they read.

    Only used to find what may touch a week: a day's margin on each side covers every zone.
    """
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(UTC).replace(tzinfo=None)
        return value
    return datetime(value.year, value.month, value.day)


@dataclass(frozen=True, slots=True)
class SingleEvent:
    """An event that does not repeat, with its times already read."""

    uid: str
    title: str
    start: Moment
    end: Moment

    def to_record(self) -> list[str]:
        return [self.uid, self.title, moment_text(self.start), moment_text(self.end)]

    @classmethod
    def from_record(cls, record: list[str]) -> SingleEvent:
        uid, title, start, end = record
        return cls(uid, title, parse_moment(start), parse_moment(end))


@dataclass(frozen=True, slots=True)
class RecurringSeries:
    """A repeating event with its moved, changed and cancelled occurrences, kept as iCalendar text.

    `first` and `last` bound its occurrences on the UTC clock (`last` None: it never ends), so a
    week that it cannot touch is never expanded.
    """

    uid: str
    ics: str
    first: datetime
    last: datetime | None
    tzids: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "ics": self.ics,
            "first": self.first.isoformat(),
            "last": None if self.last is None else self.last.isoformat(),
            "tzids": list(self.tzids),
        }

    # Read back like PauseRecord.from_record: the same shape, other fields; nothing to share.
    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> RecurringSeries:
        last = record.get("last")
        return cls(
            uid=str(record["uid"]),
            ics=str(record["ics"]),
            first=datetime.fromisoformat(str(record["first"])),
            last=None if last is None else datetime.fromisoformat(str(last)),
            tzids=tuple(str(t) for t in record.get("tzids", ())),
        )


@dataclass(frozen=True, slots=True)
class CalendarData:
    """Everything the planner needs of one import; `timezones` maps TZID to its VTIMEZONE text."""

    singles: tuple[SingleEvent, ...] = ()
    series: tuple[RecurringSeries, ...] = ()
    timezones: Mapping[str, str] = field(default_factory=dict)
    x_wr_timezone: str = ""

    @property
    def event_count(self) -> int:
        """Events brought in: a single event counts once, and so does a whole series."""
        return len(self.singles) + len(self.series)

    def uids(self) -> set[str]:
        """Every UID it holds."""
        return {e.uid for e in self.singles} | {s.uid for s in self.series}

    def to_record(self) -> dict[str, Any]:
        return {
            "singles": [event.to_record() for event in self.singles],
            "series": [series.to_record() for series in self.series],
            "timezones": dict(self.timezones),
            "x_wr_timezone": self.x_wr_timezone,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> CalendarData:
        return cls(
            singles=tuple(SingleEvent.from_record(r) for r in record.get("singles", ())),
            series=tuple(RecurringSeries.from_record(r) for r in record.get("series", ())),
            timezones={str(k): str(v) for k, v in dict(record.get("timezones", {})).items()},
            x_wr_timezone=str(record.get("x_wr_timezone", "")),
        )
