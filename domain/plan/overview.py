"""Everything a day or week screen shows, computed in one pass over the shown days."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from domain.plan.boundaries import Boundary, Violation, check_week
from domain.plan.buffers import BufferHint, buffer_hints
from domain.plan.items import AgendaItem, sort_key
from domain.plan.load import AgendaIndex, WayOut, day_load, over_capacity, ways_out
from domain.plan.recurrence import RecoveryRule, expand_rules
from domain.plan.rhythm import Rhythm, flag_items


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

    @property
    def over(self) -> bool:
        """Whether the day holds more than its capacity."""
        return over_capacity(self.load, self.capacity)

    def violations_of(self, item_id: str) -> list[Violation]:
        """The broken boundaries an item takes part in."""
        return [v for v in self.violations if item_id in v.item_ids]


class Agenda:
    """All stored items and rules, indexed once so each shown range is cheap to plan."""

    def __init__(self, items: Iterable[AgendaItem], rules: Sequence[RecoveryRule]) -> None:
        stored = list(items)
        # Stored items that belong to a rule are states of expanded moments (taken), not extra items.
        self.overrides = {item.id: item for item in stored if item.recurring}
        self.index = AgendaIndex(item for item in stored if not item.recurring)
        self.rules = list(rules)

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
        plans = []
        for day in days:
            todays = by_day.get(day, [])
            # a weekly violation sits on one day, but the days of every item it names show it too
            todays_ids = {item.id for item in todays}
            touching = [
                v for v in elsewhere if v.day != day and not todays_ids.isdisjoint(v.item_ids)
            ]
            plans.append(
                DayPlan(
                    day=day,
                    items=todays,
                    load=day_load(todays),
                    capacity=capacity,
                    ways_out=ways_out(day, self.index, capacity),
                    violations=per_day.get(day, []) + touching,
                    flags=flag_items(todays, rhythm),
                    buffers=buffer_hints(todays),
                )
            )
        return plans
