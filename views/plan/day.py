"""One planned day on screen: its load bar, the calm "your day is full", and each item or moment."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

import flet as ft

from domain.plan.boundaries import Boundary
from domain.plan.items import AgendaItem
from domain.plan.load import WayOut
from domain.plan.overview import DayPlan
from domain.plan.recurrence import moment_state
from domain.plan.times import format_hhmm
from views.plan.controls import item_warnings, note, wide_button
from views.plan.imported import (
    CalendarActions,
    ImportedView,
    answered_notes,
    calendar_advice,
    imported_card,
)
from views.plan.words import day_words, duration_words, hours_words, item_summary, violation_words
from views.shell.context import AppContext
from views.shell.theme import GAP
from views.shell.widgets import body_text, card, icon_action

Act = Callable[[AgendaItem], None]


@dataclass(frozen=True)
class DayActions:
    """What the user can do from a day; the screen decides how each one is carried out."""

    defer: Act
    done: Act
    edit: Act
    delete: Act
    take_moment: Act
    apply_way: Callable[[WayOut], None]
    calendar: CalendarActions | None = None  # what can be said about imported events


def load_bar(ctx: AppContext, plan: DayPlan) -> ft.Control:
    """The day's load against capacity as a bar, with the numbers spoken beside it."""
    load, capacity = hours_words(ctx, plan.load), hours_words(ctx, plan.capacity)
    fraction = min(plan.load / plan.capacity, 1.0) if plan.capacity else 0.0
    label = ctx.t("plan.load.label", day=day_words(ctx, plan.day), load=load, capacity=capacity)
    return ft.Semantics(
        label=label,
        content=ft.Column(
            [
                ft.ProgressBar(
                    value=fraction,
                    bar_height=12,
                    border_radius=6,
                    color=ft.Colors.TERTIARY if plan.over else ft.Colors.PRIMARY,
                    key=f"plan-load-{plan.day.isoformat()}",
                ),
                ft.Text(ctx.t("plan.load", load=load, capacity=capacity), size=15),
            ],
            spacing=4,
        ),
    )


def way_out_button(ctx: AppContext, way: WayOut, actions: DayActions) -> ft.Control:
    """One concrete way out of a full day."""
    if way.action == "move" and way.to_day is not None:
        text = ctx.t("plan.way.move", title=way.title, day=day_words(ctx, way.to_day))
        icon = ft.Icons.EVENT_REPEAT
    elif way.action == "shorten":
        text = ctx.t("plan.way.shorten", title=way.title, minutes=way.minutes)
        icon = ft.Icons.CONTENT_CUT
    else:
        text = ctx.t("plan.way.drop", title=way.title)
        icon = ft.Icons.REMOVE_CIRCLE_OUTLINE
    return ft.Row(
        [
            wide_button(
                text,
                lambda e, w=way: actions.apply_way(w),
                key=f"plan-way-{way.action}-{way.item_id}",
                icon=icon,
            )
        ]
    )


def full_day_card(ctx: AppContext, plan: DayPlan, actions: DayActions) -> ft.Control:
    """ "Je dag zit vol", kindly, with the ways out the domain found."""
    capacity = hours_words(ctx, plan.capacity)
    ways = [way_out_button(ctx, way, actions) for way in plan.ways_out]
    if actions.calendar is not None:
        ways += calendar_advice(ctx, plan.calendar_ways, actions.calendar)
    return ft.Container(
        key=f"plan-full-{plan.day.isoformat()}",
        bgcolor=ft.Colors.TERTIARY_CONTAINER,
        border_radius=12,
        padding=GAP,
        content=ft.Column(
            [
                ft.Row(
                    [
                        ft.Icon(ft.Icons.SPA_OUTLINED, color=ft.Colors.ON_TERTIARY_CONTAINER),
                        ft.Text(ctx.t("plan.full.title"), size=20, weight=ft.FontWeight.W_600),
                    ]
                ),
                body_text(ctx.t("plan.full.body", capacity=capacity), size=16),
                *(ways or [body_text(ctx.t("plan.full.none"), size=16)]),
            ],
            spacing=8,
        ),
    )


def item_card(
    ctx: AppContext,
    item: AgendaItem,
    plan: DayPlan,
    boundaries: list[Boundary],
    actions: DayActions,
) -> ft.Control:
    """One agenda item with its warnings and what can be done with it."""
    t = ctx.t
    summary = item_summary(ctx, item)
    if item.on_screen:
        summary += " · " + t("plan.item.screen")
    warnings = item_warnings(ctx, item, plan, boundaries)
    done = ft.TextButton(
        content=ft.Text(t("plan.done.label", title=item.title), size=16, no_wrap=False),
        icon=ft.Icons.CHECK_BOX if item.done else ft.Icons.CHECK_BOX_OUTLINE_BLANK,
        key=f"plan-done-{item.id}",
        on_click=lambda e, i=item: actions.done(i),
        style=ft.ButtonStyle(
            padding=ft.Padding.symmetric(horizontal=8, vertical=14),
            visual_density=ft.VisualDensity.STANDARD,
        ),
    )
    title_row = ft.Row(
        [
            ft.Text(item.title, size=18, weight=ft.FontWeight.W_600, no_wrap=False, expand=True, key=f"plan-item-{item.id}"),
            icon_action(ft.Icons.EDIT_OUTLINED, t("plan.edit", title=item.title), lambda e, i=item: actions.edit(i), key=f"plan-edit-{item.id}"),
            icon_action(ft.Icons.DELETE_OUTLINE, t("plan.delete", title=item.title), lambda e, i=item: actions.delete(i), key=f"plan-delete-{item.id}"),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
        spacing=0,
    )  # fmt: skip
    defer: list[ft.Control] = []
    if not item.done and not item.recurring:
        # "must" items get the button too, but moving them asks first (the screen handles that)
        defer = [
            ft.Row(
                [
                    wide_button(
                        t("plan.defer", title=item.title),
                        lambda e, i=item: actions.defer(i),
                        key=f"plan-defer-{item.id}",
                        icon=ft.Icons.NEXT_PLAN_OUTLINED,
                    )
                ]
            )
        ]
    return ft.Container(
        opacity=0.6 if item.done else 1.0,
        content=card(title_row, body_text(summary, size=15), *warnings, done, *defer),
    )


def moment_card(
    ctx: AppContext, moment: AgendaItem, now: datetime, actions: DayActions
) -> ft.Control:
    """A recovery moment: tap to start its pause; past ones that weren't taken simply fade."""
    state = moment_state(moment, now)
    when = format_hhmm(moment.start) if moment.start else ""
    label = ctx.t("plan.moment.start", title=moment.title)
    trailing: list[ft.Control] = []
    if state == "taken":
        trailing = [ft.Icon(ft.Icons.CHECK, semantics_label=ctx.t("plan.moment.taken"))]
    return ft.Container(
        opacity=0.45 if state == "faded" else 1.0,
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=12,
        padding=ft.Padding.symmetric(horizontal=8, vertical=4),
        content=ft.Row(
            [
                ft.Text(when, size=16, width=56),
                wide_button(
                    f"{label} · {duration_words(ctx, moment.minutes)}",
                    lambda e, m=moment: actions.take_moment(m),
                    key=f"plan-moment-{moment.id}",
                    icon=ft.Icons.SPA_OUTLINED,
                ),
                *trailing,
            ],
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        ),
    )


def day_section(
    ctx: AppContext,
    plan: DayPlan,
    boundaries: list[Boundary],
    actions: DayActions,
    now: datetime,
    imported: Mapping[str, ImportedView] | None = None,
) -> list[ft.Control]:
    """Everything one day shows, top to bottom; `imported` holds the events from calendars."""
    t = ctx.t
    imported = imported or {}
    parts: list[ft.Control] = [load_bar(ctx, plan)]
    if plan.free:
        parts.append(
            note(t("plan.calendar.free_day"), ft.Icons.BEACH_ACCESS_OUTLINED, key=f"plan-free-{plan.day.isoformat()}")
        )  # fmt: skip
    if plan.over:
        parts.append(full_day_card(ctx, plan, actions))
    if actions.calendar is not None:
        parts += answered_notes(ctx, plan, actions.calendar)
    item_ids = {item.id for item in plan.items}
    day_notes = [
        note(violation_words(ctx, v, boundaries), ft.Icons.FLAG_OUTLINED, key=f"plan-day-warning-{plan.day.isoformat()}-{n}")
        for n, v in enumerate(plan.violations)
        if v.day == plan.day or item_ids & set(v.item_ids)
    ]  # fmt: skip
    parts += day_notes
    parts += [
        note(t("plan.buffer", first=hint.first_title, second=hint.second_title), ft.Icons.AIR)
        for hint in plan.buffers
    ]
    if not plan.items:
        parts.append(body_text(t("plan.empty_day"), size=16))
    for item in plan.items:
        shown = imported.get(item.id)
        if shown is not None and actions.calendar is not None:
            parts.append(imported_card(ctx, item, shown, plan, boundaries, actions.calendar))
        elif item.recurring:
            parts.append(moment_card(ctx, item, now, actions))
        else:
            parts.append(item_card(ctx, item, plan, boundaries, actions))
    return parts
