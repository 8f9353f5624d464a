"""Begrijpen: the walk-through of why relaxing fails after long stress."""

from __future__ import annotations

import flet as ft

from views.context import AppContext
from views.widgets import placeholder


def build(ctx: AppContext) -> ft.Control:
    return placeholder(ctx.t("nav.understand"), ctx.t("app.soon"))


ROUTES = {"/understand": build}
