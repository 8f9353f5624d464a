"""One imported event as the planner sees it: local times, a source, and a weight."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from domain.plan.items import ENERGIES, KINDS

# (UID, RECURRENCE-ID text): "" for an event that does not repeat, else the original start as
# "20260302T090000Z" (a zoned time in UTC), "20260302T090000" (floating) or "20260302" (a day).
EventKey = tuple[str, str]
ITEM_PREFIX = "ics:"
CHOICE_KINDS = tuple(kind for kind in KINDS if kind != "recovery")


@dataclass(frozen=True, slots=True)
class ImportedEvent:
    """One occurrence of an event from a calendar file, in the device's local time (naive)."""

    source_id: str
    uid: str
    recurrence_id: str
    title: str
    start: datetime
    end: datetime  # for an all-day event: midnight after its last day
    all_day: bool = False
    energy: str = "medium"
    area: str = "work"
    kind: str = "want"

    # Keyed like EventAnswer.key/.id: each one line over imported_item_id, kept on both.
    @property
    def key(self) -> EventKey:
        """What a user's choice about this occurrence is kept under."""
        return (self.uid, self.recurrence_id)

    @property
    def item_id(self) -> str:
        """An agenda id no item of the user's own can have (theirs are hex or rule@time)."""
        return imported_item_id(self.source_id, self.uid, self.recurrence_id)

    @property
    def minutes(self) -> int:
        """Length in whole minutes; all-day events add no hours."""
        if self.all_day:
            return 0
        return max(0, int((self.end - self.start).total_seconds() // 60))

    @property
    def days(self) -> list[date]:
        """The local days it touches (an event ending at midnight does not touch the next day)."""
        last = self.end.date()
        if self.end.time() == time.min and self.end > self.start:
            last -= timedelta(days=1)
        last = max(last, self.start.date())
        return [
            self.start.date() + timedelta(days=n)
            for n in range((last - self.start.date()).days + 1)
        ]

    def overlaps(self, begin: datetime, end: datetime) -> bool:
        """Whether it takes place in [begin, end); an event of no length counts at its start."""
        if self.end <= self.start:
            return begin <= self.start < end
        return self.start < end and self.end > begin


def imported_item_id(source_id: str, uid: str, recurrence_id: str) -> str:
    """ "ics:<source>:<uid>:<recurrence id>"; the source id and recurrence id hold no colon."""
    return f"{ITEM_PREFIX}{source_id}:{uid}:{recurrence_id}"


def is_imported_id(item_id: str) -> bool:
    """Whether an agenda id belongs to an imported event (read-only: the truth is elsewhere)."""
    return item_id.startswith(ITEM_PREFIX)


def parse_imported_id(item_id: str) -> tuple[str, str, str] | None:
    """(source id, uid, recurrence id) of an imported item's id, or None for another id."""
    if not is_imported_id(item_id):
        return None
    source_id, sep, rest = item_id[len(ITEM_PREFIX) :].partition(":")
    uid, sep2, recurrence_id = rest.rpartition(":")
    if not sep or not sep2:
        return None
    # a piece of an event over several days carries its day after a slash
    return source_id, uid, recurrence_id.partition("/")[0]


@dataclass(frozen=True, slots=True)
class EventChoice:
    """The user's own weight for one event: for one occurrence, or ("" recurrence id) the series."""

    source_id: str
    uid: str
    recurrence_id: str = ""
    energy: str | None = None
    kind: str | None = None

    @property
    def key(self) -> EventKey:
        return (self.uid, self.recurrence_id)

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready record for the store."""
        return {
            "id": imported_item_id(self.source_id, self.uid, self.recurrence_id),
            "source_id": self.source_id,
            "uid": self.uid,
            "recurrence_id": self.recurrence_id,
            "energy": self.energy,
            "kind": self.kind,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> EventChoice:
        """Rebuild a choice; values the planner does not know are dropped, not guessed."""
        energy, kind = record.get("energy"), record.get("kind")
        uid = record.get("uid")
        source_id = record.get("source_id")
        if not isinstance(uid, str) or not isinstance(source_id, str):
            raise ValueError("a choice needs a source and a uid")
        return cls(
            source_id=source_id,
            uid=uid,
            recurrence_id=str(record.get("recurrence_id") or ""),
            energy=energy if energy in ENERGIES else None,
            kind=kind if kind in CHOICE_KINDS else None,
        )


def new_choice(
    event: ImportedEvent,
    *,
    energy: str | None = None,
    kind: str | None = None,
    series: bool = False,
) -> EventChoice:
    """A checked choice for an occurrence (or its whole series); ValueError on unknown values."""
    if energy is not None and energy not in ENERGIES:
        raise ValueError(f"unknown energy {energy!r}")
    if kind is not None and kind not in CHOICE_KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    return EventChoice(
        source_id=event.source_id,
        uid=event.uid,
        recurrence_id="" if series else event.recurrence_id,
        energy=energy,
        kind=kind,
    )


def weigh_event(
    event: ImportedEvent,
    *,
    energy: str,
    area: str,
    kind: str,
    choices: Mapping[EventKey, EventChoice],
) -> ImportedEvent:
    """The event with its source's weight, then the series' choice, then the occurrence's."""
    for key in ((event.uid, ""), event.key):
        choice = choices.get(key)
        if choice is not None:
            energy = choice.energy or energy
            kind = choice.kind or kind
    return replace(event, energy=energy, area=area, kind=kind)
