"""Ways out on a full day that the user carries out in their own calendar, and their kept answer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from domain.plan.calendar.events import EventKey, ImportedEvent, imported_item_id
from domain.plan.load import ENERGY_WEIGHT, LOOKAHEAD_DAYS, lightest_day, over_capacity
from domain.plan.saying_no import saying_no_keys

ANSWERS = ("move", "decline", "keep")  # "ik verplaats het", "ik zeg af", "laat staan"


@dataclass(frozen=True, slots=True)
class CalendarWayOut:
    """Advice on one imported event: "move" it in the user's calendar to `to_day`, or "decline"."""

    action: str
    item_id: str
    source_id: str
    uid: str
    recurrence_id: str
    title: str
    to_day: date | None = None
    phrase_keys: tuple[str, ...] = ()  # saying-no phrases to copy when declining

    @property
    def key(self) -> EventKey:
        return (self.uid, self.recurrence_id)


@dataclass(frozen=True, slots=True)
class EventAnswer:
    """What the user said they will do with an occurrence, and where it was when they said it."""

    source_id: str
    uid: str
    recurrence_id: str
    answer: str
    seen_start: (
        datetime  # local start at the time of answering: a re-import that moves it ends this
    )
    to_day: date | None = None

    # Keyed like ImportedEvent.key/.item_id: each one line over imported_item_id, kept on both
    # so an answer and an event each say where they belong.
    @property
    def key(self) -> EventKey:
        return (self.uid, self.recurrence_id)

    @property
    def id(self) -> str:
        return imported_item_id(self.source_id, self.uid, self.recurrence_id)

    # Like RecoveryRule.to_record: the same shape, other fields; a record, not shared logic.
    def to_record(self) -> dict[str, Any]:
        """A JSON-ready record for the store."""
        return {
            "id": self.id,
            "source_id": self.source_id,
            "uid": self.uid,
            "recurrence_id": self.recurrence_id,
            "answer": self.answer,
            "seen_start": self.seen_start.isoformat(),
            "to_day": None if self.to_day is None else self.to_day.isoformat(),
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> EventAnswer:
        """Rebuild an answer; ValueError when it is not one the planner gives."""
        answer = record.get("answer")
        if answer not in ANSWERS:
            raise ValueError(f"unknown answer {answer!r}")
        to_day = record.get("to_day")
        parsed_to = date.fromisoformat(to_day) if isinstance(to_day, str) else None
        if answer == "move" and parsed_to is None:
            raise ValueError("a move needs a day")
        return cls(
            source_id=str(record["source_id"]),
            uid=str(record["uid"]),
            recurrence_id=str(record.get("recurrence_id") or ""),
            answer=str(answer),
            seen_start=datetime.fromisoformat(str(record["seen_start"])),
            to_day=parsed_to,
        )


def answer_event(event: ImportedEvent, answer: str, to_day: date | None = None) -> EventAnswer:
    """The user's answer to the advice on an occurrence; ValueError for an unknown answer."""
    if answer not in ANSWERS:
        raise ValueError(f"unknown answer {answer!r}")
    if answer == "move" and to_day is None:
        raise ValueError("a move needs a day")
    return EventAnswer(
        source_id=event.source_id,
        uid=event.uid,
        recurrence_id=event.recurrence_id,
        answer=answer,
        seen_start=event.start,
        to_day=to_day if answer == "move" else None,
    )


def event_load(event: ImportedEvent) -> float:
    """Weighted minutes, as the planner weighs its own items."""
    if event.kind == "recovery":
        return 0.0
    return event.minutes * ENERGY_WEIGHT.get(event.energy, 1.0)


def calendar_ways_out(
    day: date,
    events: Sequence[ImportedEvent],
    load: float,
    capacity: float,
    loads: Mapping[date, float],
    answers: Mapping[tuple[str, str, str], EventAnswer] | None = None,
    days: int = LOOKAHEAD_DAYS,
) -> list[CalendarWayOut]:
    """On a day over capacity: move or decline each timed imported event that is not a "must".

    `load` is the day's whole load (own items and imported), `loads` the next days' loads. Events
    the user already answered get no advice again. The heaviest event comes first.
    """
    if not over_capacity(load, capacity):
        return []
    answered = answers or {}
    target = lightest_day(day, loads, days)
    phrases = saying_no_keys()
    candidates = [
        e
        for e in events
        if e.start.date() == day
        and not e.all_day
        and e.kind != "must"
        and (e.source_id, e.uid, e.recurrence_id) not in answered
    ]
    candidates.sort(key=lambda e: (-event_load(e), e.start, e.title.casefold()))
    result = []
    for event in candidates:
        ids = (event.item_id, event.source_id, event.uid, event.recurrence_id, event.title)
        result.append(CalendarWayOut("move", *ids, to_day=target))
        result.append(CalendarWayOut("decline", *ids, phrase_keys=phrases))
    return result


def answers_by_event(answers: Iterable[EventAnswer]) -> dict[tuple[str, str, str], EventAnswer]:
    """Answers keyed by (source id, uid, recurrence id)."""
    return {(a.source_id, a.uid, a.recurrence_id): a for a in answers}


def answer_applies(answer: EventAnswer, event: ImportedEvent) -> bool:
    """Whether the answer still speaks of this occurrence: same event, still where it was."""
    return (answer.source_id, answer.uid, answer.recurrence_id) == (
        event.source_id,
        event.uid,
        event.recurrence_id,
    ) and answer.seen_start == event.start


def apply_answers(
    events: Iterable[ImportedEvent], answers: Mapping[tuple[str, str, str], EventAnswer]
) -> list[ImportedEvent]:
    """The forecast: declined events left out, moved ones on the day the user moves them to.

    An answer counts only while the calendar still has the event where it was when answered;
    once a re-import shows it moved or gone, the calendar itself tells the truth.
    """
    result = []
    for event in events:
        answer = answers.get((event.source_id, event.uid, event.recurrence_id))
        if answer is None or not answer_applies(answer, event):
            result.append(event)
        elif answer.answer == "move" and answer.to_day is not None:
            shift = timedelta(days=(answer.to_day - event.start.date()).days)
            result.append(replace(event, start=event.start + shift, end=event.end + shift))
        elif answer.answer == "keep":
            result.append(event)
    return result


def stale_answers(
    answers: Iterable[EventAnswer], events_on_day: Mapping[str, Sequence[ImportedEvent]]
) -> list[EventAnswer]:
    """Answers whose event is no longer where it was; `events_on_day` maps an answer's id to the
    events of its source on the day it was seen (empty when the source is gone)."""
    stale = []
    for answer in answers:
        events = events_on_day.get(answer.id, ())
        if not any(answer_applies(answer, event) for event in events):
            stale.append(answer)
    return stale
