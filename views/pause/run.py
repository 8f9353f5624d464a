"""The running pause: a breathing guide the client animates, with one update per phase."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import Any

import flet as ft

from domain.pause.kinds import BREATH_IN, BREATH_OUT, fit_seconds
from domain.pause.record import PauseRecord
from domain.pause.schedule import Phase
from domain.pause.session import FINISHED, PAUSED, RUNNING, PauseSession
from storage import StorageError
from storage.pause_repository import PauseRepository
from views.pause.guide import PauseGuide
from views.pause.rating import rating_panel
from views.pause.state import pause_screen
from views.shell.context import AppContext
from views.shell.theme import GAP

log = logging.getLogger("adempauze.pause")

DESKTOP = {ft.PagePlatform.WINDOWS, ft.PagePlatform.MACOS, ft.PagePlatform.LINUX}


class PauseKeeper:
    """Saves through the repository; a store that cannot take it must not end the pause badly."""

    # The walk-through's SavingRepository guards its saves the same way; the two keep different
    # records through different repositories, and each says in its own words what was lost.
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
        state = pause_screen(ctx)
        self.timing = state.timing
        request = ctx.take_pause_request()
        kind = state.kind(request.kind)
        keeper = PauseKeeper(
            PauseRepository(ctx.store), lambda: ctx.notify(ctx.t("pause.not_saved"))
        )
        self.session = PauseSession(
            kind, fit_seconds(kind, request.seconds), self.timing.clock, keeper
        )
        page = ctx.page
        desktop_browser = bool(page.web) and page.platform in DESKTOP
        wants_haptics = ctx.settings.haptics and not desktop_browser
        self.haptics = ctx.services.haptics if wants_haptics else None
        self.wakelock = ctx.services.wakelock
        self._task: Future[Any] | None = None
        self._wakelock_on = False
        self._shown: int | None = None  # the phase on screen; None: paint the next one
        self._cue_next = False
        self.guide = PauseGuide(
            ctx.translator,
            self.session,
            page_width=page.width,
            reduce_motion=state.wants_less_motion(ctx.settings),
            on_stop=self._on_stop,
            on_hold=self._on_hold,
        )
        self.root = ft.Container(content=self.guide.root, padding=GAP)
        ctx.on_leave(self.leave)

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
                # Everything a phase changes goes out as one patch; the client animates the rest.
                self.guide.show_phase(phase, session)
                self.root.update()
                if self._cue_next:
                    await self._cue(phase)
                self._cue_next = True
            await self.timing.sleep(session.seconds_to_next_phase())
        if session.finish_if_due() is not None or session.status == FINISHED:
            self._show_end()

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

    def _cancel_loop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    # --- verbs from the user ------------------------------------------------------------------

    def _on_hold(self, e: ft.Event[ft.OutlinedButton]) -> None:
        ft.context.disable_auto_update()  # this view sends its own single update
        if self.session.status == RUNNING:
            self.hold()
        elif self.session.status == PAUSED:
            self.resume()

    def hold(self) -> None:
        if not self.session.pause():
            return
        self._cancel_loop()
        self.guide.show_held(self.session)
        self.root.update()

    def resume(self) -> None:
        if not self.session.resume():
            return
        # Sent with the next phase's patch, which the loop paints straight away.
        self.guide.show_resumed()
        self._start_loop()

    def _on_stop(self, e: ft.Event[ft.Button]) -> None:
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
        self.root.content = rating_panel(
            self.ctx.translator,
            finished=self.session.status == FINISHED,
            on_rate=self.rate,
            on_skip=self._on_skip,
        )
        self.root.update()
        self._release_wakelock()

    def rate(self, rating: int) -> None:
        ft.context.disable_auto_update()  # this view sends its own single update
        self.session.rate(rating)
        self.ctx.navigate("/")

    def _on_skip(self, e: ft.Event[ft.OutlinedButton]) -> None:
        ft.context.disable_auto_update()  # this view sends its own single update
        self.ctx.navigate("/")


def build(ctx: AppContext) -> ft.Control:
    view = PauseRunView(ctx)
    view.begin()
    return view.root
