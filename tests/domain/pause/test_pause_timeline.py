"""Where a pause is at any moment, from its start time and its holds alone."""

from datetime import UTC, datetime

import pytest

from domain.pause.kinds import CALM
from domain.pause.record import PauseRecord
from domain.pause.schedule import schedule_phases
from domain.pause.session import FINISHED, PauseSession
from domain.pause.timeline import Hold, elapsed_at, phase_at

# Slow calm breathing over fifteen minutes: in 4 s, out 6 s, so every 10 s starts an in-breath.
PHASES = schedule_phases(CALM.pattern, 900)


def at(hh: int, mm: int, ss: int, day: int = 25) -> float:
    """Clock seconds of a wall time, for the rows that cross midnight."""
    return datetime(2026, 11, day, hh, mm, ss, tzinfo=UTC).timestamp()


@pytest.mark.parametrize(
    ("started", "holds", "now", "elapsed", "phase"),
    [
        # just started: the first in-breath
        (100.0, [], 100.0, 0.0, "in"),
        # five seconds in: the out-breath
        (100.0, [], 105.0, 5.0, "out"),
        # the screen was off for ten minutes: 603 s in, three seconds into an in-breath
        (100.0, [], 703.0, 603.0, "in"),
        # ten minutes away with a hold before: the hold's 30 s are left out
        (0.0, [Hold(10.0, 40.0)], 645.0, 615.0, "out"),
        # on hold still: time stands where the hold began, however long ago
        (0.0, [Hold(12.0)], 5000.0, 12.0, "in"),
        # two holds, the second still on
        (0.0, [Hold(3.0, 10.0), Hold(15.0)], 99.0, 8.0, "out"),
        # the clock stepped back before the first reading: nothing has run yet
        (1000.0, [], 990.0, 0.0, "in"),
        # the clock stepped back 10 s while on hold: the 20 s run before the hold stay
        (0.0, [Hold(20.0, 10.0)], 13.0, 23.0, "in"),
        # the clock stepped back after the hold ended: what ran before the hold still counts
        (0.0, [Hold(20.0, 30.0)], 25.0, 20.0, "in"),
        # held through midnight: 5 s before the hold, 10 s after it, over two calendar days
        (
            at(23, 59, 50),
            [Hold(at(23, 59, 55), at(0, 0, 30, day=26))],
            at(0, 0, 40, 26),
            15.0,
            "out",
        ),
        # a pause over: past its last phase there is none
        (0.0, [], 900.0, 900.0, None),
    ],
)
def test_where_the_pause_is(started, holds, now, elapsed, phase):
    assert elapsed_at(started, holds, now) == pytest.approx(elapsed)
    index = phase_at(PHASES, started, holds, now)
    assert (None if index is None else PHASES[index].name) == phase


class SteppingClock:
    """Clock seconds the test sets, forwards or back."""

    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


class Kept:
    def __init__(self) -> None:
        self.saved: list[PauseRecord] = []

    def save(self, record: PauseRecord) -> None:
        self.saved.append(record)


def test_a_clock_that_steps_back_makes_the_guide_wait_not_rewind():
    clock = SteppingClock()
    session = PauseSession(CALM, 60, clock, pause_id="p1")
    session.start(datetime(2026, 11, 25, 9, 30))
    clock.now += 12
    assert session.elapsed() == 12
    clock.now -= 8  # the clock is set back
    assert session.elapsed() == 12
    assert session.current_phase() == PHASES[2]
    clock.now += 8 + 3  # it has caught up, and three seconds more
    assert session.elapsed() == 15


def test_back_after_the_end_the_pause_is_finished_with_its_planned_length():
    clock, kept = SteppingClock(), Kept()
    session = PauseSession(CALM, 60, clock, kept, pause_id="p1")
    started = datetime(2026, 11, 25, 23, 59, 30)
    session.start(started)
    clock.now += 600  # the screen was off for ten minutes
    assert session.current_index() is None
    assert session.finish_if_due() is not None
    assert session.status == FINISHED
    assert kept.saved == [PauseRecord("p1", "calm", started, 60, 60, True, None)]
