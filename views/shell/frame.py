"""Where a screen's body sits on the page: inside the safe area, in a readable column."""

from __future__ import annotations

from collections.abc import Sequence

import flet as ft


def screen_frame(
    body: ft.Control, *, banners: Sequence[ft.Control] = (), tail: Sequence[ft.Control] = ()
) -> ft.Control:
    """The page's one scrolling column: notices on top, then the body, then room at the end.

    The running pause's first look is laid out in this same frame ahead of the tap
    (`views/pause/ready.py`), so it lines up with the screen that follows it.
    """
    return ft.SafeArea(
        expand=True,
        content=ft.Column(
            [
                *banners,
                # Phones use the full width; wide screens get a readable column.
                ft.ResponsiveRow(
                    [ft.Container(content=body, col={"xs": 12, "md": 10, "lg": 8, "xl": 6})],
                    alignment=ft.MainAxisAlignment.CENTER,
                ),
                *tail,
            ],
            expand=True,
            scroll=ft.ScrollMode.AUTO,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        ),
    )
