"""Below the agenda: the rhythm it is checked against, and the recovery moments that come back."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft
from babel.dates import get_day_names

from domain.plan.recurrence import RecoveryRule, repeat_of, rule_at_text
from views.shell.context import AppContext
from views.shell.widgets import icon_action


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


def rule_summary(ctx: AppContext, rule: RecoveryRule) -> str:
    """ "Elke werkdag om 10:30, 5 min", with the chosen days named when it has its own days."""
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
    return summary


def rules_section(
    ctx: AppContext, rules: list[RecoveryRule], on_delete: Callable[[RecoveryRule], None]
) -> ft.Control:
    """The repeating recovery moments, each with a way to remove it."""
    rows: list[ft.Control] = [ft.Text(ctx.t("plan.rule.list"), size=18, weight=ft.FontWeight.W_600)]
    for rule in rules:
        rows.append(
            ft.Row(
                [
                    ft.Icon(ft.Icons.SPA_OUTLINED, size=20),
                    ft.Column(
                        [ft.Text(rule.title, size=16, no_wrap=False), ft.Text(rule_summary(ctx, rule), size=14, no_wrap=False)],
                        spacing=0,
                        expand=True,
                    ),
                    icon_action(
                        ft.Icons.DELETE_OUTLINE,
                        ctx.t("plan.rule.delete", title=rule.title),
                        lambda e, r=rule: on_delete(r),
                        key=f"plan-rule-delete-{rule.id}",
                    ),
                ]
            )
        )  # fmt: skip
    return ft.Column(rows, spacing=8, visible=bool(rules), key="plan-rules")
