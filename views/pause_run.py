"""The running pause: a breathing guide that the client animates."""

from __future__ import annotations

import flet as ft

from views.context import AppContext
from views.theme import GAP
from views.widgets import body_text, heading, secondary_button


def build(ctx: AppContext) -> ft.Control:
    ctx.take_pause_request()
    return ft.Container(
        padding=GAP,
        content=ft.Column(
            [
                heading(ctx.t("nav.pause")),
                body_text(ctx.t("app.pause_placeholder")),
                secondary_button(ctx.t("app.back"), lambda e: ctx.navigate("/"), key="pause-stop"),
            ],
            spacing=GAP,
        ),
    )


ROUTES = {"/pause/run": build}
