"""A running pause moved by its verbs, with a clock the test turns by hand."""

from datetime import datetime

import pytest

from domain.pause.kinds import CALM
from domain.pause.record import PauseRecord
from domain.pause.session import FINISHED, PAUSED, READY, RUNNING, STOPPED, PauseSession

STARTED = datetime(2026, 11, 25, 9, 30)


class Clock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Kept:
    """Collects what the session saves, in order."""

    def __init__(self) -> None:
        self.saved: list[PauseRecord] = []

    def save(self, record: PauseRecord) -> None:
        self.saved.append(record)


def _session(seconds=60):
    clock, kept = Clock(), Kept()
    return PauseSession(CALM, seconds, clock, kept, pause_id="p1"), clock, kept


# Each script is a list of (seconds to wait, verb); the test checks where it ends up.
@pytest.mark.parametrize(
    ("script", "status", "elapsed", "phase"),
    [
        # just started: first in-breath
        ([(0, "start")], RUNNING, 0.0, "in"),
        # five seconds in: the out-breath
        ([(0, "start"), (5, None)], RUNNING, 5.0, "out"),
        # paused at 5 s, thirty seconds later still at 5 s
        ([(0, "start"), (5, "pause"), (30, None)], PAUSED, 5.0, "out"),
        # paused 30 s in between, then resumed for 6 s: 11 s of pause, second in-breath
        ([(0, "start"), (5, "pause"), (30, "resume"), (6, None)], RUNNING, 11.0, "in"),
        # stopped at 12 s: the clock moving on changes nothing
        ([(0, "start"), (12, "stop"), (100, None)], STOPPED, 12.0, "in"),
        # the elapsed time never runs past the planned minute
        ([(0, "start"), (75, None)], RUNNING, 60.0, None),
        # a second start is ignored
        ([(0, "start"), (3, "start"), (1, None)], RUNNING, 4.0, "out"),
        # resume without a pause is ignored
        ([(0, "start"), (2, "resume"), (2, None)], RUNNING, 4.0, "out"),
    ],
)
def test_verbs_move_the_session(script, status, elapsed, phase):
    session, clock, _ = _session()
    for wait, verb in script:
        clock.now += wait
        if verb == "start":
            session.start(STARTED)
        elif verb:
            getattr(session, verb)()
    assert session.status == status
    assert session.elapsed() == pytest.approx(elapsed)
    current = session.current_phase()
    assert (current.name if current else None) == phase


def test_not_started_is_ready_and_cannot_stop():
    session, _, kept = _session()
    assert session.status == READY
    assert session.stop() is None
    assert kept.saved == []


def test_finish_when_due_saves_a_completed_pause():
    session, clock, kept = _session()
    session.start(STARTED)
    clock.now += 59.5
    assert session.finish_if_due() is None
    clock.now += 0.5
    record = session.finish_if_due()
    assert session.status == FINISHED
    assert record == PauseRecord("p1", "calm", STARTED, 60, 60, True, None)
    assert kept.saved == [record]


def test_stop_early_saves_the_seconds_taken():
    session, clock, kept = _session()
    session.start(STARTED)
    clock.now += 10.7
    session.pause()
    clock.now += 40
    record = session.stop()
    assert record == PauseRecord("p1", "calm", STARTED, 60, 10, False, None)
    assert kept.saved == [record]
    # stopping twice keeps the first record
    assert session.stop() is None


def test_rating_is_saved_with_the_pause():
    session, clock, kept = _session()
    session.start(STARTED)
    clock.now += 31
    session.stop()
    rated = session.rate(3)
    assert rated is not None and rated.rating == 3
    assert kept.saved[-1] == rated
    assert [r.id for r in kept.saved] == ["p1", "p1"]


def test_rating_before_the_end_is_ignored():
    session, _, kept = _session()
    session.start(STARTED)
    assert session.rate(5) is None
    assert kept.saved == []


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        # at the start, four seconds until the out-breath
        (0.0, 4.0),
        # one and a half seconds into the out-breath
        (5.5, 4.5),
        # right at the end of the pause, nothing left to wait for
        (60.0, 0.0),
    ],
)
def test_seconds_to_next_phase(at, expected):
    session, clock, _ = _session()
    session.start(STARTED)
    clock.now += at
    assert session.seconds_to_next_phase() == pytest.approx(expected)
