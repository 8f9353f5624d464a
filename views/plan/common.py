"""Shared pieces of the planner screens: its state, words for dates and loads, calm dialogs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

import flet as ft
from babel.dates import format_date

from domain.numbers import format_hours, parse_whole_number
from domain.plan.boundaries import Boundary, Violation
from domain.plan.ics import export_ics
from domain.plan.state import PlannerState
from domain.plan.times import format_hhmm
from views.shell.context import AppContext
from views.shell.theme import TOUCH

log = logging.getLogger("adempauze.planner")


def read_whole_number(text: str | None) -> object:
    """A typed whole number as an int; anything else goes on as text, to be refused kindly."""
    number = parse_whole_number(text or "")
    return (text or "").strip() if number is None else number


def day_words(ctx: AppContext, day: date) -> str:
    """ "woensdag 25 november" / "Wednesday 25 November"."""
    return format_date(day, "EEEE d MMMM", locale=ctx.lang)


def short_day(ctx: AppContext, day: date) -> str:
    """ "wo 25" / "Wed 25" for the week picture."""
    return format_date(day, "EEE d", locale=ctx.lang)


def hours_words(ctx: AppContext, minutes: float) -> str:
    """Minutes as hours with at most one decimal, in the user's language ("3,5" / "3.5")."""
    return format_hours(minutes / 60, ctx.lang)


def duration_words(ctx: AppContext, minutes: int) -> str:
    """ "45 min", "2 u", "1 u 30 min"."""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return ctx.t("plan.duration.min", m=rest)
    if rest == 0:
        return ctx.t("plan.duration.h", h=hours)
    return ctx.t("plan.duration.hm", h=hours, m=rest)


def boundary_words(ctx: AppContext, boundary: Boundary) -> str:
    """A boundary as a short sentence."""
    return ctx.t(
        f"plan.boundary.{boundary.kind}",
        time=format_hhmm(boundary.time) if boundary.time else "",
        n=boundary.n if boundary.n is not None else "",
        text=boundary.text,
    )


def violation_words(ctx: AppContext, violation: Violation, boundaries: list[Boundary]) -> str:
    """What a broken boundary means, in a calm sentence."""
    boundary = next((b for b in boundaries if b.id == violation.boundary_id), None)
    if boundary is None:
        return ""
    return ctx.t(
        f"plan.violation.{violation.kind}",
        time=format_hhmm(boundary.time) if boundary.time else "",
        n=boundary.n if boundary.n is not None else "",
    )


def note(text: str, icon: Any = ft.Icons.INFO_OUTLINE, *, key: str | None = None) -> ft.Control:
    """A quiet line with an icon: a warning that informs, never alarms."""
    return ft.Row(
        [
            ft.Icon(icon, size=20, color=ft.Colors.TERTIARY),
            ft.Text(text, size=15, expand=True, no_wrap=False),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
        key=key,
    )


def field_note(text: str | None, *, key: str) -> ft.Text:
    """The message beside a field that can't be used: plain words in a calm colour, never red."""
    return ft.Text(
        text or "", visible=bool(text), size=15, no_wrap=False, key=key, color=ft.Colors.TERTIARY
    )


def wide_button(
    text: str,
    on_click: Callable[..., Any] | None,
    *,
    key: str,
    icon: Any = None,
    filled: bool = False,
) -> ft.Control:
    """A full-width button whose (possibly long) text wraps instead of being cut off."""
    kind = ft.FilledTonalButton if filled else ft.OutlinedButton
    return kind(
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


async def export_agenda(ctx: AppContext, state: PlannerState) -> None:
    """Offer the whole agenda as an .ics file (in a browser: a download) and say how it went."""
    data = export_ics(state.repo.items(), state.rules, ctx.now())
    picker = ctx.memory.get("plan.file_picker")
    if picker is None:
        # Services are dropped when nothing holds them; the session's memory holds this one.
        picker = ctx.memory["plan.file_picker"] = ft.FilePicker()
    try:
        await picker.save_file(file_name="adempauze-agenda.ics", src_bytes=data)
    except Exception:  # whatever the client says, the user hears calmly that it did not work
        log.exception("saving the .ics file failed")
        ctx.notify(ctx.t("plan.export.failed"))
        return
    ctx.notify(ctx.t("plan.export.done"))
