"""The pause history on the Pauze screen: this week in kind words, 8 weeks in bars, tension."""

from __future__ import annotations

import flet as ft
import flet_charts as fch
from babel.numbers import format_decimal

from domain.pause.history import WeekSummary, last_weeks, tension_trend
from storage.pause_repository import PauseRepository
from views.shell.context import AppContext
from views.shell.theme import GAP
from views.shell.widgets import body_text, heading


def count_words(ctx: AppContext, key: str, n: int) -> str:
    """'1 herstelmoment' / '9 herstelmomenten': the catalogue holds both forms."""
    return ctx.t(f"{key}.{'one' if n == 1 else 'other'}", n=n)


def week_sentence(ctx: AppContext, week: WeekSummary) -> str:
    return ctx.t(
        "pause.history.week",
        moments=count_words(ctx, "pause.history.moments", week.moments),
        minutes=count_words(ctx, "pause.history.minutes", week.minutes),
    )


def history_section(ctx: AppContext) -> ft.Control:
    now = ctx.now()
    weeks = last_weeks(PauseRepository(ctx.store).recent(now), now)
    return ft.Column(
        [
            heading(ctx.t("pause.history.title"), size=22),
            body_text(week_sentence(ctx, weeks[-1]), size=20, key="pause-week"),
            body_text(ctx.t("pause.history.counts"), size=15),
            _chart(ctx, weeks),
            body_text(_tension_text(ctx, weeks), key="pause-tension"),
        ],
        spacing=GAP // 2,
    )


def _week_number(week: WeekSummary) -> int:
    return week.week_start.isocalendar()[1]


def _chart(ctx: AppContext, weeks: list[WeekSummary]) -> ft.Control:
    # Said in words for screen readers; the bars are for the eye.
    spoken = "; ".join(
        ctx.t(
            "pause.history.week_label",
            n=_week_number(week),
            moments=count_words(ctx, "pause.history.moments", week.moments),
        )
        for week in weeks
    )
    top = max([week.moments for week in weeks] + [3])
    chart = fch.BarChart(
        groups=[
            fch.BarChartGroup(
                x=index,
                rods=[
                    fch.BarChartRod(
                        to_y=week.moments,
                        width=18,
                        color=ft.Colors.PRIMARY,
                        border_radius=4,
                        bg_to_y=top,
                        bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST,
                    )
                ],
            )
            for index, week in enumerate(weeks)
        ],
        bottom_axis=fch.ChartAxis(
            labels=[
                fch.ChartAxisLabel(
                    value=index,
                    label=ft.Text(ctx.t("pause.history.week_short", n=_week_number(week)), size=12),
                )
                for index, week in enumerate(weeks)
            ],
            label_size=28,
        ),
        left_axis=fch.ChartAxis(label_size=28),
        max_y=top,
        interactive=False,
        height=180,
        key="pause-chart",
    )
    return ft.Column(
        [
            body_text(ctx.t("pause.history.chart"), size=15),
            ft.Semantics(label=spoken, content=chart),
        ],
        spacing=4,
    )


def _tension_text(ctx: AppContext, weeks: list[WeekSummary]) -> str:
    rated = [(week, week.average_rating) for week in weeks if week.average_rating is not None]
    if not rated:
        return ctx.t("pause.history.tension.none")
    latest, average = rated[-1]
    value = format_decimal(average, format="0.#", locale=ctx.lang)
    text = ctx.t("pause.history.tension.average", n=_week_number(latest), value=value)
    trend = tension_trend(weeks)
    if trend is not None:
        text += " " + ctx.t(f"pause.history.tension.{trend}")
    return text
