"""Imported events as agenda items, so load, boundaries, rhythm flags and buffers check them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta

from domain.plan.calendar.advice import EventAnswer, apply_answers
from domain.plan.calendar.events import EventChoice, EventKey, ImportedEvent, weigh_event
from domain.plan.calendar.expand import CalendarWeeks
from domain.plan.calendar.sources import CalendarSource
from domain.plan.items import MINUTES_MAX, AgendaItem

DAY = timedelta(days=1)
# All-day events with these words may mark a day as free, when the user says so for the source.
FREE_WORDS = (
    "vakantie",
    "vrij",
    "verlof",
    "feestdag",
    "vacation",
    "holiday",
    "day off",
    "out of office",
    "urlaub",
    "congé",
)


def source_events(
    weeks: CalendarWeeks,
    source: CalendarSource,
    choices: Mapping[EventKey, EventChoice],
    answers: Mapping[tuple[str, str, str], EventAnswer],
    first: date,
    last: date,
) -> list[ImportedEvent]:
    """A source's events on the days `first` to `last`, weighed and with the user's answers counted.

    An event the user moves into these days from elsewhere is found on the day it was seen.
    """
    events = weeks.between(first, last)
    for answer in answers.values():
        seen = answer.seen_start.date()
        if (
            answer.source_id == source.id
            and answer.to_day is not None
            and first <= answer.to_day <= last
            and not first <= seen <= last
        ):
            events += [e for e in weeks.between(seen, seen) if e.key == answer.key]
    weighed = [
        weigh_event(e, energy=source.energy, area=source.area, kind=source.kind, choices=choices)
        for e in events
    ]
    return [e for e in apply_answers(weighed, answers) if _touches(e, first, last)]


def _touches(event: ImportedEvent, first: date, last: date) -> bool:
    return event.overlaps(datetime.combine(first, time.min), datetime.combine(last, time.min) + DAY)


def to_agenda_items(events: Iterable[ImportedEvent], first: date, last: date) -> list[AgendaItem]:
    """One agenda item per event and local day from `first` to `last`.

    An event shorter than a day is one item on the day it starts (it may run past midnight, as the
    user's own items may). A longer one becomes a piece per day, each counting at most 12 hours.
    All-day events are items without a time and add no hours (no minutes).
    """
    items = []
    for event in events:
        if event.all_day:
            days = event.days
            for day in days:
                if first <= day <= last:
                    items.append(_item(event, day, None, 0, len(days) > 1))
        elif event.end - event.start < DAY:
            if first <= event.start.date() <= last:
                items.append(_item(event, event.start.date(), event.start.time(), event.minutes))
        else:
            for day in event.days:
                if not first <= day <= last:
                    continue
                begin = max(event.start, datetime.combine(day, time.min))
                end = min(event.end, datetime.combine(day, time.min) + DAY)
                minutes = min(MINUTES_MAX, int((end - begin).total_seconds() // 60))
                items.append(_item(event, day, begin.time(), minutes, True))
    return items


def _item(
    event: ImportedEvent, day: date, start: time | None, minutes: int, per_day: bool = False
) -> AgendaItem:
    return AgendaItem(
        id=f"{event.item_id}/{day:%Y%m%d}" if per_day else event.item_id,
        title=event.title,
        day=day,
        start=None if start is None else start.replace(second=0, microsecond=0),
        minutes=minutes,
        kind=event.kind,
        energy=event.energy,
        area=event.area,
    )


def free_days(events: Iterable[ImportedEvent]) -> set[date]:
    """Days an all-day event calls free ("vakantie", "vrij", "holiday"...)."""
    found: set[date] = set()
    for event in events:
        title = event.title.casefold()
        if event.all_day and any(word in title for word in FREE_WORDS):
            found.update(event.days)
    return found
