"""The Pauze state and the breathing circle's arithmetic, as plain Python with no page."""

from __future__ import annotations

import asyncio
import time

import pytest

from domain.pause.kinds import BREATH_IN, CUSTOM, CustomPattern
from domain.pause.schedule import Phase
from domain.settings.preferences import Settings
from views.pause.circle import SCALE_IN, SCALE_OUT, BreathingCircle
from views.pause.device_clock import SPEED, awake_or_asleep
from views.pause.state import CUSTOM_DEFAULTS, PauseScreen, Timing

GOOD = {"inhale": "3", "hold_in": "0", "exhale": "5", "hold_out": "1", "total": "40"}


def test_a_right_rhythm_becomes_the_own_pause():
    state = PauseScreen()
    assert state.choose_custom(GOOD) == {}
    assert state.custom == CustomPattern(3, 0, 5, 1, 40)
    assert state.custom_values == GOOD
    # the own pause now runs that rhythm, holds of zero left out
    assert [step.name for step in state.kind(CUSTOM).pattern.steps] == ["in", "out", "hold"]


def test_a_wrong_rhythm_is_kept_as_typed_but_not_run():
    state = PauseScreen()
    state.choose_custom(GOOD)
    errors = state.choose_custom({**GOOD, "inhale": "0"})
    assert errors == {"inhale": "pause.custom.error.breath_min"}
    # the form shows what was typed, so it can be put right...
    assert state.custom_values["inhale"] == "0"
    # ...and the own pause is still the last right one
    assert state.custom == CustomPattern(3, 0, 5, 1, 40)


def test_a_fresh_form_shows_the_defaults_and_custom_means_calm():
    state = PauseScreen()
    assert state.custom_values == CUSTOM_DEFAULTS
    assert state.kind(CUSTOM).id == "calm"


def test_the_device_is_asked_once():
    state = PauseScreen()
    assert state.start_asking_system() is True
    assert state.start_asking_system() is False
    # until it answers, no wish for less motion
    assert state.system_reduce_motion is False


@pytest.mark.parametrize(
    ("setting", "device", "less"),
    [
        # neither asks for less motion
        (False, None, False),
        # the app's own setting
        (True, None, True),
        # the device's setting
        (False, True, True),
        # the device said no, the app's setting still counts
        (True, False, True),
    ],
)
def test_less_motion_from_either_setting(setting, device, less):
    state = PauseScreen()
    if device is not None:
        state.note_system_reduce_motion(device)
    assert state.wants_less_motion(Settings(reduce_motion=setting)) is less


def test_home_knows_it_was_drawn_before():
    state = PauseScreen()
    assert [state.note_home_drawn(), state.note_home_drawn()] == [False, True]


@pytest.mark.parametrize(
    ("held_at", "scale"),
    [
        # at the start of the in-breath the circle is still small
        (0.0, SCALE_OUT),
        # halfway through, smoothstep puts it halfway
        (2.0, round((SCALE_IN + SCALE_OUT) / 2, 3)),
        # at or after the end it is full
        (4.0, SCALE_IN),
        (9.0, SCALE_IN),
    ],
)
def test_a_held_circle_stops_where_the_client_has_it(held_at, scale):
    circle = BreathingCircle("circle")
    circle.head_for(Phase("in", 0, 4, BREATH_IN), elapsed=0.0, ms=4000)
    circle.settle(held_at)
    assert circle.scale == pytest.approx(scale)
    assert circle.shape.scale == circle.scale


async def test_a_browser_test_can_run_the_pause_clock_fast_with_a_loop_that_lags():
    # without the test setting: the device's own clock and a plain sleep
    plain = Timing.from_environ({})
    assert (plain.clock, plain.sleep) == (awake_or_asleep, asyncio.sleep)
    # five times: the clock runs ahead and the loop's sleep takes five times as long
    fast = Timing.from_environ({SPEED: "5"})
    start, real = fast.clock(), time.monotonic()
    await fast.sleep(0.02)
    slept = time.monotonic() - real
    assert slept >= 0.1
    assert fast.clock() - start == pytest.approx(slept * 5, rel=0.2)
