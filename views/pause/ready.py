"""The default pause's first look, laid out ahead on home, so **Pauze nu** only has to show it.

A tap that replaces home by a new screen makes the web client build and lay out that screen
before the breath appears: about 20 ms more than changing a word (docs/BENCHMARKS.md, Pauze,
first tap). Home therefore carries the running pause's top (kind, circle, first phase word, time
left) in the page's overlay, in the same frame the running screen uses, fully transparent: laid
out, not painted, not read out, not in the way of a tap. The tap makes it opaque (one small
patch) and the running screen takes its place a moment later, in the same position.
"""

from __future__ import annotations

import flet as ft

from domain.pause.kinds import PauseKind
from domain.pause.session import PauseSession
from views.pause.guide import PauseGuide
from views.shell.context import AppContext
from views.shell.frame import screen_frame
from views.shell.theme import GAP


def _no_action(e: ft.Event[ft.Button] | ft.Event[ft.OutlinedButton]) -> None:
    """The first look has no buttons (they come with the running screen)."""


class ReadyPause:
    """One home screen's prepared first look of its default pause."""

    def __init__(
        self, ctx: AppContext, kind: PauseKind, seconds: int, *, reduce_motion: bool
    ) -> None:
        self.ctx = ctx
        self.reduce_motion = reduce_motion
        self.shown = False
        # Never started: the guide reads only its phases and length to show the first moment.
        session = PauseSession(kind, seconds, clock=lambda: 0.0)
        guide = PauseGuide(
            ctx.translator,
            session,
            page_width=ctx.page.width,
            reduce_motion=reduce_motion,
            on_stop=_no_action,
            on_hold=_no_action,
            lower_later=True,
        )
        # Its keys name the running screen's controls; this copy is only looked at.
        for control in (guide.phase_word, guide.time_left, guide.circle.shape):
            control.key = None
        # The scaffold's own colour, so the first look covers home as the running screen does.
        self.cover = ft.Container(
            content=screen_frame(ft.Container(content=guide.root, padding=GAP)),
            bgcolor=ft.Colors.SURFACE,
            opacity=0,
        )
        # Taps pass through to home while it is hidden (and for the moment it is shown).
        self.root = ft.TransparentPointer(content=self.cover, left=0, top=0, right=0, bottom=0)

    def place(self) -> None:
        """Lay it out with home; it leaves the page with home."""
        self.ctx.page.overlay.append(self.root)
        self.ctx.on_leave(self.remove)

    def remove(self) -> None:
        # By identity: Flet's controls compare equal field by field, so two homes' first looks
        # of the same pause would be taken for one another.
        overlay = self.ctx.page.overlay
        overlay[:] = [control for control in overlay if control is not self.root]

    def show(self, over: ft.Control) -> None:
        """On screen at once, and `over` (what home had below the fold) taken from under it."""
        self.shown = True
        self.cover.opacity = 1
        over.visible = False
        self.ctx.page.update(self.cover, over)
