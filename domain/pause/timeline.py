"""Where a pause is at any moment, worked out from its start and its holds, never from ticks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.pause.schedule import Phase, phase_index_at


@dataclass(frozen=True)
class Hold:
    """A stretch the user put the pause on hold, in clock seconds; `end=None` while still held."""

    start: float
    end: float | None = None


def elapsed_at(started: float, holds: Sequence[Hold], now: float) -> float:
    """Seconds of pause run between `started` and `now`, the time on hold left out.

    Every running stretch counts forward only: a clock that steps back adds nothing and takes
    nothing off the stretches already run. A screen that was off, or an app that slept, changes
    nothing either: only the clock's readings matter, not how often anyone looked.
    """
    run = 0.0
    run_from: float | None = started
    for hold in holds:
        if run_from is not None:
            run += max(0.0, hold.start - run_from)
        run_from = hold.end
    if run_from is not None:
        run += max(0.0, now - run_from)
    return run


def phase_at(
    phases: Sequence[Phase], started: float, holds: Sequence[Hold], now: float
) -> int | None:
    """Index of the phase the pause is in at `now`, or None once it is over."""
    return phase_index_at(phases, elapsed_at(started, holds, now))
