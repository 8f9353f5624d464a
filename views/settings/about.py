"""Over Adempauze: what the app is and is not, where to find help, and where the data stays."""

from __future__ import annotations

import flet as ft

from domain.settings.backup import APP_VERSION
from views.shell.context import AppContext
from views.shell.theme import GAP
from views.shell.widgets import body_text, card, heading


def build(ctx: AppContext) -> ft.Control:
    return ft.Container(
        padding=GAP,
        content=ft.Column(
            [
                heading(ctx.t("about.title")),
                body_text(ctx.t("about.what")),
                _block(
                    ctx,
                    ft.Icons.HEALTH_AND_SAFETY_OUTLINED,
                    "about.not_medical.title",
                    ["about.not_medical.body", "about.gp"],
                    key="about-medical",
                ),
                _block(
                    ctx,
                    ft.Icons.PHONE_IN_TALK_OUTLINED,
                    "about.crisis.title",
                    ["about.crisis.body"],
                    key="about-crisis",
                ),
                _block(
                    ctx,
                    ft.Icons.LOCK_OUTLINE,
                    "about.privacy.title",
                    ["about.privacy.body"],
                    key="about-privacy",
                ),
                body_text(
                    ctx.t("about.version", version=APP_VERSION), size=15, key="about-version"
                ),
            ],
            spacing=GAP,
        ),
    )


def _block(
    ctx: AppContext, icon: ft.IconData, title_key: str, body_keys: list[str], *, key: str
) -> ft.Control:
    return ft.Container(
        key=key,
        content=card(
            ft.Row(
                [ft.Icon(icon), ft.Container(heading(ctx.t(title_key), size=20), expand=True)],
                spacing=GAP // 2,
            ),
            *[body_text(ctx.t(k)) for k in body_keys],
        ),
    )
