"""Rhythm flags (sleep window, screens-off) and buffer hints between back-to-back items."""

from __future__ import annotations

from datetime import date

import pytest

from domain.plan.buffers import buffer_hints
from domain.plan.items import AgendaItem, new_item
from domain.plan.rhythm import Rhythm, rhythm_flags

DAY = date(2026, 11, 25)
USUAL = Rhythm.from_texts("23:00", "07:00", "22:00")
LATE_SLEEPER = Rhythm.from_texts("00:30", "08:30", "23:30")


def it(start: str | None, minutes: int = 60, iid: str = "x", **kw) -> AgendaItem:
    return new_item(title=iid, day=DAY, start=start, minutes=minutes, item_id=iid, **kw)


@pytest.mark.parametrize(
    ("rhythm", "item", "flags"),
    [
        (USUAL, it("09:00"), ()),  # a morning item, well awake
        (USUAL, it("06:00"), ("sleep",)),  # before wake time
        (USUAL, it("06:30", 30), ("sleep",)),  # ends right at wake time but starts before
        (USUAL, it("07:00"), ()),  # starts right at wake time
        (USUAL, it("22:00"), ()),  # ends right at bedtime
        (USUAL, it("22:30"), ("sleep",)),  # runs into bedtime
        (USUAL, it("23:30", 600), ("sleep",)),  # a night shift past midnight
        (USUAL, it("21:30", on_screen=True), ("screens",)),  # a screen item past screens-off
        (USUAL, it("22:30", on_screen=True), ("sleep", "screens")),  # both at once
        (USUAL, it(None, on_screen=True), ()),  # without a time nothing can be said
        (USUAL, it("23:30", kind="recovery"), ()),  # a recovery moment is never flagged
        (LATE_SLEEPER, it("23:30"), ()),  # bedtime after midnight: 23:30 is still awake
        (LATE_SLEEPER, it("00:00", 60), ("sleep",)),  # the small hours of the same date
        (LATE_SLEEPER, it("08:00"), ("sleep",)),  # before a late wake time
        (LATE_SLEEPER, it("23:00", 45, on_screen=True), ("screens",)),  # screens off at 23:30
    ],
)
def test_rhythm_flags(rhythm, item, flags):
    assert rhythm_flags(item, rhythm) == flags


def test_unreadable_settings_fall_back_to_defaults():
    assert Rhythm.from_texts("25:00", None, "late") == Rhythm()


@pytest.mark.parametrize(
    ("items", "pairs"),
    [
        ([it("09:00", 60, "a"), it("10:00", 60, "b")], [("a", "b", 0)]),  # straight after
        ([it("09:00", 60, "a"), it("10:09", 60, "b")], [("a", "b", 9)]),  # nine minutes
        ([it("09:00", 60, "a"), it("10:10", 60, "b")], []),  # ten minutes is enough air
        ([it("09:00", 90, "a"), it("10:00", 60, "b")], [("a", "b", -30)]),  # overlapping
        ([it("09:00", 60, "a"), it(None, 60, "b")], []),  # untimed items have no neighbours
        (
            [it("09:00", 60, "a"), it("10:00", 10, "r", kind="recovery"), it("10:10", 60, "b")],
            [],
        ),  # a recovery moment in between is the buffer
        (
            [it("09:00", 180, "long"), it("10:00", 30, "in"), it("12:05", 30, "after")],
            [("long", "in", -120), ("long", "after", 5)],
        ),  # the longest running item is the one to follow
    ],
)
def test_buffer_hints(items, pairs):
    assert [(h.first_id, h.second_id, h.gap) for h in buffer_hints(items)] == pairs
