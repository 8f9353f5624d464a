"""The pause history on the Pauze screen: this week in kind words, 8 weeks in bars, tension,
and what helps: how tense the user felt after each kind of pause."""

from __future__ import annotations

import flet as ft
import flet_charts as fch
from babel.numbers import format_decimal

from domain.pause.history import (
    KindTension,
    WeekSummary,
    last_weeks,
    tension_after_kinds,
    tension_trend,
)
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
    records = PauseRepository(ctx.store).recent(now)
    weeks = last_weeks(records, now)
    return ft.Column(
        [
            heading(ctx.t("pause.history.title"), size=22),
            body_text(week_sentence(ctx, weeks[-1]), size=20, key="pause-week"),
            body_text(ctx.t("pause.history.counts"), size=15),
            _chart(ctx, weeks),
            body_text(_tension_text(ctx, weeks), key="pause-tension"),
            *_what_helps(ctx, tension_after_kinds(records, now)),
        ],
        spacing=GAP // 2,
    )


def _week_number(week: WeekSummary) -> int:
    return week.week_start.isocalendar()[1]


def _bars(values: list[float], top: float, color: ft.ColorValue) -> list[fch.BarChartGroup]:
    """One soft bar per value, on a track up to `top`."""
    return [
        fch.BarChartGroup(
            x=index,
            rods=[
                fch.BarChartRod(
                    to_y=value,
                    width=18,
                    color=color,
                    border_radius=4,
                    bg_to_y=top,
                    bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST,
                )
            ],
        )
        for index, value in enumerate(values)
    ]


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
        groups=_bars([week.moments for week in weeks], top, ft.Colors.PRIMARY),
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
    value = _number(ctx, average)
    text = ctx.t("pause.history.tension.average", n=_week_number(latest), value=value)
    trend = tension_trend(weeks)
    if trend is not None:
        text += " " + ctx.t(f"pause.history.tension.{trend}")
    return text


def _number(ctx: AppContext, value: float) -> str:
    return format_decimal(value, format="0.#", locale=ctx.lang)


def helps_sentence(ctx: AppContext, found: KindTension) -> str:
    """'Na Rustig ademen: gemiddeld 4 van 10'."""
    kind = ctx.t(f"pause.kind.{found.kind}.name")
    return ctx.t("pause.history.helps.kind", kind=kind, value=_number(ctx, found.average))


def _what_helps(ctx: AppContext, kinds: list[KindTension]) -> list[ft.Control]:
    """Each kind with enough ratings, in the catalogue's order: words first, then small bars.

    Nothing is said until a kind has three ratings; the line above already asks for them.
    """
    if not kinds:
        return []
    sentences = [helps_sentence(ctx, found) for found in kinds]
    chart = fch.BarChart(
        groups=_bars([found.average for found in kinds], 10, ft.Colors.TERTIARY),
        bottom_axis=fch.ChartAxis(
            labels=[
                fch.ChartAxisLabel(
                    value=index,
                    label=ft.Text(
                        ctx.t(f"pause.kind.{found.kind}.name"),
                        size=11,
                        max_lines=2,
                        text_align=ft.TextAlign.CENTER,
                    ),
                )
                for index, found in enumerate(kinds)
            ],
            label_size=36,
        ),
        left_axis=fch.ChartAxis(label_size=28),
        min_y=0,
        max_y=10,
        interactive=False,
        height=150,
        key="pause-helps-chart",
    )
    return [
        heading(ctx.t("pause.history.helps.title"), size=20),
        body_text(ctx.t("pause.history.helps.intro"), size=15),
        *[
            body_text(text, key=f"pause-helps-{found.kind}")
            for text, found in zip(sentences, kinds, strict=True)
        ],
        # The sentences above say it all to a screen reader; the bars are for the eye.
        ft.Semantics(label=ctx.t("pause.history.helps.chart"), content=chart),
    ]
