"""Turns a breathing pattern and a pause length into a timed list of phases."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from domain.pause.kinds import Pattern, Step


@dataclass(frozen=True)
class Phase:
    """One phase of a running pause: which step, when it starts and how long it lasts (seconds)."""

    name: str
    start: int
    length: int
    breath: str

    @property
    def end(self) -> int:
        return self.start + self.length


def schedule_phases(pattern: Pattern, total_seconds: int) -> list[Phase]:
    """Lay the pattern out over total_seconds.

    A repeating pattern cycles until the time is up and its last phase is cut short at the end.
    A one-shot pattern plays once: extra time is shared by its flexible steps, and when the pause
    is shorter than the pattern the steps are cut in order.
    """
    if total_seconds <= 0 or pattern.cycle_seconds <= 0:
        return []
    if pattern.repeat:
        steps = _repeat_steps(pattern.steps, total_seconds)
    else:
        steps = _stretch_steps(pattern.steps, total_seconds)
    phases: list[Phase] = []
    start = 0
    for step in steps:
        length = min(step.seconds, total_seconds - start)
        if length <= 0:
            break
        phases.append(Phase(step.name, start, length, step.breath))
        start += length
    return phases


def phase_index_at(phases: Sequence[Phase], elapsed: float) -> int | None:
    """Index of the phase running after `elapsed` seconds, or None once the pause is over."""
    for index, phase in enumerate(phases):
        if phase.start <= elapsed < phase.end:
            return index
    return None


def _repeat_steps(steps: tuple[Step, ...], total_seconds: int) -> list[Step]:
    result: list[Step] = []
    covered = 0
    active = [step for step in steps if step.seconds > 0]
    while covered < total_seconds:
        for step in active:
            result.append(step)
            covered += step.seconds
            if covered >= total_seconds:
                break
    return result


def _stretch_steps(steps: tuple[Step, ...], total_seconds: int) -> list[Step]:
    extra = total_seconds - sum(step.seconds for step in steps)
    flexible = [index for index, step in enumerate(steps) if step.flex]
    if extra <= 0 or not flexible:
        return list(steps)
    share, rest = divmod(extra, len(flexible))
    stretched = list(steps)
    for order, index in enumerate(flexible):
        # The first flexible steps take the odd seconds, so the total stays exact.
        bonus = share + (1 if order < rest else 0)
        step = stretched[index]
        stretched[index] = Step(step.name, step.seconds + bonus, step.breath, step.flex)
    return stretched


def format_time_left(seconds: float) -> str:
    """'m:ss', rounded up, so a fresh minute reads 1:00 and only the very end reads 0:00."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"
