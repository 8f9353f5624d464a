"""Small pieces every screen uses: headings, readable text, buttons sized for a thumb."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import flet as ft

from views.shell.theme import BIG_TOUCH, GAP, TOUCH


def heading(text: str, *, size: int = 26, key: str | None = None) -> ft.Control:
    """A screen or section title that screen readers announce as a heading (named by its text)."""
    return ft.Semantics(
        header=True,
        content=ft.Text(text, size=size, weight=ft.FontWeight.W_600, key=key),
    )


def body_text(text: str, *, size: int = 17, **kwargs: Any) -> ft.Text:
    """Running text: wraps, never clipped, never ellipsised."""
    return ft.Text(text, size=size, no_wrap=False, **kwargs)


def _style(height: int, text_size: int, **extra: Any) -> ft.ButtonStyle:
    """Height from padding, not a fixed size, so a label can grow with 200 % text and wrap.

    Standard density: the comfortable density would take 8 px off, below a 48 px target.
    """
    line = round(text_size * 1.4)
    vertical = max(14, (height - line) // 2)
    return ft.ButtonStyle(
        padding=ft.Padding.symmetric(horizontal=20, vertical=vertical),
        visual_density=ft.VisualDensity.STANDARD,
        text_style=ft.TextStyle(size=text_size, weight=extra.pop("weight", None)),
        **extra,
    )


def primary_button(
    text: str,
    on_click: Callable[..., Any] | None,
    *,
    key: str | None = None,
    icon: ft.IconData | None = None,
    height: int = BIG_TOUCH,
    expand: bool = True,
) -> ft.Control:
    """A big filled button; its text is its accessible name; `height` is its height at 100 %."""
    return ft.FilledButton(
        content=text,
        icon=icon,
        key=key,
        on_click=on_click,
        expand=expand,
        style=_style(height, 20 if height >= BIG_TOUCH else 16, weight=ft.FontWeight.W_600),
    )


# secondary_button and text_button differ only in their Flet class: two names the screens
# read more easily than one with a switch.
def secondary_button(
    text: str,
    on_click: Callable[..., Any] | None,
    *,
    key: str | None = None,
    icon: ft.IconData | None = None,
) -> ft.Control:
    return ft.OutlinedButton(
        content=text, icon=icon, key=key, on_click=on_click, style=_style(TOUCH, 15)
    )


# Shaped like secondary_button, a flat TextButton instead of an outlined one.
def text_button(
    text: str,
    on_click: Callable[..., Any] | None,
    *,
    key: str | None = None,
    icon: ft.IconData | None = None,
) -> ft.Control:
    return ft.TextButton(
        content=text, icon=icon, key=key, on_click=on_click, style=_style(TOUCH, 15)
    )


def icon_action(
    icon: ft.IconData, label: str, on_click: Callable[..., Any] | None, *, key: str | None = None
) -> ft.Control:
    """An icon-only button that a screen reader names: one merged button node with `label`."""
    return ft.MergeSemantics(
        content=ft.Semantics(
            label=label,
            button=True,
            content=ft.IconButton(icon=icon, on_click=on_click, key=key, width=TOUCH, height=TOUCH),
        )
    )


def card(*controls: ft.Control, padding: int = GAP) -> ft.Control:
    return ft.Card(
        content=ft.Container(
            content=ft.Column(list(controls), spacing=GAP // 2, tight=True),
            padding=padding,
        )
    )


def field_error(text: str | None, *, key: str | None = None) -> ft.Text:
    """The calm message under a form field that says what is wrong with it (not alarm red)."""
    return ft.Text(text or "", visible=bool(text), color=ft.Colors.TERTIARY, size=15, key=key)
