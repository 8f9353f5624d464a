"""Plannen: today and the week, load against capacity, and the way out of a full day."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

import flet as ft

from domain.plan.items import AgendaItem, InvalidItem, new_item
from domain.plan.load import WayOut
from domain.plan.quickadd import QuickAddError, parse_quick_add
from domain.plan.state import NeedsConfirm
from views.plan.common import (
    confirm,
    day_words,
    export_agenda,
    field_note,
    row_of,
    wide_button,
)
from views.plan.day import DayActions, day_section
from views.plan.extras import between_offer, rhythm_note, rules_section
from views.plan.forms import ItemForm, RuleForm, ask_before_saving
from views.plan.nudge import NudgeBar, planner_state
from views.plan.week import week_bars, week_list
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH
from views.shell.widgets import heading, icon_action

log = logging.getLogger("adempauze.planner")


class PlannerView:
    """The planner screen for one render; short-lived choices live in `ctx.memory["plan.*"]`."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.mem = ctx.memory
        self.now = ctx.now()
        self.day: date = self.mem.get("plan.day") or self.now.date()
        self.state = planner_state(ctx, around=self.day)
        self.mode: str = self.mem.get("plan.mode", "day")
        if ctx.params.get("add") == "recovery" and not self.mem.get("plan.form"):
            self.mem["plan.form"] = {"kind": "rule"}
        self.actions = DayActions(
            defer=self.defer, done=self.toggle_done, edit=self.edit, delete=self.delete,
            take_moment=self.take_moment, apply_way=self.apply_way,
        )  # fmt: skip
        self.nudge = NudgeBar(ctx, self.state, self.take_moment)
        self.quick = ft.TextField(
            label=ctx.t("plan.quick.label"), hint_text=ctx.t("plan.quick.hint"), key="plan-quick",
            on_submit=self.quick_add, text_size=18, value=self.mem.get("plan.quick_text", ""),
        )  # fmt: skip
        error = self.mem.pop("plan.quick_error", None)
        self.quick_error = field_note(ctx.t(error) if error else None, key="plan-quick-error")
        self.root = ft.Container(padding=GAP, content=ft.Column(self.body(), spacing=GAP))
        self.nudge.check(update=False)
        self.nudge.watch()

    # --- layout

    def body(self) -> list[ft.Control]:
        t = self.ctx.t
        parts: list[ft.Control] = [heading(t("plan.title")), self.nudge.root]
        if self.mem.get("plan.offer_between"):
            parts.append(between_offer(self.ctx, self.start_between, self.skip_between))
        parts += [
            self.quick,
            self.quick_error,
            ft.Text(t("plan.quick.help"), size=14, no_wrap=False),
            row_of(
                ft.FilledButton(content=t("plan.add"), icon=ft.Icons.ADD, key="plan-add", on_click=self.open_add, height=TOUCH),
                ft.OutlinedButton(content=t("plan.add_recovery"), icon=ft.Icons.SPA_OUTLINED, key="plan-add-recovery", on_click=self.open_rule, height=TOUCH),
            ),
        ]  # fmt: skip
        form = self.form()
        if form is not None:
            parts.append(form)
        parts.append(self.switcher())
        plans = self.state.plan_week(self.day)
        if self.mode == "week":
            parts.append(week_bars(self.ctx, plans, self.open_day))
            parts += week_list(self.ctx, plans, self.open_day)
        else:
            plan = plans[self.day.weekday()]
            parts += day_section(self.ctx, plan, self.state.boundaries, self.actions, self.now)
        parts += [
            rhythm_note(self.ctx),
            rules_section(self.ctx, self.state, self.delete_rule),
            # full-width buttons sit in a plain Row: an expanding child cannot live in a wrapping one
            ft.Row([wide_button(t("plan.boundaries"), lambda e: self.ctx.navigate("/plan/boundaries"), key="plan-boundaries", icon=ft.Icons.SHIELD_OUTLINED)]),
            ft.Row([wide_button(t("plan.export"), self.export, key="plan-export", icon=ft.Icons.DOWNLOAD)]),
            ft.Container(height=72),  # room above the floating pause button
        ]  # fmt: skip
        return parts

    def form(self) -> ft.Control | None:
        wanted = self.mem.get("plan.form")
        if not wanted:
            return None
        if wanted["kind"] == "rule":
            return RuleForm(self.ctx, self.state, self.rule_saved, self.close_form).root
        item = self.state.find(wanted["id"]) if wanted.get("id") else None
        return ItemForm(self.ctx, self.state, self.day, item, self.item_saved, self.close_form).root

    def switcher(self) -> ft.Control:
        t, week = self.ctx.t, self.mode == "week"
        step = timedelta(days=7 if week else 1)
        title = (
            t("plan.week.title", week=self.day.isocalendar()[1])
            if week
            else day_words(self.ctx, self.day)
        )
        modes = row_of(
            *[
                (ft.FilledTonalButton if self.mode == m else ft.TextButton)(
                    content=t(f"plan.mode.{m}"), key=f"plan-mode-{m}", height=TOUCH,
                    on_click=lambda e, m=m: self.set_view(mode=m),
                )
                for m in ("day", "week")
            ],
            ft.TextButton(content=t("plan.today"), key="plan-today", height=TOUCH, on_click=lambda e: self.set_view(day=self.ctx.now().date())),  # read at the tap: the screen may have been open since before midnight
        )  # fmt: skip
        prev_key, next_key = (
            ("plan.prev_week", "plan.next_week") if week else ("plan.prev_day", "plan.next_day")
        )
        nav = ft.Row(
            [
                icon_action(ft.Icons.CHEVRON_LEFT, t(prev_key), lambda e: self.set_view(day=self.day - step), key="plan-prev"),
                ft.Text(title, size=20, weight=ft.FontWeight.W_600, expand=True, no_wrap=False, text_align=ft.TextAlign.CENTER, key="plan-view-title"),
                icon_action(ft.Icons.CHEVRON_RIGHT, t(next_key), lambda e: self.set_view(day=self.day + step), key="plan-next"),
            ]
        )  # fmt: skip
        return ft.Column([modes, nav], spacing=4)

    # --- navigation and forms

    def set_view(self, *, day: date | None = None, mode: str | None = None) -> None:
        if day is not None:
            self.mem["plan.day"] = day
        if mode is not None:
            self.mem["plan.mode"] = mode
        self.ctx.refresh()

    def open_day(self, day: date) -> None:
        self.set_view(day=day, mode="day")

    def open_add(self, e: Any = None) -> None:
        self.mem["plan.form"] = {"kind": "item"}
        self.ctx.refresh()

    def open_rule(self, e: Any = None) -> None:
        self.mem["plan.form"] = {"kind": "rule"}
        self.ctx.refresh()

    def edit(self, item: AgendaItem) -> None:
        self.mem["plan.form"] = {"kind": "item", "id": item.id}
        self.ctx.refresh()

    def close_form(self) -> None:
        self.mem.pop("plan.form", None)
        if "add" in self.ctx.params:
            self.ctx.navigate("/plan")  # leave "?add=recovery" behind so it won't reopen
        else:
            self.ctx.refresh()

    def item_saved(self, item: AgendaItem) -> None:
        self.mem["plan.day"] = item.day
        self.close_form()

    def rule_saved(self, title: str) -> None:
        self.close_form()
        self.ctx.notify(self.ctx.t("plan.rule.saved", title=title))

    # --- quick add

    def quick_add(self, e: Any = None) -> None:
        # Enter hands over the line as it was at that key, whatever came in after it.
        submitted = getattr(e, "data", None)
        text = submitted if isinstance(submitted, str) else self.quick.value or ""
        try:
            parsed = parse_quick_add(text, self.ctx.now())
        except QuickAddError as exc:
            self.quick_error.value, self.quick_error.visible = self.ctx.t(exc.key), True
            self.quick_error.update()
            return
        try:
            item = new_item(
                title=parsed.title, day=parsed.day, start=parsed.start, minutes=parsed.minutes,
                kind=parsed.kind, energy=parsed.energy, area=parsed.area,
            )  # fmt: skip
        except InvalidItem as exc:  # parse_quick_add checks the same rules; this is the backstop
            self.quick_error.value = self.ctx.t(next(iter(exc.errors.values())))
            self.quick_error.visible = True
            self.quick_error.update()
            return

        def save() -> None:
            self.state.add_item(item)
            self.mem["plan.quick_text"] = ""
            self.ctx.refresh()
            self.ctx.notify(
                self.ctx.t("plan.quick.added", title=item.title, day=day_words(self.ctx, item.day))
            )

        self.mem["plan.quick_text"] = text  # kept if the user goes back from the confirm
        ask_before_saving(self.ctx, self.state, item, save)

    # --- item verbs

    def defer(self, item: AgendaItem, confirmed: bool = False) -> None:
        try:
            target = self.state.defer_item(item.id, confirmed=confirmed)
        except NeedsConfirm:
            day = day_words(self.ctx, self.state.suggest_for(item))
            confirm(
                self.ctx, title=self.ctx.t("plan.defer.must.title"),
                lines=[self.ctx.t("plan.defer.must.body", title=item.title, day=day)],
                yes=self.ctx.t("plan.confirm.move"), no=self.ctx.t("plan.confirm.keep"),
                on_yes=lambda: self.defer(item, confirmed=True), key="plan-confirm-defer",
            )  # fmt: skip
            return
        self.ctx.refresh()
        if target is not None:
            self.ctx.notify(
                self.ctx.t("plan.deferred", title=item.title, day=day_words(self.ctx, target))
            )

    def apply_way(self, way: WayOut) -> None:
        self.state.apply_way_out(way)
        self.ctx.refresh()
        if way.action == "move" and way.to_day is not None:
            self.ctx.notify(
                self.ctx.t("plan.deferred", title=way.title, day=day_words(self.ctx, way.to_day))
            )
        elif way.action == "shorten":
            self.ctx.notify(self.ctx.t("plan.way.shortened", title=way.title, minutes=way.minutes))
        else:
            self.ctx.notify(self.ctx.t("plan.way.dropped", title=way.title))

    def toggle_done(self, item: AgendaItem) -> None:
        changed = self.state.set_done(item, not item.done)
        self.mem["plan.offer_between"] = changed.done
        self.ctx.refresh()

    def start_between(self, e: Any = None) -> None:
        self.mem.pop("plan.offer_between", None)
        self.ctx.start_pause("between", 45)

    def skip_between(self, e: Any = None) -> None:
        self.mem.pop("plan.offer_between", None)
        self.ctx.refresh()

    def delete(self, item: AgendaItem) -> None:
        removed = self.state.delete_item(item.id)
        self.ctx.refresh()
        if removed is None:
            return

        def undo(e: Any = None) -> None:
            self.state.restore_item(removed)
            self.ctx.refresh()

        self.ctx.page.show_dialog(
            ft.SnackBar(
                content=ft.Text(self.ctx.t("plan.deleted", title=removed.title), size=16),
                action=self.ctx.t("plan.undo"), on_action=undo, duration=8000, key="plan-undo",
            )
        )  # fmt: skip

    def delete_rule(self, rule_id: str, title: str) -> None:
        self.state.delete_rule(rule_id)
        self.ctx.refresh()
        self.ctx.notify(self.ctx.t("plan.rule.deleted", title=title))

    # --- recovery moments and the nudge

    def take_moment(self, moment: AgendaItem) -> None:
        rule = next((r for r in self.state.rules if r.id == moment.recovery_rule_id), None)
        self.state.set_done(moment)
        self.ctx.start_pause(rule.pause_kind if rule else None)

    # --- export

    async def export(self, e: Any = None) -> None:
        await export_agenda(self.ctx, self.state)


def build(ctx: AppContext) -> ft.Control:
    return PlannerView(ctx).root


ROUTES = {"/plan": build}
