"""The running pause: a breathing guide the client animates, with one update per phase."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import Any

import flet as ft

from domain.pause.cues import BELL, cues_for, phase_cue
from domain.pause.kinds import BREATH_IN, BREATH_OUT, fit_seconds
from domain.pause.record import PauseRecord
from domain.pause.schedule import Phase
from domain.pause.session import FINISHED, PAUSED, RUNNING, PauseSession
from storage import StorageError
from storage.pause_repository import PauseRepository
from views.pause.guide import PauseGuide
from views.pause.rating import rating_panel
from views.pause.sound import remember_sound
from views.pause.state import pause_screen
from views.shell.context import AppContext
from views.shell.theme import GAP

log = logging.getLogger("adempauze.pause")

DESKTOP = {ft.PagePlatform.WINDOWS, ft.PagePlatform.MACOS, ft.PagePlatform.LINUX}
# The tap sends the guide's top (circle, phase word, time left) on its own, and the bar and the
# buttons this much later with the first phase's patch: the client draws the breath first
# (a whole screen at once took it about 50 ms longer; docs/BENCHMARKS.md, Pauze, first tap).
LOWER_AFTER = 0.12


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
        self.cues = state.cues
        self._task: Future[Any] | None = None
        self._wakelock_on = False
        self._shown: int | None = None  # the phase on screen; None: paint the next one
        self._cue_next = False  # whether the next phase painted gets its haptic cue
        self._sound_next = False  # whether it gets its sound cue
        self._sound_refused = False
        self._playing: set[asyncio.Future[None]] = set()
        if ctx.settings.sound:
            # Loaded before the first phase is painted, so no cue ever waits for its file.
            self.cues.load(cues_for(kind, self.session.phases))
        else:
            self.cues.drop()
        # With no client drawing (view tests set no first-paint delay), all goes out at once;
        # so it does when the guide's first look is on screen already (views/pause/ready.py).
        drawn = ctx.first_paint_delay <= 0 or request.shown_ahead
        self._lower_after = 0.0 if drawn else LOWER_AFTER
        self.guide = PauseGuide(
            ctx.translator,
            self.session,
            page_width=page.width,
            reduce_motion=state.wants_less_motion(ctx.settings),
            on_stop=self._on_stop,
            on_hold=self._on_hold,
            sound=ctx.settings.sound,
            on_sound=self._on_sound,
            lower_later=self._lower_after > 0,
        )
        self.root = ft.Container(content=self.guide.root, padding=GAP)
        # Back from a screen that was off or another app: the guide jumps to where the pause is.
        self._lifecycle_before = page.on_app_lifecycle_state_change
        page.on_app_lifecycle_state_change = self._on_lifecycle
        ctx.on_leave(self.leave)

    # --- the loop -----------------------------------------------------------------------------

    def begin(self) -> None:
        self.session.start(self.ctx.now())
        # Eyes may close right after the tap: the first breath gets its tone (not a buzz).
        self._start_loop(sound_first=True)
        self._wakelock_on = True
        self.ctx.page.run_task(self._keep_awake)

    async def _keep_awake(self) -> None:
        # After the guide's top is drawn: in a browser the first call also loads a script, and
        # the client answering it delayed the breath on the first tap.
        await asyncio.sleep(self._lower_after)
        if self._wakelock_on:
            await self._call(self.wakelock.enable)

    def _release_wakelock(self) -> None:
        if not self._wakelock_on:
            return
        self._wakelock_on = False
        self.ctx.page.run_task(self._call, self.wakelock.disable)

    def _start_loop(self, sound_first: bool = False) -> None:
        self._shown = None
        # The tap that starts or resumes is its own cue; the first phase needs no buzz, and a
        # phase picked up halfway (after a hold or a screen that was off) no tone either.
        self._cue_next = False
        self._sound_next = sound_first
        self._task = self.ctx.page.run_task(self._run)

    async def _run(self) -> None:
        session = self.session
        if self.guide.lower_pending:
            # Real time, not the pause's clock: this waits for the client to draw the top.
            await asyncio.sleep(self._lower_after)
            self.guide.add_lower()  # goes out with the first phase's patch
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
                if self._sound_next:
                    await self._sound(phase_cue(session.kind, phase))
                if self._cue_next:
                    await self._cue(phase)
                self._cue_next = self._sound_next = True
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

    async def _sound(self, cue: str | None) -> None:
        """Send the phase's tone right behind its patch, without waiting for the client."""
        if cue is None or not self.ctx.settings.sound or self._sound_refused:
            return
        playing = asyncio.ensure_future(self._play(cue))
        self._playing.add(playing)
        playing.add_done_callback(self._playing.discard)
        await asyncio.sleep(0)  # lets the play call go out before anything else

    async def _play(self, cue: str) -> None:
        try:
            await self.cues.play(cue)
        except Exception:
            # A browser may refuse sound it did not see a tap for: go on in silence, say so once.
            log.info("the cue %s was not played", cue, exc_info=True)
            if not self._sound_refused:
                self._sound_refused = True
                self.ctx.notify(self.ctx.t("pause.sound.refused"))

    async def _call(self, method: Callable[[], Awaitable[Any]]) -> None:
        """A service call the pause can live without: a client that can't answer is no failure."""
        try:
            await method()
        except Exception:
            log.info("service call %s failed", getattr(method, "__name__", method), exc_info=True)

    def _on_lifecycle(self, e: ft.AppLifecycleStateChangeEvent) -> None:
        ft.context.disable_auto_update()  # this view sends its own single update
        if e.state in (ft.AppLifecycleState.SHOW, ft.AppLifecycleState.RESUME):
            self.catch_up()

    def catch_up(self) -> None:
        """Show where the pause truly is now, or its end when it finished meanwhile.

        A phone that slept may have held the loop's sleep back; the clock did not stop, so the
        loop starts afresh and paints the phase of this moment in one patch.
        """
        if self.session.status != RUNNING:
            return
        self._cancel_loop()
        self._start_loop()

    def _on_sound(self, e: ft.Event[ft.Switch]) -> None:
        ft.context.disable_auto_update()  # the switch shows its own state on the client
        self.switch_sound(bool(e.control.value))

    def switch_sound(self, on: bool) -> None:
        """Geluid on or off from the running pause: kept as the setting, heard from the next phase."""
        remember_sound(self.ctx, on)
        if on:
            self._sound_refused = False
            self.cues.load(cues_for(self.session.kind, self.session.phases))
        else:
            self.cues.drop()

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
        page = self.ctx.page
        if page.on_app_lifecycle_state_change == self._on_lifecycle:
            page.on_app_lifecycle_state_change = self._lifecycle_before
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
        if self.session.status == FINISHED:
            self.ctx.page.run_task(self._sound, BELL)
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
