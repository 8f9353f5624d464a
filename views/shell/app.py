"""One session's app frame: access, language and theme, the screen for each route, the floating pause."""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import flet as ft

from domain.i18n import Translator, choose_language
from domain.settings.preferences import Settings
from storage.settings_repository import SettingsRepository
from views.shell import theme
from views.shell.context import AppContext
from views.shell.frame import screen_frame
from views.shell.navigation import navigation_bar, parent_route
from views.shell.notices import catch_storage_errors, standing_notices
from views.shell.routes import HOME, builder_for
from views.shell.widgets import icon_action

if TYPE_CHECKING:
    from storage import Store

log = logging.getLogger("adempauze")


# Screens where reading or planning happens carry the floating one-tap pause.
FLOATING_PAUSE_PREFIXES = ("/understand", "/plan")
# Screens shown without navigation, so nothing distracts from them.
IMMERSIVE = ("/pause/run",)
# How long after a new screen the browser's address and history follow. Sent with the screen,
# the client handled the history entry (and echoed it) before drawing, and the first tap on
# Pauze nu showed the breath about 10 ms later (docs/BENCHMARKS.md, Pauze, first tap).
ADDRESS_AFTER = 0.15


class AppShell:
    """Builds one session's UI and keeps it in step with the route and the settings."""

    def __init__(
        self,
        page: ft.Page,
        store: Store,
        *,
        lang_flag: str | None = None,
        now: Callable[[], datetime] = datetime.now,
        access_token: str | None = None,
        first_paint_delay: float = 0.5,
    ) -> None:
        self.first_paint_delay = first_paint_delay
        self.page = page
        self.access_token = access_token
        self.store = store
        self.lang_flag = lang_flag
        self.now = now
        self.settings_repo = SettingsRepository(store)
        self.ctx: AppContext | None = None
        self._awaiting_echo: list[str] = []

    async def start(self) -> None:
        page = self.page
        if self.access_token is not None and not token_matches(page.route, self.access_token):
            # Checked once, when the session starts; the session keeps its access after that.
            # Without it the session sees one short screen and touches no data at all.
            self._show_no_access()
            return
        settings = self.settings_repo.load()
        device = [] if (self.lang_flag or settings.language) else await self._device_languages()
        lang = choose_language(self.lang_flag, settings.language, device)
        self.ctx = AppContext(
            page=page,
            store=self.store,
            translator=Translator(lang),
            settings=settings,
            now=self.now,
            route=page.route or "/",
            _navigate=self._navigate,
            _refresh=lambda: self.render(self.ctx.route if self.ctx else "/"),
            _apply_settings=self._apply_settings,
            _notify=self._notify,
            first_paint_delay=self.first_paint_delay,
        )
        page.title = "Adempauze"
        page.theme = theme.build_theme(dark=False)
        page.dark_theme = theme.build_theme(dark=True)
        page.theme_mode = theme.theme_mode(settings.theme)
        # The web client starts with its default theme and would blend into ours over 200 ms,
        # redrawing the whole page every frame just when someone taps Pauze nu (a first tap at
        # once took 1.8x as long as without a theme); ours is simply there from the first frame.
        page.theme_animation_style = ft.AnimationStyle.no_animation()
        page.padding = 0
        catch_storage_errors(page, lambda: self.ctx)
        page.on_route_change = self._on_route_change
        page.on_disconnect = self._on_session_end
        page.on_close = self._on_session_end
        page.on_platform_brightness_change = _follow_on_client
        self.render(page.route or "/")
        # On a phone with reminders on, the plan goes to the phone again at every start.
        from views.plan.reminders import start_reminders

        start_reminders(self.ctx)

    def _show_no_access(self) -> None:
        t = Translator(choose_language(self.lang_flag, None, []))
        self.page.title = "Adempauze"
        self.page.controls = [
            ft.SafeArea(
                content=ft.Container(
                    padding=theme.GAP,
                    content=ft.Column(
                        [
                            ft.Semantics(
                                header=True, content=ft.Text(t("access.denied.title"), size=26)
                            ),
                            ft.Text(t("access.denied.body"), size=17),
                        ]
                    ),
                )
            )
        ]
        self.page.update()

    async def _device_languages(self) -> list[str]:
        """The device's preferred languages, most preferred first; empty when it can't tell."""
        try:
            info = await self.page.get_device_info()
        except Exception:  # a client that can't answer must not stop the app from opening
            log.info("device info unavailable", exc_info=True)
            return []
        found: list[str] = []
        for attr in ("language", "languages"):
            value = getattr(info, attr, None)
            found += [value] if isinstance(value, str) else list(value or [])
        for locale in getattr(info, "locales", None) or []:
            found.append(getattr(locale, "language_code", str(locale)))
        return found

    # --- navigation -------------------------------------------------------------------------

    def _navigate(self, route: str) -> None:
        """Draw the new screen at once, then let the browser's address and history catch up.

        Waiting for the client to echo the route first would cost a full round trip on every
        tap (most noticeable on **Pauze nu**). The echo is recognised and not drawn twice.
        With a client drawing, the address follows a moment after the screen.
        """
        self._awaiting_echo.append(route)
        self.render(route)
        if self.first_paint_delay > 0:
            asyncio.get_running_loop().call_later(ADDRESS_AFTER, self._push_address, route)
        else:
            self.page.navigate(route)

    def _push_address(self, route: str) -> None:
        if self.page.session.connection is not None:  # the session may have ended meanwhile
            self.page.navigate(route)

    def _on_route_change(self, e: ft.RouteChangeEvent) -> None:
        # Whatever changes is sent by `render`; Flet's own update after the event would only
        # compare the page again and resend what did not change (a button's style, say).
        ft.context.disable_auto_update()
        if e.route in self._awaiting_echo:
            # Our own navigation coming back from the client: already on screen. Anything
            # queued before it was passed over on the way.
            del self._awaiting_echo[: self._awaiting_echo.index(e.route) + 1]
            return
        self._awaiting_echo.clear()
        if self.ctx is not None and e.route == self.ctx.route:
            # Already on screen (a repeated echo): drawing it again would throw away what the
            # user is typing.
            return
        self.render(e.route)

    def _on_session_end(self, e: ft.Event[ft.Page]) -> None:
        self._leave()

    def _leave(self) -> None:
        if not self.ctx:
            return
        callbacks, self.ctx.leave_callbacks = self.ctx.leave_callbacks, []
        for callback in callbacks:
            try:
                callback()
            except Exception:
                log.exception("cleanup on leaving a screen failed")

    def render(self, route: str) -> None:
        assert self.ctx is not None
        self._leave()
        ctx = self.ctx
        ctx.route = route or "/"
        builder = builder_for(ctx.path)
        if builder is None:
            ctx.route = HOME
            builder = builder_for(HOME)
            assert builder is not None
        body = builder(ctx)
        self._compose(ctx, body)
        self.page.update()

    def _compose(self, ctx: AppContext, body: ft.Control) -> None:
        page, t, path = self.page, ctx.t, ctx.path
        immersive = path in IMMERSIVE
        banners = standing_notices(ctx)
        if not immersive and not path.startswith("/plan"):
            # A recovery moment that comes due is nudged wherever the app is open
            # (the planner shows its own, beside the agenda).
            banners.append(self._recovery_nudge(ctx))
        floating = path.startswith(FLOATING_PAUSE_PREFIXES)
        # Room at the end so the last lines can scroll clear of the floating pause button.
        tail = [ft.Container(height=96)] if floating else []
        page.controls = [screen_frame(body, banners=banners, tail=tail)]
        # A running pause keeps the app's name on top (its first look, laid out ahead on home,
        # sits below it too) and nothing to navigate by.
        page.appbar = self._app_bar(ctx, back=not immersive)
        page.navigation_bar = None if immersive else navigation_bar(ctx)

        def pause_now(e: ft.Event[ft.FloatingActionButton]) -> None:
            ctx.start_pause()

        page.floating_action_button = (
            ft.FloatingActionButton(
                content=t("app.pause_now"),
                icon=ft.Icons.SPA,
                key="pause-now",
                on_click=pause_now,
                height=56,
            )
            if floating
            else None
        )

    def _app_bar(self, ctx: AppContext, *, back: bool = True) -> ft.AppBar:
        """The app's name, with a way back on a sub-screen (when `back`)."""
        parent = parent_route(ctx.path) if back else None
        back_button: ft.Control | None = None
        if parent is not None:

            def go_back(e: ft.Event[ft.IconButton]) -> None:
                ctx.navigate(parent)

            back_button = icon_action(
                ft.Icons.ARROW_BACK, ctx.t("app.back"), go_back, key="app-back"
            )
        return ft.AppBar(
            title=ft.Text(ctx.t("app.name")),
            leading=back_button,
            automatically_imply_leading=False,
        )

    def _recovery_nudge(self, ctx: AppContext) -> ft.Control:
        from views.plan.nudge import NudgeBar
        from views.plan.state import planner_state

        # "Pauze nu" on the nudge takes the moment and starts its pause, as in the planner.
        nudge = NudgeBar(ctx, planner_state(ctx, around=ctx.now().date()))
        nudge.check(update=False)
        nudge.watch()
        return ft.Container(content=nudge.root, padding=ft.Padding.symmetric(horizontal=theme.GAP))

    # --- settings and messages ----------------------------------------------------------------

    def _apply_settings(self, settings: Settings) -> None:
        assert self.ctx is not None
        self.settings_repo.save(settings)
        ctx = self.ctx
        ctx.settings = settings
        if settings.language and settings.language != ctx.lang:
            ctx.translator = Translator(settings.language)
        self.page.theme_mode = theme.theme_mode(settings.theme)
        self.render(ctx.route)

    def _notify(self, text: str) -> None:
        self.page.show_dialog(ft.SnackBar(content=ft.Text(text, size=16), duration=4000))


def _follow_on_client(e: ft.Event[ft.Page]) -> None:
    # The client tells the system's brightness as soon as it starts, just when someone may tap
    # Pauze nu; it picks the light or dark theme itself, so nothing goes back (Flet would
    # otherwise compare and patch the whole page after the event).
    ft.context.disable_auto_update()


def token_matches(route: str | None, expected: str) -> bool:
    """Whether the session's first route carries the access token (`/?token=…`)."""
    supplied = parse_qs(urlsplit(route or "").query).get("token", [""])[-1]
    return bool(expected) and hmac.compare_digest(supplied.encode(), expected.encode())
