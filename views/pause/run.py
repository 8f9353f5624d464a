"""The running pause: a breathing guide the client animates, with one update per phase."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import flet as ft

from domain.pause.kinds import BREATH_HOLD, BREATH_IN, BREATH_OUT, fit_seconds, kind_for
from domain.pause.record import PauseRecord
from domain.pause.schedule import Phase, format_time_left
from domain.pause.session import FINISHED, PAUSED, RUNNING, PauseSession
from storage import StorageError
from storage.pause_repository import PauseRepository
from views.shell.context import AppContext
from views.shell.theme import GAP, MAX_WIDTH, TOUCH
from views.shell.widgets import body_text, heading, primary_button

log = logging.getLogger("adempauze.pause")

CIRCLE = 240
SCALE_IN = 1.0
SCALE_OUT = 0.55
SCALE_REST = 0.75
FREEZE_MS = 300  # how quickly the guide settles when the user puts the pause on hold
DESKTOP = {ft.PagePlatform.WINDOWS, ft.PagePlatform.MACOS, ft.PagePlatform.LINUX}


@dataclass
class Timing:
    """The clock and sleep the running loop uses; view tests swap in a hand-turned pair."""

    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep


TIMING = Timing()


def target_scale(phase: Phase, current: float) -> float:
    """Where the circle heads in a phase: grow on in, shrink on out, stay on hold."""
    if phase.breath == BREATH_IN:
        return SCALE_IN
    if phase.breath == BREATH_OUT:
        return SCALE_OUT
    if phase.breath == BREATH_HOLD:
        return current
    return SCALE_REST


class PauseKeeper:
    """Saves through the repository; a store that cannot take it must not end the pause badly."""

    def __init__(self, repository: PauseRepository, on_failure: Callable[[], None]) -> None:
        self.repository = repository
        self.on_failure = on_failure

    def save(self, record: PauseRecord) -> None:
        try:
            self.repository.save(record)
        except StorageError:
            log.warning("a pause could not be saved", exc_info=True)
            self.on_failure()


class PauseRunView:
    """One running pause on screen; the loop only reads the session and paints each phase."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        request = ctx.take_pause_request()
        kind = kind_for(request.kind, ctx.memory.get("pause.custom"))
        keeper = PauseKeeper(
            PauseRepository(ctx.store), lambda: ctx.notify(ctx.t("pause.not_saved"))
        )
        self.session = PauseSession(kind, fit_seconds(kind, request.seconds), TIMING.clock, keeper)
        self.reduce_motion = bool(
            ctx.settings.reduce_motion or ctx.memory.get("pause.system_reduce_motion")
        )
        page = ctx.page
        desktop_browser = bool(page.web) and page.platform in DESKTOP
        haptics, self.wakelock = session_services(ctx)
        self.haptics = haptics if ctx.settings.haptics and not desktop_browser else None
        self._task: Future[Any] | None = None
        self._wakelock_on = False
        self._shown: int | None = None
        self._cue_next = False
        self._scale = SCALE_OUT
        self._from_scale, self._painted_at, self._paint_ms = SCALE_OUT, 0.0, 0
        self.root = self._build()
        ctx.on_leave(self.leave)

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> ft.Container:
        t = self.ctx.t
        self.phase_word = ft.Text(
            t(f"pause.phase.{self.session.phases[0].name}"),
            size=34,
            weight=ft.FontWeight.W_600,
            text_align=ft.TextAlign.CENTER,
            key="pause-phase",
        )
        self.time_left = ft.Text(
            t("pause.run.left", time=format_time_left(self.session.planned_seconds)),
            size=20,
            key="pause-time-left",
        )
        self.circle = ft.Container(
            width=CIRCLE,
            height=CIRCLE,
            shape=ft.BoxShape.CIRCLE,
            bgcolor=ft.Colors.PRIMARY_CONTAINER,
            border=ft.Border.all(4, ft.Colors.PRIMARY),
            scale=self._scale,
            animate_scale=ft.Animation(1000, ft.AnimationCurve.EASE_IN_OUT),
            key="pause-circle",
        )
        # The client animates the bar's width through each phase (an implicit animation).
        self.track_width = _track_width(self.ctx.page)
        self.bar = ft.Container(
            width=0,
            height=12,
            bgcolor=ft.Colors.PRIMARY,
            border_radius=6,
            animate=ft.Animation(0, ft.AnimationCurve.LINEAR),
            key="pause-progress",
        )
        track = ft.Semantics(
            label=t("pause.run.progress"),
            content=ft.Container(
                content=self.bar,
                width=self.track_width,
                height=12,
                border_radius=6,
                bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST,
                alignment=ft.Alignment.CENTER_LEFT,
            ),
        )
        self.hold_button = ft.OutlinedButton(
            content=t("pause.run.hold"),
            icon=ft.Icons.PAUSE,
            key="pause-hold",
            on_click=self._toggle_hold,
            height=TOUCH,
            expand=True,
        )
        guide: list[ft.Control] = [
            heading(t(f"pause.kind.{self.session.kind.id}.name")),
        ]
        if not self.reduce_motion:
            guide.append(
                ft.Semantics(
                    label=t("pause.run.circle"),
                    content=ft.Container(
                        content=self.circle,
                        width=CIRCLE,
                        height=CIRCLE,
                        alignment=ft.Alignment.CENTER,
                    ),
                )
            )
        guide += [
            # A live region: screen readers hear each new phase without an extra message.
            ft.Semantics(live_region=True, content=self.phase_word),
            self.time_left,
            track,
            # Stacked, each the full width: easy to reach one-handed, and nothing clips at 200 %.
            ft.Row(
                [
                    primary_button(
                        t("pause.run.stop"),
                        self._on_stop,
                        key="pause-stop",
                        icon=ft.Icons.STOP,
                        height=TOUCH + 8,
                    )
                ]
            ),
            ft.Row([self.hold_button]),
        ]
        self.guide = ft.Column(
            guide, spacing=GAP, horizontal_alignment=ft.CrossAxisAlignment.CENTER
        )
        return ft.Container(content=self.guide, padding=GAP)

    # --- the loop -----------------------------------------------------------------------------

    def begin(self) -> None:
        self.session.start(self.ctx.now())
        self._start_loop()
        self._wakelock_on = True
        self.ctx.page.run_task(self._call, self.wakelock.enable)

    def _release_wakelock(self) -> None:
        if not self._wakelock_on:
            return
        self._wakelock_on = False
        self.ctx.page.run_task(self._call, self.wakelock.disable)

    def _start_loop(self) -> None:
        self._shown = None
        # The tap that starts or resumes is its own cue; the first phase needs no buzz.
        self._cue_next = False
        self._task = self.ctx.page.run_task(self._run)

    async def _run(self) -> None:
        session = self.session
        while session.status == RUNNING:
            index = session.current_index()
            if index is None:
                break
            if index != self._shown:
                self._shown = index
                phase = session.phases[index]
                self._paint_phase(phase)
                if self._cue_next:
                    await self._cue(phase)
                self._cue_next = True
            await TIMING.sleep(session.seconds_to_next_phase())
        if session.finish_if_due() is not None or session.status == FINISHED:
            self._show_end()

    def _paint_phase(self, phase: Phase) -> None:
        """Everything a phase changes, sent as one patch; the client animates the rest."""
        session = self.session
        left_in_phase = max(0.0, phase.end - session.elapsed())
        ms = int(left_in_phase * 1000)
        self.phase_word.value = self.ctx.t(f"pause.phase.{phase.name}")
        self.time_left.value = self.ctx.t(
            "pause.run.left", time=format_time_left(session.remaining())
        )
        # Remembered so that a hold can settle the circle where the client has it now.
        self._from_scale, self._painted_at, self._paint_ms = self._scale, session.elapsed(), ms
        self._scale = target_scale(phase, self._scale)
        self.circle.scale = self._scale
        self.circle.animate_scale = ft.Animation(ms, ft.AnimationCurve.EASE_IN_OUT)
        self._set_bar(phase.end / session.planned_seconds, ms)
        self.root.update()

    async def _cue(self, phase: Phase) -> None:
        if self.haptics is None or self.session.kind.silent:
            return
        if phase.breath == BREATH_IN:
            await self._call(self.haptics.medium_impact)
        elif phase.breath == BREATH_OUT:
            await self._call(self.haptics.light_impact)

    async def _call(self, method: Callable[[], Awaitable[Any]]) -> None:
        """A service call the pause can live without: a client that can't answer is no failure."""
        try:
            await method()
        except Exception:
            log.info("service call %s failed", getattr(method, "__name__", method), exc_info=True)

    def _set_bar(self, fraction: float, ms: int) -> None:
        self.bar.width = round(self.track_width * min(1.0, max(0.0, fraction)), 1)
        self.bar.animate = ft.Animation(ms, ft.AnimationCurve.LINEAR)

    def _cancel_loop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    # --- verbs from the user ------------------------------------------------------------------

    def _toggle_hold(self, e: Any = None) -> None:
        ft.context.disable_auto_update()  # this view sends its own single update
        if self.session.status == RUNNING:
            self.hold()
        elif self.session.status == PAUSED:
            self.resume()

    def hold(self) -> None:
        if not self.session.pause():
            return
        self._cancel_loop()
        t = self.ctx.t
        # Settle the guide where it is now instead of letting it drift to the phase's end.
        self._scale = self._scale_now()
        self.circle.scale = self._scale
        self.circle.animate_scale = ft.Animation(FREEZE_MS, ft.AnimationCurve.EASE_OUT)
        self._set_bar(self.session.elapsed() / self.session.planned_seconds, FREEZE_MS)
        self.phase_word.value = t("pause.run.paused")
        self.time_left.value = t("pause.run.left", time=format_time_left(self.session.remaining()))
        self._relabel_hold(t("pause.run.resume"), ft.Icons.PLAY_ARROW)
        self.root.update()

    def _scale_now(self) -> float:
        """Where the client's eased animation has the circle at this moment (close enough)."""
        if self._paint_ms <= 0:
            return self._scale
        done = (self.session.elapsed() - self._painted_at) / (self._paint_ms / 1000)
        done = min(1.0, max(0.0, done))
        eased = done * done * (3 - 2 * done)  # smoothstep, near Flutter's ease-in-out
        return round(self._from_scale + (self._scale - self._from_scale) * eased, 3)

    def resume(self) -> None:
        if not self.session.resume():
            return
        self._relabel_hold(self.ctx.t("pause.run.hold"), ft.Icons.PAUSE)
        self._start_loop()

    def _relabel_hold(self, text: str, icon: Any) -> None:
        button: Any = self.hold_button
        button.content = text
        button.icon = icon

    def _on_stop(self, e: Any = None) -> None:
        ft.context.disable_auto_update()  # this view sends its own single update
        self.stop()

    def stop(self) -> None:
        self._cancel_loop()
        if self.session.stop() is not None:
            self._show_end()

    def leave(self) -> None:
        """The user left the screen or closed the app: end the loop, keep what was taken."""
        self._cancel_loop()
        self.session.stop()
        # After a disconnect there is no client to tell (and no connection to run a task on).
        if self.ctx.page.session.connection is not None:
            self._release_wakelock()

    # --- after the pause ----------------------------------------------------------------------

    def _show_end(self) -> None:
        t = self.ctx.t
        done = self.session.status == FINISHED
        rates: list[ft.Control] = [
            ft.OutlinedButton(
                # The number is what the eye needs; a screen reader hears the whole phrase.
                content=ft.Text(str(n), size=18, semantics_label=t("pause.rate.value", n=n)),
                style=ft.ButtonStyle(padding=ft.Padding.all(0)),
                key=f"pause-rate-{n}",
                on_click=lambda e, n=n: self.rate(n),
                width=TOUCH + 8,
                height=TOUCH + 8,
            )
            for n in range(11)
        ]
        self.root.content = ft.Column(
            [
                ft.Icon(ft.Icons.SPA, size=48, color=ft.Colors.PRIMARY),
                ft.Semantics(
                    live_region=True,
                    content=body_text(
                        t("pause.run.done" if done else "pause.run.stopped"),
                        size=20,
                        key="pause-end",
                        text_align=ft.TextAlign.CENTER,
                    ),
                ),
                heading(t("pause.rate.question"), size=22),
                body_text(t("pause.rate.scale"), text_align=ft.TextAlign.CENTER),
                ft.Row(rates, wrap=True, spacing=8, run_spacing=8),
                ft.OutlinedButton(
                    content=t("pause.rate.skip"),
                    key="pause-rate-skip",
                    on_click=self._skip,
                    height=TOUCH + 8,
                ),
            ],
            spacing=GAP,
            horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        )
        self.root.update()
        self._release_wakelock()

    def rate(self, rating: int) -> None:
        ft.context.disable_auto_update()  # this view sends its own single update
        self.session.rate(rating)
        self.ctx.navigate("/")

    def _skip(self, e: Any = None) -> None:
        ft.context.disable_auto_update()  # this view sends its own single update
        self.ctx.navigate("/")


def _track_width(page: ft.Page) -> float:
    """The progress track spans the content width (phone-sized, never wider than MAX_WIDTH)."""
    width = page.width or 390
    return float(min(width, MAX_WIDTH) - 2 * GAP)


def session_services(ctx: AppContext) -> tuple[ft.HapticFeedback, ft.Wakelock]:
    """One haptic and one wakelock service per session, registered with the client only once."""
    found = ctx.memory.get("pause.services")
    if found is None:
        # Services are dropped when nothing holds them; the session's memory holds these.
        found = ctx.memory["pause.services"] = (ft.HapticFeedback(), ft.Wakelock())
    return found


def build(ctx: AppContext) -> ft.Control:
    view = PauseRunView(ctx)
    view.begin()
    return view.root


ROUTES = {"/pause/run": build}
