"""Above the agenda: day or week, back to today, and the arrows to the previous or next one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol

import flet as ft

from views.plan.controls import row_of
from views.plan.state import MODES, Mode
from views.plan.words import day_words
from views.shell.context import AppContext
from views.shell.theme import TOUCH
from views.shell.widgets import icon_action


class Show(Protocol):
    """Turn the screen to another day, or to the day or week view."""

    def __call__(self, *, day: date | None = None, mode: Mode | None = None) -> None: ...


def switcher(ctx: AppContext, day: date, mode: Mode, show: Show) -> ft.Control:
    """The day/week choice, "Vandaag", and the title of what is shown between two arrows."""
    t, week = ctx.t, mode == "week"
    step = timedelta(days=7 if week else 1)
    title = t("plan.week.title", week=day.isocalendar()[1]) if week else day_words(ctx, day)
    modes = row_of(
        *[
            (ft.FilledTonalButton if mode == m else ft.TextButton)(
                content=t(f"plan.mode.{m}"), key=f"plan-mode-{m}", height=TOUCH,
                on_click=lambda e, m=m: show(mode=m),
            )
            for m in MODES
        ],
        ft.TextButton(content=t("plan.today"), key="plan-today", height=TOUCH, on_click=lambda e: show(day=ctx.now().date())),  # read at the tap: the screen may have been open since before midnight
    )  # fmt: skip
    prev_key, next_key = (
        ("plan.prev_week", "plan.next_week") if week else ("plan.prev_day", "plan.next_day")
    )
    nav = ft.Row(
        [
            icon_action(ft.Icons.CHEVRON_LEFT, t(prev_key), lambda e: show(day=day - step), key="plan-prev"),
            ft.Text(title, size=20, weight=ft.FontWeight.W_600, expand=True, no_wrap=False, text_align=ft.TextAlign.CENTER, key="plan-view-title"),
            icon_action(ft.Icons.CHEVRON_RIGHT, t(next_key), lambda e: show(day=day + step), key="plan-next"),
        ]
    )  # fmt: skip
    return ft.Column([modes, nav], spacing=4)
