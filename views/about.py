"""Over Adempauze: what the app is and is not, and where to find help."""

from __future__ import annotations

import flet as ft

from views.context import AppContext
from views.widgets import placeholder


def build(ctx: AppContext) -> ft.Control:
    return placeholder(ctx.t("app.about"), ctx.t("app.soon"))


ROUTES = {"/about": build}
