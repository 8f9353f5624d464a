"""Which module draws which screen; each screen module exposes `ROUTES: dict[path, builder]`.

The table names modules instead of importing them, so the first screen can be drawn before the
others are loaded (a cold start imports only the shell and the Pauze screen).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

import flet as ft

from views.shell.context import AppContext

Builder = Callable[[AppContext], ft.Control]

# path -> module whose ROUTES draws it; a test keeps this equal to the modules' own ROUTES.
ROUTE_MODULES: dict[str, str] = {
    "/": "views.pause.home",
    "/pause/run": "views.pause.run",
    "/understand": "views.understand.walkthrough",
    "/understand/selfcheck": "views.understand.selfcheck",
    "/plan": "views.plan.agenda",
    "/plan/boundaries": "views.plan.boundaries",
    "/settings": "views.settings.preferences",
    "/settings/rhythm": "views.settings.preferences",
    "/settings/data": "views.settings.data",
    "/about": "views.settings.about",
}
HOME = "/"
SCREEN_MODULES = tuple(dict.fromkeys(ROUTE_MODULES.values()))


def builder_for(path: str) -> Builder | None:
    """The builder of the screen at `path` (its module loaded on first use), or None."""
    module_name = ROUTE_MODULES.get(path)
    if module_name is None:
        return None
    builder: Builder = importlib.import_module(module_name).ROUTES[path]
    return builder


def collect_routes() -> dict[str, Builder]:
    """Every screen's builder, all modules loaded; refuses a path claimed twice."""
    routes: dict[str, Builder] = {}
    for name in SCREEN_MODULES:
        module = importlib.import_module(name)
        for path, builder in module.ROUTES.items():
            if path in routes:
                raise RuntimeError(f"route {path} is claimed twice ({name})")
            routes[path] = builder
    return routes
