"""Quick add in Dutch and English, with a fixed "now": exact date, time, duration and area."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from domain.plan.quickadd import QuickAdd, QuickAddError, parse_quick_add

NOW = datetime(2026, 11, 25, 12, 0)  # Wednesday 25 November 2026, noon
TODAY = date(2026, 11, 25)

CASES = [
    # the Dutch example: tomorrow, a time, a duration, a tag
    (
        "morgen 14:00 tandarts 45m #thuis",
        QuickAdd("tandarts", date(2026, 11, 26), time(14, 0), 45, "home"),
    ),
    # a weekday name: the next Friday, an hour written as 1u, a work tag
    (
        "vrijdag 9:30 overleg 1u #werk",
        QuickAdd("overleg", date(2026, 11, 27), time(9, 30), 60, "work"),
    ),
    # the English example with am/pm
    ("tomorrow 2pm dentist 45m", QuickAdd("dentist", date(2026, 11, 26), time(14, 0), 45, "self")),
    # today's weekday with its time still ahead: today
    ("woensdag 13:00 yoga", QuickAdd("yoga", TODAY, time(13, 0), 30, "self")),
    # today's weekday with its time gone by: next week
    ("woensdag 10:00 yoga", QuickAdd("yoga", date(2026, 12, 2), time(10, 0), 30, "self")),
    # today's weekday without a time: today
    ("wednesday call mum", QuickAdd("call mum", TODAY, None, 30, "self")),
    # overmorgen, a decimal comma in hours, no time, a social tag
    (
        "overmorgen lunch met Sam 1,5u #sociaal",
        QuickAdd("lunch met Sam", date(2026, 11, 27), None, 90, "social"),
    ),
    # "90 min" with a space; a number in the title stays in the title
    ("bel 3 klanten 90 min", QuickAdd("bel 3 klanten", TODAY, None, 90, "self")),
    # "om 2 uur" is a time, not a two-hour task
    ("vandaag om 2 uur thee", QuickAdd("thee", TODAY, time(2, 0), 30, "self")),
    # a Dutch dotted time
    ("14.30 koffie", QuickAdd("koffie", TODAY, time(14, 30), 30, "self")),
    # "14:00 uur" with the Dutch word after it
    ("morgen 14:00 uur kapper", QuickAdd("kapper", date(2026, 11, 26), time(14, 0), 30, "self")),
    # an explicit Dutch date with a month name
    (
        "25 december 18:00 kerstdiner 3u",
        QuickAdd("kerstdiner", date(2026, 12, 25), time(18, 0), 180, "self"),
    ),
    # a day and month already past this year: next year
    ("3 jan afspraak", QuickAdd("afspraak", date(2027, 1, 3), None, 30, "self")),
    # "14u" is a time of day in Dutch
    ("14u tandarts", QuickAdd("tandarts", TODAY, time(14, 0), 30, "self")),
    # English multi-word relative day, am time, minutes spelled out
    (
        "day after tomorrow 8am run 30 minutes",
        QuickAdd("run", date(2026, 11, 27), time(8, 0), 30, "self"),
    ),
    # kind and energy tags, English area tag
    (
        "friday 9:00 report 2h #work #must #heavy",
        QuickAdd("report", date(2026, 11, 27), time(9, 0), 120, "work", "must", "heavy"),
    ),
    # the words around the time stay apart from the title
    ("vandaag om 21:00 mail #werk", QuickAdd("mail", TODAY, time(21, 0), 30, "work")),
    # a "could" item in Dutch with a care tag
    (
        "zaterdag boodschappen oma 45m #zorg #kan",
        QuickAdd("boodschappen oma", date(2026, 11, 28), None, 45, "care", "could"),
    ),
    # capitals in the relative word and the tag
    (
        "Morgen 9:00 Huisarts #Zorg",
        QuickAdd("Huisarts", date(2026, 11, 26), time(9, 0), 30, "care"),
    ),
    # an unknown tag is part of the title
    ("#project review 1u", QuickAdd("#project review", TODAY, None, 60, "self")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quick_add(text, expected):
    assert parse_quick_add(text, NOW) == expected


ERRORS = [
    ("", "plan.quick.error.empty"),  # nothing typed
    ("   ", "plan.quick.error.empty"),  # only spaces
    ("morgen 14:00", "plan.quick.error.no_title"),  # a moment but no title
    ("45m #werk", "plan.quick.error.no_title"),  # a duration and a tag, nothing else
    ("vrijdag", "plan.quick.error.no_title"),  # a weekday alone
    ("klus 12,5u", "plan.error.minutes"),  # 12,5 hours cannot be a time, and is too long a task
    ("vakantie 72 uur", "plan.error.minutes"),  # three days as hours
    ("x" * 501, "plan.error.title_long"),  # far too much text
]


@pytest.mark.parametrize(("text", "key"), ERRORS)
def test_quick_add_errors(text, key):
    with pytest.raises(QuickAddError) as info:
        parse_quick_add(text, NOW)
    assert info.value.key == key


def test_late_evening_weekday_rolls_to_next_week_only_when_the_time_passed():
    evening = datetime(2026, 11, 27, 20, 0)  # Friday 20:00
    assert parse_quick_add("vrijdag 21:00 film", evening).day == date(2026, 11, 27)
    assert parse_quick_add("vrijdag 19:00 film", evening).day == date(2026, 12, 4)
