"""Imported calendars in the store: sources, their series, and the user's choices and answers."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from domain.plan.calendar.advice import EventAnswer
from domain.plan.calendar.events import EventChoice, EventKey, imported_item_id
from domain.plan.calendar.parse import ParsedCalendar
from domain.plan.calendar.series import CalendarData
from domain.plan.calendar.sources import CalendarSource, new_source, source_id_of
from storage.records import readable

if TYPE_CHECKING:
    from storage import Store

log = logging.getLogger("adempauze.calendar")
# A source's series live in one of two slots: an import writes the free one, then points the
# source at it, then empties the old one. Cut short half-way, the source still reads whole.
SLOTS = ("a", "b")


@dataclass(frozen=True, slots=True)
class ImportUndo:
    """What an import replaced, so **Ongedaan maken** can put it back."""

    source: CalendarSource
    previous: CalendarSource | None
    previous_data: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class RemovedSource:
    """A removed source with everything of it, so its removal can be undone."""

    source: CalendarSource
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


class CalendarRepository:
    """`calendar_sources`, `calendar_data`, `calendar_choices` and `calendar_answers`."""

    def __init__(self, store: Store) -> None:
        self._sources = store.collection("calendar_sources")
        self._data = store.collection("calendar_data")
        self._choices = store.collection("calendar_choices")
        self._answers = store.collection("calendar_answers")

    # --- sources

    def sources(self) -> list[CalendarSource]:
        """Every readable source, by name."""
        found = readable(self._sources.all(), CalendarSource.from_record, log, "calendar source")
        return sorted(found, key=lambda s: (s.label.casefold(), s.id))

    def source(self, source_id: str) -> CalendarSource | None:
        """One source by id, or None."""
        record = self._sources.get(source_id)
        try:
            return None if record is None else CalendarSource.from_record(record)
        except (KeyError, TypeError, ValueError):
            return None

    def source_for_file(self, file_name: str) -> CalendarSource | None:
        """The source a file of this name would replace, if there is one."""
        return self.source(source_id_of(file_name))

    def save_source(self, source: CalendarSource) -> None:
        """Store a source's settings (default weight, free days)."""
        self._sources.put(source.to_record())

    def data(self, source: CalendarSource) -> CalendarData:
        """The series of a source's latest import; empty when they cannot be read."""
        record = self._data.get(source.data_id) if source.data_id else None
        if record is None:
            return CalendarData()
        try:
            return CalendarData.from_record(record)
        except (KeyError, TypeError, ValueError):
            log.warning("skipping unreadable calendar data of %r", source.id)
            return CalendarData()

    # --- import, re-import, removal

    def import_calendar(self, file_name: str, parsed: ParsedCalendar, now: datetime) -> ImportUndo:
        """Store a file as a source, replacing the source of the same file name.

        The user's weight for the source, their per-event choices and their answers stay.
        """
        previous = self.source_for_file(file_name)
        previous_data = self._data.get(previous.data_id) if previous and previous.data_id else None
        source_id = previous.id if previous else source_id_of(file_name)
        slot = _other_slot(previous.data_id if previous else "")
        data_id = f"{source_id}-{slot}"
        self._data.put({"id": data_id, "source_id": source_id, **parsed.data.to_record()})
        source = new_source(
            file_name=file_name,
            calendar_name=parsed.name,
            imported_at=now,
            events=parsed.summary.events,
            skipped=parsed.summary.skipped,
            data_id=data_id,
            previous=previous,
        )
        self._sources.put(source.to_record())
        if previous and previous.data_id and previous.data_id != data_id:
            self._data.delete(previous.data_id)
        return ImportUndo(source, previous, previous_data)

    def undo_import(self, undo: ImportUndo) -> None:
        """Take an import back out: the source as it was before, or no source at all."""
        if undo.previous is None:
            self.remove_source(undo.source.id)
            return
        if undo.previous_data is not None:
            self._data.put(undo.previous_data)
        self._sources.put(undo.previous.to_record())
        if undo.source.data_id != undo.previous.data_id:
            self._data.delete(undo.source.data_id)

    def remove_source(self, source_id: str) -> RemovedSource | None:
        """Remove a source with its series, choices and answers; None when there was none."""
        source = self.source(source_id)
        if source is None:
            return None
        records: dict[str, list[dict[str, Any]]] = {
            "data": [r for slot in SLOTS if (r := self._data.get(f"{source_id}-{slot}"))],
            "choices": self._choices.where(lambda r: r.get("source_id") == source_id),
            "answers": self._answers.where(lambda r: r.get("source_id") == source_id),
        }
        self._sources.delete(source_id)
        for slot in SLOTS:
            self._data.delete(f"{source_id}-{slot}")
        for record in records["choices"]:
            self._choices.delete(record["id"])
        for record in records["answers"]:
            self._answers.delete(record["id"])
        return RemovedSource(source, records)

    def restore_source(self, removed: RemovedSource) -> None:
        """Put a removed source back, as it was."""
        for record in removed.records.get("data", ()):
            self._data.put(record)
        for record in removed.records.get("choices", ()):
            self._choices.put(record)
        for record in removed.records.get("answers", ()):
            self._answers.put(record)
        self._sources.put(removed.source.to_record())

    # --- the user's choices per event (they survive re-imports)

    def choices(self, source_id: str) -> dict[EventKey, EventChoice]:
        """A source's choices keyed by (UID, RECURRENCE-ID); "" is the whole series."""
        found: dict[EventKey, EventChoice] = {}
        for record in self._choices.where(lambda r: r.get("source_id") == source_id):
            try:
                choice = EventChoice.from_record(record)
            except (KeyError, TypeError, ValueError):
                continue
            found[choice.key] = choice
        return found

    def save_choice(self, choice: EventChoice) -> None:
        """Insert or replace a choice; one with neither energy nor kind is removed."""
        if choice.energy is None and choice.kind is None:
            self.delete_choice(choice.source_id, choice.uid, choice.recurrence_id)
            return
        self._choices.put(choice.to_record())

    def delete_choice(self, source_id: str, uid: str, recurrence_id: str = "") -> bool:
        """Remove a choice; False when there was none."""
        return self._choices.delete(imported_item_id(source_id, uid, recurrence_id))

    # --- the user's answers to advice

    def answers(self) -> list[EventAnswer]:
        """Every readable answer."""
        return readable(self._answers.all(), EventAnswer.from_record, log, "calendar answer")

    def save_answer(self, answer: EventAnswer) -> None:
        """Insert or replace the answer for an occurrence."""
        self._answers.put(answer.to_record())

    def delete_answers(self, answers: Iterable[EventAnswer]) -> None:
        """Remove answers (for example those a re-import made stale)."""
        for answer in answers:
            self._answers.delete(answer.id)


def _other_slot(data_id: str) -> str:
    """The slot an import writes: the one the source does not use now."""
    return SLOTS[1] if data_id.endswith(f"-{SLOTS[0]}") else SLOTS[0]
