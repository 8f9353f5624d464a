"""Herken je dit?: the self-check and what it suggests."""

from __future__ import annotations

import flet as ft

from views.context import AppContext
from views.widgets import placeholder


def build(ctx: AppContext) -> ft.Control:
    return placeholder(ctx.t("app.selfcheck"), ctx.t("app.soon"))


ROUTES = {"/understand/selfcheck": build}
