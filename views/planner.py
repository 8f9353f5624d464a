"""Plannen: today and the week, load against capacity, and the way out of a full day."""

from __future__ import annotations

import flet as ft

from views.context import AppContext
from views.widgets import placeholder


def build(ctx: AppContext) -> ft.Control:
    return placeholder(ctx.t("nav.plan"), ctx.t("app.soon"))


ROUTES = {"/plan": build}
