"""Imported calendars on a real store: import, re-import, undo, removal, choices and answers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from domain.plan.calendar.advice import answer_event
from domain.plan.calendar.events import new_choice
from domain.plan.calendar.expand import CalendarWeeks
from domain.plan.calendar.parse import ParsedCalendar, read_calendar
from storage import Store
from storage.calendar_repository import CalendarRepository

DATA = Path(__file__).resolve().parents[1] / "data" / "calendars"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 3, 1, 12, 0)


def parsed(name: str = "google_werk.ics", data: bytes | None = None) -> ParsedCalendar:
    result = read_calendar(data if data is not None else (DATA / name).read_bytes())
    assert isinstance(result, ParsedCalendar)
    return result


def titles(repo: CalendarRepository, first: date, last: date) -> list[str]:
    return [
        e.title
        for source in repo.sources()
        for e in CalendarWeeks(source.id, repo.data(source), AMSTERDAM).between(first, last)
    ]


def moved_google() -> bytes:
    """The same Google export after the Seattle sync moved a day and the holiday was deleted."""
    text = (DATA / "google_werk.ics").read_bytes().decode("utf-8")
    text = text.replace(
        "DTSTART;TZID=America/Los_Angeles:20260305T180000",
        "DTSTART;TZID=America/Los_Angeles:20260304T180000",
    ).replace(
        "DTEND;TZID=America/Los_Angeles:20260305T190000",
        "DTEND;TZID=America/Los_Angeles:20260304T190000",
    )
    start = text.index("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260427")
    end = text.index("END:VEVENT\r\n", start) + len("END:VEVENT\r\n")
    return (text[:start] + text[end:]).encode("utf-8")


def test_an_import_survives_closing_and_reopening(data_dir):
    with Store.open(data_dir) as store:
        CalendarRepository(store).import_calendar("werk.ics", parsed(), NOW)
    with Store.open(data_dir) as store:
        repo = CalendarRepository(store)
        [source] = repo.sources()
        assert (source.label, source.file_name, source.events) == ("Werk", "werk.ics", 5)
        assert source.skipped == {"plan.calendar.skipped.cancelled": 1}
        assert source.imported_at == NOW
        assert "Sync met Seattle" in titles(repo, date(2026, 3, 6), date(2026, 3, 6))


def test_reimporting_the_same_file_replaces_it_moves_follow_deletions_go_nothing_doubles(store):
    repo = CalendarRepository(store)
    repo.import_calendar("werk.ics", parsed(), NOW)
    repo.import_calendar("werk.ics", parsed(), NOW)
    assert len(repo.sources()) == 1
    assert titles(repo, date(2026, 3, 2), date(2026, 3, 8)).count("Stand-up") == 1
    repo.import_calendar("werk.ics", parsed(data=moved_google()), datetime(2026, 3, 2, 8, 0))
    assert len(repo.sources()) == 1
    assert "Sync met Seattle" in titles(repo, date(2026, 3, 5), date(2026, 3, 5))
    assert "Sync met Seattle" not in titles(repo, date(2026, 3, 6), date(2026, 3, 6))
    assert "Koningsdag" not in titles(repo, date(2026, 4, 27), date(2026, 4, 27))
    # one stored copy of the series, in the slot the source points at
    assert store.collection("calendar_data").count() == 1


def test_two_files_with_the_same_calendar_name_are_two_sources(store):
    repo = CalendarRepository(store)
    repo.import_calendar("werk.ics", parsed(), NOW)
    repo.import_calendar("werk (1).ics", parsed(), NOW)
    assert [s.label for s in repo.sources()] == ["Werk", "Werk"]
    assert len({s.id for s in repo.sources()}) == 2


def test_undo_takes_an_import_back_out(store):
    repo = CalendarRepository(store)
    first = repo.import_calendar("werk.ics", parsed(), NOW)
    second = repo.import_calendar("werk.ics", parsed(data=moved_google()), NOW)
    repo.undo_import(second)
    assert "Sync met Seattle" in titles(repo, date(2026, 3, 6), date(2026, 3, 6))
    assert repo.sources() == [first.source]
    repo.undo_import(first)
    assert repo.sources() == []
    assert store.collection("calendar_data").count() == 0


def test_choices_and_answers_survive_a_reimport_and_go_with_the_source(store):
    repo = CalendarRepository(store)
    undo = repo.import_calendar("werk.ics", parsed(), NOW)
    source = undo.source
    repo.save_source(replace(source, energy="heavy"))
    [standup] = CalendarWeeks(source.id, repo.data(source), AMSTERDAM).between(
        date(2026, 3, 2), date(2026, 3, 2)
    )
    choice = new_choice(standup, energy="light", series=True)
    repo.save_choice(choice)
    answer = answer_event(standup, "decline")
    repo.save_answer(answer)
    repo.import_calendar("werk.ics", parsed(data=moved_google()), NOW)
    [again] = repo.sources()
    assert again.energy == "heavy"
    assert repo.choices(source.id) == {choice.key: choice}
    assert repo.answers() == [answer]
    removed = repo.remove_source(source.id)
    assert removed is not None
    assert repo.sources() == [] and repo.choices(source.id) == {} and repo.answers() == []
    repo.restore_source(removed)
    assert repo.choices(source.id) == {choice.key: choice} and repo.answers() == [answer]
    assert "Stand-up" in titles(repo, date(2026, 3, 2), date(2026, 3, 2))
    repo.delete_answers([answer])
    assert repo.answers() == []
    repo.save_choice(new_choice(standup, series=True))  # no energy, no kind: the choice goes
    assert repo.choices(source.id) == {}


def test_sources_and_choices_are_in_the_backup_document(store):
    repo = CalendarRepository(store)
    undo = repo.import_calendar("werk.ics", parsed(), NOW)
    [standup] = CalendarWeeks(undo.source.id, repo.data(undo.source), AMSTERDAM).between(
        date(2026, 3, 2), date(2026, 3, 2)
    )
    repo.save_choice(new_choice(standup, kind="must"))
    collections = store.export_document(NOW)["collections"]
    assert len(collections["calendar_sources"]) == 1
    assert len(collections["calendar_data"]) == 1
    assert len(collections["calendar_choices"]) == 1


def test_a_damaged_source_record_is_skipped_not_fatal(store):
    store.collection("calendar_sources").put({"id": "bad", "imported_at": "gisteren"})
    repo = CalendarRepository(store)
    repo.import_calendar("werk.ics", parsed(), NOW)
    assert [s.file_name for s in repo.sources()] == ["werk.ics"]
