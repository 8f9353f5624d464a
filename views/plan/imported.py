"""Events from the user's own calendar on a day: read-only cards, their weight, and the advice.

The truth about these events is in the user's calendar: here they can only say how heavy one
weighs, and on a full day what they will do about it there ("ik verplaats het", "ik zeg af",
"laat staan").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import flet as ft

from domain.plan.boundaries import Boundary
from domain.plan.calendar.advice import CalendarWayOut, EventAnswer
from domain.plan.calendar.events import CHOICE_KINDS, ImportedEvent
from domain.plan.items import ENERGIES, AgendaItem
from domain.plan.overview import DayPlan
from views.plan.controls import item_warnings, note, row_of
from views.plan.words import day_words, item_summary
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH
from views.shell.widgets import body_text, card


@dataclass(frozen=True)
class ImportedView:
    """What the screen shows of one imported event: the event, its calendar's name, the answer."""

    event: ImportedEvent
    label: str
    answer: EventAnswer | None = None


@dataclass(frozen=True)
class CalendarActions:
    """What the user can do about an imported event; the screen carries each one out."""

    # (event, "energy" or "kind", value or None for the calendar's own)
    weigh: Callable[[ImportedEvent, str, str | None], None]
    answer: Callable[[CalendarWayOut, str], None]
    unanswer: Callable[[EventAnswer, str], None]
    copy: Callable[[str], None]


def weight_menu(
    ctx: AppContext, item: AgendaItem, event: ImportedEvent, actions: CalendarActions
) -> ft.Control:
    """A small menu to say how heavy this event weighs for the user (kept across imports)."""
    t = ctx.t

    def weight(field: str, value: str, checked: bool) -> ft.PopupMenuItem:
        """One entry: the event weighs `value` as its "energy" or its "kind"."""
        return ft.PopupMenuItem(
            content=t(f"plan.calendar.menu.{field}", **{field: t(f"plan.{field}.{value}")}),
            checked=checked,
            key=f"plan-event-{field}-{value}-{item.id}",
            on_click=lambda e: actions.weigh(event, field, value),
        )

    entries = [weight("energy", energy, event.energy == energy) for energy in ENERGIES]
    entries += [weight("kind", kind, event.kind == kind) for kind in CHOICE_KINDS]
    entries.append(
        ft.PopupMenuItem(
            content=t("plan.calendar.menu.reset"),
            key=f"plan-event-reset-{item.id}",
            on_click=lambda e: actions.weigh(event, "reset", None),
        )
    )
    label = t("plan.calendar.menu", title=item.title)
    face = ft.Icon(ft.Icons.TUNE)
    return menu_button(label, face, entries, key=f"plan-event-menu-{item.id}", width=TOUCH)


def menu_button(
    label: str,
    face: ft.Control,
    entries: list[ft.PopupMenuItem],
    *,
    key: str,
    width: int | None = None,
) -> ft.Control:
    """A button that opens a small menu: a full thumb's size, named once for screen readers."""
    return ft.MergeSemantics(
        content=ft.PopupMenuButton(
            content=ft.Container(
                content=face,
                # an icon gets a thumb's square; a text face brings its own padding and may wrap
                height=TOUCH if width else None,
                width=width,
                alignment=ft.Alignment.CENTER if width else ft.Alignment.CENTER_LEFT,
            ),
            items=entries,
            tooltip=label,
            key=key,
        )
    )


def imported_card(
    ctx: AppContext,
    item: AgendaItem,
    shown: ImportedView,
    plan: DayPlan,
    boundaries: list[Boundary],
    actions: CalendarActions,
) -> ft.Control:
    """An event from the user's calendar: its source, its weight and warnings; nothing to edit."""
    t = ctx.t
    event, answer = shown.event, shown.answer
    summary = item_summary(ctx, item)
    warnings = item_warnings(ctx, item, plan, boundaries)
    if answer is not None and answer.answer == "move":
        moved_from = day_words(ctx, answer.seen_start.date())
        warnings.append(note(t("plan.calendar.moved_here", day=moved_from), ft.Icons.EVENT_REPEAT))
    title_row = ft.Row(
        [
            ft.Text(item.title, size=18, weight=ft.FontWeight.W_600, no_wrap=False, expand=True, key=f"plan-item-{item.id}"),
            weight_menu(ctx, item, event, actions),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
        spacing=0,
    )  # fmt: skip
    source = ft.Row(
        [
            ft.Icon(ft.Icons.CALENDAR_MONTH_OUTLINED, size=20, color=ft.Colors.PRIMARY),
            ft.Text(
                t("plan.calendar.readonly", name=shown.label),
                size=15,
                expand=True,
                no_wrap=False,
                key=f"plan-item-source-{item.id}",
            ),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
    )
    return ft.Container(
        key=f"plan-imported-{item.id}",
        content=card(title_row, source, body_text(summary, size=15), *warnings),
    )


def calendar_advice(
    ctx: AppContext, ways: list[CalendarWayOut], actions: CalendarActions
) -> list[ft.Control]:
    """On a full day, per imported event: move it in the calendar, or decline, or keep it."""
    t = ctx.t
    parts: list[ft.Control] = []
    moves = {w.item_id: w for w in ways if w.action == "move"}
    declines = {w.item_id: w for w in ways if w.action == "decline"}
    for item_id, move in moves.items():
        decline = declines.get(item_id)
        day = day_words(ctx, move.to_day) if move.to_day else ""
        lines: list[ft.Control] = [
            ft.Row(
                [
                    ft.Icon(ft.Icons.CALENDAR_MONTH_OUTLINED, color=ft.Colors.ON_TERTIARY_CONTAINER),
                    body_text(t("plan.calendar.advice", title=move.title, day=day), size=16, expand=True),
                ],
                vertical_alignment=ft.CrossAxisAlignment.START,
            )
        ]  # fmt: skip
        # One button per answer, each of its own kind (filled, outlined, text): the keyword lists
        # look alike, what they say and do differs.
        buttons: list[ft.Control] = [
            ft.FilledTonalButton(
                content=t("plan.calendar.answer.move", title=move.title),
                icon=ft.Icons.EVENT_REPEAT,
                key=f"plan-cal-move-{item_id}",
                on_click=lambda e, w=move: actions.answer(w, "move"),
                height=TOUCH,
            )
        ]
        if decline is not None:
            phrase = t(decline.phrase_keys[0]) if decline.phrase_keys else ""
            if phrase:
                lines.append(body_text(t("plan.calendar.phrase", phrase=phrase), size=15))
            # Shaped like the move button above; another answer, another kind of button.
            buttons.append(
                ft.OutlinedButton(
                    content=t("plan.calendar.answer.decline", title=move.title),
                    icon=ft.Icons.EVENT_BUSY,
                    key=f"plan-cal-decline-{item_id}",
                    on_click=lambda e, w=decline: actions.answer(w, "decline"),
                    height=TOUCH,
                )
            )
            if phrase:
                buttons.append(
                    ft.TextButton(
                        content=t("plan.calendar.copy"),
                        icon=ft.Icons.CONTENT_COPY,
                        key=f"plan-cal-copy-{item_id}",
                        on_click=lambda e, p=phrase: actions.copy(p),
                        height=TOUCH,
                    )
                )
        buttons.append(
            ft.TextButton(
                content=t("plan.calendar.answer.keep", title=move.title),
                key=f"plan-cal-keep-{item_id}",
                on_click=lambda e, w=move: actions.answer(w, "keep"),
                height=TOUCH,
            )
        )
        parts.append(
            ft.Container(
                key=f"plan-cal-advice-{item_id}",
                padding=ft.Padding.only(top=GAP // 2),
                content=ft.Column([*lines, row_of(*buttons)], spacing=8),
            )
        )
    return parts


def answered_notes(ctx: AppContext, plan: DayPlan, actions: CalendarActions) -> list[ft.Control]:
    """What the user said they will do about events of this day, each with a way to take it back."""
    t = ctx.t
    parts: list[ft.Control] = []
    for answer, title in plan.answered:
        to_day = day_words(ctx, answer.to_day) if answer.to_day else ""
        text = t(f"plan.calendar.answered.{answer.answer}", title=title, day=to_day)
        parts.append(
            ft.Column(
                [
                    note(text, ft.Icons.CALENDAR_MONTH_OUTLINED),
                    ft.TextButton(
                        content=t("plan.calendar.answered.undo", title=title),
                        key=f"plan-cal-unanswer-{answer.id}",
                        on_click=lambda e, a=answer, n=title: actions.unanswer(a, n),
                        height=TOUCH,
                    ),
                ],
                spacing=0,
                key=f"plan-cal-answered-{answer.id}",
            )
        )
    return parts
