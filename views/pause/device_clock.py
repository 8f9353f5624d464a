"""The clock a running pause reads: seconds that go on while the device sleeps, and never step back."""

from __future__ import annotations

import sys
import time


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
