"""ICS export: a calendar app can read it back, repeating moments come as one RRULE."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icalendar import Calendar

from domain.plan.ics import export_ics
from domain.plan.items import new_item
from domain.plan.recurrence import expand_rules, mark_taken, new_rule

NOW = datetime(2026, 11, 25, 12, 0)


def test_export_reads_back_with_every_item_and_rule():
    timed = new_item(
        title="Tandarts",
        day=date(2026, 11, 26),
        start="14:00",
        minutes=45,
        area="home",
        item_id="t",
    )
    allday = new_item(
        title="Opruimen", day=date(2026, 11, 27), minutes=60, kind="could", item_id="a"
    )
    rule = new_rule(
        title="Even ademen",
        start=date(2026, 11, 1),
        at_text="10:30",
        repeat="weekdays",
        rule_id="r",
    )
    taken = mark_taken(expand_rules([rule], date(2026, 11, 25), date(2026, 11, 25))[0])

    data = export_ics([timed, allday, taken], [rule], NOW)
    calendar = Calendar.from_ical(data)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}

    # the taken moment is part of the rule's series, not an extra event
    assert set(events) == {"t@adempauze.local", "a@adempauze.local", "r@adempauze.local"}
    tandarts = events["t@adempauze.local"]
    assert str(tandarts["summary"]) == "Tandarts"
    assert tandarts.decoded("dtstart") == datetime(2026, 11, 26, 14, 0)
    assert tandarts.decoded("duration") == timedelta(minutes=45)
    assert events["a@adempauze.local"].decoded("dtstart") == date(2026, 11, 27)
    moment = events["r@adempauze.local"]
    assert moment["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    # the rule was made on a Sunday; its first moment, and so its DTSTART, is Monday
    assert moment.decoded("dtstart") == datetime(2026, 11, 2, 10, 30)
    assert data.startswith(b"BEGIN:VCALENDAR")


def test_titles_with_emoji_and_commas_survive():
    item = new_item(
        title="Koffie, taart 🎂; klaar", day=date(2026, 11, 26), minutes=30, item_id="k"
    )
    calendar = Calendar.from_ical(export_ics([item], [], NOW))
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Koffie, taart 🎂; klaar"]
