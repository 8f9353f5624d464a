"""Instellingen: language, look, pauses, capacity and rhythm, each applied the moment it changes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import flet as ft

from domain.numbers import format_hours
from domain.pause.kinds import length_words
from domain.settings.form import SettingsForm, parse_hours
from domain.settings.preferences import PAUSE_KINDS, PAUSE_LENGTHS
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH
from views.shell.widgets import body_text, field_error, heading

log = logging.getLogger("adempauze.settings")

RHYTHM_FIELDS = ("bedtime", "wake_time", "screens_off")
# The controls whose chosen value is saved the moment it changes.
Chosen = TypeVar("Chosen", ft.RadioGroup, ft.Switch, ft.Dropdown)


def build(ctx: AppContext) -> ft.Control:
    return _screen(
        [
            heading(ctx.t("settings.title")),
            _section(ctx, "settings.section.look", _look_controls(ctx)),
            _section(ctx, "settings.section.pause", _pause_controls(ctx)),
            _section(ctx, "settings.section.plan", [_capacity_field(ctx)]),
            _section(ctx, "settings.section.rhythm", _rhythm_controls(ctx)),
            _link(
                ctx,
                "settings.reminders",
                "settings.reminders.hint",
                "/settings/reminders",
                ft.Icons.NOTIFICATIONS_NONE,
                "settings-reminders-link",
            ),
            _link(
                ctx,
                "settings.data",
                "settings.data.hint",
                "/settings/data",
                ft.Icons.FOLDER_OUTLINED,
                "settings-data",
            ),
            _link(
                ctx,
                "settings.about",
                "settings.about.hint",
                "/about",
                ft.Icons.INFO_OUTLINE,
                "settings-about",
            ),
        ]
    )


def build_rhythm(ctx: AppContext) -> ft.Control:
    return _screen([heading(ctx.t("settings.section.rhythm")), *_rhythm_controls(ctx)])


def _screen(controls: list[ft.Control]) -> ft.Control:
    return ft.Container(padding=GAP, content=ft.Column(controls, spacing=GAP))


def _section(ctx: AppContext, title_key: str, controls: list[ft.Control]) -> ft.Control:
    return ft.Column([heading(ctx.t(title_key), size=20), *controls], spacing=GAP // 2)


# --- applying a change ------------------------------------------------------------------------


def settings_form(ctx: AppContext) -> SettingsForm:
    """Refused input stays on screen with its message until it is fixed, across rebuilds."""
    return ctx.state(SettingsForm, lambda: SettingsForm(ctx.update_settings))


def apply_change(ctx: AppContext, name: str, value: object, typed: str | None = None) -> bool:
    """Save one setting at once; a refused value leaves its message beside the field."""
    if settings_form(ctx).change(ctx.settings, name, value, typed):
        return True
    ctx.refresh()
    return False


def _error_for(ctx: AppContext, name: str) -> str | None:
    key = settings_form(ctx).error_for(name)
    return ctx.t(key) if key else None


def _on(
    ctx: AppContext, name: str, convert: Callable[[Any], object] = lambda v: v
) -> Callable[[ft.Event[Chosen]], None]:
    def handler(e: ft.Event[Chosen]) -> None:
        try:
            value = convert(e.control.value)
        except (TypeError, ValueError):
            # Only a tampered client can send a value no option has; keep what was saved.
            log.warning("ignored an impossible value for %s: %r", name, e.control.value)
            return
        apply_change(ctx, name, value)

    return handler


# --- the controls -----------------------------------------------------------------------------


def _radio_group(
    ctx: AppContext, name: str, options: list[tuple[str, str]], key: str
) -> ft.RadioGroup:
    current = getattr(ctx.settings, name)
    return ft.RadioGroup(
        key=key,
        value=current,
        on_change=_on(ctx, name),
        content=ft.Column(
            [
                ft.Radio(
                    value=value,
                    label=ctx.t(label),
                    height=TOUCH,
                    label_style=ft.TextStyle(size=17),
                )
                for value, label in options
            ],
            spacing=0,
        ),
    )


def _look_controls(ctx: AppContext) -> list[ft.Control]:
    # With no saved choice the shown language is the one the app picked (flag or device).
    language = ctx.settings.language or ctx.lang
    language_group = _radio_group(
        ctx,
        "language",
        [("nl", "settings.language.nl"), ("en", "settings.language.en")],
        "settings-language",
    )
    language_group.value = language
    return [
        ft.Text(ctx.t("settings.language"), size=17, weight=ft.FontWeight.W_500),
        language_group,
        ft.Text(ctx.t("settings.theme"), size=17, weight=ft.FontWeight.W_500),
        _radio_group(
            ctx,
            "theme",
            [(t, f"settings.theme.{t}") for t in ("system", "light", "dark")],
            "settings-theme",
        ),
        _switch(ctx, "reduce_motion", "settings-reduce-motion"),
        _switch(ctx, "haptics", "settings-haptics"),
        # For eyes closed: a soft tone per breath; the running pause has the same switch.
        _switch(ctx, "sound", "settings-sound"),
    ]


def _switch(ctx: AppContext, name: str, key: str) -> ft.Control:
    return ft.Column(
        [
            ft.Switch(
                label=ctx.t(f"settings.{name}"),
                value=bool(getattr(ctx.settings, name)),
                key=key,
                on_change=_on(ctx, name, bool),
                height=TOUCH,
                label_text_style=ft.TextStyle(size=17),
            ),
            body_text(ctx.t(f"settings.{name}.hint"), size=15),
        ],
        spacing=0,
    )


def _pause_controls(ctx: AppContext) -> list[ft.Control]:
    settings = ctx.settings
    lengths = sorted({*PAUSE_LENGTHS, settings.default_pause_seconds})
    return [
        _named(
            ft.Dropdown(
                label=ctx.t("settings.pause_kind"),
                key="settings-pause-kind",
                value=settings.default_pause_kind,
                options=[
                    ft.DropdownOption(key=kind, text=ctx.t(f"pause.kind.{kind}.name"))
                    for kind in PAUSE_KINDS
                ],
                on_select=_on(ctx, "default_pause_kind"),
                expand=True,
            ),
            ctx.t("settings.pause_kind"),
            ctx.t(f"pause.kind.{settings.default_pause_kind}.name"),
        ),
        _named(
            ft.Dropdown(
                label=ctx.t("settings.pause_length"),
                key="settings-pause-length",
                value=str(settings.default_pause_seconds),
                options=[
                    ft.DropdownOption(key=str(seconds), text=length_words(ctx.t, seconds))
                    for seconds in lengths
                ],
                on_select=_on(ctx, "default_pause_seconds", int),
                expand=True,
            ),
            ctx.t("settings.pause_length"),
            length_words(ctx.t, settings.default_pause_seconds),
        ),
    ]


def _named(dropdown: ft.Dropdown, label: str, current: str) -> ft.Control:
    """A dropdown a screen reader can name: the web client leaves its button without a label."""
    return ft.MergeSemantics(
        content=ft.Semantics(label=f"{label}: {current}", button=True, content=dropdown),
        expand=True,
    )


def text_field(
    ctx: AppContext,
    name: str,
    label_key: str,
    key: str,
    value: str,
    convert: Callable[[str], object] = lambda v: v,
    hint: str | None = None,
) -> ft.Control:
    """A typed setting, saved on Enter or on leaving the field; a refused one keeps its text."""
    error = _error_for(ctx, name)
    draft = settings_form(ctx).draft_for(name)

    def commit(e: ft.Event[ft.TextField]) -> None:
        # Enter hands over the text as it was at that key; a blur has only the field's value.
        typed = (e.data if isinstance(e.data, str) else e.control.value or "").strip()
        apply_change(ctx, name, convert(typed), typed)

    return ft.Column(
        [
            ft.TextField(
                label=ctx.t(label_key),
                value=draft if draft is not None else value,
                key=key,
                hint_text=hint,
                on_submit=commit,
                on_blur=commit,
                text_size=18,
                height=TOUCH + 16,
            ),
            # The message sits right under its field, so it is clear which value was refused.
            field_error(error, key=f"{key}-error"),
        ],
        spacing=4,
    )


def _capacity_field(ctx: AppContext) -> ft.Control:
    return ft.Column(
        [
            text_field(
                ctx,
                "daily_capacity_hours",
                "settings.capacity",
                "settings-capacity",
                format_hours(ctx.settings.daily_capacity_hours, ctx.lang),
                parse_hours,
            ),
            body_text(ctx.t("settings.capacity.hint"), size=15),
        ],
        spacing=0,
    )


def _rhythm_controls(ctx: AppContext) -> list[ft.Control]:
    keys = {
        "bedtime": "settings-bedtime",
        "wake_time": "settings-wake",
        "screens_off": "settings-screens-off",
    }
    return [
        body_text(ctx.t("settings.rhythm.intro"), size=15),
        *[
            text_field(
                ctx,
                name,
                f"settings.{name}",
                keys[name],
                getattr(ctx.settings, name),
                hint=ctx.t("settings.time.hint"),
            )
            for name in RHYTHM_FIELDS
        ],
    ]


def _link(
    ctx: AppContext, title_key: str, hint_key: str, route: str, icon: ft.IconData, key: str
) -> ft.Control:
    return ft.ListTile(
        leading=ft.Icon(icon),
        title=ft.Text(ctx.t(title_key), size=18),
        subtitle=ft.Text(ctx.t(hint_key), size=15),
        trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT),
        on_click=lambda e: ctx.navigate(route),
        key=key,
        min_height=TOUCH + 16,
    )
