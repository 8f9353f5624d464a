"""Grenzen: the boundaries the agenda is checked against, and kind ways to say no."""

from __future__ import annotations

import flet as ft

from views.context import AppContext
from views.widgets import placeholder


def build(ctx: AppContext) -> ft.Control:
    return placeholder(ctx.t("app.boundaries"), ctx.t("app.soon"))


ROUTES = {"/plan/boundaries": build}
