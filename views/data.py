"""Je gegevens: export, import and delete-all."""

from __future__ import annotations

import flet as ft

from views.context import AppContext
from views.widgets import placeholder


def build(ctx: AppContext) -> ft.Control:
    return placeholder(ctx.t("nav.settings"), ctx.t("app.soon"))


ROUTES = {"/settings/data": build}
