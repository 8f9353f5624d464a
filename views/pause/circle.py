"""The breathing circle: where it heads in each phase, and where it is when the pause is held."""

from __future__ import annotations

import flet as ft

from domain.pause.kinds import BREATH_HOLD, BREATH_IN, BREATH_OUT
from domain.pause.schedule import Phase

CIRCLE = 240
SCALE_IN = 1.0
SCALE_OUT = 0.55
SCALE_REST = 0.75
FREEZE_MS = 300  # how quickly the guide settles when the user puts the pause on hold


def target_scale(phase: Phase, current: float) -> float:
    """Where the circle heads in a phase: grow on in, shrink on out, stay on hold."""
    if phase.breath == BREATH_IN:
        return SCALE_IN
    if phase.breath == BREATH_OUT:
        return SCALE_OUT
    if phase.breath == BREATH_HOLD:
        return current
    return SCALE_REST


class BreathingCircle:
    """A circle the client grows and shrinks; one scale and one duration are sent per phase."""

    def __init__(self, label: str) -> None:
        self.scale = SCALE_OUT
        # The latest move, so that a hold can stop the circle where the client has it now.
        self._from_scale, self._moved_at, self._move_ms = SCALE_OUT, 0.0, 0
        self.shape = ft.Container(
            width=CIRCLE,
            height=CIRCLE,
            shape=ft.BoxShape.CIRCLE,
            bgcolor=ft.Colors.PRIMARY_CONTAINER,
            border=ft.Border.all(4, ft.Colors.PRIMARY),
            scale=self.scale,
            animate_scale=ft.Animation(1000, ft.AnimationCurve.EASE_IN_OUT),
            key="pause-circle",
        )
        self.root = ft.Semantics(
            label=label,
            content=ft.Container(
                content=self.shape, width=CIRCLE, height=CIRCLE, alignment=ft.Alignment.CENTER
            ),
        )

    def head_for(self, phase: Phase, elapsed: float, ms: int) -> None:
        """Start the phase's move: the client eases the circle there over `ms`."""
        self._from_scale, self._moved_at, self._move_ms = self.scale, elapsed, ms
        self.scale = target_scale(phase, self.scale)
        self.shape.scale = self.scale
        self.shape.animate_scale = ft.Animation(ms, ft.AnimationCurve.EASE_IN_OUT)

    def settle(self, elapsed: float) -> None:
        """Stop where the circle is now instead of letting it drift on to the phase's end."""
        self.scale = self.scale_at(elapsed)
        self.shape.scale = self.scale
        self.shape.animate_scale = ft.Animation(FREEZE_MS, ft.AnimationCurve.EASE_OUT)

    def scale_at(self, elapsed: float) -> float:
        """Where the client's eased animation has the circle at `elapsed` (close enough)."""
        if self._move_ms <= 0:
            return self.scale
        done = (elapsed - self._moved_at) / (self._move_ms / 1000)
        done = min(1.0, max(0.0, done))
        eased = done * done * (3 - 2 * done)  # smoothstep, near Flutter's ease-in-out
        return round(self._from_scale + (self.scale - self._from_scale) * eased, 3)
