"""Pauze: the home screen, topped by the one-tap pause."""

from __future__ import annotations

import flet as ft

from views.context import AppContext
from views.theme import GAP
from views.widgets import body_text, heading, primary_button


def build(ctx: AppContext) -> ft.Control:
    return ft.Container(
        padding=GAP,
        content=ft.Column(
            [
                primary_button(
                    ctx.t("app.pause_now"),
                    lambda e: ctx.start_pause(),
                    key="pause-now",
                    icon=ft.Icons.SPA,
                ),
                heading(ctx.t("nav.pause")),
                body_text(ctx.t("app.tagline")),
            ],
            spacing=GAP,
        ),
    )


ROUTES = {"/": build}
