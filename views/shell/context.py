"""What every screen is handed: the page, the store, the text catalogue, settings and navigation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import flet as ft

from domain.i18n import Translator
from domain.settings.preferences import Settings
from views.shell.services import Services

if TYPE_CHECKING:
    from storage import Store

T = TypeVar("T")


@dataclass
class PauseRequest:
    """A pause someone asked for: which kind, how long (None: the kind's default)."""

    kind: str
    seconds: int | None = None
    source: str = "tap"
    # Its first look is on screen already (laid out ahead on home): the rest follows at once.
    shown_ahead: bool = False


@dataclass
class AppContext:
    """Shared by the screens of one session; the shell owns it and rebuilds screens through it."""

    page: ft.Page
    store: Store
    translator: Translator
    settings: Settings
    now: Callable[[], datetime] = datetime.now
    route: str = "/"
    # Filled in by the shell.
    _navigate: Callable[[str], None] = field(default=lambda route: None, repr=False)
    _refresh: Callable[[], None] = field(default=lambda: None, repr=False)
    _apply_settings: Callable[[Settings], None] = field(default=lambda s: None, repr=False)
    _notify: Callable[[str], None] = field(default=lambda text: None, repr=False)
    pause_request: PauseRequest | None = None
    # How long a session's first screen waits before sending what lies below the fold, so the
    # web client draws (and lets one tap) the top first. Tests without a client set 0.
    first_paint_delay: float = 0.5
    # The session's Flet services, one of each, held so Flet does not drop them.
    services: Services = field(default_factory=Services)
    # Each feature's screen state, one typed object per class for the session (see `state`).
    _states: dict[type, object] = field(default_factory=dict, repr=False)
    # Called once when the user leaves the current screen or the session ends (stop timers here).
    leave_callbacks: list[Callable[[], Any]] = field(default_factory=list)

    # The same get-or-make as Services._get; kept apart: a state is made by the screen's factory.
    def state(self, kind: type[T], make: Callable[[], T]) -> T:
        """The session's one `kind` state object, made by `make()` the first time it is asked for.

        Screens are rebuilt often; what must outlive a rebuild (a form's draft, a choice on the
        screen) lives in a typed state object kept here, never in the controls.
        """
        found = self._states.get(kind)
        if found is None:
            found = self._states[kind] = make()
        assert isinstance(found, kind)
        return found

    @property
    def lang(self) -> str:
        return self.translator.lang

    def t(self, key: str, **values: object) -> str:
        return self.translator(key, **values)

    @property
    def path(self) -> str:
        return urlsplit(self.route).path or "/"

    @property
    def params(self) -> dict[str, str]:
        """The route's query string, last value wins: `/plan?add=recovery` → {"add": "recovery"}."""
        return {k: v[-1] for k, v in parse_qs(urlsplit(self.route).query).items()}

    def navigate(self, route: str) -> None:
        self._navigate(route)

    def refresh(self) -> None:
        self._refresh()

    def on_leave(self, callback: Callable[[], Any]) -> None:
        """Run `callback` when the user leaves this screen or closes the app."""
        self.leave_callbacks.append(callback)

    def notify(self, text: str) -> None:
        self._notify(text)

    def update_settings(self, **changes: Any) -> Settings:
        """Validate, save and apply at once; raises `domain.settings.preferences.SettingsError` when refused."""
        self._apply_settings(self.settings.with_changes(**changes))
        return self.settings

    def start_pause(
        self,
        kind: str | None = None,
        seconds: int | None = None,
        source: str = "tap",
        *,
        shown_ahead: bool = False,
    ) -> None:
        """Open the running pause; with no kind, the user's default pause."""
        if kind is None:
            kind = self.settings.default_pause_kind
            seconds = seconds or self.settings.default_pause_seconds
        self.pause_request = PauseRequest(
            kind=kind, seconds=seconds, source=source, shown_ahead=shown_ahead
        )
        self.navigate("/pause/run")

    def take_pause_request(self) -> PauseRequest:
        """The pending request (or the default pause when the page was opened directly)."""
        request = self.pause_request or PauseRequest(
            kind=self.settings.default_pause_kind, seconds=self.settings.default_pause_seconds
        )
        self.pause_request = None
        return request
