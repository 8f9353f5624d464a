"""The running guide on screen: the kind, circle, phase word, time left, progress, stop and hold.

Its methods only change controls; the running pause sends them, one patch per phase.
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from domain.i18n import Translator
from domain.pause.schedule import Phase, format_time_left
from domain.pause.session import PauseSession
from views.pause.circle import FREEZE_MS, BreathingCircle
from views.shell.theme import GAP, MAX_WIDTH, TOUCH
from views.shell.widgets import heading, primary_button


def track_width(page_width: float | None) -> float:
    """The progress track spans the content width (phone-sized, never wider than MAX_WIDTH)."""
    width = page_width or 390
    return float(min(width, MAX_WIDTH) - 2 * GAP)


class ProgressTrack:
    """A bar the client slides along the track through each phase (an implicit animation)."""

    def __init__(self, label: str, width: float) -> None:
        self.width = width
        self.bar = ft.Container(
            width=0,
            height=12,
            bgcolor=ft.Colors.PRIMARY,
            border_radius=6,
            animate=ft.Animation(0, ft.AnimationCurve.LINEAR),
            key="pause-progress",
        )
        self.root = ft.Semantics(
            label=label,
            content=ft.Container(
                content=self.bar,
                width=width,
                height=12,
                border_radius=6,
                bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST,
                alignment=ft.Alignment.CENTER_LEFT,
            ),
        )

    def slide_to(self, fraction: float, ms: int) -> None:
        self.bar.width = round(self.width * min(1.0, max(0.0, fraction)), 1)
        self.bar.animate = ft.Animation(ms, ft.AnimationCurve.LINEAR)


class PauseGuide:
    """What a running pause shows; the circle is left out when less motion is wanted.

    With `lower_later`, the root holds only the top (kind, circle, phase word, time left) until
    `add_lower` adds the bar and the buttons: the tap then shows the breath a frame sooner.
    """

    def __init__(
        self,
        t: Translator,
        session: PauseSession,
        *,
        page_width: float | None,
        reduce_motion: bool,
        on_stop: Callable[[ft.Event[ft.Button]], None],
        on_hold: Callable[[ft.Event[ft.OutlinedButton]], None],
        sound: bool = False,
        on_sound: Callable[[ft.Event[ft.Switch]], None] | None = None,
        lower_later: bool = False,
    ) -> None:
        self.t = t
        self.phase_word = ft.Text(
            t(f"pause.phase.{session.phases[0].name}"),
            size=34,
            weight=ft.FontWeight.W_600,
            text_align=ft.TextAlign.CENTER,
            key="pause-phase",
        )
        self.time_left = ft.Text(
            t("pause.run.left", time=format_time_left(session.planned_seconds)),
            size=20,
            key="pause-time-left",
        )
        self.circle = BreathingCircle(t("pause.run.circle"))
        self.progress = ProgressTrack(t("pause.run.progress"), track_width(page_width))
        self.hold_button = ft.OutlinedButton(
            content=t("pause.run.hold"),
            icon=ft.Icons.PAUSE,
            key="pause-hold",
            on_click=on_hold,
            height=TOUCH,
            expand=True,
        )
        self.sound_switch = ft.Switch(
            label=t("pause.run.sound"),
            value=sound,
            key="pause-sound",
            on_change=on_sound,
            height=TOUCH,
            label_text_style=ft.TextStyle(size=17),
        )
        top: list[ft.Control] = [heading(t(f"pause.kind.{session.kind.id}.name"))]
        if not reduce_motion:
            top.append(self.circle.root)
        top += [
            # A live region: screen readers hear each new phase without an extra message.
            ft.Semantics(live_region=True, content=self.phase_word),
            self.time_left,
        ]
        self._lower: list[ft.Control] = [
            self.progress.root,
            # Stacked, each the full width: easy to reach one-handed, and nothing clips at 200 %.
            ft.Row(
                [
                    primary_button(
                        t("pause.run.stop"),
                        on_stop,
                        key="pause-stop",
                        icon=ft.Icons.STOP,
                        height=TOUCH + 8,
                    )
                ]
            ),
            ft.Row([self.hold_button]),
            # For eyes closed: a tone per breath. Remembered as the Geluid setting.
            ft.Row([self.sound_switch]),
        ]
        self.lower_pending = lower_later
        parts = top if lower_later else top + self._lower
        self.root = ft.Column(parts, spacing=GAP, horizontal_alignment=ft.CrossAxisAlignment.CENTER)

    def add_lower(self) -> None:
        """The bar and the buttons, when the guide's top went out on its own first."""
        if self.lower_pending:
            self.lower_pending = False
            self.root.controls += self._lower

    def show_phase(self, phase: Phase, session: PauseSession) -> None:
        """Everything a phase changes; the client animates the circle and bar to its end."""
        elapsed = session.elapsed()
        ms = int(max(0.0, phase.end - elapsed) * 1000)
        self.phase_word.value = self.t(f"pause.phase.{phase.name}")
        self._show_time_left(session)
        self.circle.head_for(phase, elapsed, ms)
        self.progress.slide_to(phase.end / session.planned_seconds, ms)

    def show_held(self, session: PauseSession) -> None:
        """The pause is on hold: the guide settles where it is and offers to go on."""
        elapsed = session.elapsed()
        self.circle.settle(elapsed)
        self.progress.slide_to(elapsed / session.planned_seconds, FREEZE_MS)
        self.phase_word.value = self.t("pause.run.paused")
        self._show_time_left(session)
        self._label_hold("pause.run.resume", ft.Icons.PLAY_ARROW)

    def show_resumed(self) -> None:
        self._label_hold("pause.run.hold", ft.Icons.PAUSE)

    def _show_time_left(self, session: PauseSession) -> None:
        self.time_left.value = self.t("pause.run.left", time=format_time_left(session.remaining()))

    def _label_hold(self, key: str, icon: ft.IconData) -> None:
        self.hold_button.content = self.t(key)
        self.hold_button.icon = icon
