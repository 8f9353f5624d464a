"""Every boundary kind checked as a table, the week check, and the confirm question on add."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.plan.boundaries import (
    Boundary,
    Violation,
    check_day,
    check_new_item,
    check_week,
    new_boundary,
)
from domain.plan.items import AgendaItem, new_item
from domain.plan.times import week_days

MON = date(2026, 11, 23)


def it(iid: str, start: str | None, minutes: int = 60, **kw) -> AgendaItem:
    return new_item(
        title=iid, day=kw.pop("day", MON), start=start, minutes=minutes, item_id=iid, **kw
    )


def b(kind: str, **kw) -> Boundary:
    return new_boundary(kind=kind, boundary_id="b", **kw)


DAY_CASES = [
    # work that starts after 20:00
    (b("no_work_after", time_text="20:00"), [it("w", "21:00", area="work")], ("w",)),
    # work that ends exactly at 20:00 is fine
    (b("no_work_after", time_text="20:00"), [it("w", "19:00", area="work")], ()),
    # work that runs past 20:00
    (b("no_work_after", time_text="20:00"), [it("w", "19:30", area="work")], ("w",)),
    # home things after 20:00 are not work
    (b("no_work_after", time_text="20:00"), [it("h", "21:00", area="home")], ()),
    # work without a time cannot be judged
    (b("no_work_after", time_text="20:00"), [it("w", None, area="work")], ()),
    # a limit after midnight: work until 00:15 is fine, until 01:00 is not
    (
        b("no_work_after", time_text="00:30"),
        [it("ok", "23:30", 45, area="work"), it("late", "23:30", 90, area="work")],
        ("late",),
    ),
    # two evening appointments with a maximum of two
    (b("max_evening_appointments", n=2), [it("a", "18:00"), it("b", "20:00")], ()),
    # three evening appointments with a maximum of two: all three are named
    (
        b("max_evening_appointments", n=2),
        [it("a", "18:00"), it("b", "19:30"), it("c", "21:00")],
        ("a", "b", "c"),
    ),
    # afternoon items and recovery moments are not evening appointments
    (
        b("max_evening_appointments", n=1),
        [it("a", "17:00"), it("r", "19:00", kind="recovery"), it("c", "20:00")],
        (),
    ),
    # heavy items up to the maximum
    (
        b("max_heavy_per_day", n=2),
        [it("a", "09:00", energy="heavy"), it("b", None, energy="heavy")],
        (),
    ),
    # one heavy item too many
    (
        b("max_heavy_per_day", n=1),
        [it("a", "09:00", energy="heavy"), it("b", None, energy="heavy"), it("c", "11:00")],
        ("a", "b"),
    ),
    # three hours on end with a recovery moment every two hours
    (
        b("recovery_after_hours", n=2),
        [it("a", "09:00"), it("b", "10:00"), it("c", "11:00")],
        ("a", "b", "c"),
    ),
    # the same three hours broken by a recovery moment
    (
        b("recovery_after_hours", n=2),
        [
            it("a", "09:00"),
            it("b", "10:00"),
            it("r", "11:00", 10, kind="recovery"),
            it("c", "11:10"),
        ],
        (),
    ),
    # exactly two hours is still within the boundary
    (b("recovery_after_hours", n=2), [it("a", "09:00"), it("b", "10:00")], ()),
    # a screen item running past 22:00
    (b("screens_off_after", time_text="22:00"), [it("s", "21:30", on_screen=True)], ("s",)),
    # a screen item ending at 22:00 and a late item off-screen
    (
        b("screens_off_after", time_text="22:00"),
        [it("s", "21:00", on_screen=True), it("book", "22:30")],
        (),
    ),
    # free-text intentions are never checked
    (b("intention", text="Eerst ademen, dan antwoorden"), [it("w", "23:00", area="work")], ()),
]


@pytest.mark.parametrize(("boundary", "items", "expected_ids"), DAY_CASES)
def test_each_boundary_kind_on_one_day(boundary, items, expected_ids):
    found = check_day([boundary], MON, items)
    if expected_ids:
        assert found == [Violation("b", boundary.kind, MON, expected_ids)]
    else:
        assert found == []


def test_inactive_boundaries_are_not_checked():
    boundary = new_boundary(kind="no_work_after", time_text="20:00", active=False, boundary_id="b")
    assert check_day([boundary], MON, [it("w", "21:00", area="work")]) == []


def evenings(busy_days: range) -> dict[date, list[AgendaItem]]:
    days = week_days(MON)
    return {days[d]: [it(f"e{d}", "19:00", day=days[d])] for d in busy_days}


@pytest.mark.parametrize(
    ("boundary", "busy", "expected"),
    [
        # six busy evenings leave one free: fine
        (b("free_evening_per_week", n=1), range(6), []),
        # seven busy evenings: named on Sunday with every evening item
        (
            b("free_evening_per_week", n=1),
            range(7),
            [
                Violation(
                    "b",
                    "free_evening_per_week",
                    MON + timedelta(days=6),
                    tuple(f"e{d}" for d in range(7)),
                )
            ],
        ),
        # two free evenings asked, five busy: fine
        (b("free_evening_per_week", n=2), range(5), []),
        # two free evenings asked, six busy: named on the last busy evening
        (
            b("free_evening_per_week", n=2),
            range(6),
            [
                Violation(
                    "b",
                    "free_evening_per_week",
                    MON + timedelta(days=5),
                    tuple(f"e{d}" for d in range(6)),
                )
            ],
        ),
    ],
)
def test_free_evenings_per_iso_week(boundary, busy, expected):
    assert check_week([boundary], week_days(MON), evenings(busy)) == expected


def test_free_evening_judged_over_the_whole_week_even_when_one_day_is_shown():
    boundary = b("free_evening_per_week", n=1)
    found = check_week([boundary], [MON + timedelta(days=6)], evenings(range(7)))
    assert [v.day for v in found] == [MON + timedelta(days=6)]


def test_week_check_names_each_day_separately():
    boundary = b("no_work_after", time_text="20:00")
    days = week_days(MON)
    by_day = {
        days[0]: [it("mon", "21:00", area="work", day=days[0])],
        days[3]: [it("thu", "20:30", area="work", day=days[3])],
    }
    found = check_week([boundary], days, by_day)
    assert [(v.day, v.item_ids) for v in found] == [(days[0], ("mon",)), (days[3], ("thu",))]


def test_adding_an_item_that_crosses_a_boundary_is_named():
    boundary = b("no_work_after", time_text="20:00")
    late = it("late", "21:00", area="work")
    assert check_new_item([boundary], late, [], {}) == [
        Violation("b", "no_work_after", MON, ("late",))
    ]


def test_adding_an_item_that_keeps_the_boundaries_is_quiet():
    boundary = b("no_work_after", time_text="20:00")
    assert check_new_item([boundary], it("early", "09:00", area="work"), [], {}) == []


def test_adding_the_evening_that_takes_the_last_free_one():
    boundary = b("free_evening_per_week", n=1)
    week = evenings(range(6))
    sunday = it("sun", "19:00", day=MON + timedelta(days=6))
    found = check_new_item([boundary], sunday, [], week)
    assert len(found) == 1 and "sun" in found[0].item_ids


def test_adding_to_a_week_that_was_already_short_asks_nothing_new():
    boundary = b("free_evening_per_week", n=1)
    week = evenings(range(7))
    extra = it("extra", "20:00", day=MON)
    assert check_new_item([boundary], extra, week[MON], week) == []
