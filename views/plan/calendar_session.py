"""The user's imported calendars for one session: each source's weeks expanded once, then kept."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from domain.plan.calendar.advice import EventAnswer, answers_by_event, stale_answers
from domain.plan.calendar.agenda import free_days, source_events
from domain.plan.calendar.events import ImportedEvent
from domain.plan.calendar.expand import CalendarWeeks
from domain.plan.calendar.sources import CalendarSource
from domain.plan.overview import CalendarWindow
from storage.calendar_repository import CalendarRepository
from views.shell.clock import device_zone
from views.shell.context import AppContext


def local_zone() -> tzinfo:
    """The device's zone; when it can't be told, the offset the system clock runs at now."""
    zone = device_zone()
    if zone is not None:
        return zone
    found = datetime.now().astimezone().tzinfo
    assert found is not None
    return found


@dataclass
class CalendarCache:
    """Each source's expanded weeks, kept while its import stays the same (one per session)."""

    weeks: dict[str, tuple[tuple[str, str], CalendarWeeks]] = field(default_factory=dict)
    zone: tzinfo | None = None

    def weeks_of(self, repo: CalendarRepository, source: CalendarSource) -> CalendarWeeks:
        """The source's weeks; a new import (or its undo) starts them afresh."""
        if self.zone is None:
            self.zone = local_zone()
        version = (source.data_id, source.imported_at.isoformat())
        kept = self.weeks.get(source.id)
        if kept is not None and kept[0] == version:
            return kept[1]
        weeks = CalendarWeeks(source.id, repo.data(source), self.zone)
        self.weeks[source.id] = (version, weeks)
        return weeks


def calendar_cache(ctx: AppContext) -> CalendarCache:
    return ctx.state(CalendarCache, CalendarCache)


class SessionCalendars:
    """The planner's view of the imported calendars (`domain.plan.state.ImportedCalendars`)."""

    def __init__(self, repo: CalendarRepository, cache: CalendarCache) -> None:
        self.repo = repo
        self.cache = cache
        self.sources = {source.id: source for source in repo.sources()}

    def window(self, first: date, last: date) -> CalendarWindow:
        answers = answers_by_event(self.repo.answers())
        events: list[ImportedEvent] = []
        free: set[date] = set()
        for source in self.sources.values():
            weeks = self.cache.weeks_of(self.repo, source)
            found = source_events(weeks, source, self.repo.choices(source.id), answers, first, last)
            events += found
            if source.free_days:
                free |= free_days(found)
        answered = []
        for answer in answers.values():
            if first <= answer.seen_start.date() <= last:
                event = self.seen(answer)
                if event is not None:
                    answered.append((answer, event.title))
        return CalendarWindow(first, last, tuple(events), frozenset(free), answers, tuple(answered))

    def seen(self, answer: EventAnswer) -> ImportedEvent | None:
        """The occurrence an answer speaks of, where it was when the user answered."""
        source = self.sources.get(answer.source_id)
        if source is None:
            return None
        day = answer.seen_start.date()
        on_day = self.cache.weeks_of(self.repo, source).between(day, day)
        return next((e for e in on_day if e.key == answer.key), None)

    def forget_stale_answers(self) -> list[EventAnswer]:
        """Answers a new import shows were carried out (moved, gone): removed, and returned."""
        answers = self.repo.answers()
        on_day: dict[str, list[ImportedEvent]] = {}
        for answer in answers:
            source = self.sources.get(answer.source_id)
            if source is not None:
                day = answer.seen_start.date()
                on_day[answer.id] = self.cache.weeks_of(self.repo, source).between(day, day)
        stale = stale_answers(answers, on_day)
        self.repo.delete_answers(stale)
        return stale


def session_calendars(ctx: AppContext) -> SessionCalendars:
    """The session's imported calendars, read afresh from the store (their weeks are kept)."""
    return SessionCalendars(CalendarRepository(ctx.store), calendar_cache(ctx))
