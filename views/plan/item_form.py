"""The agenda item form (add and change), and the calm question before crossing a boundary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import TypedDict

import flet as ft

from domain.plan.items import AREAS, ENERGIES, KINDS, AgendaItem, new_item, validate_item
from domain.plan.state import PlannerState
from domain.plan.times import format_hhmm, format_user_date, parse_user_date
from views.plan.controls import confirm, row_of
from views.plan.fields import FieldNotes, read_whole_number
from views.plan.words import boundary_words, violation_words
from views.shell.context import AppContext
from views.shell.theme import TOUCH
from views.shell.widgets import card, icon_action, secondary_button

ITEM_FIELDS = ("title", "day", "start", "minutes", "kind", "energy", "area")


class ItemValues(TypedDict):
    """What the form holds, as typed: the domain checks it and names what can't be used."""

    title: object
    day: object
    start: object
    minutes: object
    kind: object
    energy: object
    area: object


def _dropdown(ctx: AppContext, name: str, values: tuple[str, ...], value: str) -> ft.Dropdown:
    return ft.Dropdown(
        label=ctx.t(f"plan.form.{name}"),
        value=value,
        key=f"plan-form-{name}",
        options=[ft.DropdownOption(key=v, text=ctx.t(f"plan.{name}.{v}")) for v in values],
        expand=True,
    )


class ItemForm:
    """Add or change one agenda item; each field gets its own calm message when it can't be used."""

    # Handed its callbacks like BoundaryForm and RuleForm: a form never decides what the screen
    # does next.
    def __init__(
        self,
        ctx: AppContext,
        state: PlannerState,
        day: date,
        item: AgendaItem | None,
        on_saved: Callable[[AgendaItem], None],
        on_cancel: Callable[[], None],
    ) -> None:
        self.ctx, self.state, self.item = ctx, state, item
        self.on_saved, self.on_cancel = on_saved, on_cancel
        t = ctx.t
        self.title = ft.TextField(
            label=t("plan.form.title"), value=item.title if item else "", key="plan-form-title",
            max_length=120, text_size=18, autofocus=True,
        )  # fmt: skip
        self.day = ft.TextField(
            label=t("plan.form.date"), value=format_user_date(item.day if item else day),
            key="plan-form-date", expand=True, text_size=18,
        )  # fmt: skip
        start = item.start if item else None
        self.start = ft.TextField(
            label=t("plan.form.time"), value=format_hhmm(start) if start else "",
            key="plan-form-time", expand=True, text_size=18,
        )  # fmt: skip
        self.minutes = ft.TextField(
            label=t("plan.form.minutes"), value=str(item.minutes if item else 30),
            key="plan-form-minutes", keyboard_type=ft.KeyboardType.NUMBER, text_size=18,
        )  # fmt: skip
        self.kind = _dropdown(ctx, "kind", KINDS, item.kind if item else "want")
        self.energy = _dropdown(ctx, "energy", ENERGIES, item.energy if item else "medium")
        self.area = _dropdown(ctx, "area", AREAS, item.area if item else "self")
        self.on_screen = ft.Switch(
            label=t("plan.form.on_screen"), value=item.on_screen if item else False,
            key="plan-form-screen",
        )  # fmt: skip
        self.errors = FieldNotes(t, ITEM_FIELDS, lambda name: f"plan-form-{name}-error")
        self.root = card(
            ft.Text(t("plan.form.edit_title" if item else "plan.form.add_title"), size=20),
            self.title,
            self.errors["title"],
            ft.Row(
                [self.day, icon_action(ft.Icons.CALENDAR_MONTH, t("plan.form.pick_date"), self.pick_date, key="plan-form-pick-date")]
            ),
            self.errors["day"],
            ft.Row(
                [self.start, icon_action(ft.Icons.SCHEDULE, t("plan.form.pick_time"), self.pick_time, key="plan-form-pick-time")]
            ),
            self.errors["start"],
            self.minutes,
            self.errors["minutes"],
            ft.Row([self.kind]),
            self.errors["kind"],
            ft.Row([self.energy]),
            self.errors["energy"],
            ft.Row([self.area]),
            self.errors["area"],
            self.on_screen,
            row_of(
                ft.FilledButton(content=t("plan.form.save"), key="plan-form-save", on_click=self.save, height=TOUCH),
                secondary_button(t("plan.form.cancel"), lambda e: on_cancel(), key="plan-form-cancel"),
            ),
        )  # fmt: skip

    # --- pickers: they fill the typed fields, so both ways of entering stay in step

    def pick_date(self, e: ft.Event[ft.IconButton]) -> None:
        current = parse_user_date(self.day.value) or self.ctx.now().date()

        def chosen(ev: ft.Event[ft.DatePicker]) -> None:
            value = ev.control.value
            if isinstance(value, date):  # a datetime is a date too
                self.day.value = format_user_date(value)
                self.day.update()

        self.ctx.page.show_dialog(
            ft.DatePicker(
                value=datetime.combine(current, time()),
                first_date=datetime(1970, 1, 1),
                last_date=datetime(2200, 12, 31),
                on_change=chosen,
                key="plan-date-picker",
            )
        )

    def pick_time(self, e: ft.Event[ft.IconButton]) -> None:
        def chosen(ev: ft.Event[ft.TimePicker]) -> None:
            value = ev.control.value
            if isinstance(value, time):
                self.start.value = format_hhmm(value)
                self.start.update()

        self.ctx.page.show_dialog(
            ft.TimePicker(value=time(9, 0), on_change=chosen, key="plan-time-picker")
        )

    # --- saving

    def values(self) -> ItemValues:
        """The typed values, read the way the domain checks them."""
        return ItemValues(
            title=self.title.value or "",
            day=parse_user_date(self.day.value or "") or date.min,  # date.min is refused kindly
            start=(self.start.value or "").strip() or None,
            minutes=read_whole_number(self.minutes.value),
            kind=self.kind.value,
            energy=self.energy.value,
            area=self.area.value,
        )

    def save(self, e: ft.Event[ft.Button]) -> None:
        values = self.values()
        errors = validate_item(**values)
        self.errors.show(errors)
        self.root.update()
        if errors:
            return
        item = new_item(
            **values,
            on_screen=bool(self.on_screen.value),
            done=self.item.done if self.item else False,
            item_id=self.item.id if self.item else None,
        )
        ask_before_saving(
            self.ctx, self.state, item, lambda: self.on_saved(self.state.add_item(item))
        )


def ask_before_saving(
    ctx: AppContext, state: PlannerState, item: AgendaItem, save: Callable[[], None]
) -> None:
    """Save at once, or first ask when the item crosses one of the user's boundaries."""
    warnings = state.warnings_for(item)
    if not warnings:
        save()
        return
    lines = [ctx.t("plan.confirm.boundary.body")]
    for violation in warnings:
        boundary = next((b for b in state.boundaries if b.id == violation.boundary_id), None)
        if boundary is not None:
            lines.append(
                f"{boundary_words(ctx, boundary)}: {violation_words(ctx, violation, state.boundaries)}"
            )
    confirm(
        ctx,
        title=ctx.t("plan.confirm.boundary.title"),
        lines=lines,
        yes=ctx.t("plan.confirm.boundary.yes"),
        no=ctx.t("plan.confirm.boundary.no"),
        on_yes=save,
        key="plan-confirm-boundary",
    )
