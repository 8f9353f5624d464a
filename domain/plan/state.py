"""The planner's state: verbs that change the agenda and persist through a repository."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Protocol

from domain.plan.boundaries import Boundary, Violation, check_new_item
from domain.plan.calendar.events import ImportedEvent, is_imported_id
from domain.plan.ics import export_ics
from domain.plan.items import AgendaItem, move_item, shorten_item
from domain.plan.load import (
    LOOKAHEAD_DAYS,
    WayOut,
    can_move_silently,
    capacity_minutes,
    suggest_day,
)
from domain.plan.overview import Agenda, CalendarWindow, DayPlan
from domain.plan.recurrence import RecoveryRule, due_moment, mark_taken
from domain.plan.rhythm import Rhythm
from domain.plan.times import monday_of, week_days


class PlannerRepository(Protocol):
    """What the planner needs from storage."""

    def items(self) -> list[AgendaItem]: ...
    def items_between(self, first: date, last: date) -> list[AgendaItem]: ...
    def get_item(self, item_id: str) -> AgendaItem | None: ...
    def save_item(self, item: AgendaItem) -> None: ...
    def delete_item(self, item_id: str) -> bool: ...
    def boundaries(self) -> list[Boundary]: ...
    def save_boundary(self, boundary: Boundary) -> None: ...
    def delete_boundary(self, boundary_id: str) -> bool: ...
    def rules(self) -> list[RecoveryRule]: ...
    def save_rule(self, rule: RecoveryRule) -> None: ...
    def delete_rule(self, rule_id: str) -> bool: ...


class ImportedCalendars(Protocol):
    """The user's imported calendars: their events on the days asked for, in local time."""

    def window(self, first: date, last: date) -> CalendarWindow: ...


class ReadOnlyItem(Exception):
    """An imported event is read-only here: the truth is in the user's own calendar."""


def window_around(day: date) -> tuple[date, date]:
    """The days a screen around `day` needs: its ISO week and the seven days after it."""
    monday = monday_of(day)
    return monday, monday + timedelta(days=6 + LOOKAHEAD_DAYS)


class NeedsConfirm(Exception):
    """Moving this item needs the user's yes: it is a "must" or a repeating moment."""


class PlannerState:
    """Agenda, boundaries and recovery rules, with the things a user does to them.

    Only a window of days is read from storage (five years of agenda would cost far more to read
    than to plan); each question makes sure the window holds the days it needs.
    """

    def __init__(
        self,
        repo: PlannerRepository,
        capacity_hours: float | None,
        rhythm: Rhythm,
        around: date | None = None,
        calendars: ImportedCalendars | None = None,
    ) -> None:
        self.repo = repo
        self.calendars = calendars
        self.capacity = capacity_minutes(capacity_hours)
        self.rhythm = rhythm
        self.window: tuple[date, date] | None = None
        self.boundaries: list[Boundary] = []
        self.rules: list[RecoveryRule] = []
        self.agenda = Agenda([], [])
        self._around = around
        self.reload()

    def reload(self) -> None:
        """Read boundaries, rules and the window's items again from storage."""
        self.boundaries = self.repo.boundaries()
        self.rules = self.repo.rules()
        window = self.window or (window_around(self._around) if self._around else None)
        self.window = None
        if window is not None:
            self._load(*window)

    def _load(self, first: date, last: date) -> None:
        calendar = self.calendars.window(first, last) if self.calendars is not None else None
        self.agenda = Agenda(self.repo.items_between(first, last), self.rules, calendar)
        self.window = (first, last)

    def _ensure(self, first: date, last: date) -> None:
        """Make sure the items from `first` to `last` are loaded."""
        if self.window is None or first < self.window[0] or last > self.window[1]:
            self._load(first, last)

    def find(self, item_id: str) -> AgendaItem | None:
        """A stored item by id (an imported event is never one)."""
        if is_imported_id(item_id):
            return None
        return self.repo.get_item(item_id)

    def imported_event(self, item_id: str) -> ImportedEvent | None:
        """The imported event an agenda item of the loaded days stands for, if it is one."""
        return self.agenda.events.get(item_id)

    # --- planning

    def plan_days(self, days: Sequence[date]) -> list[DayPlan]:
        """Everything the screen shows for these days."""
        self._ensure(days[0], days[-1] + timedelta(days=LOOKAHEAD_DAYS))
        return self.agenda.plan(days, self.boundaries, self.capacity, self.rhythm)

    def plan_week(self, day: date) -> list[DayPlan]:
        """The ISO week (Monday first) holding `day`."""
        return self.plan_days(week_days(day))

    def plan_day(self, day: date) -> DayPlan:
        """One day, with weekly boundaries judged over its week."""
        plans = self.plan_days(week_days(day))
        return plans[day.weekday()]

    def warnings_for(self, item: AgendaItem) -> list[Violation]:
        """Boundaries that adding or changing `item` would cross (to ask before saving)."""
        days = week_days(item.day)
        self._ensure(days[0], days[-1])
        by_day = self.agenda.items_on_days(days)
        return check_new_item(self.boundaries, item, by_day.get(item.day, []), by_day)

    def suggest_for(self, item: AgendaItem) -> date:
        """Where "not today" would send an item: the lightest of the seven days after it."""
        self._ensure(item.day, item.day + timedelta(days=LOOKAHEAD_DAYS))
        return suggest_day(item, self.agenda.index, free=self.agenda.free_days)

    def due_moment(self, now: datetime, dismissed: Sequence[str] = ()) -> AgendaItem | None:
        """A recovery moment that is due right now, for the quiet nudge."""
        # A moment late in the evening can still be running after midnight: look at yesterday too.
        today = now.date()
        yesterday = today - timedelta(days=1)
        self._ensure(yesterday, today)
        by_day = self.agenda.items_on_days([yesterday, today])
        return due_moment(by_day[yesterday] + by_day[today], now, dismissed)

    def items_between(self, first: date, last: date) -> list[AgendaItem]:
        """Items and recovery moments from `first` to `last`, in time order (for reminders)."""
        self._ensure(first, last)
        by_day = self.agenda.items_on_days([first, last])
        return [item for day in sorted(by_day) for item in by_day[day]]

    def as_ics(self, now: datetime) -> bytes:
        """The whole agenda, every stored day, with the repeating moments: an .ics calendar."""
        return export_ics(self.repo.items(), self.rules, now)

    # --- verbs

    def add_item(self, item: AgendaItem) -> AgendaItem:
        """Store a new or changed item; an imported event cannot be stored as the user's own."""
        if is_imported_id(item.id):
            raise ReadOnlyItem(item.id)
        self.repo.save_item(item)
        self.reload()
        return item

    def delete_item(self, item_id: str) -> AgendaItem | None:
        """Remove an item; returns it so the user can undo."""
        item = self.find(item_id)
        if item is not None:
            self.repo.delete_item(item_id)
            self.reload()
        return item

    def restore_item(self, item: AgendaItem) -> None:
        """Put back an item that was just deleted."""
        self.add_item(item)

    def defer_item(self, item_id: str, confirmed: bool = False) -> date | None:
        """ "Not today": move an item to the lightest of the next seven days; returns that day."""
        item = self.find(item_id)
        if item is None:
            return None
        if not can_move_silently(item) and not confirmed:
            raise NeedsConfirm(item_id)
        target = self.suggest_for(item)
        self.add_item(move_item(item, target))
        return target

    def apply_way_out(self, way: WayOut) -> None:
        """Do what a way out suggests: move, shorten or drop."""
        item = self.find(way.item_id)
        if item is None:
            return
        if way.action == "move" and way.to_day is not None:
            self.add_item(move_item(item, way.to_day))
        elif way.action == "shorten" and way.minutes is not None:
            self.add_item(shorten_item(item, way.minutes))
        elif way.action == "drop":
            self.delete_item(item.id)

    def set_done(self, item: AgendaItem, done: bool = True) -> AgendaItem:
        """Mark an item (or an expanded recovery moment) done or not done."""
        changed = mark_taken(item) if done else replace(item, done=False)
        self.add_item(changed)
        return changed

    def take_moment(self, moment: AgendaItem) -> str | None:
        """Remember a recovery moment as taken; returns the pause kind its rule asks for, if any."""
        rule = next((r for r in self.rules if r.id == moment.recovery_rule_id), None)
        self.set_done(moment)
        return rule.pause_kind if rule else None

    # Boundaries and rules: each verb saves, then reads storage again, so what the screen shows
    # next is what was stored. Alike in shape, kept apart so each says what it changes.

    def add_boundary(self, boundary: Boundary) -> None:
        """Store a new or changed boundary."""
        self.repo.save_boundary(boundary)
        self.reload()

    def delete_boundary(self, boundary_id: str) -> None:
        """Remove a boundary."""
        self.repo.delete_boundary(boundary_id)
        self.reload()

    def add_rule(self, rule: RecoveryRule) -> None:
        """Store a new or changed recovery rule."""
        self.repo.save_rule(rule)
        self.reload()

    def delete_rule(self, rule_id: str) -> None:
        """Remove a recovery rule (moments already taken stay in the history)."""
        self.repo.delete_rule(rule_id)
        self.reload()
