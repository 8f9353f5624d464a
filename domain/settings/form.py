"""The settings screen's refused input: what was typed and why, kept by its field until fixed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain.settings.preferences import Settings, SettingsError


def parse_hours(text: object) -> object:
    """'6' → 6.0, '5,5' → 5.5; text that is no number is handed on as is, to be refused."""
    if not isinstance(text, str):
        return text
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return text


class SettingsForm:
    """Each change saved at once; a refused one keeps its message and the typed text."""

    def __init__(self, save: Callable[..., object]) -> None:
        # save(**changes) validates, stores and applies, or raises SettingsError naming the fields.
        self._save = save
        self.errors: dict[str, str] = {}
        self.drafts: dict[str, str] = {}

    def change(self, current: Settings, name: str, value: Any, typed: str | None = None) -> bool:
        """Save one setting; False when it was refused (its message waits in `errors`)."""
        if getattr(current, name) == value and name not in self.errors:
            return True
        self.errors.pop(name, None)
        self.drafts.pop(name, None)
        try:
            self._save(**{name: value})
        except SettingsError as exc:
            self.errors.update(exc.errors)
            if typed is not None:
                self.drafts[name] = typed
            return False
        return True

    def error_for(self, name: str) -> str | None:
        """The message key of the refused value for `name`, if any."""
        return self.errors.get(name)

    def draft_for(self, name: str) -> str | None:
        """The refused text for `name` as it was typed, shown again instead of the saved value."""
        return self.drafts.get(name)
