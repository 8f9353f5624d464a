"""Grenzen: the boundaries the agenda is checked against, and kind ways to say no."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

import flet as ft

from domain.plan.boundaries import TEMPLATES, Boundary
from domain.plan.saying_no import saying_no_keys
from views.plan.boundary_form import BoundaryForm
from views.plan.controls import wide_button
from views.plan.state import plan_screen, planner_state
from views.plan.words import boundary_words
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH
from views.shell.widgets import body_text, card, heading, icon_action


class BoundariesView:
    """The list of boundaries and intentions, the templates to add one, and the saying-no lines."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.screen = plan_screen(ctx)
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
        wanted = self.screen.boundary_form
        if wanted is None:
            return None
        existing = next((b for b in self.state.boundaries if b.id == wanted.boundary_id), None)
        return BoundaryForm(self.ctx, wanted.kind, existing, self.save, self.close_form).root

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
        self.screen.open_boundary_form(kind, boundary_id)
        self.ctx.refresh()

    def close_form(self) -> None:
        self.screen.close_boundary_form()
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

    def copier(self, text: str) -> Callable[[ft.Event[ft.OutlinedButton]], Awaitable[None]]:
        """A click handler that copies `text` (an async function, so Flet awaits it)."""

        async def on_click(e: ft.Event[ft.OutlinedButton]) -> None:
            await self.copy(text)

        return on_click

    async def copy(self, text: str) -> None:
        await self.ctx.services.clipboard.set(text)
        self.ctx.notify(self.ctx.t("plan.no.copied"))


def build(ctx: AppContext) -> ft.Control:
    return BoundariesView(ctx).root
