"""What the Pauze feature keeps for a session: the own rhythm, the device's wish for less motion."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from domain.pause.kinds import CustomPattern, PauseKind, kind_for, parse_custom, validate_custom
from views.pause.device_clock import SPEED, awake_or_asleep, faster_clock
from views.pause.sound import SoundCues

if TYPE_CHECKING:
    from domain.settings.preferences import Settings
    from views.shell.context import AppContext

CUSTOM_FIELDS = ("inhale", "hold_in", "exhale", "hold_out", "total")
CUSTOM_DEFAULTS = {"inhale": "4", "hold_in": "2", "exhale": "6", "hold_out": "0", "total": "120"}


@dataclass
class Timing:
    """The clock and the sleep a running pause uses; view tests hand in a pair they turn."""

    # The sleep only says when to look again; where the pause is always comes from the clock.
    clock: Callable[[], float] = awake_or_asleep
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Timing:
        """The device's; with `ADEMPAUZE_PAUSE_CLOCK_SPEED` (tests only) a loop lagging behind."""
        speed = float(environ.get(SPEED) or 1)
        if speed == 1:
            return cls()

        async def held_back(seconds: float) -> None:
            await asyncio.sleep(seconds * speed)

        return cls(faster_clock(speed), held_back)


@dataclass
class PauseScreen:
    """The Pauze screens' state for one session; the screens are rebuilt, this stays."""

    # What the own-rhythm form showed last, as typed (wrong values too, so they can be fixed).
    custom_values: dict[str, str] = field(default_factory=lambda: dict(CUSTOM_DEFAULTS))
    # The last own rhythm that was right: what a "custom" pause runs.
    custom: CustomPattern | None = None
    # Whether the device asks for less motion; None until the device has been asked.
    system_reduce_motion: bool | None = None
    home_drawn: bool = False
    timing: Timing = field(default_factory=lambda: Timing.from_environ(os.environ))
    # The cue players, kept for the session while Geluid is on: each file is fetched once.
    cues: SoundCues = field(default_factory=SoundCues)

    def choose_custom(self, values: dict[str, str]) -> dict[str, str]:
        """Keep the form's values; when they make a rhythm, it becomes the own pause.

        Returns a message key per field that is not right (empty when all are).
        """
        self.custom_values = dict(values)
        errors = validate_custom(values)
        if not errors:
            self.custom = parse_custom(values)
        return errors

    def kind(self, kind_id: str) -> PauseKind:
        """The kind a pause of `kind_id` runs, the own rhythm included."""
        return kind_for(kind_id, self.custom)

    def start_asking_system(self) -> bool:
        """True only the first time: the device is asked once per session (no wish meanwhile)."""
        if self.system_reduce_motion is not None:
            return False
        self.system_reduce_motion = False
        return True

    def note_system_reduce_motion(self, wants_less: bool) -> None:
        self.system_reduce_motion = wants_less

    def wants_less_motion(self, settings: Settings) -> bool:
        """The app's own setting or the device's: either one turns the breathing circle off."""
        return bool(settings.reduce_motion or self.system_reduce_motion)

    def note_home_drawn(self) -> bool:
        """Remember that home was drawn; True when it had been drawn before in this session."""
        drawn_before, self.home_drawn = self.home_drawn, True
        return drawn_before


def pause_screen(ctx: AppContext) -> PauseScreen:
    """The session's one Pauze state, made on first use."""
    return ctx.state(PauseScreen, PauseScreen)
