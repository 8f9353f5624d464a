"""The app shell: theme, language, bottom navigation, one route per screen, and the floating pause."""

from __future__ import annotations

import hmac
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import flet as ft

from domain.i18n import Translator, choose_language
from domain.settings.preferences import Settings
from storage import ReadOnlyError, StorageError, StorageFullError
from storage.settings_repository import SettingsRepository
from views.shell import theme
from views.shell.context import AppContext
from views.shell.routes import HOME, builder_for
from views.shell.widgets import icon_action, text_button

if TYPE_CHECKING:
    from storage import Store

log = logging.getLogger("adempauze")


@dataclass(frozen=True)
class Section:
    route: str
    label_key: str
    key: str
    icon: Any
    selected_icon: Any


SECTIONS = (
    Section(
        "/understand",
        "nav.understand",
        "nav-understand",
        ft.Icons.LIGHTBULB_OUTLINE,
        ft.Icons.LIGHTBULB,
    ),
    Section("/", "nav.pause", "nav-pause", ft.Icons.SPA_OUTLINED, ft.Icons.SPA),
    Section(
        "/plan", "nav.plan", "nav-plan", ft.Icons.CALENDAR_MONTH_OUTLINED, ft.Icons.CALENDAR_MONTH
    ),
    Section("/settings", "nav.settings", "nav-settings", ft.Icons.TUNE_OUTLINED, ft.Icons.TUNE),
)
# Screens where reading or planning happens carry the floating one-tap pause.
FLOATING_PAUSE_PREFIXES = ("/understand", "/plan")
# Screens shown without navigation, so nothing distracts from them.
IMMERSIVE = ("/pause/run",)
# Store notices that mean a damaged file was repaired at start (see storage.StoreNotice).
RECOVERY_NOTICE_KINDS = ("recovered", "restored_backup", "reset")


def section_index(path: str) -> int:
    """Which navigation destination a path belongs to: its longest matching section prefix."""
    if path == "/about":
        return 3  # reached from Instellingen, and "back" returns there
    best, best_len = 1, 0
    for index, section in enumerate(SECTIONS):
        root = section.route
        if root != "/" and (path == root or path.startswith(root + "/")) and len(root) > best_len:
            best, best_len = index, len(root)
    return best


def parent_route(path: str) -> str | None:
    """Where "back" goes from a sub-screen (`/plan/boundaries` → `/plan`); None on a top screen."""
    if path in {s.route for s in SECTIONS}:
        return None
    if path.startswith("/pause/") or path == "/about":
        return "/" if path != "/about" else "/settings"
    return path.rsplit("/", 1)[0] or "/"


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
        page.padding = 0
        self._catch_storage_errors()
        page.on_route_change = self._on_route_change
        page.on_disconnect = lambda e: self._leave()
        page.on_close = lambda e: self._leave()
        self.render(page.route or "/")

    def _catch_storage_errors(self) -> None:
        """Say kindly when a save fails (a full disk, read-only data) instead of crashing.

        Flet reports an exception raised by any event handler through `Session.error`, called
        while the exception is being handled; one hook here covers every screen's handlers.
        """
        session = self.page.session
        report_crash = session.error

        def on_handler_error(message: str) -> None:
            exc = sys.exc_info()[1]
            if not isinstance(exc, StorageError) or self.ctx is None:
                report_crash(message)
                return
            t = self.ctx.t
            if isinstance(exc, StorageFullError):
                text = t("app.disk_full")
            elif isinstance(exc, ReadOnlyError):
                text = t("app.read_only")
            else:
                text = t("app.save_failed", reason=str(exc))
            log.warning("a save failed: %s", exc)
            self._notify(text)
            self.page.update()

        session.error = on_handler_error

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
        """
        self._awaiting_echo.append(route)
        self.render(route)
        self.page.navigate(route)

    def _on_route_change(self, e: ft.RouteChangeEvent) -> None:
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
        banners = self._standing_notices(ctx)
        if not immersive and not path.startswith("/plan"):
            # A recovery moment that comes due is nudged wherever the app is open
            # (the planner shows its own, beside the agenda).
            banners.append(self._recovery_nudge(ctx))
        floating = path.startswith(FLOATING_PAUSE_PREFIXES)
        # Room at the end so the last lines can scroll clear of the floating pause button.
        tail = [ft.Container(height=96)] if floating else []
        page.controls = [
            ft.SafeArea(
                expand=True,
                content=ft.Column(
                    [
                        *banners,
                        # Phones use the full width; wide screens get a readable column.
                        ft.ResponsiveRow(
                            [
                                ft.Container(
                                    content=body, col={"xs": 12, "md": 10, "lg": 8, "xl": 6}
                                )
                            ],
                            alignment=ft.MainAxisAlignment.CENTER,
                        ),
                        *tail,
                    ],
                    expand=True,
                    scroll=ft.ScrollMode.AUTO,
                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                ),
            )
        ]
        parent = parent_route(path)
        page.appbar = (
            None
            if immersive
            else ft.AppBar(
                title=ft.Text(t("app.name")),
                leading=(
                    icon_action(
                        ft.Icons.ARROW_BACK,
                        t("app.back"),
                        lambda e, r=parent: ctx.navigate(r),
                        key="app-back",
                    )
                    if parent
                    else None
                ),
                automatically_imply_leading=False,
            )
        )
        page.navigation_bar = None if immersive else self._navigation_bar(ctx)
        page.floating_action_button = (
            ft.FloatingActionButton(
                content=t("app.pause_now"),
                icon=ft.Icons.SPA,
                key="pause-now",
                on_click=lambda e: ctx.start_pause(),
                height=56,
            )
            if floating
            else None
        )

    def _navigation_bar(self, ctx: AppContext) -> ft.NavigationBar:
        return ft.NavigationBar(
            selected_index=section_index(ctx.path),
            destinations=[
                ft.NavigationBarDestination(
                    label=ctx.t(s.label_key), icon=s.icon, selected_icon=s.selected_icon, key=s.key
                )
                for s in SECTIONS
            ],
            on_change=lambda e: ctx.navigate(SECTIONS[int(e.control.selected_index)].route),
        )

    def _recovery_nudge(self, ctx: AppContext) -> ft.Control:
        from views.plan.nudge import NudgeBar, planner_state

        state = planner_state(ctx, around=ctx.now().date())

        def take(moment: Any) -> None:
            rule = next((r for r in state.rules if r.id == moment.recovery_rule_id), None)
            state.set_done(moment)
            ctx.start_pause(rule.pause_kind if rule else None)

        nudge = NudgeBar(ctx, state, take)
        nudge.check(update=False)
        nudge.watch()
        return ft.Container(content=nudge.root, padding=ft.Padding.symmetric(horizontal=theme.GAP))

    def _standing_notices(self, ctx: AppContext) -> list[ft.Control]:
        """Calm banners about the data itself: read-only data, or a file that was repaired."""
        t, banners = ctx.t, []
        if getattr(self.store, "read_only", False):
            banners.append(self._banner(t("app.read_only")))
        repaired = [
            n for n in getattr(self.store, "notices", []) if n.kind in RECOVERY_NOTICE_KINDS
        ]
        if repaired and not ctx.memory.get("app.recovery_seen"):
            kinds = sorted({n.kind for n in repaired})
            lines = [t("app.recovered")] + [t(f"app.recovered.{kind}") for kind in kinds]

            def dismiss(e: Any) -> None:
                ctx.memory["app.recovery_seen"] = True
                ctx.refresh()

            banners.append(
                self._banner(
                    " ".join(lines),
                    actions=[
                        text_button(
                            t("app.recovered.import"),
                            lambda e: ctx.navigate("/settings/data"),
                            key="app-recovered-import",
                        ),
                        text_button(t("app.recovered.ok"), dismiss, key="app-recovered-ok"),
                    ],
                )
            )
        return banners

    def _banner(self, text: str, actions: list[ft.Control] | None = None) -> ft.Control:
        return ft.Container(
            content=ft.Column(
                [
                    ft.Row(
                        [ft.Icon(ft.Icons.INFO_OUTLINE), ft.Text(text, expand=True, size=16)],
                        vertical_alignment=ft.CrossAxisAlignment.START,
                    ),
                    *(
                        [ft.Row(actions, wrap=True, alignment=ft.MainAxisAlignment.END)]
                        if actions
                        else []
                    ),
                ],
                tight=True,
            ),
            padding=theme.GAP,
            bgcolor=ft.Colors.SECONDARY_CONTAINER,
        )

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


def token_matches(route: str | None, expected: str) -> bool:
    """Whether the session's first route carries the access token (`/?token=…`)."""
    supplied = parse_qs(urlsplit(route or "").query).get("token", [""])[-1]
    return bool(expected) and hmac.compare_digest(supplied.encode(), expected.encode())
