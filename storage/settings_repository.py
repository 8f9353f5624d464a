"""Reads and saves the user's settings as one record in the `settings` collection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.settings.preferences import Settings

if TYPE_CHECKING:
    from storage import Store

_ID = "settings"


class SettingsRepository:
    """The one place settings go in and out of the store."""

    def __init__(self, store: Store) -> None:
        self._settings = store.collection("settings")

    def load(self) -> Settings:
        return Settings.from_record(self._settings.get(_ID))

    def save(self, settings: Settings) -> None:
        self._settings.put(settings.to_record())
