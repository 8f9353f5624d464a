"""The calm palette and type for light and dark, and sizes every screen shares."""

from __future__ import annotations

import flet as ft

SEED = "#5B8A8A"  # a muted sea-green: calm, not clinical
TOUCH = 48  # the smallest touch target, in logical pixels
BIG_TOUCH = 72
GAP = 16
MAX_WIDTH = 640  # content column on wide screens; phones use their full width


def build_theme(dark: bool) -> ft.Theme:
    return ft.Theme(
        color_scheme_seed=SEED,
        use_material3=True,
        visual_density=ft.VisualDensity.STANDARD,
    )


def theme_mode(setting: str) -> ft.ThemeMode:
    return {"light": ft.ThemeMode.LIGHT, "dark": ft.ThemeMode.DARK}.get(
        setting, ft.ThemeMode.SYSTEM
    )
