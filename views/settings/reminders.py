"""Herinneringen: notifications on the phone, and when reminders may come (hours, days, how many)."""

from __future__ import annotations

import flet as ft
from babel.dates import get_day_names

from domain.settings.preferences import MAX_REMINDERS_PER_DAY, WEEKDAYS
from views.plan.reminders import phone_reminders
from views.settings.preferences import apply_change, text_field
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH
from views.shell.widgets import body_text, heading

PER_DAY_CHOICES = tuple(range(1, 13))


def build(ctx: AppContext) -> ft.Control:
    settings = ctx.settings
    controls: list[ft.Control] = [
        heading(ctx.t("settings.reminders")),
        body_text(ctx.t("settings.reminders.where"), size=16, key="settings-reminders-where"),
        _switch(ctx),
        body_text(ctx.t("settings.reminders.why"), size=15),
    ]
    if settings.reminders and phone_reminders(ctx).refused:
        controls.append(
            body_text(
                ctx.t("settings.reminders.refused"), size=16, key="settings-reminders-refused"
            )
        )
    controls += [
        heading(ctx.t("settings.reminders.hours"), size=20),
        text_field(
            ctx,
            "reminder_start",
            "settings.reminder_start",
            "settings-reminder-start",
            settings.reminder_start or "",
            _empty_is_none,
            hint=ctx.t("settings.reminder_start.hint", time=settings.wake_time),
        ),
        text_field(
            ctx,
            "reminder_end",
            "settings.reminder_end",
            "settings-reminder-end",
            settings.reminder_end or "",
            _empty_is_none,
            hint=ctx.t("settings.reminder_end.hint", time=settings.screens_off),
        ),
        ft.Text(ctx.t("settings.reminders.days"), size=17, weight=ft.FontWeight.W_500),
        _days(ctx),
        _per_day(ctx),
    ]
    return ft.Container(padding=GAP, content=ft.Column(controls, spacing=GAP))


def _empty_is_none(typed: str) -> object:
    """An empty field means "follow the rhythm" (wake time, screens-off)."""
    return typed or None


def _switch(ctx: AppContext) -> ft.Control:
    async def changed(e: ft.Event[ft.Switch]) -> None:
        reminders = phone_reminders(ctx)
        if e.control.value:
            # Asked now, and only now: the user just said they want them.
            await reminders.turn_on()
            apply_change(ctx, "reminders", True)
        else:
            apply_change(ctx, "reminders", False)
            reminders.turn_off()

    return ft.Switch(
        label=ctx.t("settings.reminders.switch"),
        value=ctx.settings.reminders,
        key="settings-reminders",
        on_change=changed,
        height=TOUCH,
        label_text_style=ft.TextStyle(size=17),
    )


def _days(ctx: AppContext) -> ft.Control:
    names = get_day_names("wide", locale=ctx.lang)
    chosen = set(ctx.settings.reminder_days)

    def toggle(day: int) -> ft.ControlEventHandler[ft.Checkbox]:
        def changed(e: ft.Event[ft.Checkbox]) -> None:
            days = chosen | {day} if e.control.value else chosen - {day}
            apply_change(ctx, "reminder_days", tuple(sorted(days)))

        return changed

    return ft.Column(
        [
            ft.Checkbox(
                label=str(names[day]).capitalize(),
                value=day in chosen,
                key=f"settings-reminder-day-{day}",
                on_change=toggle(day),
                height=TOUCH,
                label_style=ft.TextStyle(size=17),
            )
            for day in WEEKDAYS
        ],
        spacing=0,
    )


def _per_day(ctx: AppContext) -> ft.Control:
    current = ctx.settings.reminders_per_day
    counts = sorted({*PER_DAY_CHOICES, current})

    def chosen(e: ft.Event[ft.Dropdown]) -> None:
        value = str(e.control.value or "")
        if value.isdigit() and 1 <= int(value) <= MAX_REMINDERS_PER_DAY:
            apply_change(ctx, "reminders_per_day", int(value))

    label = ctx.t("settings.reminders_per_day")
    return ft.MergeSemantics(
        # The web client leaves a dropdown's button without a label: the screen reader gets one.
        content=ft.Semantics(
            label=f"{label}: {current}",
            button=True,
            content=ft.Dropdown(
                label=label,
                key="settings-reminders-per-day",
                value=str(current),
                options=[ft.DropdownOption(key=str(n), text=str(n)) for n in counts],
                on_select=chosen,
                expand=True,
            ),
        ),
    )
