"""After a pause: a calm word, then how tense the user feels now (0-10), or skip."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from domain.i18n import Translator
from views.shell.theme import GAP, TOUCH
from views.shell.widgets import body_text, heading


def rating_panel(
    t: Translator,
    *,
    finished: bool,
    on_rate: Callable[[int], None],
    on_skip: Callable[[ft.Event[ft.OutlinedButton]], None],
) -> ft.Column:
    """What replaces the guide when the pause is over (`finished`) or stopped early."""
    rates: list[ft.Control] = [
        ft.OutlinedButton(
            # The number is what the eye needs; a screen reader hears the whole phrase.
            content=ft.Text(str(n), size=18, semantics_label=t("pause.rate.value", n=n)),
            style=ft.ButtonStyle(padding=ft.Padding.all(0)),
            key=f"pause-rate-{n}",
            on_click=lambda e, n=n: on_rate(n),
            width=TOUCH + 8,
            height=TOUCH + 8,
        )
        for n in range(11)
    ]
    return ft.Column(
        [
            ft.Icon(ft.Icons.SPA, size=48, color=ft.Colors.PRIMARY),
            ft.Semantics(
                live_region=True,
                content=body_text(
                    t("pause.run.done" if finished else "pause.run.stopped"),
                    size=20,
                    key="pause-end",
                    text_align=ft.TextAlign.CENTER,
                ),
            ),
            heading(t("pause.rate.question"), size=22),
            body_text(t("pause.rate.scale"), text_align=ft.TextAlign.CENTER),
            ft.Row(rates, wrap=True, spacing=8, run_spacing=8),
            ft.OutlinedButton(
                content=t("pause.rate.skip"),
                key="pause-rate-skip",
                on_click=on_skip,
                height=TOUCH + 8,
            ),
        ],
        spacing=GAP,
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
    )
