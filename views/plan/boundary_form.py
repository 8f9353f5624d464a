"""The form for one boundary: a time, a number or the user's own words, as its template needs."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from domain.plan.boundaries import (
    TEMPLATE_DEFAULTS,
    TEMPLATES,
    Boundary,
    InvalidBoundary,
    new_boundary,
)
from domain.plan.times import format_hhmm
from views.plan.controls import row_of
from views.plan.fields import FieldNotes, read_whole_number
from views.shell.context import AppContext
from views.shell.theme import TOUCH
from views.shell.widgets import card

BOUNDARY_FIELDS = ("time", "n", "text", "kind")


class BoundaryForm:
    """Add or change one boundary of template `kind`; `existing` is the one being changed."""

    # Handed its callbacks like ItemForm and RuleForm: a form never decides what the screen does.
    def __init__(
        self,
        ctx: AppContext,
        kind: str,
        existing: Boundary | None,
        on_save: Callable[[Boundary], None],
        on_cancel: Callable[[], None],
    ) -> None:
        t = ctx.t
        self.kind, self.existing, self.on_save = kind, existing, on_save
        defaults = TEMPLATE_DEFAULTS[kind]
        needs = TEMPLATES[kind]
        time_value = (
            format_hhmm(existing.time) if existing and existing.time else defaults.get("time", "")
        )
        n_value = existing.n if existing and existing.n is not None else defaults.get("n", "")
        self.time = ft.TextField(
            label=t("plan.b.time"),
            value=time_value,
            key="plan-b-time",
            visible="time" in needs,
            text_size=18,
        )
        self.n = ft.TextField(
            label=t("plan.b.n"), value=str(n_value), key="plan-b-n", visible="n" in needs,
            keyboard_type=ft.KeyboardType.NUMBER, text_size=18,
        )  # fmt: skip
        self.text = ft.TextField(
            label=t("plan.b.text"), value=existing.text if existing else "", key="plan-b-text",
            visible=kind == "intention", multiline=True, max_length=200, text_size=18,
        )  # fmt: skip
        self.errors = FieldNotes(t, BOUNDARY_FIELDS, lambda name: f"plan-b-{name}-error")
        self.root = card(
            ft.Text(t(f"plan.template.{kind}"), size=20, weight=ft.FontWeight.W_600, no_wrap=False),
            self.time, self.errors["time"],
            self.n, self.errors["n"],
            self.text, self.errors["text"], self.errors["kind"],
            row_of(
                ft.FilledButton(content=t("plan.b.save"), key="plan-b-save", on_click=self.save, height=TOUCH),
                ft.OutlinedButton(content=t("plan.b.cancel"), key="plan-b-cancel", on_click=lambda e: on_cancel(), height=TOUCH),
            ),
        )  # fmt: skip

    def save(self, e: ft.Event[ft.Button]) -> None:
        needs = TEMPLATES[self.kind]
        try:
            boundary = new_boundary(
                kind=self.kind,
                time_text=(self.time.value or "").strip() if "time" in needs else None,
                n=read_whole_number(self.n.value) if "n" in needs else None,
                text=self.text.value or "",
                active=self.existing.active if self.existing else True,
                boundary_id=self.existing.id if self.existing else None,
            )
        except InvalidBoundary as exc:
            self.errors.show(exc.errors)
            self.root.update()
            return
        self.on_save(boundary)
