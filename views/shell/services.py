"""The Flet services of one session (haptics, wakelock, clipboard, files, share, screen reader).

Flet drops a service that nothing references, and each new one costs a message to the client, so
the shell keeps one of each per session here, made on first use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

import flet as ft

S = TypeVar("S", bound=ft.Service)


@dataclass
class Services:
    """One of each service per session, created on first use and held for the session's life."""

    _made: dict[type, ft.Service] = field(default_factory=dict, repr=False)

    # The same get-or-make as AppContext.state; kept apart: a service is made from its class
    # alone and must be an ft.Service, a screen's state by the screen's own factory.
    def _get(self, kind: type[S]) -> S:
        found = self._made.get(kind)
        if found is None:
            found = self._made[kind] = kind()
        assert isinstance(found, kind)
        return found

    # One typed accessor per service, alike on purpose: a screen names what it uses.
    @property
    def haptics(self) -> ft.HapticFeedback:
        return self._get(ft.HapticFeedback)

    @property
    def wakelock(self) -> ft.Wakelock:
        return self._get(ft.Wakelock)

    @property
    def clipboard(self) -> ft.Clipboard:
        return self._get(ft.Clipboard)

    @property
    def file_picker(self) -> ft.FilePicker:
        """One picker for the session; a screen sets `on_upload` before it uploads."""
        return self._get(ft.FilePicker)

    @property
    def share(self) -> ft.Share:
        return self._get(ft.Share)

    @property
    def semantics(self) -> ft.SemanticsService:
        return self._get(ft.SemanticsService)
