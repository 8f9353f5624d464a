"""Grenzen: the boundaries the agenda is checked against, and kind ways to say no."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import flet as ft

from domain.plan.boundaries import (
    TEMPLATE_DEFAULTS,
    TEMPLATES,
    Boundary,
    InvalidBoundary,
    new_boundary,
)
from domain.plan.saying_no import saying_no_keys
from domain.plan.times import format_hhmm
from views.plan.common import (
    boundary_words,
    field_note,
    read_whole_number,
    row_of,
    wide_button,
)
from views.plan.nudge import planner_state
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH
from views.shell.widgets import body_text, card, heading, icon_action

log = logging.getLogger("adempauze.boundaries")
FORM = "plan.b.form"


class BoundaryForm:
    """Add or edit one boundary: a time, a number or the user's own words, as the kind needs."""

    def __init__(self, view: BoundariesView, kind: str, existing: Boundary | None) -> None:
        t = view.ctx.t
        self.view, self.kind, self.existing = view, kind, existing
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
        self.errors = {
            name: field_note(None, key=f"plan-b-{name}-error")
            for name in ("time", "n", "text", "kind")
        }
        self.root = card(
            ft.Text(t(f"plan.template.{kind}"), size=20, weight=ft.FontWeight.W_600, no_wrap=False),
            self.time, self.errors["time"],
            self.n, self.errors["n"],
            self.text, self.errors["text"], self.errors["kind"],
            row_of(
                ft.FilledButton(content=t("plan.b.save"), key="plan-b-save", on_click=self.save, height=TOUCH),
                ft.OutlinedButton(content=t("plan.b.cancel"), key="plan-b-cancel", on_click=lambda e: view.close_form(), height=TOUCH),
            ),
        )  # fmt: skip

    def save(self, e: Any = None) -> None:
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
            for name, text in self.errors.items():
                key = exc.errors.get(name)
                text.value, text.visible = (self.view.ctx.t(key) if key else ""), bool(key)
            self.root.update()
            return
        self.view.save(boundary)


class BoundariesView:
    """The list of boundaries and intentions, the templates to add one, and the saying-no lines."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.state = planner_state(ctx)
        t = ctx.t
        rules = [b for b in self.state.boundaries if b.kind != "intention"]
        intentions = [b for b in self.state.boundaries if b.kind == "intention"]
        parts: list[ft.Control] = [
            heading(t("plan.b.title")),
            body_text(t("plan.b.intro"), size=16),
        ]
        form = self.form()
        if form is not None:
            parts.append(form)
        if not self.state.boundaries:
            parts.append(body_text(t("plan.b.empty"), size=16))
        parts += [self.row(b) for b in rules]
        if intentions:
            parts.append(ft.Text(t("plan.b.intentions"), size=18, weight=ft.FontWeight.W_600))
            parts += [self.row(b) for b in intentions]
        parts.append(ft.Text(t("plan.b.add_title"), size=20, weight=ft.FontWeight.W_600))
        parts += [
            ft.Row([wide_button(t(f"plan.template.{kind}"), lambda e, k=kind: self.open_form(k), key=f"plan-b-template-{kind}", icon=ft.Icons.ADD)])
            for kind in TEMPLATES
        ]  # fmt: skip
        parts += self.saying_no()
        parts.append(ft.Container(height=72))  # room above the floating pause button
        self.root = ft.Container(padding=GAP, content=ft.Column(parts, spacing=GAP))

    # --- pieces

    def form(self) -> ft.Control | None:
        wanted = self.ctx.memory.get(FORM)
        if not wanted:
            return None
        existing = next((b for b in self.state.boundaries if b.id == wanted.get("id")), None)
        return BoundaryForm(self, wanted["kind"], existing).root

    def row(self, boundary: Boundary) -> ft.Control:
        t, words = self.ctx.t, boundary_words(self.ctx, boundary)
        return ft.Row(
            [
                icon_action(ft.Icons.TOGGLE_ON if boundary.active else ft.Icons.TOGGLE_OFF_OUTLINED, t("plan.b.active_label" if boundary.active else "plan.b.inactive_label", text=words), lambda e, b=boundary: self.toggle(b), key=f"plan-b-active-{boundary.id}"),
                ft.Text(words, size=17, expand=True, no_wrap=False, key=f"plan-b-text-{boundary.id}", opacity=1.0 if boundary.active else 0.6),
                icon_action(ft.Icons.EDIT_OUTLINED, t("plan.b.edit", text=words), lambda e, b=boundary: self.open_form(b.kind, b.id), key=f"plan-b-edit-{boundary.id}"),
                icon_action(ft.Icons.DELETE_OUTLINE, t("plan.b.delete", text=words), lambda e, b=boundary: self.delete(b), key=f"plan-b-delete-{boundary.id}"),
            ],
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        )  # fmt: skip

    def saying_no(self) -> list[ft.Control]:
        t = self.ctx.t
        parts: list[ft.Control] = [
            ft.Text(t("plan.no.title"), size=20, weight=ft.FontWeight.W_600),
            body_text(t("plan.no.intro"), size=16),
        ]
        for n, key in enumerate(saying_no_keys(), start=1):
            parts.append(
                card(
                    body_text(t(key), size=17, key=f"plan-no-text-{n}"),
                    ft.Row(
                        [
                            ft.OutlinedButton(
                                content=t("plan.no.copy_label", n=n),
                                icon=ft.Icons.CONTENT_COPY,
                                key=f"plan-no-copy-{n}",
                                on_click=self.copier(t(key)),
                                height=TOUCH,
                            )
                        ]
                    ),
                )
            )
        return parts

    # --- verbs

    def open_form(self, kind: str, boundary_id: str | None = None) -> None:
        self.ctx.memory[FORM] = {"kind": kind, "id": boundary_id}
        self.ctx.refresh()

    def close_form(self) -> None:
        self.ctx.memory.pop(FORM, None)
        self.ctx.refresh()

    def save(self, boundary: Boundary) -> None:
        self.state.add_boundary(boundary)
        self.close_form()
        self.ctx.notify(self.ctx.t("plan.b.saved", text=boundary_words(self.ctx, boundary)))

    def toggle(self, boundary: Boundary) -> None:
        self.state.add_boundary(replace(boundary, active=not boundary.active))
        self.ctx.refresh()

    def delete(self, boundary: Boundary) -> None:
        self.state.delete_boundary(boundary.id)
        self.ctx.refresh()
        self.ctx.notify(self.ctx.t("plan.b.deleted", text=boundary_words(self.ctx, boundary)))

    def copier(self, text: str) -> Callable[[Any], Awaitable[None]]:
        """A click handler that copies `text` (an async function, so Flet awaits it)."""

        async def on_click(e: Any = None) -> None:
            await self.copy(text)

        return on_click

    async def copy(self, text: str) -> None:
        clipboard = self.ctx.memory.get("plan.clipboard")
        if clipboard is None:
            # Services are dropped when nothing holds them; the session's memory holds this one.
            clipboard = self.ctx.memory["plan.clipboard"] = ft.Clipboard()
        await clipboard.set(text)
        self.ctx.notify(self.ctx.t("plan.no.copied"))


def build(ctx: AppContext) -> ft.Control:
    return BoundariesView(ctx).root


ROUTES = {"/plan/boundaries": build}
