"""Which sound marks each moment of a pause: a tone per breath, and a bell at the end."""

from __future__ import annotations

from domain.pause.kinds import BREATH_HOLD, BREATH_IN, BREATH_OUT, PauseKind
from domain.pause.schedule import Phase

BELL = "bell"
# One tone per breath, the same for every breathing kind: rising in, falling out, level on hold.
BREATH_TONES = {BREATH_IN: "in", BREATH_OUT: "out", BREATH_HOLD: "hold"}
# Nothing to breathe along with: the quiet sit and the pause between tasks only end with the bell.
BELL_ONLY = frozenset({"quiet", "between"})


def phase_cue(kind: PauseKind, phase: Phase) -> str | None:
    """The cue that marks the start of `phase`, or None when it passes in silence."""
    if kind.id in BELL_ONLY or kind.silent:
        return None
    return BREATH_TONES.get(phase.breath)


def cues_for(kind: PauseKind, phases: list[Phase]) -> tuple[str, ...]:
    """Every cue a pause of `kind` can play, in first-use order: what to load before it starts."""
    needed: list[str] = []
    for phase in phases:
        cue = phase_cue(kind, phase)
        if cue is not None and cue not in needed:
            needed.append(cue)
    return (*needed, BELL)
