"""Load per day, the lightest-day suggestion and the ways out of a full day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.plan.items import AgendaItem, new_item
from domain.plan.load import (
    AgendaIndex,
    WayOut,
    can_move_silently,
    capacity_minutes,
    day_load,
    lightest_day,
    suggest_day,
    ways_out,
)

MON = date(2026, 11, 23)


def item(
    minutes: int, energy: str = "medium", kind: str = "want", day: date = MON, **kw
) -> AgendaItem:
    return new_item(
        title=kw.pop("title", "x"), day=day, minutes=minutes, energy=energy, kind=kind, **kw
    )


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], 0.0),  # an empty day
        ([item(60)], 60.0),  # medium counts once
        ([item(60, "light")], 30.0),  # light counts half
        ([item(60, "heavy")], 90.0),  # heavy counts one and a half
        ([item(60, kind="recovery")], 0.0),  # recovery never adds load
        ([item(90, "heavy"), item(30, "light"), item(20, kind="recovery")], 150.0),  # a mix
        ([item(720, "heavy")], 1080.0),  # twelve heavy hours
    ],
)
def test_day_load(items, expected):
    assert day_load(items) == expected


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        (None, 360.0),  # unset: the default of six hours
        (6, 360.0),  # six hours
        (4.5, 270.0),  # half hours
        (0, 360.0),  # nonsense falls back to the default
    ],
)
def test_capacity_minutes(hours, expected):
    assert capacity_minutes(hours) == expected


def loads(*values: float) -> dict[date, float]:
    return {MON + timedelta(days=i + 1): v for i, v in enumerate(values)}


@pytest.mark.parametrize(
    ("loads_after", "expected_offset"),
    [
        (loads(60, 30, 90, 120, 60, 45, 200), 2),  # one clear minimum
        (loads(60, 30, 30, 30, 60, 45, 200), 2),  # a tie: the earliest wins
        (loads(), 1),  # nothing planned: tomorrow
        (loads(10, 10, 10, 10, 10, 10, 0), 7),  # the lightest is a week ahead
        (loads(10, 10, 10, 10, 10, 10, 10, 0), 1),  # day eight is out of reach
    ],
)
def test_lightest_of_next_seven_days(loads_after, expected_offset):
    assert lightest_day(MON, loads_after) == MON + timedelta(days=expected_offset)


def test_lightest_day_crosses_month_and_year_end():
    # 31 December: the next seven days are in January, and an empty 1 January wins
    end = date(2026, 12, 31)
    busy = {end + timedelta(days=i): 100.0 for i in range(2, 8)}
    assert lightest_day(end, busy) == date(2027, 1, 1)


@pytest.mark.parametrize(
    ("kind", "recurring", "done", "expected"),
    [
        ("could", False, False, True),  # could waits happily
        ("want", False, False, True),  # want may move in one tap too
        ("must", False, False, False),  # must is never moved silently
        ("recovery", True, False, False),  # a repeating moment is never moved silently
        ("could", False, True, False),  # what is done stays where it happened
    ],
)
def test_can_move_silently(kind, recurring, done, expected):
    it = item(30, kind=kind, done=done, recovery_rule_id="r" if recurring else None)
    assert can_move_silently(it) is expected


def test_ways_out_of_a_full_day():
    # Monday: 5 h must + 2 h could = 7 h > 6 h; Tuesday is busier than Wednesday
    must = item(300, kind="must", title="Werk")
    could = item(120, kind="could", title="Opruimen", item_id="c1")
    tue = item(240, day=MON + timedelta(days=1))
    wed = item(60, day=MON + timedelta(days=2))
    index = AgendaIndex([must, could, tue, wed])
    found = ways_out(MON, index, capacity_minutes(6))
    assert found == [
        WayOut("move", "c1", "Opruimen", to_day=date(2026, 11, 26)),  # Thursday is empty
        WayOut("shorten", "c1", "Opruimen", minutes=60),  # one hour over: 60 minutes off
        WayOut("drop", "c1", "Opruimen"),
    ]


def test_no_ways_out_when_the_day_fits():
    index = AgendaIndex([item(360, kind="could")])
    assert ways_out(MON, index, capacity_minutes(6)) == []


def test_full_day_without_could_items_has_no_silent_moves():
    index = AgendaIndex([item(400, kind="must"), item(30, kind="want")])
    assert ways_out(MON, index, capacity_minutes(6)) == []


def test_shorten_halves_when_cutting_the_excess_leaves_too_little():
    # a heavy day far over capacity: the could item is halved instead of cut to nothing
    index = AgendaIndex([item(600, kind="must"), item(40, kind="could", item_id="c")])
    shorten = [w for w in ways_out(MON, index, 360.0) if w.action == "shorten"]
    assert shorten == [WayOut("shorten", "c", "x", minutes=20)]


def test_suggest_day_ignores_the_item_itself_and_weights_energy():
    # Tuesday holds 2 h light (60), Wednesday 1 h heavy (90): Tuesday is lighter
    it = item(30, kind="could")
    index = AgendaIndex(
        [
            it,
            item(120, "light", day=MON + timedelta(days=1)),
            item(60, "heavy", day=MON + timedelta(days=2)),
            *[item(100, day=MON + timedelta(days=d)) for d in range(3, 8)],
        ]
    )
    assert suggest_day(it, index) == MON + timedelta(days=1)


def test_index_between_finds_only_those_days():
    items = [item(30, day=MON + timedelta(days=d), title=f"d{d}") for d in range(-3, 10)]
    index = AgendaIndex(items)
    assert [i.title for i in index.between(MON, MON + timedelta(days=6))] == [
        f"d{d}" for d in range(7)
    ]
