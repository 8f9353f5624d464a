"""The form for a recovery moment that comes back: daily, on weekdays or on chosen days."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft
from babel.dates import get_day_names

from domain.plan.recurrence import InvalidRule, new_rule
from domain.plan.state import PlannerState
from views.plan.controls import row_of
from views.plan.fields import FieldNotes, read_whole_number
from views.shell.context import AppContext
from views.shell.theme import TOUCH
from views.shell.widgets import card, secondary_button

RULE_FIELDS = ("title", "time", "minutes", "repeat", "weekdays")


class RuleForm:
    """A recovery moment that comes back: daily, on weekdays or on chosen days, at a time."""

    def __init__(
        self,
        ctx: AppContext,
        state: PlannerState,
        on_saved: Callable[[str], None],
        on_cancel: Callable[[], None],
    ) -> None:
        self.ctx, self.state, self.on_saved = ctx, state, on_saved
        t = ctx.t
        self.name = ft.TextField(
            label=t("plan.rule.name"),
            value=t("plan.rule.default_name"),
            key="plan-rule-name",
            text_size=18,
        )
        self.at = ft.TextField(
            label=t("plan.rule.time"), value="10:30", key="plan-rule-time", text_size=18
        )
        self.minutes = ft.TextField(
            label=t("plan.rule.minutes"), value="5", key="plan-rule-minutes",
            keyboard_type=ft.KeyboardType.NUMBER, text_size=18,
        )  # fmt: skip
        self.repeat = ft.Dropdown(
            label=t("plan.rule.repeat"), value="weekdays", key="plan-rule-repeat", expand=True,
            options=[ft.DropdownOption(key=r, text=t(f"plan.rule.repeat.{r}")) for r in ("daily", "weekdays", "days")],
            on_select=self.repeat_changed,
        )  # fmt: skip
        day_names = get_day_names("wide", locale=ctx.lang)
        self.days = [
            ft.Checkbox(label=day_names[i], value=i < 5, key=f"plan-rule-day-{i}") for i in range(7)
        ]
        self.days_row = ft.Row(list(self.days), wrap=True, visible=False)
        self.errors = FieldNotes(t, RULE_FIELDS, lambda name: f"plan-rule-{name}-error")
        self.root = card(
            ft.Text(t("plan.rule.form_title"), size=20),
            self.name, self.errors["title"],
            self.at, self.errors["time"],
            self.minutes, self.errors["minutes"],
            ft.Row([self.repeat]), self.errors["repeat"],
            self.days_row, self.errors["weekdays"],
            row_of(
                ft.FilledButton(content=t("plan.rule.save"), key="plan-rule-save", on_click=self.save, height=TOUCH),
                secondary_button(t("plan.form.cancel"), lambda e: on_cancel(), key="plan-rule-cancel"),
            ),
        )  # fmt: skip

    def repeat_changed(self, e: ft.Event[ft.Dropdown]) -> None:
        self.days_row.visible = self.repeat.value == "days"
        self.root.update()

    def save(self, e: ft.Event[ft.Button]) -> None:
        try:
            rule = new_rule(
                title=self.name.value or "",
                start=self.ctx.now().date(),
                at_text=(self.at.value or "").strip(),
                repeat=self.repeat.value,
                weekdays=[i for i, box in enumerate(self.days) if box.value],
                minutes=read_whole_number(self.minutes.value),
            )
        except InvalidRule as exc:
            self.errors.show(exc.errors)
            self.root.update()
            return
        self.errors.show({})
        self.state.add_rule(rule)
        self.on_saved(rule.title)
