"""The app's clock: the device's own wall-clock time; a test may start it at a moment it picks."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, tzinfo

log = logging.getLogger("adempauze")

# Tests only: the served app's clock starts here (an ISO time) and then runs on, at real speed or
# this many times faster, so a browser journey can stand just before a recovery moment and see a
# ten-minute "Later" come back without waiting ten minutes.
START_AT = "ADEMPAUZE_NOW"
SPEED = "ADEMPAUZE_CLOCK_SPEED"


def device_zone() -> tzinfo | None:
    """The device's time zone, or None when it can't be told.

    Python on Android does not know the local zone by itself (flet-dev/flet#5058): tzlocal asks
    the system, and tzdata, packaged with the app, holds the zone's rules.
    """
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except Exception:  # unknown: the plain local time is the best there is
        log.info("the device's time zone is unknown", exc_info=True)
        return None


def device_now() -> datetime:
    """Now on the device's wall clock, as the naive local time the app plans in."""
    zone = device_zone()
    return datetime.now(zone).replace(tzinfo=None) if zone else datetime.now()


def app_clock(environ: Mapping[str, str]) -> Callable[[], datetime]:
    """The device's clock; with `ADEMPAUZE_NOW` set, one that starts there and runs on."""
    start = environ.get(START_AT)
    if not start:
        return device_now
    begins = datetime.fromisoformat(start)
    speed = float(environ.get(SPEED) or 1)
    started = time.monotonic()

    def running() -> datetime:
        return begins + timedelta(seconds=(time.monotonic() - started) * speed)

    return running
