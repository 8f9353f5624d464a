"""The week at a glance: each day's load drawn as a bar against capacity, Monday first."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

import flet as ft

from domain.plan.overview import DayPlan
from domain.plan.times import format_hhmm
from views.plan.words import day_words, hours_words, short_day
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH

BAR_HEIGHT = 120  # pixels for a day that is exactly at capacity
OVER_ROOM = 0.5  # bars may grow half again above the capacity line, then they are capped


def week_bars(ctx: AppContext, plans: list[DayPlan], on_open: Callable[[date], None]) -> ft.Control:
    """Seven bars with a capacity line; tapping a bar opens that day."""
    full = BAR_HEIGHT * (1 + OVER_ROOM)
    columns: list[ft.Control] = []
    spoken: list[str] = []
    for plan in plans:
        ratio = plan.load / plan.capacity if plan.capacity else 0.0
        height = max(4.0, min(ratio, 1 + OVER_ROOM) * BAR_HEIGHT) if plan.load else 4.0
        load = hours_words(ctx, plan.load)
        spoken.append(ctx.t("plan.week.bar_day", day=short_day(ctx, plan.day), load=load))
        bar = ft.Stack(
            [
                ft.Container(
                    bgcolor=ft.Colors.TERTIARY if plan.over else ft.Colors.PRIMARY,
                    border_radius=ft.BorderRadius.only(top_left=6, top_right=6),
                    height=height,
                    left=6,
                    right=6,
                    bottom=0,
                ),
                # the capacity line, the same height on every day
                ft.Container(
                    bgcolor=ft.Colors.OUTLINE, height=2, left=0, right=0, bottom=BAR_HEIGHT
                ),
            ],
            height=full,
        )
        columns.append(
            ft.Container(
                expand=True,
                key=f"plan-week-day-{plan.day.isoformat()}",
                on_click=lambda e, d=plan.day: on_open(d),
                ink=True,
                border_radius=8,
                content=ft.Column(
                    [
                        ft.Text(load, size=13, text_align=ft.TextAlign.CENTER),
                        bar,
                        ft.Text(short_day(ctx, plan.day), size=13, text_align=ft.TextAlign.CENTER),
                    ],
                    spacing=2,
                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                ),
            )
        )
    return ft.Semantics(
        label=ctx.t("plan.week.bars", summary=", ".join(spoken)),
        content=ft.Row(columns, spacing=2, key="plan-week-bars"),
    )


def week_list(
    ctx: AppContext,
    plans: list[DayPlan],
    on_open: Callable[[date], None],
    imported: Collection[str] = (),
) -> list[ft.Control]:
    """Each day's heading, load and items in short lines; `imported` names calendar events."""
    parts: list[ft.Control] = []
    for plan in plans:
        load = ctx.t(
            "plan.load", load=hours_words(ctx, plan.load), capacity=hours_words(ctx, plan.capacity)
        )
        heading = day_words(ctx, plan.day)
        if plan.over:
            load += " · " + ctx.t("plan.week.full")
        if plan.free:
            load += " · " + ctx.t("plan.week.free")
        lines: list[ft.Control] = []
        for item in plan.items:
            when = format_hhmm(item.start) if item.start else "·"
            flagged = bool(plan.violations_of(item.id))
            lines.append(
                ft.Row(
                    [
                        ft.Text(when, size=15, width=52),
                        ft.Text(item.title, size=15, expand=True, no_wrap=False,
                                opacity=0.6 if item.done else 1.0),
                        *([ft.Icon(ft.Icons.CALENDAR_MONTH_OUTLINED, size=18, color=ft.Colors.PRIMARY)] if item.id in imported else []),
                        *([ft.Icon(ft.Icons.FLAG_OUTLINED, size=18, color=ft.Colors.TERTIARY)] if flagged else []),
                    ],
                    key=f"plan-week-item-{item.id}",
                    vertical_alignment=ft.CrossAxisAlignment.START,
                )
            )  # fmt: skip
        parts.append(
            ft.Container(
                padding=ft.Padding.only(top=GAP // 2),
                content=ft.Column(
                    [
                        ft.TextButton(
                            content=ctx.t("plan.week.open_day", day=heading),
                            key=f"plan-week-open-{plan.day.isoformat()}",
                            on_click=lambda e, d=plan.day: on_open(d),
                            height=TOUCH,
                        ),
                        ft.Text(load, size=14),
                        *lines,
                        ft.Divider(height=1),
                    ],
                    spacing=4,
                ),
            )
        )
    return parts
