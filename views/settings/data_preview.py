"""Je gegevens, in words: what a file or the store holds, and why a file was refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import flet as ft

from domain.settings.backup import CheckedBackup, Problem
from views.shell import theme
from views.shell.context import AppContext
from views.shell.theme import GAP
from views.shell.widgets import body_text, heading, primary_button, text_button


def count_lines(ctx: AppContext, counts: dict[str, int]) -> list[str]:
    """What a set of data holds, in words: "1.204 pauzes", "your settings", …"""
    lines = []
    for name in (
        "pauses",
        "agenda_items",
        "recovery_rules",
        "boundaries",
        "selfchecks",
        "calendar_sources",
        "calendar_choices",
        "calendar_answers",
    ):
        if counts.get(name):
            lines.append(ctx.t(f"data.count.{name}", n=number_words(ctx, counts[name])))
    for name in ("walkthrough", "settings"):
        if counts.get(name):
            lines.append(ctx.t(f"data.count.{name}"))
    return lines


def number_words(ctx: AppContext, n: int) -> str:
    """1.204 in Dutch, 1,204 in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if ctx.lang == "nl" else text


def day_words(ctx: AppContext, day: date) -> str:
    return day.strftime("%d-%m-%Y") if ctx.lang == "nl" else day.isoformat()


def preview(
    ctx: AppContext,
    checked: CheckedBackup,
    on_replace: Callable[[], None],
    on_cancel: Callable[[], None],
) -> ft.Control:
    """What a checked file holds, with the one button that replaces everything by it."""
    preview = checked.preview
    lines = [ctx.t("data.preview.made_by", version=preview.app_version)]
    if preview.exported_at:
        lines.append(ctx.t("data.preview.made_on", when=preview.exported_at[:10]))
    if preview.first_day and preview.last_day:
        lines.append(
            ctx.t(
                "data.preview.span",
                first=day_words(ctx, preview.first_day),
                last=day_words(ctx, preview.last_day),
            )
        )
    held = count_lines(ctx, preview.counts) or [ctx.t("data.preview.empty")]
    return ft.Container(
        key="data-preview",
        padding=GAP,
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
        border_radius=12,
        content=ft.Column(
            [
                heading(ctx.t("data.preview.title"), size=18),
                *[body_text(line, size=15) for line in lines],
                *[
                    ft.Row([ft.Icon(ft.Icons.CHECK, size=18), body_text(line, expand=True)])
                    for line in held
                ],
                body_text(ctx.t("data.preview.replace_note"), size=15),
                ft.Row(
                    [
                        primary_button(
                            ctx.t("data.preview.replace"),
                            lambda e: on_replace(),
                            key="data-import-confirm",
                            icon=ft.Icons.RESTORE,
                            height=theme.TOUCH + 8,
                        )
                    ]
                ),
                text_button(
                    ctx.t("data.preview.cancel"),
                    lambda e: on_cancel(),
                    key="data-import-cancel",
                ),
            ],
            spacing=GAP // 2,
        ),
    )


def problem_text(ctx: AppContext, problem: Problem) -> str:
    """One refusal in words, with its field path: "collections.pauses[3].started_at: …"."""
    key = problem.key if ctx.translator.has(problem.key) else "data.error.invalid"
    reason = ctx.t(key, **problem.values)
    if not problem.path:
        return reason
    return ctx.t("data.import.problem", path=problem.path, reason=reason)


def refusal(ctx: AppContext, problems: list[Problem]) -> ft.Control:
    shown = problems[:5]
    texts = [problem_text(ctx, p) for p in shown]
    if len(problems) > len(shown):
        texts.append(ctx.t("data.import.more"))
    return ft.Container(
        key="data-import-refused",
        padding=GAP,
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=12,
        content=ft.Column(
            [
                ft.Row(
                    [
                        ft.Icon(ft.Icons.INFO_OUTLINE),
                        body_text(
                            ctx.t("data.import.refused"), expand=True, weight=ft.FontWeight.W_600
                        ),
                    ]
                ),
                *[body_text(text, size=15) for text in texts],
            ],
            spacing=GAP // 2,
        ),
    )
