"""The user's settings: what they are, their defaults, and which values are acceptable."""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

THEMES = ("system", "light", "dark")
PAUSE_KINDS = ("calm", "box", "sigh", "quiet", "between", "shoulders", "custom")
PAUSE_LENGTHS = (30, 45, 60, 120, 180, 300)
WEEKDAYS = (0, 1, 2, 3, 4, 5, 6)  # Monday first, as `date.weekday()` counts
MAX_REMINDERS_PER_DAY = 24
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Settings:
    """Everything the user can set; `language=None` means "follow the device"."""

    language: str | None = None
    theme: str = "system"
    reduce_motion: bool = False
    haptics: bool = True
    sound: bool = False  # cues to follow the breath with the eyes closed
    default_pause_kind: str = "calm"
    default_pause_seconds: int = 60
    daily_capacity_hours: float = 6.0
    bedtime: str = "23:00"
    wake_time: str = "07:00"
    screens_off: str = "22:00"
    # Reminders on a phone: off until the user turns them on. Active hours None: from wake time
    # until screens-off; the days are the ones reminders may come on.
    reminders: bool = False
    reminder_start: str | None = None
    reminder_end: str | None = None
    reminder_days: tuple[int, ...] = WEEKDAYS
    reminders_per_day: int = 6

    def __post_init__(self) -> None:
        # Stored as a JSON list; kept as a sorted tuple so equal settings compare equal.
        if isinstance(self.reminder_days, list | tuple):
            object.__setattr__(self, "reminder_days", tuple(sorted(set(self.reminder_days))))

    def to_record(self) -> dict[str, Any]:
        # A list, as JSON keeps it, so a record reads back as the same record.
        return {"id": "settings", **asdict(self), "reminder_days": list(self.reminder_days)}

    @classmethod
    def from_record(cls, record: dict[str, Any] | None) -> Settings:
        """Read stored settings; a value that is missing or no longer valid falls back to its default."""
        if not record:
            return cls()
        known = {f.name for f in fields(cls)}
        candidate = {k: v for k, v in record.items() if k in known}
        settings = cls()
        for name, value in candidate.items():
            if not validate_setting(name, value):
                settings = replace(settings, **{name: value})
        return settings

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with `changes`; raises `SettingsError` naming every field that is wrong."""
        errors = {
            name: err for name, value in changes.items() if (err := validate_setting(name, value))
        }
        if errors:
            raise SettingsError(errors)
        return replace(self, **changes)


class SettingsError(ValueError):
    """One or more settings were refused; `errors` maps field → message key."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def parse_clock_time(text: object) -> tuple[int, int] | None:
    """'22:30' → (22, 30); anything else (24:61, ' 7:00', 22.30) → None."""
    if not isinstance(text, str):
        return None
    match = _TIME.match(text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def validate_setting(name: str, value: Any) -> str | None:
    """The message key that explains why `value` is not acceptable for `name`, or None when it is."""
    if name == "language":
        return None if value in (None, "nl", "en") else "settings.error.language"
    if name == "theme":
        return None if value in THEMES else "settings.error.theme"
    if name in ("reduce_motion", "haptics", "sound"):
        return None if isinstance(value, bool) else "settings.error.switch"
    if name == "default_pause_kind":
        return None if value in PAUSE_KINDS else "settings.error.pause_kind"
    if name == "default_pause_seconds":
        ok = isinstance(value, int) and not isinstance(value, bool) and 30 <= value <= 1200
        return None if ok else "settings.error.pause_seconds"
    if name == "daily_capacity_hours":
        ok = (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value)
            and 0.5 <= value <= 16
        )
        return None if ok else "settings.error.capacity"
    if name in ("bedtime", "wake_time", "screens_off"):
        return None if parse_clock_time(value) else "settings.error.time"
    if name == "reminders":
        return None if isinstance(value, bool) else "settings.error.switch"
    if name in ("reminder_start", "reminder_end"):
        # Empty means "follow the rhythm" (wake time, screens-off).
        return None if value is None or parse_clock_time(value) else "settings.error.time"
    if name == "reminder_days":
        ok = isinstance(value, list | tuple) and all(
            isinstance(day, int) and not isinstance(day, bool) and day in WEEKDAYS for day in value
        )
        return None if ok else "settings.error.days"
    if name == "reminders_per_day":
        ok = (
            isinstance(value, int)
            and not isinstance(value, bool)
            and 1 <= value <= MAX_REMINDERS_PER_DAY
        )
        return None if ok else "settings.error.per_day"
    return "settings.error.unknown"
