"""The quiet nudge that appears wherever the app is open when a recovery moment comes due.

Kept apart from the planner screens (and light to import): the shell draws it on the first
screen, before anything of the planner is needed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date
from typing import Any

import flet as ft

from domain.plan.items import AgendaItem
from domain.plan.rhythm import Rhythm
from domain.plan.state import PlannerState
from storage.planner_repository import PlannerRepository
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH

log = logging.getLogger("adempauze.planner")


def planner_state(ctx: AppContext, around: date | None = None) -> PlannerState:
    """The planner over this session's store, with capacity and rhythm from the settings.

    `around` is the day the screen shows: its week (and the days after it) are read from storage.
    """
    settings = ctx.settings
    rhythm = Rhythm.from_texts(settings.bedtime, settings.wake_time, settings.screens_off)
    return PlannerState(
        PlannerRepository(ctx.store), settings.daily_capacity_hours, rhythm, around=around
    )


NUDGE_CHECK_SECONDS = 20  # a moment is due for ten minutes; a look every 20 s is soon enough


class NudgeBar:
    """A quiet line that appears when a recovery moment comes due while the app is open."""

    def __init__(
        self, ctx: AppContext, state: PlannerState, on_pause: Callable[[AgendaItem], None]
    ) -> None:
        self.ctx, self.state, self.on_pause = ctx, state, on_pause
        self.moment: AgendaItem | None = None
        self._task: Future[Any] | None = None
        self.text = ft.Text("", size=17, no_wrap=False, key="plan-nudge-text")
        self.root = ft.Container(
            key="plan-nudge",
            visible=False,
            bgcolor=ft.Colors.SECONDARY_CONTAINER,
            border_radius=12,
            padding=GAP,
            content=ft.Column(
                [
                    ft.Semantics(live_region=True, content=self.text),
                    ft.Row(
                        [
                            ft.FilledButton(
                                content=ctx.t("plan.nudge.pause"),
                                icon=ft.Icons.SPA,
                                key="plan-nudge-pause",
                                on_click=self._pause,
                                height=TOUCH,
                            ),
                            ft.TextButton(
                                content=ctx.t("plan.nudge.later"),
                                key="plan-nudge-later",
                                on_click=self._later,
                                height=TOUCH,
                            ),
                        ],
                        wrap=True,
                        spacing=8,
                        run_spacing=8,
                    ),
                ],
                spacing=8,
            ),
        )

    def _dismissed(self) -> set[str]:
        found: set[str] = self.ctx.memory.setdefault("plan.dismissed", set())
        return found

    def check(self, update: bool = True) -> None:
        """Show the nudge when a moment is due and not waved away; hide it when none is."""
        due = self.state.due_moment(self.ctx.now(), tuple(self._dismissed()))
        if (due.id if due else None) == (self.moment.id if self.moment else None):
            return
        self.show(due)
        if update:
            self.root.update()

    def show(self, moment: AgendaItem | None) -> None:
        self.moment = moment
        self.root.visible = moment is not None
        self.text.value = self.ctx.t("plan.nudge.text", title=moment.title) if moment else ""

    def watch(self) -> None:
        """Look again every little while, for as long as the screen is open."""
        self._task = self.ctx.page.run_task(self._watch)
        self.ctx.on_leave(self.stop)

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(NUDGE_CHECK_SECONDS)
            try:
                self.check()
            except Exception:  # a failed look must never end the screen; look again next time
                log.exception("checking for a due recovery moment failed")

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _pause(self, e: Any = None) -> None:
        if self.moment is not None:
            self.on_pause(self.moment)

    def _later(self, e: Any = None) -> None:
        if self.moment is not None:
            self._dismissed().add(self.moment.id)
        self.show(None)
        self.root.update()
