"""Phase schedules for every kind of pause, laid out as tables."""

import itertools

import pytest

from domain.pause.kinds import (
    BETWEEN,
    BOX,
    CALM,
    QUIET,
    SHOULDERS,
    SIGH,
    CustomPattern,
    custom_kind,
)
from domain.pause.schedule import Phase, format_time_left, phase_index_at, schedule_phases


def _shape(phases: list[Phase]) -> list[tuple[str, int, int]]:
    return [(p.name, p.start, p.length) for p in phases]


@pytest.mark.parametrize(
    ("kind", "total", "expected_head", "expected_tail"),
    [
        # calm: 4 in, 6 out, six whole breaths in a minute
        (CALM, 60, [("in", 0, 4), ("out", 4, 6)], [("in", 50, 4), ("out", 54, 6)]),
        # box: 16-second square, the fourth lap is cut after its out-breath at 60 s
        (
            BOX,
            60,
            [("in", 0, 4), ("hold", 4, 4), ("out", 8, 4), ("hold", 12, 4)],
            [("in", 48, 4), ("hold", 52, 4), ("out", 56, 4)],
        ),
        # sigh: 3 in, 1 more in, 6 out; ten seconds a breath
        (SIGH, 60, [("in", 0, 3), ("in_more", 3, 1), ("out", 4, 6)], [("out", 54, 6)]),
        # quiet: one silent stretch, a gentle return in the last ten seconds
        (QUIET, 120, [("quiet", 0, 110)], [("return", 110, 10)]),
        # between at its shortest: the cues play once at their base lengths
        (
            BETWEEN,
            30,
            [("stand", 0, 5), ("look_far", 5, 10), ("drop_shoulders", 15, 5)],
            [("in", 20, 4), ("out", 24, 6)],
        ),
        # between at 45 s: the flexible cues share the 15 extra seconds (8 + 7)
        (
            BETWEEN,
            45,
            [("stand", 0, 5), ("look_far", 5, 18), ("drop_shoulders", 23, 12)],
            [("in", 35, 4), ("out", 39, 6)],
        ),
        # shoulders: a one-minute sequence, repeated for two minutes
        (
            SHOULDERS,
            120,
            [("shoulders_up", 0, 5), ("shoulders_drop", 5, 5), ("shoulders_roll", 10, 10)],
            [("chin_down", 100, 10), ("out", 110, 10)],
        ),
        # calm cut mid-breath: a 15-second pause ends halfway through the second out-breath
        (CALM, 15, [("in", 0, 4), ("out", 4, 6)], [("in", 10, 4), ("out", 14, 1)]),
    ],
)
def test_schedule_head_and_tail(kind, total, expected_head, expected_tail):
    phases = schedule_phases(kind.pattern, total)
    shape = _shape(phases)
    assert shape[: len(expected_head)] == expected_head
    assert shape[-len(expected_tail) :] == expected_tail


@pytest.mark.parametrize(
    ("kind", "total", "count"),
    [
        # calm, one minute: 6 breaths of 2 phases
        (CALM, 60, 12),
        # calm, five minutes: 30 breaths
        (CALM, 300, 60),
        # box, two minutes: 7.5 squares of 4 phases
        (BOX, 120, 30),
        # sigh, three minutes: 18 sighs of 3 phases
        (SIGH, 180, 54),
        # quiet, five minutes: still only two phases
        (QUIET, 300, 2),
        # between, one minute: five cues
        (BETWEEN, 60, 5),
        # shoulders, three minutes: 3 rounds of 7 cues
        (SHOULDERS, 180, 21),
    ],
)
def test_schedule_covers_the_whole_pause(kind, total, count):
    phases = schedule_phases(kind.pattern, total)
    assert len(phases) == count
    assert phases[0].start == 0
    assert phases[-1].end == total
    # no gaps, no overlaps
    assert all(a.end == b.start for a, b in itertools.pairwise(phases))


@pytest.mark.parametrize(
    ("custom", "total", "expected"),
    [
        # 4-7-8 breathing without a hold after the out-breath: zero-second holds are left out
        (
            CustomPattern(4, 7, 8, 0, 19),
            19,
            [("in", 0, 4), ("hold", 4, 7), ("out", 11, 8)],
        ),
        # 1 in, 1 out over ten seconds: quick breaths, one a second each way
        (CustomPattern(1, 0, 1, 0, 10), 10, [("in", 0, 1), ("out", 1, 1), ("in", 2, 1)]),
        # a pattern longer than the pause: cut where the time runs out
        (CustomPattern(20, 20, 20, 20, 30), 30, [("in", 0, 20), ("hold", 20, 10)]),
    ],
)
def test_schedule_custom(custom, total, expected):
    phases = schedule_phases(custom_kind(custom).pattern, total)
    assert _shape(phases)[: len(expected)] == expected
    assert phases[-1].end == total


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        # nothing to schedule for a zero-length pause
        (0, []),
        # negative lengths are treated the same
        (-5, []),
    ],
)
def test_schedule_empty(total, expected):
    assert schedule_phases(CALM.pattern, total) == expected


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        # the very start is the first in-breath
        (0.0, 0),
        # just before the first out-breath
        (3.999, 0),
        # the out-breath starts on the 4-second mark
        (4.0, 1),
        # the second in-breath
        (10.5, 2),
        # the last out-breath
        (59.9, 11),
        # the pause is over
        (60.0, None),
    ],
)
def test_phase_index_at(elapsed, expected):
    phases = schedule_phases(CALM.pattern, 60)
    assert phase_index_at(phases, elapsed) == expected


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        # a fresh minute
        (60.0, "1:00"),
        # a fraction of a second gone still reads the full minute
        (59.4, "1:00"),
        # five minutes
        (300, "5:00"),
        # ten seconds left
        (10.0, "0:10"),
        # under a second left rounds up to one
        (0.2, "0:01"),
        # the end
        (0.0, "0:00"),
        # never negative
        (-3.0, "0:00"),
        # twenty minutes
        (1200, "20:00"),
    ],
)
def test_format_time_left(seconds, expected):
    assert format_time_left(seconds) == expected
