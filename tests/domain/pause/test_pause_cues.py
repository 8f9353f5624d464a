"""The sound cues a pause plays: tones that follow the breath, a bell at the end."""

import pytest

from domain.pause.cues import BELL, cues_for, phase_cue
from domain.pause.kinds import CATALOGUE, CustomPattern, custom_kind
from domain.pause.schedule import schedule_phases

OWN = custom_kind(CustomPattern(inhale=4, hold_in=2, exhale=6, hold_out=0, total=120))


@pytest.mark.parametrize(
    ("kind", "cues", "first_phases"),
    [
        (CATALOGUE["calm"], ("in", "out", BELL), ["in", "out", "in"]),
        (CATALOGUE["box"], ("in", "hold", "out", BELL), ["in", "hold", "out", "hold"]),
        # the top-up breath of a sigh rises like any in-breath
        (CATALOGUE["sigh"], ("in", "out", BELL), ["in", "in", "out"]),
        (OWN, ("in", "hold", "out", BELL), ["in", "hold", "out", "in"]),
        # the quiet sit and the pause between tasks: only the bell
        (CATALOGUE["quiet"], (BELL,), [None, None]),
        (CATALOGUE["between"], (BELL,), [None, None, None, None, None]),
        # shoulders follow their breaths; the steps without one pass in silence
        (CATALOGUE["shoulders"], ("in", "out", BELL), ["in", "out", None, None]),
    ],
)
def test_cues_per_kind(kind, cues, first_phases):
    phases = schedule_phases(kind.pattern, kind.default_seconds)
    assert cues_for(kind, phases) == cues
    assert [phase_cue(kind, p) for p in phases[: len(first_phases)]] == first_phases
