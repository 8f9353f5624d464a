"""Agenda items: what they hold, how they are checked, and how they are stored."""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from domain.plan.invalid import InvalidFields
from domain.plan.times import (
    date_in_range,
    format_hhmm,
    minute_of_day,
    parse_hhmm,
    parse_iso_date,
)

KINDS = ("must", "want", "could", "recovery")
ENERGIES = ("light", "medium", "heavy")
AREAS = ("work", "home", "social", "care", "self")
TITLE_MAX = 120
MINUTES_MIN = 5
MINUTES_MAX = 12 * 60
DEFAULT_MINUTES = 30


# Boundary and InvalidBoundary are built alike on purpose; QuickAdd holds some of the same
# fields before an item exists. Field lists, not shared logic.
class InvalidItem(InvalidFields):
    """An item that cannot be stored."""


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One thing in the agenda; expanded recovery moments carry the rule's id."""

    id: str
    title: str
    day: date
    start: time | None
    minutes: int
    kind: str = "want"
    energy: str = "medium"
    area: str = "self"
    on_screen: bool = False
    done: bool = False
    recovery_rule_id: str | None = None

    @property
    def recurring(self) -> bool:
        """Whether this item comes from a repeating recovery rule."""
        return self.recovery_rule_id is not None

    @property
    def start_minute(self) -> int | None:
        """Minutes after the day's midnight when it starts, if it has a time."""
        return None if self.start is None else minute_of_day(self.start)

    @property
    def end_minute(self) -> int | None:
        """Minutes after the day's midnight when it ends; past 1440 when it runs past midnight."""
        start = self.start_minute
        return None if start is None else start + self.minutes

    @property
    def starts_at(self) -> datetime | None:
        """Start as a naive local datetime."""
        return None if self.start is None else datetime.combine(self.day, self.start)

    @property
    def ends_at(self) -> datetime | None:
        """End as a naive local datetime (may be the next day)."""
        begin = self.starts_at
        return None if begin is None else begin + timedelta(minutes=self.minutes)

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready record for the store."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.day.isoformat(),
            "start": None if self.start is None else format_hhmm(self.start),
            "minutes": self.minutes,
            "kind": self.kind,
            "energy": self.energy,
            "area": self.area,
            "on_screen": self.on_screen,
            "done": self.done,
            "recovery_rule_id": self.recovery_rule_id,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> AgendaItem:
        """Rebuild an item from a stored record, checking it like new input."""
        day = parse_iso_date(record.get("date"))
        start_text = record.get("start")
        return new_item(
            title=record.get("title", ""),
            day=day,
            start=start_text,
            minutes=record.get("minutes"),
            kind=record.get("kind", "want"),
            energy=record.get("energy", "medium"),
            area=record.get("area", "self"),
            on_screen=bool(record.get("on_screen", False)),
            done=bool(record.get("done", False)),
            item_id=record.get("id"),
            recovery_rule_id=record.get("recovery_rule_id"),
            day_error="plan.error.date" if day is None else None,
        )


def clean_title(raw: object) -> str:
    """Trim a title; whitespace inside is kept as typed."""
    return raw.strip() if isinstance(raw, str) else ""


def title_error(raw: object) -> str | None:
    """Message key for a title that cannot be stored, else None."""
    title = clean_title(raw)
    if not title:
        return "plan.error.title_empty"
    if len(title) > TITLE_MAX:
        return "plan.error.title_long"
    # Control characters (Cc) and lone surrogates (Cs) are never typed text; format characters (Cf)
    # stay allowed because emoji joiners and right-to-left marks are made of them.
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in title):
        return "plan.error.title_control"
    return None


def minutes_error(raw: object) -> str | None:
    """Message key for a duration outside 5 minutes to 12 hours, else None."""
    if isinstance(raw, bool) or not isinstance(raw, int):
        return "plan.error.minutes"
    if not MINUTES_MIN <= raw <= MINUTES_MAX:
        return "plan.error.minutes"
    return None


def coerce_start(raw: object) -> tuple[time | None, str | None]:
    """Read a start time from a time, "HH:MM" text or nothing; returns (time, error key)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if isinstance(raw, time):
        return raw.replace(second=0, microsecond=0), None
    if isinstance(raw, str):
        parsed = parse_hhmm(raw)
        return (parsed, None) if parsed is not None else (None, "plan.error.time")
    return None, "plan.error.time"


# Its keywords are new_item's, spelled out in both so a misspelt one fails at the call.
def validate_item(
    *,
    title: object,
    day: object,
    start: object = None,
    minutes: object = DEFAULT_MINUTES,
    kind: object = "want",
    energy: object = "medium",
    area: object = "self",
) -> dict[str, str]:
    """Per-field message keys for everything wrong with an item; empty when it is fine."""
    errors: dict[str, str] = {}
    if (err := title_error(title)) is not None:
        errors["title"] = err
    if not isinstance(day, date) or isinstance(day, datetime) or not date_in_range(day):
        errors["day"] = "plan.error.date"
    if (err := coerce_start(start)[1]) is not None:
        errors["start"] = err
    if (err := minutes_error(minutes)) is not None:
        errors["minutes"] = err
    if kind not in KINDS:
        errors["kind"] = "plan.error.kind"
    if energy not in ENERGIES:
        errors["energy"] = "plan.error.energy"
    if area not in AREAS:
        errors["area"] = "plan.error.area"
    return errors


# The same keywords as validate_item, spelled out in both so a misspelt one fails at the call.
def new_item(
    *,
    title: object,
    day: object,
    start: object = None,
    minutes: object = DEFAULT_MINUTES,
    kind: object = "want",
    energy: object = "medium",
    area: object = "self",
    on_screen: bool = False,
    done: bool = False,
    item_id: str | None = None,
    recovery_rule_id: str | None = None,
    day_error: str | None = None,
) -> AgendaItem:
    """Build a checked item, or raise InvalidItem with a message key per field."""
    errors = validate_item(
        title=title, day=day, start=start, minutes=minutes, kind=kind, energy=energy, area=area
    )
    if day_error:
        errors["day"] = day_error
    if errors:
        raise InvalidItem(errors)
    assert isinstance(day, date) and isinstance(minutes, int)
    return AgendaItem(
        id=item_id or uuid.uuid4().hex,
        title=clean_title(title),
        day=day,
        start=coerce_start(start)[0],
        minutes=minutes,
        kind=str(kind),
        energy=str(energy),
        area=str(area),
        on_screen=on_screen,
        done=done,
        recovery_rule_id=recovery_rule_id,
    )


def move_item(item: AgendaItem, day: date) -> AgendaItem:
    """The same item on another day."""
    return replace(item, day=day)


def shorten_item(item: AgendaItem, minutes: int) -> AgendaItem:
    """The same item with a shorter duration (never below the minimum)."""
    return replace(item, minutes=max(MINUTES_MIN, min(item.minutes, minutes)))


def sort_key(item: AgendaItem) -> tuple[date, int, str]:
    """Order within a day: timed items by start, untimed ones after them, then by title."""
    start = item.start_minute
    return (item.day, start if start is not None else 24 * 60, item.title.casefold())
