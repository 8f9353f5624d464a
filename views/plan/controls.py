"""The planner's small controls: a quiet note, an item's warnings, a wide button, a question."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from domain.plan.boundaries import Boundary
from domain.plan.items import AgendaItem
from domain.plan.overview import DayPlan
from views.plan.words import violation_words
from views.shell.context import AppContext
from views.shell.theme import TOUCH


def note(
    text: str, icon: ft.IconData = ft.Icons.INFO_OUTLINE, *, key: str | None = None
) -> ft.Control:
    """A quiet line with an icon: a warning that informs, never alarms."""
    return ft.Row(
        [
            ft.Icon(icon, size=20, color=ft.Colors.TERTIARY),
            ft.Text(text, size=15, expand=True, no_wrap=False),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
        key=key,
    )


def item_warnings(
    ctx: AppContext, item: AgendaItem, plan: DayPlan, boundaries: list[Boundary]
) -> list[ft.Control]:
    """The boundaries an item breaks and the rhythm's flags on it, each as a quiet note."""
    warnings = [
        note(
            violation_words(ctx, v, boundaries),
            ft.Icons.FLAG_OUTLINED,
            key=f"plan-item-warning-{item.id}",
        )
        for v in plan.violations_of(item.id)
    ]
    warnings += [
        note(ctx.t(f"plan.flag.{flag}"), ft.Icons.BEDTIME_OUTLINED)
        for flag in plan.flags.get(item.id, ())
    ]
    return warnings


def wide_button(
    text: str,
    on_click: ft.ControlEventHandler[ft.OutlinedButton],
    *,
    key: str,
    icon: ft.IconData | None = None,
) -> ft.Control:
    """A full-width button whose (possibly long) text wraps instead of being cut off."""
    # Close to understand's action_button, but outlined, full width and left-aligned: here the
    # buttons read as a list of sentences (ways out, templates), not as one centred choice.
    return ft.OutlinedButton(
        content=ft.Text(text, size=16, no_wrap=False, text_align=ft.TextAlign.START),
        icon=icon,
        key=key,
        on_click=on_click,
        style=ft.ButtonStyle(
            padding=ft.Padding.symmetric(horizontal=16, vertical=14),
            visual_density=ft.VisualDensity.STANDARD,
            alignment=ft.Alignment.CENTER_LEFT,
        ),
        height=None,
        width=None,
        expand=True,
    )


def row_of(*controls: ft.Control) -> ft.Row:
    """Buttons side by side that wrap to a new line on a narrow screen."""
    return ft.Row(list(controls), wrap=True, spacing=8, run_spacing=8)


def confirm(
    ctx: AppContext,
    *,
    title: str,
    lines: list[str],
    yes: str,
    no: str,
    on_yes: Callable[[], None],
    key: str,
) -> None:
    """A calm question with two answers; the caller decides, the app never forbids."""

    def answer(agree: bool) -> None:
        ctx.page.pop_dialog()
        if agree:
            on_yes()

    dialog = ft.AlertDialog(
        modal=True,
        key=key,
        title=ft.Text(title, size=20),
        content=ft.Column(
            [ft.Text(line, size=16, no_wrap=False) for line in lines], tight=True, spacing=8
        ),
        actions=[
            ft.TextButton(
                content=no, key=f"{key}-no", on_click=lambda e: answer(False), height=TOUCH
            ),
            ft.FilledButton(
                content=yes, key=f"{key}-yes", on_click=lambda e: answer(True), height=TOUCH
            ),
        ],
    )
    ctx.page.show_dialog(dialog)
