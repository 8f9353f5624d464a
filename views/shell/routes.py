"""The one route table: each path and the "module:function" that draws its screen.

The table names modules instead of importing them, so the first screen can be drawn before the
others are loaded: the shell imports a screen's module the first time it is shown, and the
start-up warm-up (`views/shell/startup.py`) reads the same table to load them ahead of need.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import flet as ft

    from views.shell.context import AppContext

Builder = Callable[["AppContext"], "ft.Control"]

ROUTES: dict[str, str] = {
    "/": "views.pause.home:build",
    "/pause/run": "views.pause.run:build",
    "/understand": "views.understand.walkthrough:build",
    "/understand/selfcheck": "views.understand.selfcheck:build",
    "/plan": "views.plan.agenda:build",
    "/plan/boundaries": "views.plan.boundaries:build",
    "/settings": "views.settings.preferences:build",
    "/settings/rhythm": "views.settings.preferences:build_rhythm",
    "/settings/reminders": "views.settings.reminders:build",
    "/settings/data": "views.settings.data:build",
    "/about": "views.settings.about:build",
}
HOME = "/"


def module_of(path: str) -> str:
    """The module that draws `path` (`/plan` → `views.plan.agenda`)."""
    return ROUTES[path].partition(":")[0]


def feature_of(path: str) -> str:
    """The feature package a route belongs to (`/about` → `settings`)."""
    return module_of(path).split(".")[1]


def screen_modules() -> tuple[str, ...]:
    """Every screen module, each once, in the table's order."""
    return tuple(dict.fromkeys(module_of(path) for path in ROUTES))


def builder_for(path: str) -> Builder | None:
    """The builder of the screen at `path` (its module imported on first use), or None."""
    target = ROUTES.get(path)
    if target is None:
        return None
    module_name, _, function = target.partition(":")
    builder: Builder = getattr(importlib.import_module(module_name), function)
    return builder
