"""Smaller planner pieces: the pause offer after a task, rhythm and recovery rules."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import flet as ft
from babel.dates import get_day_names

from domain.plan.recurrence import repeat_of, rule_at_text
from domain.plan.state import PlannerState
from views.plan.common import row_of
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH
from views.shell.widgets import body_text, icon_action

log = logging.getLogger("adempauze.planner")


def between_offer(
    ctx: AppContext, on_start: Callable[..., Any], on_skip: Callable[..., Any]
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


def rhythm_note(ctx: AppContext) -> ft.Control:
    """The rhythm the agenda is checked against, and where to change it."""
    s = ctx.settings
    return ft.Row(
        [
            ft.Icon(ft.Icons.BEDTIME_OUTLINED, size=20),
            ft.Text(
                ctx.t("plan.rhythm", bed=s.bedtime, wake=s.wake_time, screens=s.screens_off),
                size=15,
                expand=True,
                no_wrap=False,
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
    )


def rules_section(
    ctx: AppContext, state: PlannerState, on_delete: Callable[[str, str], None]
) -> ft.Control:
    """The repeating recovery moments, each with a way to remove it."""
    rows: list[ft.Control] = [ft.Text(ctx.t("plan.rule.list"), size=18, weight=ft.FontWeight.W_600)]
    for rule in state.rules:
        repeat, days = repeat_of(rule)
        summary = ctx.t(
            "plan.rule.summary",
            repeat=ctx.t(f"plan.rule.repeat.{repeat}"),
            time=rule_at_text(rule),
            minutes=rule.minutes,
        )
        if repeat == "days":
            names = get_day_names("abbreviated", locale=ctx.lang)
            summary += " (" + ", ".join(names[d] for d in days) + ")"
        rows.append(
            ft.Row(
                [
                    ft.Icon(ft.Icons.SPA_OUTLINED, size=20),
                    ft.Column(
                        [ft.Text(rule.title, size=16, no_wrap=False), ft.Text(summary, size=14, no_wrap=False)],
                        spacing=0,
                        expand=True,
                    ),
                    icon_action(
                        ft.Icons.DELETE_OUTLINE,
                        ctx.t("plan.rule.delete", title=rule.title),
                        lambda e, r=rule: on_delete(r.id, r.title),
                        key=f"plan-rule-delete-{rule.id}",
                    ),
                ]
            )
        )  # fmt: skip
    return ft.Column(rows, spacing=8, visible=bool(state.rules), key="plan-rules")
