"""The clock a running pause reads: seconds that go on while the device sleeps, and never step back."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

# Tests only: a running pause's clock goes this many times faster, and its loop sleeps this many
# times longer than it means to, so it falls far behind the clock, as on a phone whose screen is
# off: a browser journey sees within seconds what coming back to such a pause shows.
SPEED = "ADEMPAUZE_PAUSE_CLOCK_SPEED"


def _clock_id() -> int | None:
    # time.monotonic stops while a phone or laptop sleeps (Linux, Android, macOS, iOS); these
    # clocks count the sleep too, so a pause left with the screen off is right when it comes back.
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        return time.CLOCK_BOOTTIME
    if sys.platform in ("darwin", "ios") and hasattr(time, "CLOCK_MONOTONIC"):
        return time.CLOCK_MONOTONIC  # Apple's CLOCK_MONOTONIC goes on during sleep
    return None


_CLOCK = _clock_id()


def awake_or_asleep() -> float:
    """Seconds since an arbitrary moment, counting the time the device slept."""
    if _CLOCK is None:
        return time.monotonic()
    return time.clock_gettime(_CLOCK)


def faster_clock(speed: float) -> Callable[[], float]:
    """The device's clock running `speed` times faster from now on (for browser tests)."""
    started = awake_or_asleep()

    def faster() -> float:
        return started + (awake_or_asleep() - started) * speed

    return faster
