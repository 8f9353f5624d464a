"""The pause catalogue: kinds of micro-pause, their breathing patterns, lengths and length words."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from domain.numbers import parse_whole_number

# What a step asks of the body; the view turns it into circle motion and haptics.
BREATH_IN = "in"
BREATH_OUT = "out"
BREATH_HOLD = "hold"
BREATH_NONE = "none"

MINUTE_CHOICES = (60, 120, 180, 300)
BETWEEN_CHOICES = (30, 45, 60)

CUSTOM_STEP_MAX = 20
CUSTOM_TOTAL_MIN = 10
CUSTOM_TOTAL_MAX = 20 * 60


@dataclass(frozen=True)
class Step:
    """One step of a pattern: a name (its message key suffix), seconds, and what the breath does."""

    name: str
    seconds: int
    breath: str = BREATH_NONE
    # Flexible steps absorb the extra time when a one-shot sequence is given a longer pause.
    flex: bool = False


@dataclass(frozen=True)
class Pattern:
    """Steps that either repeat until the pause is over or play once, stretched to fit."""

    steps: tuple[Step, ...]
    repeat: bool = True

    @property
    def cycle_seconds(self) -> int:
        return sum(step.seconds for step in self.steps)


@dataclass(frozen=True)
class PauseKind:
    """A kind of pause in the catalogue."""

    id: str
    pattern: Pattern
    durations: tuple[int, ...]
    default_seconds: int
    # Silent kinds send no haptic cue per step, only a soft one at the end.
    silent: bool = False


def _breathing(*steps: tuple[str, int, str]) -> Pattern:
    return Pattern(tuple(Step(name, seconds, breath) for name, seconds, breath in steps))


CALM = PauseKind(
    "calm",
    # About six breaths a minute, the out-breath longer than the in-breath.
    _breathing(("in", 4, BREATH_IN), ("out", 6, BREATH_OUT)),
    MINUTE_CHOICES,
    60,
)
BOX = PauseKind(
    "box",
    _breathing(
        ("in", 4, BREATH_IN),
        ("hold", 4, BREATH_HOLD),
        ("out", 4, BREATH_OUT),
        ("hold", 4, BREATH_HOLD),
    ),
    MINUTE_CHOICES,
    120,
)
SIGH = PauseKind(
    "sigh",
    # Cyclic sighing: a full breath in, a short top-up through the nose, then a long sigh out.
    _breathing(("in", 3, BREATH_IN), ("in_more", 1, BREATH_IN), ("out", 6, BREATH_OUT)),
    MINUTE_CHOICES,
    120,
)
QUIET = PauseKind(
    "quiet",
    # Nothing to follow; the last ten seconds invite a gentle return.
    Pattern(
        (Step("quiet", 50, BREATH_NONE, flex=True), Step("return", 10, BREATH_NONE)),
        repeat=False,
    ),
    MINUTE_CHOICES,
    120,
    silent=True,
)
BETWEEN = PauseKind(
    "between",
    Pattern(
        (
            Step("stand", 5),
            Step("look_far", 10, flex=True),
            Step("drop_shoulders", 5, flex=True),
            Step("in", 4, BREATH_IN),
            Step("out", 6, BREATH_OUT),
        ),
        repeat=False,
    ),
    BETWEEN_CHOICES,
    45,
)
SHOULDERS = PauseKind(
    "shoulders",
    # One minute of cues that repeats: raise and drop, roll, then let the neck lengthen.
    Pattern(
        (
            Step("shoulders_up", 5, BREATH_IN),
            Step("shoulders_drop", 5, BREATH_OUT),
            Step("shoulders_roll", 10),
            Step("neck_left", 10),
            Step("neck_right", 10),
            Step("chin_down", 10),
            Step("out", 10, BREATH_OUT),
        )
    ),
    MINUTE_CHOICES,
    60,
)

CATALOGUE: dict[str, PauseKind] = {
    kind.id: kind for kind in (CALM, BOX, SIGH, QUIET, BETWEEN, SHOULDERS)
}
CUSTOM = "custom"
KIND_IDS: tuple[str, ...] = (*CATALOGUE, CUSTOM)
DEFAULT_KIND = "calm"
DEFAULT_SECONDS = 60


@dataclass(frozen=True)
class CustomPattern:
    """The user's own in / hold / out / hold seconds and total pause length."""

    inhale: int
    hold_in: int
    exhale: int
    hold_out: int
    total: int


def validate_custom(values: Mapping[str, object]) -> dict[str, str]:
    """Check raw custom-pattern values; return a message key per field that is not right."""
    errors: dict[str, str] = {}
    numbers: dict[str, int] = {}
    for field in ("inhale", "hold_in", "exhale", "hold_out", "total"):
        number = parse_whole_number(values.get(field))
        if number is None:
            errors[field] = "pause.custom.error.number"
        else:
            numbers[field] = number
    for field in ("inhale", "hold_in", "exhale", "hold_out"):
        if field not in numbers:
            continue
        if not 0 <= numbers[field] <= CUSTOM_STEP_MAX:
            errors[field] = "pause.custom.error.step_range"
        elif field in ("inhale", "exhale") and numbers[field] < 1:
            errors[field] = "pause.custom.error.breath_min"
    if "total" in numbers and not CUSTOM_TOTAL_MIN <= numbers["total"] <= CUSTOM_TOTAL_MAX:
        errors["total"] = "pause.custom.error.total_range"
    return errors


def parse_custom(values: Mapping[str, object]) -> CustomPattern:
    """Turn valid raw values into a CustomPattern; ValueError names the fields that are not."""
    errors = validate_custom(values)
    if errors:
        raise ValueError(", ".join(sorted(errors)))
    return CustomPattern(
        **{
            field: int(parse_whole_number(values[field]) or 0)
            for field in CustomPattern.__annotations__
        }
    )


def custom_kind(custom: CustomPattern) -> PauseKind:
    """A PauseKind for the user's own pattern; holds of zero seconds are left out."""
    steps = [
        Step("in", custom.inhale, BREATH_IN),
        Step("hold", custom.hold_in, BREATH_HOLD),
        Step("out", custom.exhale, BREATH_OUT),
        Step("hold", custom.hold_out, BREATH_HOLD),
    ]
    pattern = Pattern(tuple(step for step in steps if step.seconds > 0))
    return PauseKind(CUSTOM, pattern, (custom.total,), custom.total)


def kind_for(kind_id: str, custom: CustomPattern | None = None) -> PauseKind:
    """Look up a kind by id; unknown ids fall back to calm breathing rather than failing a tap."""
    if kind_id == CUSTOM and custom is not None:
        return custom_kind(custom)
    return CATALOGUE.get(kind_id, CALM)


def fit_seconds(kind: PauseKind, seconds: int | None) -> int:
    """The allowed length closest to the one asked for (the kind's default when none is)."""
    if seconds is None:
        return kind.default_seconds
    if kind.id == CUSTOM:
        return min(max(seconds, CUSTOM_TOTAL_MIN), CUSTOM_TOTAL_MAX)
    return min(kind.durations, key=lambda choice: (abs(choice - seconds), choice))


def length_words(t: Callable[..., str], seconds: int) -> str:
    """A pause length as the user reads it ('2 min', '45 s'), in the language of `t`."""
    if seconds % 60 == 0:
        return t("pause.length.minutes", n=seconds // 60)
    return t("pause.length.seconds", n=seconds)
