"""Everything a day or week screen shows, computed in one pass over the shown days."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta

from domain.plan.boundaries import Boundary, Violation, check_week
from domain.plan.buffers import BufferHint, buffer_hints
from domain.plan.calendar.advice import CalendarWayOut, EventAnswer, calendar_ways_out
from domain.plan.calendar.events import ImportedEvent
from domain.plan.items import AgendaItem, sort_key
from domain.plan.load import (
    LOOKAHEAD_DAYS,
    AgendaIndex,
    WayOut,
    day_load,
    over_capacity,
    ways_out,
)
from domain.plan.recurrence import RecoveryRule, expand_rules
from domain.plan.rhythm import Rhythm, flag_items


@dataclass(frozen=True, slots=True)
class CalendarWindow:
    """The user's imported calendars over the days `first` to `last`, as the planner weighs them.

    `events` are weighed and have the user's answers counted (declined ones left out, moved ones
    on their new day); `answered` holds each answer given on one of these days with the title of
    its event, so the screen can name it.
    """

    first: date
    last: date
    events: tuple[ImportedEvent, ...] = ()
    free_days: frozenset[date] = frozenset()
    answers: Mapping[tuple[str, str, str], EventAnswer] = field(default_factory=dict)
    answered: tuple[tuple[EventAnswer, str], ...] = ()


@dataclass(frozen=True, slots=True)
class DayPlan:
    """One day as the planner shows it."""

    day: date
    items: list[AgendaItem]
    load: float
    capacity: float
    ways_out: list[WayOut] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    flags: dict[str, tuple[str, ...]] = field(default_factory=dict)
    buffers: list[BufferHint] = field(default_factory=list)
    # advice on imported events the user carries out in their own calendar
    calendar_ways: list[CalendarWayOut] = field(default_factory=list)
    free: bool = False  # the user's calendar calls it a free day ("vakantie")
    answered: list[tuple[EventAnswer, str]] = field(default_factory=list)

    @property
    def over(self) -> bool:
        """Whether the day holds more than its capacity."""
        return over_capacity(self.load, self.capacity)

    def violations_of(self, item_id: str) -> list[Violation]:
        """The broken boundaries an item takes part in."""
        return [v for v in self.violations if item_id in v.item_ids]


class Agenda:
    """All stored items and rules, indexed once so each shown range is cheap to plan.

    Imported events (`calendar`) join the index as read-only items, so load, boundaries, rhythm
    flags and buffer hints see them as they see the user's own.
    """

    def __init__(
        self,
        items: Iterable[AgendaItem],
        rules: Sequence[RecoveryRule],
        calendar: CalendarWindow | None = None,
    ) -> None:
        stored = list(items)
        # Stored items that belong to a rule are states of expanded moments (taken), not extra items.
        self.overrides = {item.id: item for item in stored if item.recurring}
        self.calendar = calendar
        self.events: dict[str, ImportedEvent] = {}  # imported item id → its event
        imported: list[AgendaItem] = []
        if calendar is not None and calendar.events:
            # loaded only when there is a calendar: its expansion brings heavy libraries along
            from domain.plan.calendar.agenda import to_agenda_items

            for event in calendar.events:
                pieces = to_agenda_items([event], calendar.first, calendar.last)
                imported += pieces
                self.events.update((piece.id, event) for piece in pieces)
        self.index = AgendaIndex([*(item for item in stored if not item.recurring), *imported])
        self.rules = list(rules)

    @property
    def free_days(self) -> frozenset[date]:
        return self.calendar.free_days if self.calendar is not None else frozenset()

    def items_on_days(self, days: Sequence[date]) -> dict[date, list[AgendaItem]]:
        """Items and expanded recovery moments for each of the days, in time order."""
        first, last = days[0], days[-1]
        by_day: dict[date, list[AgendaItem]] = {day: [] for day in days}
        for item in self.index.between(first, last):
            by_day.setdefault(item.day, []).append(item)
        for moment in expand_rules(self.rules, first, last, self.overrides):
            by_day.setdefault(moment.day, []).append(moment)
        for day_items in by_day.values():
            day_items.sort(key=sort_key)
        return by_day

    def plan(
        self,
        days: Sequence[date],
        boundaries: Sequence[Boundary],
        capacity: float,
        rhythm: Rhythm,
    ) -> list[DayPlan]:
        """Load, ways out, broken boundaries, rhythm flags and buffer hints for each day."""
        by_day = self.items_on_days(days)
        violations = check_week(boundaries, days, by_day)
        per_day: dict[date, list[Violation]] = {day: [] for day in days}
        for violation in violations:
            per_day.setdefault(violation.day, []).append(violation)
        elsewhere = [v for v in violations if v.kind == "free_evening_per_week"]
        free = self.free_days
        plans = []
        for day in days:
            todays = by_day.get(day, [])
            load = day_load(todays)
            # a weekly violation sits on one day, but the days of every item it names show it too
            todays_ids = {item.id for item in todays}
            touching = [
                v for v in elsewhere if v.day != day and not todays_ids.isdisjoint(v.item_ids)
            ]
            plans.append(
                DayPlan(
                    day=day,
                    items=todays,
                    load=load,
                    capacity=capacity,
                    ways_out=ways_out(day, self.index, capacity, free=free),
                    violations=per_day.get(day, []) + touching,
                    flags=flag_items(todays, rhythm),
                    buffers=buffer_hints(todays),
                    calendar_ways=self._calendar_ways(day, load, capacity),
                    free=day in free,
                    answered=self._answered(day),
                )
            )
        return plans

    def _calendar_ways(self, day: date, load: float, capacity: float) -> list[CalendarWayOut]:
        calendar = self.calendar
        if calendar is None or not calendar.events or not over_capacity(load, capacity):
            return []
        after = (day + relativedelta(days=1), day + relativedelta(days=LOOKAHEAD_DAYS))
        loads = self.index.loads(*after, self.free_days)
        todays = [e for e in calendar.events if e.start.date() == day]
        return calendar_ways_out(day, todays, load, capacity, loads, calendar.answers)

    def _answered(self, day: date) -> list[tuple[EventAnswer, str]]:
        if self.calendar is None:
            return []
        return [pair for pair in self.calendar.answered if pair[0].seen_start.date() == day]
