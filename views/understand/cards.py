"""Both Begrijpen screens' parts: a redrawn column, buttons, the rest card, the not-medical line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import flet as ft

from domain.understand.walkthrough import Action, Reframe
from views.shell.context import AppContext
from views.shell.theme import GAP
from views.shell.widgets import body_text, heading

BUTTON_PADDING = ft.Padding.symmetric(vertical=14, horizontal=20)

# Taps that need nothing from the event: Flet calls a handler without parameters as it is.
Tap = Callable[[], None]
ButtonKind = type[ft.Button] | type[ft.OutlinedButton] | type[ft.TextButton]


class RedrawnScreen:
    """A screen drawn into one column by `compose`, and drawn again in place after each move."""

    def __init__(self) -> None:
        self.column = ft.Column(spacing=GAP, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self.root = ft.Container(
            content=self.column,
            # room at the bottom so the floating pause button never covers the last button
            padding=ft.Padding.only(left=GAP, right=GAP, top=GAP, bottom=96),
        )

    def compose(self) -> None:
        raise NotImplementedError

    def redraw(self) -> None:
        self.compose()
        if self.root.page is not None:
            self.root.update()


def button_style(**extra: Any) -> ft.ButtonStyle:
    """Padding instead of a fixed height, so a label can grow with the text size and wrap.

    Standard density here: the app's comfortable density would take 8 px off, below 48 px.
    """
    options: dict[str, Any] = {"padding": BUTTON_PADDING, **extra}
    return ft.ButtonStyle(visual_density=ft.VisualDensity.STANDARD, **options)


def run_action(ctx: AppContext, action: Action, show_reframe: Callable[[], None]) -> None:
    """Carry out a do-it-now action or a self-check suggestion."""
    if action.kind == "pause":
        ctx.start_pause(action.pause_kind, action.seconds)
    elif action.kind == "route" and action.route:
        ctx.navigate(action.route)
    else:
        show_reframe()


def wrapping_button(
    kind: ButtonKind,
    text: str,
    on_click: Tap,
    *,
    key: str,
    icon: ft.IconData | None = None,
    size: int = 17,
    text_align: ft.TextAlign = ft.TextAlign.START,
) -> ft.Control:
    """A button whose label may wrap at large text sizes and stays at least 48 px high."""
    # Like the planner's wide_button (views/plan/controls.py), which is full width and outlined.
    return kind(
        content=ft.Text(text, size=size, no_wrap=False, text_align=text_align),
        icon=icon,
        key=key,
        on_click=on_click,
        style=button_style(),
    )


def action_button(
    text: str, on_click: Tap, *, key: str, icon: ft.IconData | None = None
) -> ft.Control:
    """A tonal button for a do-it-now step or a suggestion, its label centred."""
    return wrapping_button(
        ft.FilledTonalButton, text, on_click, key=key, icon=icon, text_align=ft.TextAlign.CENTER
    )


def reframe_panel(reframe: Reframe, close_label: str, on_close: Tap, *, key: str) -> ft.Control:
    """The card about rest, shown in place of nothing: no new screen to get lost in."""
    return ft.Container(
        key=key,
        padding=GAP,
        border_radius=12,
        bgcolor=ft.Colors.TERTIARY_CONTAINER,
        content=ft.Column(
            [
                heading(reframe.title, size=22),
                *[body_text(p, color=ft.Colors.ON_TERTIARY_CONTAINER) for p in reframe.paragraphs],
                ft.TextButton(
                    content=close_label,
                    key=f"{key}-close",
                    on_click=on_close,
                    style=button_style(),
                ),
            ],
            spacing=GAP // 2,
        ),
    )


def not_medical_line(ctx: AppContext) -> ft.Control:
    return ft.Row(
        [
            ft.Icon(ft.Icons.INFO_OUTLINE, size=20, color=ft.Colors.ON_SURFACE_VARIANT),
            ft.Text(
                ctx.t("understand.not_medical"),
                size=15,
                color=ft.Colors.ON_SURFACE_VARIANT,
                expand=True,
                key="understand-not-medical",
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
    )
