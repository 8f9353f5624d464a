"""Daily load against capacity, and the calm ways out when a day is too full."""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from dateutil.relativedelta import relativedelta

from domain.plan.calendar.events import is_imported_id
from domain.plan.items import MINUTES_MIN, AgendaItem, sort_key

ENERGY_WEIGHT = {"light": 0.5, "medium": 1.0, "heavy": 1.5}
DEFAULT_CAPACITY_HOURS = 6.0
LOOKAHEAD_DAYS = 7
# A day the user's calendar calls free ("vakantie") is never where a way out sends work.
FREE_DAY_LOAD = float("inf")


def item_load(item: AgendaItem) -> float:
    """Weighted minutes an item adds to its day; recovery adds nothing."""
    if item.kind == "recovery":
        return 0.0
    return item.minutes * ENERGY_WEIGHT.get(item.energy, 1.0)


def day_load(items: Iterable[AgendaItem]) -> float:
    """Weighted minutes of one day's items."""
    return sum(item_load(item) for item in items)


def capacity_minutes(hours: float | None) -> float:
    """A capacity in hours as minutes; the default when unset or not positive."""
    if hours is None or hours <= 0:
        hours = DEFAULT_CAPACITY_HOURS
    return hours * 60.0


class AgendaIndex:
    """Items sorted by day so a week or a single day is found by bisection, not a full scan."""

    def __init__(self, items: Iterable[AgendaItem]) -> None:
        # Sorting on the day alone is all bisection needs, and far cheaper over years of items;
        # the few items of one range are put in time order when asked for.
        self._items = sorted(items, key=attrgetter("day"))
        self._days = [item.day for item in self._items]

    def between(self, first: date, last: date) -> list[AgendaItem]:
        """Items from `first` to `last`, both included, in day and time order."""
        lo = bisect.bisect_left(self._days, first)
        hi = bisect.bisect_right(self._days, last)
        return sorted(self._items[lo:hi], key=sort_key)

    def on(self, day: date) -> list[AgendaItem]:
        """Items of one day."""
        return self.between(day, day)

    def loads(self, first: date, last: date, free: Collection[date] = ()) -> dict[date, float]:
        """Weighted load per day from `first` to `last` (days without items included, at 0).

        Days in `free` weigh as if full, so no way out picks them.
        """
        result: dict[date, float] = {}
        day = first
        while day <= last:
            result[day] = 0.0
            day += relativedelta(days=1)
        for item in self.between(first, last):
            result[item.day] += item_load(item)
        for day in free:
            if day in result:
                result[day] = FREE_DAY_LOAD
        return result


def lightest_day(after: date, loads: Mapping[date, float], days: int = LOOKAHEAD_DAYS) -> date:
    """The lightest of the `days` days after `after`; on a tie the earliest wins."""
    candidates = [after + relativedelta(days=offset) for offset in range(1, days + 1)]
    return min(candidates, key=lambda day: (loads.get(day, 0.0), day))


def can_move_silently(item: AgendaItem) -> bool:
    """Only items that may wait are moved in one tap; "must" and recurring ones need a question."""
    return item.kind != "must" and not item.recurring and not item.done


@dataclass(frozen=True, slots=True)
class WayOut:
    """One concrete suggestion for an over-full day."""

    action: str  # "move", "shorten" or "drop"
    item_id: str
    title: str
    to_day: date | None = None
    minutes: int | None = None


def over_capacity(load: float, capacity: float) -> bool:
    """Whether a day's weighted load is more than its capacity."""
    return load > capacity + 1e-9


def ways_out(
    day: date,
    index: AgendaIndex,
    capacity: float,
    days: int = LOOKAHEAD_DAYS,
    free: Collection[date] = (),
) -> list[WayOut]:
    """Ways to lighten a full day: move, shorten or drop each "could" item; empty when it fits.

    The index may hold imported events: they weigh in the load, but the app cannot move them
    (the user's own calendar holds them); their advice is `calendar.advice.calendar_ways_out`.
    """
    todays = index.on(day)
    load = day_load(todays)
    if not over_capacity(load, capacity):
        return []
    loads = index.loads(day + relativedelta(days=1), day + relativedelta(days=days), free)
    target = lightest_day(day, loads, days)
    excess = load - capacity
    result: list[WayOut] = []
    for item in todays:
        if item.kind != "could" or not can_move_silently(item) or is_imported_id(item.id):
            continue
        result.append(WayOut("move", item.id, item.title, to_day=target))
        # an item without minutes (all day) adds no load, so shortening it lightens nothing
        weight = item_load(item) / item.minutes if item.minutes else 0.0
        shorter = _shortened_minutes(item.minutes, excess / weight) if weight else None
        if shorter is not None:
            result.append(WayOut("shorten", item.id, item.title, minutes=shorter))
        result.append(WayOut("drop", item.id, item.title))
    return result


def _shortened_minutes(minutes: int, cut: float) -> int | None:
    """A rounder shorter duration that takes off at least `cut` minutes, or half when that is all."""
    wanted = minutes - int(-(-cut // 5) * 5)  # round the cut up to whole 5 minutes
    if wanted < MINUTES_MIN:
        wanted = max(MINUTES_MIN, (minutes // 2) // 5 * 5)
    return wanted if wanted < minutes else None


def suggest_day(
    item: AgendaItem, index: AgendaIndex, days: int = LOOKAHEAD_DAYS, free: Collection[date] = ()
) -> date:
    """Where "not today" sends an item: the lightest of the next days after its own day."""
    first, last = item.day + relativedelta(days=1), item.day + relativedelta(days=days)
    loads = index.loads(first, last, free)
    return lightest_day(item.day, loads, days)
