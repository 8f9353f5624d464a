"""Small pieces every screen uses: headings, readable text, buttons sized for a thumb."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import flet as ft

from views.theme import BIG_TOUCH, GAP, TOUCH


def heading(text: str, *, size: int = 26, key: str | None = None) -> ft.Control:
    """A screen or section title that screen readers announce as a heading."""
    return ft.Semantics(
        header=True,
        label=text,
        content=ft.Text(text, size=size, weight=ft.FontWeight.W_600, key=key),
    )


def body_text(text: str, *, size: int = 17, **kwargs: Any) -> ft.Text:
    """Running text: wraps, never clipped, never ellipsised."""
    return ft.Text(text, size=size, no_wrap=False, **kwargs)


def primary_button(
    text: str,
    on_click: Callable[..., Any] | None,
    *,
    key: str | None = None,
    icon: Any = None,
    height: int = BIG_TOUCH,
    expand: bool = True,
) -> ft.Control:
    """A big filled button; its text is its accessible name."""
    return ft.FilledButton(
        content=text,
        icon=icon,
        key=key,
        on_click=on_click,
        height=height,
        expand=expand,
        style=ft.ButtonStyle(text_style=ft.TextStyle(size=20, weight=ft.FontWeight.W_600)),
    )


def secondary_button(
    text: str, on_click: Callable[..., Any] | None, *, key: str | None = None, icon: Any = None
) -> ft.Control:
    return ft.OutlinedButton(content=text, icon=icon, key=key, on_click=on_click, height=TOUCH)


def text_button(
    text: str, on_click: Callable[..., Any] | None, *, key: str | None = None, icon: Any = None
) -> ft.Control:
    return ft.TextButton(content=text, icon=icon, key=key, on_click=on_click, height=TOUCH)


def icon_action(
    icon: Any, label: str, on_click: Callable[..., Any] | None, *, key: str | None = None
) -> ft.Control:
    """An icon-only button that a screen reader names: one merged button node with `label`."""
    return ft.MergeSemantics(
        content=ft.Semantics(
            label=label,
            button=True,
            content=ft.IconButton(
                icon=icon, on_click=on_click, key=key, width=TOUCH, height=TOUCH
            ),
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
    """The calm message under a form field that says what is wrong with it."""
    return ft.Text(text or "", visible=bool(text), color=ft.Colors.ERROR, size=15, key=key)


def placeholder(title: str, text: str) -> ft.Control:
    """A calm stand-in for a screen that is still being built."""
    return ft.Container(
        content=ft.Column([heading(title), body_text(text)], spacing=GAP), padding=GAP
    )
