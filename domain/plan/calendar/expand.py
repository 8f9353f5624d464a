"""The events of one calendar in any week, expanded on demand and kept per week."""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from operator import attrgetter
from typing import Any

import recurring_ical_events
import x_wr_timezone
from icalendar import Calendar, Component, vDDDTypes, vRecur

from domain.plan.calendar.components import is_cancelled, title_of
from domain.plan.calendar.events import ImportedEvent
from domain.plan.calendar.series import (
    CalendarData,
    Moment,
    RecurringSeries,
    SingleEvent,
    naive_utc,
)
from domain.plan.times import monday_of

WEEK = timedelta(days=7)
# Zones are at most 14 hours from UTC: a day's margin finds everything a local week can hold.
MARGIN = timedelta(days=1)
# Single events longer than this are few (holidays, trips); they are checked one by one.
LONG = timedelta(days=28)
KEPT_WEEKS = 520
# A long-running daily or weekly series is restarted this close before the week asked for, so
# opening a week years ahead does not walk every occurrence since it began.
RESTART_EVERY_DAYS = 182
FAST_FORWARD_PARTS = {"FREQ", "INTERVAL", "UNTIL", "BYDAY", "WKST"}
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def recurrence_id_text(value: Moment) -> str:
    """A RECURRENCE-ID as key text: "20260302T080000Z" (zoned, in UTC), floating, or a day."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return naive_utc(value).strftime("%Y%m%dT%H%M%SZ")
        return value.strftime("%Y%m%dT%H%M%S")
    return value.strftime("%Y%m%d")


def to_local(value: Moment, zone: tzinfo) -> datetime:
    """A moment on the device's clock: zoned times converted, floating times and days as they read."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(zone).replace(tzinfo=None)
        return value
    return datetime.combine(value, time.min)


class CalendarWeeks:
    """One source's events, week by week, in the device's time zone (given, never looked up)."""

    def __init__(
        self, source_id: str, data: CalendarData, zone: tzinfo, kept_weeks: int = KEPT_WEEKS
    ) -> None:
        self.source_id = source_id
        self.zone = zone
        self._data = data
        short = [e for e in data.singles if _length(e) <= LONG]
        self._long = [e for e in data.singles if _length(e) > LONG]
        self._singles = sorted(short, key=lambda e: naive_utc(e.start))
        self._starts = [naive_utc(e.start) for e in self._singles]
        self._series = sorted(data.series, key=attrgetter("first"))
        self._components: dict[str, list[Component]] = {}
        self._queries: dict[tuple[str, int], recurring_ical_events.CalendarQuery | None] = {}
        self._labels: dict[str, _Labels] = {}
        self._bases: dict[str, tuple[int, date] | None] = {}
        self._weeks: OrderedDict[date, tuple[ImportedEvent, ...]] = OrderedDict()
        self._kept_weeks = kept_weeks

    def week(self, monday: date) -> tuple[ImportedEvent, ...]:
        """Every event that takes place in the local week from `monday`, in start order."""
        found = self._weeks.get(monday)
        if found is not None:
            self._weeks.move_to_end(monday)
            return found
        begin = datetime.combine(monday, time.min)
        end = begin + WEEK
        events = [self._single(e) for e in self._singles_near(begin, end)]
        for series in self._series_near(begin, end):
            events.extend(self._occurrences(series, begin, end))
        kept = tuple(sorted((e for e in events if e.overlaps(begin, end)), key=_order))
        self._weeks[monday] = kept
        if len(self._weeks) > self._kept_weeks:
            self._weeks.popitem(last=False)
        return kept

    def between(self, first: date, last: date) -> list[ImportedEvent]:
        """Every event that takes place on the local days `first` to `last` (both included)."""
        begin = datetime.combine(first, time.min)
        end = datetime.combine(last, time.min) + timedelta(days=1)
        monday = monday_of(first)
        seen: set[tuple[str, str]] = set()
        result = []
        while monday <= last:
            for event in self.week(monday):
                if event.key not in seen and event.overlaps(begin, end):
                    seen.add(event.key)
                    result.append(event)
            monday += WEEK
        return sorted(result, key=_order)

    # --- single events

    def _singles_near(self, begin: datetime, end: datetime) -> list[SingleEvent]:
        lo = bisect.bisect_left(self._starts, begin - MARGIN - LONG)
        hi = bisect.bisect_right(self._starts, end + MARGIN)
        return self._singles[lo:hi] + self._long

    def _single(self, event: SingleEvent) -> ImportedEvent:
        return ImportedEvent(
            source_id=self.source_id,
            uid=event.uid,
            recurrence_id="",
            title=event.title,
            start=to_local(event.start, self.zone),
            end=to_local(event.end, self.zone),
            all_day=not isinstance(event.start, datetime),
        )

    # --- recurring series

    def _series_near(self, begin: datetime, end: datetime) -> list[RecurringSeries]:
        low, high = begin - MARGIN, end + MARGIN
        found = []
        for series in self._series:
            if series.first > high:
                break  # sorted by first occurrence: none of the rest has begun yet
            if series.last is None or series.last >= low:
                found.append(series)
        return found

    def _occurrences(
        self, series: RecurringSeries, begin: datetime, end: datetime
    ) -> list[ImportedEvent]:
        query = self._query(series, begin.date())
        if query is None:
            return []
        start = (begin - MARGIN).replace(tzinfo=self.zone)
        stop = (end + MARGIN).replace(tzinfo=self.zone)
        labels = self._labels[series.uid]
        result = []
        try:
            # The library's occurrences are read directly: copying each into a whole component
            # (as `query.between` does) is most of the cost of opening a week.
            for expanded in query.series:
                for occurrence in expanded.between(start, stop):
                    event = self._occurrence(series.uid, occurrence, labels)
                    if event is not None:
                        result.append(event)
        except Exception:
            # One series the library cannot expand shows nothing; the rest of the week still shows.
            return []
        return result

    def _occurrence(
        self, uid: str, occurrence: recurring_ical_events.Occurrence, labels: _Labels
    ) -> ImportedEvent | None:
        start, end = occurrence.start, occurrence.end
        keys = occurrence.recurrence_ids
        label = labels.changed.get(keys[0]) if keys else None
        if label is not None and label.start == start:
            title, cancelled, recurrence_id = label.title, label.cancelled, label.recurrence_id
        else:
            # generated by the rule (or by a change that holds for the rest of the series)
            title, cancelled = (label.title, label.cancelled) if label else labels.master
            recurrence_id = recurrence_id_text(start)
        if cancelled or not isinstance(start, date):
            return None
        try:
            local_start = to_local(start, self.zone)
            local_end = to_local(end, self.zone) if isinstance(end, date) else local_start
        except (OverflowError, ValueError):
            return None
        return ImportedEvent(
            source_id=self.source_id,
            uid=uid,
            recurrence_id=recurrence_id,
            title=title,
            start=local_start,
            end=max(local_end, local_start),
            all_day=not isinstance(start, datetime),
        )

    def _query(
        self, series: RecurringSeries, before: date
    ) -> recurring_ical_events.CalendarQuery | None:
        components = self._parsed(series)
        if not components:
            return None
        if series.uid not in self._bases:
            self._bases[series.uid] = restart_basis(components)
        periods = restart_periods(self._bases[series.uid], before)
        key = (series.uid, periods)
        if key not in self._queries:
            calendar = Calendar()
            for component in restarted(components, periods):
                calendar.add_component(component)
            try:
                self._queries[key] = recurring_ical_events.CalendarQuery(
                    calendar, skip_bad_series=True
                )
            except Exception:
                self._queries[key] = None
        return self._queries[key]

    def _parsed(self, series: RecurringSeries) -> list[Component]:
        """The series' components, read once; X-WR-TIMEZONE is applied before any restart."""
        found = self._components.get(series.uid)
        if found is None:
            zones = "".join(self._data.timezones.get(t, "") for t in series.tzids)
            text = f"BEGIN:VCALENDAR\r\n{zones}{series.ics}END:VCALENDAR\r\n"
            try:
                calendar = Calendar.from_ical(text)
                if self._data.x_wr_timezone:
                    calendar = x_wr_timezone.to_standard(
                        calendar, timezone=self._data.x_wr_timezone
                    )
                found = list(calendar.walk("VEVENT"))
            except Exception:
                found = []
            self._components[series.uid] = found
            self._labels[series.uid] = _labels_of(found)
        return found


# Four fields like reminders.Reminder: a field list, nothing shared.
@dataclass(frozen=True, slots=True)
class _Change:
    """What an occurrence changed by RECURRENCE-ID shows."""

    start: object
    title: str
    cancelled: bool
    recurrence_id: str


@dataclass(frozen=True, slots=True)
class _Labels:
    """A series' title and state, read once: the rule's, and per changed occurrence."""

    master: tuple[str, bool]
    changed: dict[datetime, _Change]


def _labels_of(components: Sequence[Component]) -> _Labels:
    master: tuple[str, bool] = ("", False)
    changed: dict[datetime, _Change] = {}
    for component in components:
        label = (title_of(component), is_cancelled(component))
        if "RECURRENCE-ID" not in component:
            master = label
            continue
        try:
            rid, start = _dt(component, "RECURRENCE-ID"), _dt(component, "DTSTART")
        except (KeyError, AttributeError):
            continue
        change = _Change(start, label[0], label[1], recurrence_id_text(rid))
        changed[_occurrence_key(rid)] = change
    return _Labels(master, changed)


def _occurrence_key(value: Moment) -> datetime:
    """How recurring-ical-events names an occurrence: UTC (naive) for zoned times."""
    return naive_utc(value)


def restart_basis(components: Sequence[Component]) -> tuple[int, date] | None:
    """(days per period, first day) of a series whose start may move forward, else None.

    dateutil walks a rule from its start, so a daily series begun years ago would walk every day
    since. A plain daily or weekly rule (no COUNT, no BYSETPOS, no month or hour parts) whose start
    is one of its own occurrences gives the same later occurrences from any of them.
    """
    masters = [c for c in components if "RECURRENCE-ID" not in c]
    if len(masters) != 1:
        return None
    step = _period_days(masters[0])
    if step is None or any(
        "RANGE" in getattr(c.get("RECURRENCE-ID"), "params", {}) for c in components
    ):
        return None
    start = _dt(masters[0], "DTSTART")
    return step, start.date() if isinstance(start, datetime) else start


def restart_periods(basis: tuple[int, date] | None, before: date) -> int:
    """Periods to move the start so it is shortly before `before` (0: it stays).

    The start moves in steps of about half a year, so nearby weeks share one expansion.
    """
    if basis is None:
        return 0
    step, day = basis
    per_restart = max(1, RESTART_EVERY_DAYS // step)
    periods = ((before - day).days - 7) // step // per_restart * per_restart
    return max(0, periods)


def restarted(components: Sequence[Component], periods: int) -> list[Component]:
    """The components with the series' start (and end) moved `periods` periods forward."""
    if periods == 0:
        return list(components)
    result = []
    for component in components:
        if "RECURRENCE-ID" in component:
            result.append(component)
            continue
        step = _period_days(component)
        assert step is not None
        shift = timedelta(days=periods * step)
        moved = component.copy()
        for name in ("DTSTART", "DTEND"):
            if name in component:
                # wall-clock arithmetic: 09:00 in its zone stays 09:00 across DST changes
                moved[name] = vDDDTypes(_dt(component, name) + shift)
        result.append(moved)
    return result


def _period_days(master: Component) -> int | None:
    """Days between restarts that keep a rule's occurrences, or None when it cannot be moved."""
    rule = master.get("RRULE")
    if not isinstance(rule, vRecur) or not set(rule) <= FAST_FORWARD_PARTS:
        return None
    freq = [str(f).upper() for f in rule.get("FREQ", [])]
    interval = rule.get("INTERVAL", [1])
    if len(interval) != 1 or not isinstance(interval[0], int) or interval[0] < 1:
        return None
    try:
        start = _dt(master, "DTSTART")
        end = _dt(master, "DTEND") if "DTEND" in master else start
        if isinstance(start, datetime) != isinstance(end, datetime) or end - start > WEEK:
            return None
    except (KeyError, AttributeError, TypeError):
        return None
    days = [str(d).upper() for d in rule.get("BYDAY", [])]
    if any(d not in WEEKDAY_CODES for d in days):
        return None  # "1MO" and the like depend on the month
    if days and WEEKDAY_CODES[start.weekday()] not in days:
        return None  # a start that is no occurrence itself cannot be moved along
    if freq == ["WEEKLY"]:
        return 7 * interval[0]
    if freq == ["DAILY"]:
        # with BYDAY the weekdays must line up again, so move whole weeks
        return interval[0] * 7 if days else interval[0]
    return None


def _dt(component: Component, name: str) -> Any:
    """A property's date, date-time or duration; KeyError or AttributeError when it has none."""
    prop: Any = component[name]
    return prop.dt


def _length(event: SingleEvent) -> timedelta:
    return naive_utc(event.end) - naive_utc(event.start)


def _order(event: ImportedEvent) -> tuple[datetime, bool, str, str]:
    return (event.start, not event.all_day, event.title.casefold(), event.uid)
