"""Pauze: the home screen, topped by the one-tap pause, then the catalogue, own rhythm, history."""

from __future__ import annotations

import asyncio
import logging

import flet as ft

from domain.pause.cues import cues_for
from domain.pause.kinds import CATALOGUE, CUSTOM, PauseKind, fit_seconds, length_words
from domain.pause.schedule import schedule_phases
from views.pause.ready import ReadyPause
from views.pause.state import CUSTOM_FIELDS, PauseScreen, pause_screen
from views.shell.context import AppContext
from views.shell.theme import BIG_TOUCH, GAP, TOUCH
from views.shell.widgets import body_text, card, heading, primary_button

log = logging.getLogger("adempauze.pause")


# How long the default pause's first look is shown on its own before the running screen takes
# its place: long enough for the web client to draw it first.
HANDOVER_AFTER = 0.12


def start_now(ctx: AppContext, kind: str | None = None, seconds: int | None = None) -> None:
    """Open the running pause straight away."""
    # The screen is about to be replaced: diffing it once more after the tap would only delay
    # the guide (the whole catalogue and history would be compared for nothing).
    ft.context.disable_auto_update()
    ctx.start_pause(kind, seconds)


def start_default(ctx: AppContext, ready: ReadyPause, below: ft.Control) -> None:
    """Pauze nu: show the first look laid out ahead, then open the running pause behind it."""
    ft.context.disable_auto_update()
    if ready.shown:
        return  # a second tap of a double tap: the pause is already on its way
    drawing = ctx.first_paint_delay > 0  # view tests have no client: all goes in one go
    # A change of settings draws home (and its first look) anew; the device's wish for less
    # motion may arrive after home was drawn.
    less_motion = pause_screen(ctx).wants_less_motion(ctx.settings)
    if not drawing or ready.reduce_motion != less_motion:
        ctx.start_pause()
        return
    ready.show(over=below)

    async def hand_over() -> None:
        await asyncio.sleep(HANDOVER_AFTER)
        if ctx.path == "/" and ready.shown:  # still on home: nothing else was opened meanwhile
            ctx.start_pause(shown_ahead=True)

    ctx.page.run_task(hand_over)


def build(ctx: AppContext) -> ft.Control:
    state = pause_screen(ctx)
    _learn_system_reduce_motion(ctx, state)
    # Made (and so registered with the client) now, so the tap on Pauze nu carries no extra
    # messages; the running pause takes these same two from the session.
    _ = (ctx.services.haptics, ctx.services.wakelock)
    settings = ctx.settings
    default = state.kind(settings.default_pause_kind)
    default_seconds = fit_seconds(default, settings.default_pause_seconds)
    ready = ReadyPause(
        ctx, default, default_seconds, reduce_motion=state.wants_less_motion(settings)
    )
    ready.place()
    # What lies below Pauze nu; the tap takes it away under the first look, so the client no
    # longer paints it (the history chart) while the running screen is on its way.
    below = ft.Column(spacing=GAP)
    top: list[ft.Control] = [
        ft.Row(
            [
                primary_button(
                    ctx.t("pause.now"),
                    lambda e: start_default(ctx, ready, below),
                    key="pause-now",
                    icon=ft.Icons.SPA,
                    height=BIG_TOUCH,
                )
            ]
        ),
        body_text(
            ctx.t(
                "pause.now.hint",
                kind=ctx.t(f"pause.kind.{default.id}.name"),
                length=length_words(ctx.t, default_seconds),
            ),
            size=15,
        ),
    ]
    column = ft.Column([*top, below], spacing=GAP)

    def history() -> list[ft.Control]:
        # Loaded with the lower half: the chart library is not needed to show Pauze nu.
        from views.pause.history import history_section

        return [history_section(ctx)]

    def catalogue() -> list[ft.Control]:
        return [
            heading(ctx.t("pause.catalogue.title"), size=22),
            *[_kind_card(ctx, kind) for kind in CATALOGUE.values()],
            CustomForm(ctx, state).root,
        ]

    if state.note_home_drawn():
        below.controls = history() + catalogue()
    else:
        # The first screen of a session: Pauze nu goes out on its own, the history chart and
        # the catalogue follow a moment later. Sent at once, the web client lays them all out
        # before the button can be tapped (cold start 1.5x a bare Flet app; 1.3x this way).

        def gone() -> bool:
            return ctx.path != "/" or column.page is None or ready.shown

        async def fill() -> None:
            await asyncio.sleep(ctx.first_paint_delay)
            lower: list[ft.Control] = []
            for part in (history, catalogue):
                # Built in steps: a tap on Pauze nu meanwhile is handled first, and then
                # nothing more is built or sent for a screen that is gone.
                if gone():
                    return
                lower += part()
                await asyncio.sleep(0)
            if gone():
                return
            below.controls = lower
            below.update()
            if ctx.settings.sound:
                # Geluid on: the default pause's tones are fetched now, so none waits for a tap.
                phases = schedule_phases(default.pattern, default_seconds)
                state.cues.load(cues_for(default, phases))
            await _load_wakelock(ctx)

        ctx.page.run_task(fill)
    return ft.Container(padding=GAP, content=column)


async def _load_wakelock(ctx: AppContext) -> None:
    """Have the web client load its keep-awake script now, not on the tap that starts a pause.

    In a browser the wakelock's script (no_sleep.js) is fetched on the first call to it; asking
    whether it is on changes nothing and fetches it while the home screen is idle.
    """
    if not ctx.page.web:
        return
    try:
        await ctx.services.wakelock.is_enabled()
    except Exception:
        log.info("the wakelock could not be asked", exc_info=True)


def _kind_card(ctx: AppContext, kind: PauseKind) -> ft.Control:
    name = ctx.t(f"pause.kind.{kind.id}.name")
    # Each length is its own start button: choosing how long is the same tap as starting.
    starts: list[ft.Control] = [
        ft.OutlinedButton(
            content=ft.Text(
                length_words(ctx.t, seconds),
                size=16,
                semantics_label=ctx.t(
                    "pause.catalogue.start", kind=name, length=length_words(ctx.t, seconds)
                ),
            ),
            icon=ft.Icons.PLAY_ARROW,
            key=f"pause-start-{kind.id}-{seconds}",
            on_click=lambda e, k=kind.id, s=seconds: ctx.start_pause(k, s),
            height=TOUCH,
        )
        for seconds in kind.durations
    ]
    return card(
        ft.Text(name, size=20, weight=ft.FontWeight.W_600),
        body_text(ctx.t(f"pause.kind.{kind.id}.desc"), size=16),
        ft.Row(starts, wrap=True, spacing=8, run_spacing=8),
    )


class CustomForm:
    """The user's own in / hold / out / hold pattern, with a calm note beside each field."""

    def __init__(self, ctx: AppContext, state: PauseScreen) -> None:
        self.ctx, self.state = ctx, state
        self.fields = {
            name: ft.TextField(
                label=ctx.t(f"pause.custom.{name}"),
                value=state.custom_values[name],
                keyboard_type=ft.KeyboardType.NUMBER,
                key=f"pause-custom-{name}",
                text_size=18,
            )
            for name in CUSTOM_FIELDS
        }
        self.notes = {
            name: ft.Text(
                "",
                visible=False,
                size=15,
                color=ft.Colors.ON_SURFACE_VARIANT,
                key=f"pause-custom-{name}-note",
            )
            for name in CUSTOM_FIELDS
        }
        rows: list[ft.Control] = []
        for name in CUSTOM_FIELDS:
            rows += [self.fields[name], self.notes[name]]
        self.root = card(
            ft.Text(ctx.t("pause.custom.title"), size=20, weight=ft.FontWeight.W_600),
            body_text(ctx.t("pause.kind.custom.desc"), size=16),
            *rows,
            ft.Row(
                [
                    primary_button(
                        ctx.t("pause.custom.start"),
                        self.start,
                        key="pause-custom-start",
                        icon=ft.Icons.PLAY_ARROW,
                        height=TOUCH + 8,
                    )
                ]
            ),
        )

    def values(self) -> dict[str, str]:
        return {name: (field.value or "").strip() for name, field in self.fields.items()}

    def start(self, e: ft.Event[ft.Button]) -> None:
        errors = self.state.choose_custom(self.values())
        for name, note in self.notes.items():
            note.value = self.ctx.t(errors[name]) if name in errors else ""
            note.visible = name in errors
        if errors or self.state.custom is None:
            self.root.update()
            return
        start_now(self.ctx, CUSTOM, self.state.custom.total)


def _learn_system_reduce_motion(ctx: AppContext, state: PauseScreen) -> None:
    """Ask the device once per session whether it prefers less motion; the guide honours it."""
    if not state.start_asking_system():
        return

    async def ask() -> None:
        try:
            features = await ctx.services.semantics.get_accessibility_features()
            state.note_system_reduce_motion(
                bool(features.reduce_motion or features.disable_animations)
            )
        except Exception:
            log.info("accessibility features unavailable", exc_info=True)

    ctx.page.run_task(ask)
