"""Boundaries the user sets, and pure checks of the agenda against them."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from domain.plan.invalid import InvalidFields
from domain.plan.items import AgendaItem, sort_key
from domain.plan.times import (
    evening_limit_minutes,
    format_hhmm,
    monday_of,
    parse_hhmm,
    week_days,
)

# Each template names the parameters it needs: "time" ("HH:MM") and/or "n" (a whole number >= 1).
TEMPLATES: dict[str, tuple[str, ...]] = {
    "no_work_after": ("time",),
    "max_evening_appointments": ("n",),
    "free_evening_per_week": ("n",),
    "max_heavy_per_day": ("n",),
    "recovery_after_hours": ("n",),
    "screens_off_after": ("time",),
    "intention": (),
}
TEMPLATE_DEFAULTS: dict[str, dict[str, Any]] = {
    "no_work_after": {"time": "20:00"},
    "max_evening_appointments": {"n": 2},
    "free_evening_per_week": {"n": 1},
    "max_heavy_per_day": {"n": 2},
    "recovery_after_hours": {"n": 2},
    "screens_off_after": {"time": "22:00"},
    "intention": {},
}
N_MAX = {
    "max_evening_appointments": 10,
    "free_evening_per_week": 7,
    "max_heavy_per_day": 10,
    "recovery_after_hours": 12,
}
EVENING_START = time(18, 0)
TEXT_MAX = 200


# Shaped like items.py's InvalidItem and AgendaItem on purpose: each planner thing is built alike.
class InvalidBoundary(InvalidFields):
    """A boundary that cannot be stored."""


@dataclass(frozen=True, slots=True)
class Boundary:
    """A boundary from a template (with its time or number) or a free-text intention."""

    id: str
    kind: str
    time: time | None = None
    n: int | None = None
    text: str = ""
    active: bool = True

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready record for the store."""
        return {
            "id": self.id,
            "kind": self.kind,
            "time": None if self.time is None else format_hhmm(self.time),
            "n": self.n,
            "text": self.text,
            "active": self.active,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Boundary:
        """Rebuild a boundary from a stored record, checking it like new input."""
        return new_boundary(
            kind=record.get("kind"),
            time_text=record.get("time"),
            n=record.get("n"),
            text=record.get("text", ""),
            active=bool(record.get("active", True)),
            boundary_id=record.get("id"),
        )


@dataclass(frozen=True, slots=True)
class Violation:
    """A boundary that the agenda crosses on a day, with the items involved."""

    boundary_id: str
    kind: str
    day: date
    item_ids: tuple[str, ...] = field(default_factory=tuple)


def _unseen(ch: str) -> bool:
    """A control character or lone surrogate; a line break is fine (the field has several lines)."""
    return ch != "\n" and unicodedata.category(ch) in ("Cc", "Cs")


def validate_boundary(
    *, kind: object, time_text: object = None, n: object = None, text: object = ""
) -> dict[str, str]:
    """Per-field message keys for a boundary that cannot be stored; empty when it is fine."""
    errors: dict[str, str] = {}
    if kind not in TEMPLATES:
        return {"kind": "plan.error.boundary_kind"}
    needs = TEMPLATES[str(kind)]
    if "time" in needs and (not isinstance(time_text, str) or parse_hhmm(time_text) is None):
        errors["time"] = "plan.error.time"
    if "n" in needs:
        limit = N_MAX[str(kind)]
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= limit:
            errors["n"] = "plan.error.boundary_n"
    if kind == "intention":
        cleaned = text.strip() if isinstance(text, str) else ""
        if not cleaned:
            errors["text"] = "plan.error.intention_empty"
        elif len(cleaned) > TEXT_MAX or any(_unseen(ch) for ch in cleaned):
            errors["text"] = "plan.error.intention_bad"
    return errors


def new_boundary(
    *,
    kind: object,
    time_text: object = None,
    n: object = None,
    text: object = "",
    active: bool = True,
    boundary_id: str | None = None,
) -> Boundary:
    """Build a checked boundary, or raise InvalidBoundary with a message key per field."""
    errors = validate_boundary(kind=kind, time_text=time_text, n=n, text=text)
    if errors:
        raise InvalidBoundary(errors)
    needs = TEMPLATES[str(kind)]
    return Boundary(
        id=boundary_id or uuid.uuid4().hex,
        kind=str(kind),
        time=parse_hhmm(time_text) if "time" in needs and isinstance(time_text, str) else None,
        n=n if "n" in needs and isinstance(n, int) else None,
        text=text.strip() if isinstance(text, str) else "",
        active=active,
    )


# --- checks per kind: each takes one day's items (in time order) and returns the item ids at fault


def _active_items(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    """Items that count as activity: everything except recovery."""
    return [item for item in items if item.kind != "recovery"]


def _still_going_after(boundary: Boundary, items: Iterable[AgendaItem]) -> tuple[str, ...]:
    """The items that end later than the boundary's time (an early-morning time counts as night)."""
    assert boundary.time is not None
    limit = evening_limit_minutes(boundary.time)
    return tuple(
        item.id for item in items if item.end_minute is not None and item.end_minute > limit
    )


def check_no_work_after(boundary: Boundary, items: Sequence[AgendaItem]) -> tuple[str, ...]:
    """Work items that are still going on after the boundary's time."""
    return _still_going_after(boundary, (item for item in items if item.area == "work"))


def check_screens_off_after(boundary: Boundary, items: Sequence[AgendaItem]) -> tuple[str, ...]:
    """On-screen items still going on after screens should be off."""
    return _still_going_after(boundary, (item for item in items if item.on_screen))


def evening_items(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    """Appointments that start in the evening (from 18:00), recovery not counted."""
    start = EVENING_START.hour * 60 + EVENING_START.minute
    return [
        item
        for item in _active_items(items)
        if item.start_minute is not None and item.start_minute >= start
    ]


def check_max_evening_appointments(
    boundary: Boundary, items: Sequence[AgendaItem]
) -> tuple[str, ...]:
    """All evening appointments of a day that has more than N of them."""
    assert boundary.n is not None
    evening = evening_items(items)
    return tuple(item.id for item in evening) if len(evening) > boundary.n else ()


def check_max_heavy_per_day(boundary: Boundary, items: Sequence[AgendaItem]) -> tuple[str, ...]:
    """All heavy items of a day that has more than N of them."""
    assert boundary.n is not None
    heavy = [item for item in _active_items(items) if item.energy == "heavy"]
    return tuple(item.id for item in heavy) if len(heavy) > boundary.n else ()


def check_recovery_after_hours(boundary: Boundary, items: Sequence[AgendaItem]) -> tuple[str, ...]:
    """Timed activity that runs on past N hours without a recovery moment in between.

    Only a recovery moment resets the count: the point of the boundary is to plan the pause, so an
    empty gap in the agenda does not count as one.
    """
    assert boundary.n is not None
    limit = boundary.n * 60
    timed = sorted((item for item in items if item.start is not None), key=sort_key)
    run: list[AgendaItem] = []
    worked = 0
    at_fault: list[str] = []
    for item in timed:
        if item.kind == "recovery":
            run, worked = [], 0
            continue
        run.append(item)
        worked += item.minutes
        if worked > limit:
            at_fault.extend(i.id for i in run if i.id not in at_fault)
    return tuple(at_fault)


DAY_CHECKS = {
    "no_work_after": check_no_work_after,
    "screens_off_after": check_screens_off_after,
    "max_evening_appointments": check_max_evening_appointments,
    "max_heavy_per_day": check_max_heavy_per_day,
    "recovery_after_hours": check_recovery_after_hours,
}


def check_free_evenings(
    boundary: Boundary, week: Sequence[date], by_day: Mapping[date, Sequence[AgendaItem]]
) -> list[Violation]:
    """Fewer than N evenings free in an ISO week: one violation on the week's last busy evening."""
    assert boundary.n is not None
    busy = [day for day in week if evening_items(by_day.get(day, ()))]
    free = len(week) - len(busy)
    if free >= boundary.n or not busy:
        return []
    ids = tuple(item.id for day in busy for item in evening_items(by_day.get(day, ())))
    return [Violation(boundary.id, boundary.kind, busy[-1], ids)]


def check_day(
    boundaries: Iterable[Boundary], day: date, items: Sequence[AgendaItem]
) -> list[Violation]:
    """Violations of every per-day boundary on one day."""
    result = []
    for boundary in boundaries:
        check = DAY_CHECKS.get(boundary.kind)
        if check is None or not boundary.active:
            continue
        ids = check(boundary, items)
        if ids:
            result.append(Violation(boundary.id, boundary.kind, day, ids))
    return result


def check_week(
    boundaries: Sequence[Boundary],
    days: Sequence[date],
    by_day: Mapping[date, Sequence[AgendaItem]],
) -> list[Violation]:
    """Violations on the shown days; each boundary looks only at the items of each day once."""
    active = [b for b in boundaries if b.active]
    result: list[Violation] = []
    for day in days:
        todays = by_day.get(day, ())
        if todays:
            result.extend(check_day(active, day, todays))
    weekly = [b for b in active if b.kind == "free_evening_per_week"]
    if weekly:
        weeks: dict[date, list[date]] = {}
        for day in days:
            weeks.setdefault(monday_of(day), []).append(day)
        for monday, shown in weeks.items():
            full_week = week_days(monday)
            if len(shown) < 7:
                shown = full_week  # a free evening is judged over the whole ISO week
            for boundary in weekly:
                result.extend(check_free_evenings(boundary, shown, by_day))
    return result


def check_new_item(
    boundaries: Sequence[Boundary],
    item: AgendaItem,
    day_items: Sequence[AgendaItem],
    week_items: Mapping[date, Sequence[AgendaItem]],
) -> list[Violation]:
    """Violations that adding (or changing) `item` would bring, for the confirm question."""
    others = [i for i in day_items if i.id != item.id]
    after = sorted([*others, item], key=sort_key)
    before_ids = {(v.boundary_id, v.item_ids) for v in check_day(boundaries, item.day, others)}
    found = [
        v
        for v in check_day(boundaries, item.day, after)
        if item.id in v.item_ids and (v.boundary_id, v.item_ids) not in before_ids
    ]
    week = week_days(item.day)
    before_week = {d: list(week_items.get(d, ())) for d in week}
    before_week[item.day] = others
    after_week = {**before_week, item.day: after}
    for boundary in boundaries:
        if boundary.kind != "free_evening_per_week" or not boundary.active:
            continue
        if check_free_evenings(boundary, week, before_week):
            continue  # already short of free evenings: this item does not change that
        found.extend(
            v for v in check_free_evenings(boundary, week, after_week) if item.id in v.item_ids
        )
    return found
