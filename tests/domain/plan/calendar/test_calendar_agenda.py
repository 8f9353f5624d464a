"""Imported events in the planner: agenda items, load, boundaries, choices and advice."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from domain.plan.boundaries import check_day, new_boundary
from domain.plan.calendar.advice import (
    answer_event,
    answers_by_event,
    apply_answers,
    calendar_ways_out,
    stale_answers,
)
from domain.plan.calendar.agenda import free_days, source_events, to_agenda_items
from domain.plan.calendar.events import (
    EventChoice,
    ImportedEvent,
    is_imported_id,
    new_choice,
    parse_imported_id,
    weigh_event,
)
from domain.plan.calendar.expand import CalendarWeeks
from domain.plan.calendar.parse import ParsedCalendar, read_calendar
from domain.plan.calendar.sources import guess_area, new_source, source_id_of
from domain.plan.load import AgendaIndex, capacity_minutes, day_load
from domain.plan.saying_no import saying_no_keys

DATA = Path(__file__).resolve().parents[3] / "data" / "calendars"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 3, 1, 12, 0)


def event(title="Overleg", start=(2026, 3, 2, 9, 0), end=(2026, 3, 2, 10, 0), **kw):
    defaults = {"source_id": "src", "uid": title, "recurrence_id": ""}
    return ImportedEvent(**(defaults | kw), title=title, start=datetime(*start), end=datetime(*end))


def test_item_ids_cannot_clash_with_the_users_own_and_read_back():
    e = event(uid="abc:def@google.com", recurrence_id="20260302T080000Z")
    assert e.item_id == "ics:src:abc:def@google.com:20260302T080000Z"
    assert is_imported_id(e.item_id) and not is_imported_id("0f" * 16)
    assert parse_imported_id(e.item_id) == ("src", "abc:def@google.com", "20260302T080000Z")
    assert parse_imported_id(e.item_id + "/20260303") == parse_imported_id(e.item_id)


# (event, what the planner gets: (day, start, minutes) per item)
ITEMS = [
    # a timed meeting is one item
    (event(), [(date(2026, 3, 2), "09:00", 60)]),
    # past midnight stays one item on the day it starts, as the user's own items do
    (event(start=(2026, 3, 2, 23, 0), end=(2026, 3, 3, 2, 0)), [(date(2026, 3, 2), "23:00", 180)]),
    # all-day events show on each day and add no minutes
    (
        event(start=(2026, 3, 2, 0, 0), end=(2026, 3, 4, 0, 0), all_day=True),
        [(date(2026, 3, 2), None, 0), (date(2026, 3, 3), None, 0)],
    ),
    # a timed event over several days is a piece per day, each at most 12 hours
    (
        event(start=(2026, 3, 2, 14, 0), end=(2026, 3, 4, 11, 0)),
        [
            (date(2026, 3, 2), "14:00", 600),
            (date(2026, 3, 3), "00:00", 720),
            (date(2026, 3, 4), "00:00", 660),
        ],
    ),
]


@pytest.mark.parametrize(("imported", "expected"), ITEMS)
def test_events_become_agenda_items_per_day(imported, expected):
    items = to_agenda_items([imported], date(2026, 3, 1), date(2026, 3, 8))
    got = [(i.day, None if i.start is None else f"{i.start:%H:%M}", i.minutes) for i in items]
    assert got == expected
    assert len({i.id for i in items}) == len(items)
    assert all(is_imported_id(i.id) for i in items)


def test_imported_items_weigh_in_the_load_and_the_boundaries_see_them():
    late = event("Borrel", start=(2026, 3, 2, 20, 0), end=(2026, 3, 2, 22, 0), area="work")
    allday = event("Congres", start=(2026, 3, 2, 0, 0), end=(2026, 3, 3, 0, 0), all_day=True)
    items = to_agenda_items(
        [event(energy="heavy"), late, allday], date(2026, 3, 2), date(2026, 3, 2)
    )
    index = AgendaIndex(items)
    # 60 heavy minutes (x1.5) and 120 medium ones; the all-day event adds nothing
    assert day_load(index.on(date(2026, 3, 2))) == 60 * 1.5 + 120
    boundary = new_boundary(kind="no_work_after", time_text="20:00")
    [violation] = check_day([boundary], date(2026, 3, 2), index.on(date(2026, 3, 2)))
    assert violation.item_ids == (late.item_id,)


def test_choices_per_series_and_per_occurrence_override_the_source_weight():
    occurrence = event(uid="s", recurrence_id="20260302T080000Z")
    series = new_choice(occurrence, energy="light", series=True)
    single = new_choice(occurrence, kind="must")
    weighed = weigh_event(
        occurrence, energy="medium", area="home", kind="want", choices={series.key: series}
    )
    assert (weighed.energy, weighed.area, weighed.kind) == ("light", "home", "want")
    both = {series.key: series, single.key: single}
    weighed = weigh_event(occurrence, energy="heavy", area="work", kind="want", choices=both)
    assert (weighed.energy, weighed.kind) == ("light", "must")
    with pytest.raises(ValueError):
        new_choice(occurrence, kind="recovery")
    assert EventChoice.from_record(single.to_record()) == single


def full_day() -> tuple[list[ImportedEvent], float]:
    meetings = [
        event(f"M{h}", start=(2026, 3, 2, h, 0), end=(2026, 3, 2, h + 1, 0)) for h in range(9, 17)
    ]
    heavy = event("Workshop", start=(2026, 3, 2, 17, 0), end=(2026, 3, 2, 19, 0), energy="heavy")
    must = event("Deadline", start=(2026, 3, 2, 19, 0), end=(2026, 3, 2, 20, 0), kind="must")
    events = [*meetings, heavy, must]
    return events, day_load(to_agenda_items(events, date(2026, 3, 2), date(2026, 3, 2)))


def test_a_full_day_gets_move_and_decline_advice_on_real_events_heaviest_first():
    events, load = full_day()
    loads = {date(2026, 3, d): 300.0 for d in range(3, 10)} | {date(2026, 3, 5): 30.0}
    ways = calendar_ways_out(date(2026, 3, 2), events, load, capacity_minutes(6), loads)
    assert [(w.action, w.title) for w in ways[:2]] == [
        ("move", "Workshop"),
        ("decline", "Workshop"),
    ]
    assert ways[0].to_day == date(2026, 3, 5)
    assert ways[1].phrase_keys == saying_no_keys()
    assert "Deadline" not in {w.title for w in ways}  # a "must" is not advised away
    assert calendar_ways_out(date(2026, 3, 2), events[:2], 120.0, capacity_minutes(6), loads) == []


def test_the_users_answer_is_counted_until_the_calendar_shows_the_change():
    events, load = full_day()
    workshop = events[-2]
    moved = answer_event(workshop, "move", date(2026, 3, 5))
    declined = answer_event(events[0], "decline")
    answers = answers_by_event([moved, declined])
    forecast = apply_answers(events, answers)
    assert next(e for e in forecast if e.title == "Workshop").start == datetime(2026, 3, 5, 17, 0)
    assert "M9" not in {e.title for e in forecast}
    # answered events get no advice again
    ways = calendar_ways_out(date(2026, 3, 2), events, load, capacity_minutes(6), {}, answers)
    assert {w.title for w in ways}.isdisjoint({"Workshop", "M9"})
    # a re-import shows the workshop moved: the answer no longer applies, and it is stale
    reimported = [e for e in events if e.title != "Workshop"] + [
        event("Workshop", start=(2026, 3, 5, 17, 0), end=(2026, 3, 5, 19, 0), energy="heavy")
    ]
    assert apply_answers(reimported, answers_by_event([moved]))[-1].start.day == 5
    on_day = {moved.id: [e for e in reimported if e.start.date() == date(2026, 3, 2)]}
    assert stale_answers([moved], on_day) == [moved]
    assert stale_answers([declined], {declined.id: events}) == []


def test_a_source_is_named_by_its_file_and_guesses_its_area():
    source = new_source(
        file_name="werk.ics",
        calendar_name="Werk-agenda",
        imported_at=NOW,
        events=3,
        skipped={},
        data_id="x",
    )
    assert source.id == source_id_of("werk.ics") and source.label == "Werk-agenda"
    assert (source.energy, source.area) == ("medium", "work")
    assert guess_area("Gezin") == "home" and guess_area("Sport") == "self"
    unnamed = new_source(
        file_name="cal.ics", calendar_name="", imported_at=NOW, events=0, skipped={}, data_id="y"
    )
    assert unnamed.label == "cal.ics"


def test_source_events_weighs_answers_and_shows_moves_into_the_range():
    parsed = read_calendar((DATA / "google_werk.ics").read_bytes())
    assert isinstance(parsed, ParsedCalendar)
    source = new_source(
        file_name="google.ics",
        calendar_name=parsed.name,
        imported_at=NOW,
        events=parsed.summary.events,
        skipped={},
        data_id="d",
    )
    weeks = CalendarWeeks(source.id, parsed.data, AMSTERDAM)
    [standup] = weeks.between(date(2026, 3, 9), date(2026, 3, 9))
    answers = answers_by_event([answer_event(standup, "move", date(2026, 3, 17))])
    week = source_events(weeks, source, {}, answers, date(2026, 3, 16), date(2026, 3, 22))
    assert [(e.title, e.start) for e in week] == [
        ("Stand-up", datetime(2026, 3, 16, 9, 0)),
        ("Stand-up", datetime(2026, 3, 17, 9, 0)),
    ]
    assert all(e.area == "work" and e.energy == "medium" for e in week)


def test_all_day_holidays_may_mark_free_days():
    holiday = event("Vakantie", start=(2026, 5, 4, 0, 0), end=(2026, 5, 6, 0, 0), all_day=True)
    timed = event("Vrijdagborrel", start=(2026, 5, 8, 17, 0), end=(2026, 5, 8, 18, 0))
    assert free_days([holiday, timed]) == {date(2026, 5, 4), date(2026, 5, 5)}
