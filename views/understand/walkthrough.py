"""Begrijpen: the walk-through of why relaxing fails after long stress, one card at a time."""

from __future__ import annotations

from functools import partial

import flet as ft

from domain.understand.reading import WalkthroughState, swipe_step
from domain.understand.walkthrough import SUPPORT_CHAPTER_ID, Card, walkthrough_for
from storage.walkthrough_repository import WalkthroughRepository
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH
from views.shell.widgets import body_text, heading
from views.understand.cards import (
    RedrawnScreen,
    action_button,
    button_style,
    not_medical_line,
    reframe_panel,
    run_action,
    wrapping_button,
)
from views.understand.saving import SavingRepository

# Next and back share a row: less side padding keeps "Volgende" on one line at 200 % text.
STEP_PADDING = ft.Padding.symmetric(vertical=14, horizontal=8)


class WalkthroughView(RedrawnScreen):
    """One card at a time, with progress, next/back, swipe and a chapter list."""

    def __init__(self, ctx: AppContext, state: WalkthroughState) -> None:
        super().__init__()
        self.ctx = ctx
        self.state = state
        self.drag_from: float | None = None
        # Vorige / Volgende are made once and only updated: a button drawn anew between a press
        # and its release would lose that tap, and people tap Volgende quickly.
        t, style = ctx.t, button_style(padding=STEP_PADDING)
        self._back = ft.OutlinedButton(
            content=t("understand.step_back"), key="step-back", on_click=self.go_back,
            expand=True, style=style,
        )  # fmt: skip
        self._next = ft.FilledButton(
            content=t("understand.step_next"), key="step-next", on_click=self.go_next,
            expand=True, style=style,
        )  # fmt: skip
        self._steps = ft.Row([self._back, self._next], spacing=GAP)
        self.compose()

    # --- moves --------------------------------------------------------------------------------

    def go_next(self) -> None:
        if self.state.go_next(self.ctx.now()):
            self.redraw()

    def go_back(self) -> None:
        if self.state.go_back(self.ctx.now()):
            self.redraw()

    def open_chapter(self, chapter_id: str) -> None:
        self.state.open_chapter(chapter_id, self.ctx.now())
        self.redraw()

    def drag_down(self, e: ft.DragDownEvent) -> None:
        # Where the pointer touched, not where the drag was recognised: when the browser merges
        # a quick drag's moves into one, the recognised start is already at the end.
        self.drag_from = e.local_position.x

    def swipe(self, e: ft.DragEndEvent) -> None:
        speed = e.primary_velocity if e.primary_velocity is not None else e.velocity.x
        distance = None if self.drag_from is None else e.local_position.x - self.drag_from
        self.drag_from = None
        step = swipe_step(speed, distance)
        if step > 0:
            self.go_next()
        elif step < 0:
            self.go_back()

    def key_pressed(self, e: ft.KeyboardEvent) -> None:
        """Arrow keys step through the cards on a keyboard, as the swipe does on a phone."""
        if e.ctrl or e.alt or e.meta or e.shift:
            return
        if e.key == "Arrow Right":
            self.go_next()
        elif e.key == "Arrow Left":
            self.go_back()

    def toggle_reframe(self) -> None:
        self.state.toggle_reframe()
        self.redraw()

    # --- drawing ------------------------------------------------------------------------------

    def compose(self) -> None:
        state, t = self.state, self.ctx.t
        self.column.controls = [
            self.progress(),
            self.chapter_list(),
            ft.GestureDetector(
                content=self.card_view(state.card),
                on_horizontal_drag_down=self.drag_down,
                on_horizontal_drag_end=self.swipe,
                drag_interval=50,
                # Screen readers move with Volgende / Vorige; the swipe's own scroll actions
                # would otherwise hide the card's text from them.
                exclude_from_semantics=True,
                key="step-swipe",
            ),
            self.step_buttons(),
            wrapping_button(
                ft.OutlinedButton,
                t("understand.selfcheck.open"),
                lambda: self.ctx.navigate("/understand/selfcheck"),
                key="selfcheck-open",
                icon=ft.Icons.CHECKLIST,
            ),
        ]

    def progress(self) -> ft.Control:
        state, t = self.state, self.ctx.t
        spoken = t("understand.progress_label", current=state.index + 1, total=state.total)
        return ft.Column(
            [
                ft.Row(
                    [
                        ft.Text(
                            state.chapter.title,
                            size=15,
                            color=ft.Colors.ON_SURFACE_VARIANT,
                            expand=True,
                            key="step-chapter",
                        ),
                        ft.Semantics(
                            label=spoken,
                            exclude_semantics=True,  # said once, in words, not "3 / 13" as well
                            content=ft.Text(state.label, size=15, key="step-progress"),
                        ),
                    ],
                    vertical_alignment=ft.CrossAxisAlignment.START,
                ),
                ft.ProgressBar(
                    value=state.fraction,
                    bar_height=6,
                    border_radius=3,
                    semantics_label=spoken,
                    key="step-progress-bar",
                ),
            ],
            spacing=6,
        )

    def chapter_list(self) -> ft.Control:
        state, t = self.state, self.ctx.t
        return ft.ExpansionTile(
            title=ft.Text(t("understand.chapters"), size=17),
            key="step-chapters",
            min_tile_height=TOUCH,
            controls=[
                ft.TextButton(
                    content=ft.Text(
                        f"{number}. {chapter.title}",
                        size=17,
                        no_wrap=False,
                        weight=ft.FontWeight.W_600 if chapter.id == state.chapter.id else None,
                    ),
                    key=f"chapter-{chapter.id}",
                    on_click=partial(self.open_chapter, chapter.id),
                    style=button_style(alignment=ft.Alignment.CENTER_LEFT),
                )
                for number, chapter in enumerate(state.walkthrough.chapters, start=1)
            ],
            expanded_cross_axis_alignment=ft.CrossAxisAlignment.STRETCH,
        )

    def card_view(self, card: Card) -> ft.Control:
        t = self.ctx.t
        parts: list[ft.Control] = [heading(card.title, key="step-title")]
        parts += [body_text(p) for p in card.paragraphs]
        parts += [
            ft.Row(
                [ft.Icon(ft.Icons.CIRCLE, size=8), body_text(b, expand=True)],
                vertical_alignment=ft.CrossAxisAlignment.START,
                spacing=12,
            )
            for b in card.bullets
        ]
        if card.quote:
            parts.append(
                ft.Container(
                    content=body_text(card.quote, italic=True),
                    padding=ft.Padding.only(left=GAP),
                    border=ft.Border.only(left=ft.BorderSide(4, ft.Colors.PRIMARY)),
                )
            )
        if card.chapter_id == SUPPORT_CHAPTER_ID:
            parts.append(not_medical_line(self.ctx))
        action = card.action
        if action is not None:
            parts.append(ft.Text(t("understand.do_it_now"), size=15, weight=ft.FontWeight.W_600))
            parts.append(
                action_button(
                    t(action.label_key),
                    partial(run_action, self.ctx, action, self.toggle_reframe),
                    key=f"step-action-{action.id}",
                    icon=ft.Icons.ARROW_FORWARD,
                )
            )
        if self.state.showing_reframe:
            parts.append(
                reframe_panel(
                    self.state.walkthrough.reframe,
                    t("understand.reframe_close"),
                    self.toggle_reframe,
                    key="step-reframe",
                )
            )
        return ft.Container(
            content=ft.Column(parts, spacing=GAP * 3 // 4),
            padding=GAP,
            border_radius=16,
            bgcolor=ft.Colors.SURFACE_CONTAINER_LOW,
            key=f"card-{card.id}",
        )

    def step_buttons(self) -> ft.Control:
        self._back.disabled = self.state.is_first
        self._next.disabled = self.state.is_last
        return self._steps


def build(ctx: AppContext) -> ft.Control:
    repo = WalkthroughRepository(ctx.store)
    content, progress = walkthrough_for(ctx.lang), repo.load_progress()
    state = ctx.state(
        WalkthroughState,
        lambda: WalkthroughState.resume(content, progress, SavingRepository(repo)),
    )
    state.reopen(content, progress)
    view = WalkthroughView(ctx, state)
    page = ctx.page
    page.on_keyboard_event = view.key_pressed
    ctx.on_leave(lambda: setattr(page, "on_keyboard_event", None))
    return view.root
