"""One agenda: imported events weigh in the planner's load, boundaries, ways out and reminders."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from domain.plan.boundaries import new_boundary
from domain.plan.calendar.advice import EventAnswer, answer_event, answers_by_event
from domain.plan.calendar.agenda import free_days, source_events
from domain.plan.calendar.events import ImportedEvent, is_imported_id
from domain.plan.calendar.expand import CalendarWeeks
from domain.plan.calendar.parse import ParsedCalendar, read_calendar
from domain.plan.calendar.sources import CalendarSource, new_source
from domain.plan.items import new_item
from domain.plan.load import AgendaIndex, ways_out
from domain.plan.overview import CalendarWindow
from domain.plan.rhythm import Rhythm
from domain.plan.state import PlannerState, ReadOnlyItem
from tests.domain.test_time_edges import MemoryRepo

WED, THU, FRI = date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)
ICS = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
X-WR-CALNAME:Werk\r
BEGIN:VEVENT\r
UID:overleg\r
SUMMARY:Overleg\r
DTSTART:20261125T090000\r
DTEND:20261125T130000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:borrel\r
SUMMARY:Borrel\r
DTSTART:20261125T210000\r
DTEND:20261125T230000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:vrij\r
SUMMARY:Vakantie\r
DTSTART;VALUE=DATE:20261126\r
DTEND;VALUE=DATE:20261127\r
END:VEVENT\r
END:VCALENDAR\r
"""


class Repo(MemoryRepo):
    """The planner's repository in memory, keeping boundaries too."""

    def __init__(self) -> None:
        super().__init__()
        self._boundaries: list = []

    def boundaries(self):
        return list(self._boundaries)

    def save_boundary(self, boundary):
        self._boundaries.append(boundary)


class Calendars:
    """One source's events, as the screen's session hands them to the planner."""

    def __init__(self, source: CalendarSource, weeks: CalendarWeeks) -> None:
        self.source, self.weeks = source, weeks
        self.answers: list[EventAnswer] = []

    def window(self, first: date, last: date) -> CalendarWindow:
        answers = answers_by_event(self.answers)
        events = source_events(self.weeks, self.source, {}, answers, first, last)
        free = free_days(events) if self.source.free_days else set()
        return CalendarWindow(first, last, tuple(events), frozenset(free), answers)


@pytest.fixture
def calendars() -> Calendars:
    parsed = read_calendar(ICS)
    assert isinstance(parsed, ParsedCalendar)
    source = new_source(
        file_name="werk.ics",
        calendar_name=parsed.name,
        imported_at=datetime(2026, 11, 24, 8, 0),
        events=parsed.summary.events,
        skipped={},
        data_id="x",
    )
    return Calendars(source, CalendarWeeks(source.id, parsed.data, UTC))


def planner(calendars: Calendars | None, **items) -> PlannerState:
    repo = Repo()
    for item in items.values():
        repo.save_item(item)
    return PlannerState(repo, 6, Rhythm(), around=WED, calendars=calendars)


def test_imported_events_count_in_the_day_and_the_week(calendars):
    state = planner(calendars)
    day = state.plan_day(WED)
    assert [i.title for i in day.items] == ["Overleg", "Borrel"]
    assert all(is_imported_id(i.id) for i in day.items)
    assert day.load == 360.0 and not day.over  # 4 h + 2 h, medium, against 6 h
    # An all-day event shows, and adds no hours.
    thursday = state.plan_day(THU)
    assert [(i.title, i.minutes) for i in thursday.items] == [("Vakantie", 0)]
    assert thursday.load == 0.0 and not thursday.free  # free days are the user's choice


def test_the_reminder_plan_and_the_boundaries_see_them(calendars):
    state = planner(calendars)
    assert "Overleg" in [i.title for i in state.items_between(WED, WED)]
    state.add_boundary(new_boundary(kind="no_work_after", time_text="20:00"))
    day = state.plan_day(WED)
    [borrel] = [i for i in day.items if i.title == "Borrel"]
    assert [v.kind for v in day.violations_of(borrel.id)] == ["no_work_after"]
    late = new_item(title="mail", day=WED, start="21:30", minutes=30, area="work")
    assert state.warnings_for(late)  # the question before saving counts the meeting too


def test_a_full_day_advises_on_imported_events_and_never_moves_them_itself(calendars):
    own = new_item(title="Opruimen", day=WED, minutes=120, kind="could", item_id="own")
    state = planner(calendars, own=own)
    day = state.plan_day(WED)
    assert day.over
    assert {w.item_id for w in day.ways_out} == {"own"}
    advice = {(w.action, w.title) for w in day.calendar_ways}
    assert advice == {
        ("move", "Overleg"),
        ("decline", "Overleg"),
        ("move", "Borrel"),
        ("decline", "Borrel"),
    }
    assert {w.to_day for w in day.calendar_ways if w.action == "move"} == {THU}


def test_an_answer_is_counted_until_the_calendar_shows_it(calendars):
    own = new_item(title="Opruimen", day=WED, minutes=120, kind="could", item_id="own")
    state = planner(calendars, own=own)
    event = state.imported_event(
        next(i.id for i in state.plan_day(WED).items if i.title == "Overleg")
    )
    assert isinstance(event, ImportedEvent)
    calendars.answers.append(answer_event(event, "move", FRI))
    state.reload()
    assert [i.title for i in state.plan_day(WED).items] == ["Borrel", "Opruimen"]  # timed first
    assert "Overleg" in [i.title for i in state.plan_day(FRI).items]
    assert not state.plan_day(WED).over


def test_a_free_day_is_never_where_a_way_out_sends_work(calendars):
    calendars.source = replace(calendars.source, free_days=True)
    own = new_item(title="Opruimen", day=WED, minutes=240, kind="could", item_id="own")
    state = planner(calendars, own=own)
    assert state.plan_day(THU).free
    day = state.plan_day(WED)
    assert {w.to_day for w in day.ways_out if w.action == "move"} == {FRI}
    assert {w.to_day for w in day.calendar_ways if w.action == "move"} == {FRI}
    assert state.suggest_for(own) == FRI


def test_imported_events_are_read_only_and_never_exported(calendars):
    state = planner(calendars)
    [overleg, _] = state.plan_day(WED).items
    assert state.find(overleg.id) is None
    with pytest.raises(ReadOnlyItem):
        state.add_item(overleg)
    with pytest.raises(ReadOnlyItem):
        state.set_done(overleg)
    assert b"Overleg" not in state.as_ics(datetime(2026, 11, 25, 8, 0))


def test_a_way_out_skips_imported_and_timeless_items_without_dividing_by_zero():
    meeting = replace(new_item(title="Overleg", day=WED, minutes=420, kind="could"), id="ics:s:u:")
    all_day = replace(new_item(title="Hele dag", day=WED, minutes=60, kind="could"), minutes=0)
    found = ways_out(WED, AgendaIndex([meeting, all_day]), 360.0)
    assert {(w.action, w.item_id) for w in found} == {("move", all_day.id), ("drop", all_day.id)}
