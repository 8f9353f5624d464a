"""Agenda's: each imported calendar with its events, last import and the weight it carries.

What reads or imports calendars is loaded once there is one (or one is chosen): its libraries
are large, and the planner opens without them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

import flet as ft
from babel.dates import format_datetime

from domain.plan.calendar.sources import CalendarSource
from domain.plan.items import AREAS, ENERGIES
from views.plan.controls import row_of
from views.plan.imported import menu_button
from views.shell.context import AppContext
from views.shell.theme import TOUCH
from views.shell.widgets import body_text, card, heading


def sources_section(ctx: AppContext, sources: Iterable[CalendarSource]) -> ft.Control:
    """The list under Plannen, or a word on what importing brings when there is none yet."""
    parts: list[ft.Control] = [heading(ctx.t("plan.calendar.sources"), size=20)]
    cards = [source_card(ctx, source) for source in sources]
    if not cards:
        parts.append(body_text(ctx.t("plan.calendar.sources.empty"), size=15))
    parts += cards
    return ft.Container(key="plan-sources", content=ft.Column(parts, spacing=8))


def source_card(ctx: AppContext, source: CalendarSource) -> ft.Control:
    from storage.calendar_repository import CalendarRepository
    from views.plan.calendar_import import import_calendars, remove_source

    t = ctx.t
    when = format_datetime(source.imported_at, "d MMMM y, HH:mm", locale=ctx.lang)
    lines: list[ft.Control] = [
        ft.Row(
            [
                ft.Icon(ft.Icons.CALENDAR_MONTH_OUTLINED, color=ft.Colors.PRIMARY),
                ft.Text(source.label, size=18, weight=ft.FontWeight.W_600, expand=True, no_wrap=False, key=f"plan-source-{source.id}"),
            ]
        ),
        body_text(t("plan.calendar.source.summary", n=source.events, when=when), size=15),
    ]  # fmt: skip
    if source.calendar_name and source.calendar_name != source.file_name:
        lines.append(body_text(t("plan.calendar.source.file", file=source.file_name), size=14))

    def save(**changes: object) -> None:
        CalendarRepository(ctx.store).save_source(replace(source, **changes))  # type: ignore[arg-type]
        ctx.refresh()
        ctx.notify(t("plan.calendar.source.saved"))

    energy = choice_menu(ctx, source, "energy", ENERGIES, source.energy, lambda v: save(energy=v))
    area = choice_menu(ctx, source, "area", AREAS, source.area, lambda v: save(area=v))
    free = ft.Switch(
        label=t("plan.calendar.source.free_days"),
        value=source.free_days,
        key=f"plan-source-free-{source.id}",
        on_change=lambda e: save(free_days=bool(e.control.value)),
    )
    buttons = row_of(
        ft.OutlinedButton(
            content=t("plan.calendar.source.reimport"),
            icon=ft.Icons.REFRESH,
            key=f"plan-source-reimport-{source.id}",
            on_click=lambda e: ctx.page.run_task(import_calendars, ctx, source),
            height=TOUCH,
        ),
        ft.TextButton(
            content=t("plan.calendar.source.remove"),
            icon=ft.Icons.DELETE_OUTLINE,
            key=f"plan-source-remove-{source.id}",
            on_click=lambda e: remove_source(ctx, source),
            height=TOUCH,
        ),
    )
    return card(*lines, row_of(energy, area), free, buttons)


def choice_menu(
    ctx: AppContext,
    source: CalendarSource,
    name: str,
    values: tuple[str, ...],
    value: str,
    on_choose: Callable[[str], None],
) -> ft.Control:
    """ "Energie van deze afspraken: Gemiddeld" as a button that opens the choices."""
    t = ctx.t
    label = f"{t(f'plan.calendar.source.{name}')}: {t(f'plan.{name}.{value}')}"
    items = [
        ft.PopupMenuItem(
            content=t(f"plan.{name}.{v}"),
            checked=v == value,
            key=f"plan-source-{name}-{v}-{source.id}",
            on_click=lambda e, v=v: on_choose(v),
        )
        for v in values
    ]
    face = ft.Container(
        content=ft.Row(
            [ft.Text(label, size=15, no_wrap=False), ft.Icon(ft.Icons.ARROW_DROP_DOWN)], tight=True
        ),
        padding=ft.Padding.symmetric(horizontal=12, vertical=14),
        border=ft.Border.all(1, ft.Colors.OUTLINE),
        border_radius=8,
    )
    return menu_button(label, face, items, key=f"plan-source-{name}-{source.id}")
