"""The app's clock: the device's wall clock, or (for browser journeys) one started at a set time."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from views.shell.clock import SPEED, START_AT, app_clock, device_now, device_zone


def test_without_a_start_the_clock_is_the_devices() -> None:
    assert app_clock({}) is device_now
    zone = device_zone()
    assert zone is not None  # tzlocal (with tzdata) tells the zone here
    assert abs(device_now() - datetime.now(zone).replace(tzinfo=None)) < timedelta(seconds=2)


def test_a_set_start_runs_on_at_real_speed() -> None:
    clock = app_clock({START_AT: "2026-12-02T10:29:30"})
    first = clock()
    assert timedelta(0) <= first - datetime(2026, 12, 2, 10, 29, 30) < timedelta(seconds=1)
    time.sleep(0.05)
    assert clock() - first >= timedelta(seconds=0.05)


def test_a_faster_clock_for_journeys_that_must_not_wait_ten_minutes() -> None:
    clock = app_clock({START_AT: "2026-12-02T10:29:30", SPEED: "10"})
    first = clock()
    time.sleep(0.05)
    assert clock() - first >= timedelta(seconds=0.5)
