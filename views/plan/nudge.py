"""The planner's quiet offers of a pause: a recovery moment come due, and a pause between tasks.

Kept apart from the planner screens (and light to import): the shell draws the nudge on the first
screen, before anything else of the planner is needed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import flet as ft

from domain.plan.items import AgendaItem
from domain.plan.reminders import Reminder, due_reminder
from domain.plan.state import PlannerState
from storage.reminder_repository import ReminderChoiceRepository
from views.plan.controls import row_of
from views.plan.reminders import plan_now
from views.plan.state import plan_screen, reminder_plan
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH
from views.shell.widgets import body_text

log = logging.getLogger("adempauze.planner")

NUDGE_CHECK_SECONDS = 20  # a reminder is due for ten minutes; a look every 20 s is soon enough


class NudgeBar:
    """A quiet line that appears when a reminder of the plan comes due while the app is open.

    It follows the session's one reminder plan (`views.plan.reminders.plan_now`), the same the
    phone is handed. "Pauze nu" takes the moment and starts its pause, unless `on_pause` says
    otherwise; "Later" brings it back in ten minutes (once); "Niet vandaag" lets it go.
    """

    def __init__(
        self,
        ctx: AppContext,
        state: PlannerState,
        on_pause: Callable[[AgendaItem], None] | None = None,
    ) -> None:
        self.ctx, self.state = ctx, state
        self.on_pause = on_pause or self.take
        self.screen = plan_screen(ctx)
        self.reminder: Reminder | None = None
        self._task: Future[Any] | None = None
        self.text = ft.Text("", size=17, no_wrap=False, key="plan-nudge-text")
        self.later = ft.TextButton(
            content=ctx.t("plan.nudge.later"), key="nudge-later", on_click=self._later, height=TOUCH
        )
        self.root = ft.Container(
            key="plan-nudge",
            visible=False,
            bgcolor=ft.Colors.SECONDARY_CONTAINER,
            border_radius=12,
            padding=GAP,
            content=ft.Column(
                [
                    ft.Semantics(live_region=True, content=self.text),
                    row_of(
                        # the same words as the floating pause button: it does the same
                        ft.FilledButton(
                            content=ctx.t("app.pause_now"),
                            icon=ft.Icons.SPA,
                            key="plan-nudge-pause",
                            on_click=self._pause,
                            height=TOUCH,
                        ),
                        self.later,
                        ft.TextButton(
                            content=ctx.t("plan.nudge.not_today"),
                            key="nudge-skip",
                            on_click=self._not_today,
                            height=TOUCH,
                        ),
                    ),
                ],
                spacing=8,
            ),
        )

    @property
    def moment(self) -> AgendaItem | None:
        """The recovery moment the nudge shows, if any."""
        if self.reminder is None:
            return None
        return reminder_plan(self.ctx).moments.get(self.reminder.moment_id)

    def check(self, update: bool = True) -> None:
        """Show the nudge when the plan has a reminder due now; hide it when none is."""
        due = due_reminder(plan_now(self.ctx, self.state), self.ctx.now())
        if due == self.reminder:
            return
        self.show(due)
        if update:
            self.root.update()

    def show(self, reminder: Reminder | None) -> None:
        self.reminder = reminder
        self.root.visible = reminder is not None
        self.text.value = self.ctx.t("plan.nudge.text", title=reminder.title) if reminder else ""
        # "Later" once per moment: the second time it would change nothing.
        self.later.visible = reminder is not None and not self.screen.snoozed(reminder.moment_id)

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

    def take(self, moment: AgendaItem) -> None:
        """Remember the moment as taken and start the pause its rule asks for."""
        self.ctx.start_pause(self.state.take_moment(moment))

    def _pause(self, e: ft.Event[ft.Button]) -> None:
        moment = self.moment
        if moment is not None:
            self.on_pause(moment)

    def _later(self, e: ft.Event[ft.TextButton]) -> None:
        if self.reminder is not None:
            self.screen.later(
                self.reminder.moment_id, self.ctx.now(), ReminderChoiceRepository(self.ctx.store)
            )
        self.check()

    def _not_today(self, e: ft.Event[ft.TextButton]) -> None:
        if self.reminder is not None:
            self.screen.not_today(
                self.reminder.moment_id, self.ctx.now(), ReminderChoiceRepository(self.ctx.store)
            )
        self.check()


def between_offer(
    ctx: AppContext,
    on_start: ft.ControlEventHandler[ft.Button],
    on_skip: ft.ControlEventHandler[ft.TextButton],
) -> ft.Control:
    """After marking something done: the pause between two tasks, offered, never pushed."""
    return ft.Container(
        key="plan-between",
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=12,
        padding=GAP,
        content=ft.Column(
            [
                ft.Text(ctx.t("plan.between.title"), size=18, weight=ft.FontWeight.W_600),
                body_text(ctx.t("plan.between.body"), size=16),
                row_of(
                    ft.FilledButton(content=ctx.t("plan.between.start"), icon=ft.Icons.SPA, key="plan-between-pause", on_click=on_start, height=TOUCH),
                    ft.TextButton(content=ctx.t("plan.between.skip"), key="plan-between-skip", on_click=on_skip, height=TOUCH),
                ),
            ],
            spacing=8,
        ),
    )  # fmt: skip
