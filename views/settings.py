"""Instellingen: language, look, pauses, capacity and rhythm."""

from __future__ import annotations

import flet as ft

from views.context import AppContext
from views.widgets import placeholder


def build(ctx: AppContext) -> ft.Control:
    return placeholder(ctx.t("nav.settings"), ctx.t("app.soon"))


def build_rhythm(ctx: AppContext) -> ft.Control:
    return placeholder(ctx.t("app.rhythm"), ctx.t("app.soon"))


ROUTES = {"/settings": build, "/settings/rhythm": build_rhythm}
