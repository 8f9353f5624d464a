"""A running pause: start, pause, resume, stop, finish and rate, timed by a clock passed in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from domain.pause.kinds import PauseKind
from domain.pause.record import PauseRecord, new_pause_id
from domain.pause.schedule import Phase, phase_index_at, schedule_phases
from domain.pause.timeline import Hold, elapsed_at

READY = "ready"
RUNNING = "running"
PAUSED = "paused"
STOPPED = "stopped"
FINISHED = "finished"


class PauseSaver(Protocol):
    def save(self, record: PauseRecord) -> None: ...


class PauseSession:
    """The state of one pause. `clock` returns seconds that never jump with the wall clock (DST)."""

    def __init__(
        self,
        kind: PauseKind,
        seconds: int,
        clock: Callable[[], float],
        saver: PauseSaver | None = None,
        pause_id: str | None = None,
    ) -> None:
        self.kind = kind
        self.planned_seconds = seconds
        self.phases: list[Phase] = schedule_phases(kind.pattern, seconds)
        self.status = READY
        self.record: PauseRecord | None = None
        self._clock = clock
        self._saver = saver
        self._id = pause_id or new_pause_id()
        self._started_at: datetime | None = None
        # The pause's own timeline in clock seconds: where it is is worked out from these.
        self._started = 0.0
        self._holds: list[Hold] = []
        self._furthest = 0.0  # the guide never goes back, even when the clock does
        self._final: float | None = None  # the seconds taken, once stopped or finished

    @property
    def is_over(self) -> bool:
        return self.status in (STOPPED, FINISHED)

    # start, pause and resume read alike (check the status, note the time, move on) on purpose:
    # each keeps a different part of the clock, and a table of moves would hide which.
    def start(self, started_at: datetime) -> bool:
        """Begin the pause; `started_at` is the local wall time kept in the history."""
        if self.status != READY:
            return False
        self._started_at = started_at
        self._started = self._clock()
        self.status = RUNNING
        return True

    def pause(self) -> bool:
        if self.status != RUNNING:
            return False
        self.elapsed()  # keep how far it got before the hold
        self._holds.append(Hold(self._clock()))
        self.status = PAUSED
        return True

    def resume(self) -> bool:
        if self.status != PAUSED:
            return False
        self._holds[-1] = Hold(self._holds[-1].start, self._clock())
        self.status = RUNNING
        return True

    def elapsed(self) -> float:
        """Seconds of pause so far, from the start and the holds, never beyond the planned length.

        Read from the clock each time, so after a screen that was off or an app that slept it is
        right at once.
        """
        if self._final is not None:
            return self._final
        if self.status == READY:
            return 0.0
        now = self._clock()
        # A clock that steps back must not make the guide run backwards: it waits instead.
        self._furthest = max(self._furthest, elapsed_at(self._started, self._holds, now))
        return min(self._furthest, float(self.planned_seconds))

    def remaining(self) -> float:
        return self.planned_seconds - self.elapsed()

    def current_phase(self) -> Phase | None:
        index = self.current_index()
        return None if index is None else self.phases[index]

    def current_index(self) -> int | None:
        return phase_index_at(self.phases, self.elapsed())

    def seconds_to_next_phase(self) -> float:
        """How long until the next phase starts (or the pause ends) while running."""
        phase = self.current_phase()
        if phase is None:
            return 0.0
        return max(0.0, phase.end - self.elapsed())

    def stop(self) -> PauseRecord | None:
        """End early; the seconds taken so far are kept, the pause is saved as not completed."""
        if self.status not in (RUNNING, PAUSED):
            return None
        self._final = self.elapsed()
        self.status = STOPPED
        return self._keep(completed=False, actual=int(self._final))

    def finish(self) -> PauseRecord | None:
        """End at the planned length; saved as completed."""
        if self.status not in (RUNNING, PAUSED):
            return None
        self._final = float(self.planned_seconds)
        self.status = FINISHED
        return self._keep(completed=True, actual=self.planned_seconds)

    def finish_if_due(self) -> PauseRecord | None:
        """Finish when the planned time has run out; what the running loop calls after a sleep."""
        if self.status == RUNNING and self.elapsed() >= self.planned_seconds:
            return self.finish()
        return None

    def rate(self, rating: int | None) -> PauseRecord | None:
        """Add how tense the user feels now (0-10), or None to skip; saved with the pause."""
        if self.record is None:
            return None
        self.record = self.record.with_rating(rating)
        self._save()
        return self.record

    def _keep(self, completed: bool, actual: int) -> PauseRecord:
        assert self._started_at is not None
        self.record = PauseRecord(
            id=self._id,
            kind=self.kind.id,
            started_at=self._started_at,
            planned_seconds=self.planned_seconds,
            actual_seconds=actual,
            completed=completed,
        )
        self._save()
        return self.record

    def _save(self) -> None:
        if self._saver is not None and self.record is not None:
            self._saver.save(self.record)
