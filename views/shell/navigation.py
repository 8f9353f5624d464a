"""The bottom navigation: its four destinations, which one a screen belongs to, and "back"."""

from __future__ import annotations

from dataclasses import dataclass

import flet as ft

from views.shell.context import AppContext
from views.shell.routes import HOME, ROUTES, feature_of


@dataclass(frozen=True)
class Section:
    route: str
    label_key: str
    key: str
    icon: ft.IconData
    selected_icon: ft.IconData


SECTIONS = (
    Section(
        "/understand",
        "nav.understand",
        "nav-understand",
        ft.Icons.LIGHTBULB_OUTLINE,
        ft.Icons.LIGHTBULB,
    ),
    Section(HOME, "nav.pause", "nav-pause", ft.Icons.SPA_OUTLINED, ft.Icons.SPA),
    Section(
        "/plan", "nav.plan", "nav-plan", ft.Icons.CALENDAR_MONTH_OUTLINED, ft.Icons.CALENDAR_MONTH
    ),
    Section("/settings", "nav.settings", "nav-settings", ft.Icons.TUNE_OUTLINED, ft.Icons.TUNE),
)
HOME_INDEX = next(i for i, s in enumerate(SECTIONS) if s.route == HOME)


def section_index(path: str) -> int:
    """Which destination a screen belongs to: the section of its feature (`/about` → settings).

    A path outside the route table belongs to Pauze, where the shell sends it.
    """
    if path not in ROUTES:
        return HOME_INDEX
    feature = feature_of(path)
    return next((i for i, s in enumerate(SECTIONS) if feature_of(s.route) == feature), HOME_INDEX)


def parent_route(path: str) -> str | None:
    """Where "back" goes from a sub-screen: its section (`/plan/boundaries` → `/plan`).

    None on a section's own screen, which has nowhere further back to go.
    """
    if path in {s.route for s in SECTIONS}:
        return None
    return SECTIONS[section_index(path)].route


def navigation_bar(ctx: AppContext) -> ft.NavigationBar:
    def on_change(e: ft.Event[ft.NavigationBar]) -> None:
        ctx.navigate(SECTIONS[int(e.control.selected_index)].route)

    return ft.NavigationBar(
        selected_index=section_index(ctx.path),
        destinations=[
            ft.NavigationBarDestination(
                label=ctx.t(s.label_key), icon=s.icon, selected_icon=s.selected_icon, key=s.key
            )
            for s in SECTIONS
        ],
        on_change=on_change,
    )
