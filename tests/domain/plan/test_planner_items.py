"""Agenda items: field checks, records, and the bad-input table from the issue."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from domain.plan.boundaries import validate_boundary
from domain.plan.items import AgendaItem, InvalidItem, new_item, validate_item
from domain.plan.quickadd import QuickAddError, parse_quick_add
from domain.plan.times import parse_hhmm

NOW = datetime(2026, 11, 25, 12, 0)  # a Wednesday
DAY = date(2026, 11, 25)


def item_errors(**changes: object) -> dict[str, str]:
    fields: dict[str, object] = {"title": "Tandarts", "day": DAY, "start": "14:00", "minutes": 45}
    fields.update(changes)
    return validate_item(**fields)  # type: ignore[arg-type]


def quick_error(text: str) -> dict[str, str]:
    try:
        parse_quick_add(text, NOW)
    except QuickAddError as exc:
        return {"quick": exc.key}
    return {}


BAD_INPUT = [
    # empty title
    (lambda: item_errors(title=""), {"title": "plan.error.title_empty"}),
    # whitespace-only title
    (lambda: item_errors(title=" \t  "), {"title": "plan.error.title_empty"}),
    # a title of 10,000 characters
    (lambda: item_errors(title="a" * 10_000), {"title": "plan.error.title_long"}),
    # a NUL inside the title
    (lambda: item_errors(title="thee\x00drinken"), {"title": "plan.error.title_control"}),
    # a bell character inside the title
    (lambda: item_errors(title="bel\x07"), {"title": "plan.error.title_control"}),
    # a duration of 0 minutes
    (lambda: item_errors(minutes=0), {"minutes": "plan.error.minutes"}),
    # a duration of three days
    (lambda: item_errors(minutes=3 * 24 * 60), {"minutes": "plan.error.minutes"}),
    # a duration that is not a number
    (lambda: item_errors(minutes="45"), {"minutes": "plan.error.minutes"}),
    # a date in year 1
    (lambda: item_errors(day=date(1, 1, 1)), {"day": "plan.error.date"}),
    # a date in year 9999
    (lambda: item_errors(day=date(9999, 12, 31)), {"day": "plan.error.date"}),
    # an unknown kind
    (lambda: item_errors(kind="maybe"), {"kind": "plan.error.kind"}),
    # an unknown energy
    (lambda: item_errors(energy="extreme"), {"energy": "plan.error.energy"}),
    # an unknown life area
    (lambda: item_errors(area="garden"), {"area": "plan.error.area"}),
    # a time like 25:00
    (lambda: item_errors(start="25:00"), {"start": "plan.error.time"}),
    # minutes past 59
    (lambda: item_errors(start="12:60"), {"start": "plan.error.time"}),
    # a boundary with N = 0
    (lambda: validate_boundary(kind="max_heavy_per_day", n=0), {"n": "plan.error.boundary_n"}),
    # a boundary with a negative N
    (
        lambda: validate_boundary(kind="max_evening_appointments", n=-2),
        {"n": "plan.error.boundary_n"},
    ),
    # a boundary time like 25:00
    (
        lambda: validate_boundary(kind="no_work_after", time_text="25:00"),
        {"time": "plan.error.time"},
    ),
    # an empty intention
    (
        lambda: validate_boundary(kind="intention", text="   "),
        {"text": "plan.error.intention_empty"},
    ),
    # quick add text that parses to nothing but a duration
    (lambda: quick_error("morgen 45m"), {"quick": "plan.quick.error.no_title"}),
    # quick add with only whitespace
    (lambda: quick_error("    "), {"quick": "plan.quick.error.empty"}),
    # quick add asking for three days
    (lambda: quick_error("vakantie 72u"), {"quick": "plan.error.minutes"}),
    # quick add with a zero duration
    (lambda: quick_error("koffie 0m"), {"quick": "plan.error.minutes"}),
    # quick add with a control character
    (lambda: quick_error("thee\x00 morgen"), {"quick": "plan.error.title_control"}),
]


@pytest.mark.parametrize(("check", "expected"), BAD_INPUT)
def test_bad_input_gets_a_message_per_field(check, expected):
    assert check() == expected


GOOD_TITLES = [
    # plain Dutch
    "Tandarts",
    # emoji with a zero-width joiner sequence
    "Koffie met 👩‍👩‍👧",
    # right-to-left text with a right-to-left mark
    "\u200fשלום עליכם",
    # Arabic
    "موعد الطبيب",
    # exactly 120 characters
    "x" * 120,
    # surrounding spaces are trimmed away
    "   ruimte   ",
]


@pytest.mark.parametrize("title", GOOD_TITLES)
def test_valid_titles_are_kept_trimmed(title):
    item = new_item(title=title, day=DAY, minutes=30)
    assert item.title == title.strip()


def test_new_item_raises_with_every_field_error():
    with pytest.raises(InvalidItem) as info:
        new_item(title="", day=date(9999, 1, 1), minutes=0, kind="?")
    assert set(info.value.errors) == {"title", "day", "minutes", "kind"}


def test_record_round_trip_keeps_every_field():
    item = new_item(
        title="Overleg",
        day=DAY,
        start=time(23, 30),
        minutes=120,
        kind="must",
        energy="heavy",
        area="work",
        on_screen=True,
        done=True,
        item_id="abc",
    )
    assert AgendaItem.from_record(item.to_record()) == item


def test_an_item_may_run_past_midnight():
    item = new_item(title="Nachtdienst", day=DAY, start="23:00", minutes=12 * 60)
    assert item.ends_at == datetime(2026, 11, 26, 11, 0)
    assert item.end_minute == 23 * 60 + 720


def test_defaults_are_medium_energy_and_want():
    item = new_item(title="Iets", day=DAY)
    assert (item.energy, item.kind, item.start) == ("medium", "want", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:30", time(9, 30)),  # leading zero
        ("9:30", time(9, 30)),  # no leading zero
        ("21.15", time(21, 15)),  # a Dutch dot
        ("24:00", None),  # not a time of day
        ("7", None),  # an hour alone is not enough
        ("", None),  # nothing
    ],
)
def test_parse_hhmm(text, expected):
    assert parse_hhmm(text) == expected
