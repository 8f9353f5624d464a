"""Which modules provide screens; each exposes `ROUTES: dict[path, builder]`."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import flet as ft

from views.context import AppContext

Builder = Callable[[AppContext], ft.Control]

SCREEN_MODULES = (
    "views.pause",
    "views.pause_run",
    "views.walkthrough",
    "views.selfcheck",
    "views.planner",
    "views.boundaries",
    "views.settings",
    "views.about",
    "views.data",
)


def collect_routes() -> dict[str, Builder]:
    routes: dict[str, Builder] = {}
    for name in SCREEN_MODULES:
        module = importlib.import_module(name)
        for path, builder in module.ROUTES.items():
            if path in routes:
                raise RuntimeError(f"route {path} is claimed twice ({name})")
            routes[path] = builder
    return routes
