"""Plannen: today and the week, load against capacity, and the way out of a full day."""

from __future__ import annotations

import logging
from datetime import date

import flet as ft

from domain.plan.calendar.advice import CalendarWayOut, EventAnswer
from domain.plan.calendar.events import ImportedEvent
from domain.plan.calendar.sources import CalendarSource
from domain.plan.items import AgendaItem, InvalidItem, new_item
from domain.plan.load import WayOut
from domain.plan.overview import DayPlan
from domain.plan.quickadd import QuickAddError, parse_quick_add
from domain.plan.recurrence import RecoveryRule
from domain.plan.state import NeedsConfirm
from views.plan.calendar_sources import sources_section
from views.plan.controls import confirm, row_of, wide_button
from views.plan.day import DayActions, day_section
from views.plan.imported import CalendarActions, ImportedView
from views.plan.item_form import ItemForm, ask_before_saving
from views.plan.links import follow_link, link_to
from views.plan.nudge import NudgeBar, between_offer
from views.plan.rhythm_and_rules import rhythm_note, rules_section
from views.plan.rule_form import RuleForm
from views.plan.state import Mode, plan_screen, planner_state
from views.plan.switcher import switcher
from views.plan.week import week_bars, week_list
from views.plan.words import day_words
from views.shell.context import AppContext
from views.shell.theme import GAP, TOUCH
from views.shell.widgets import field_error, heading

log = logging.getLogger("adempauze.planner")


class PlannerView:
    """The planner screen for one render; what outlives a rebuild lives in `PlanScreen`."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.screen = plan_screen(ctx)
        self.now = ctx.now()
        follow_link(ctx, self.screen, self.now.date())
        self.day = self.screen.shown_day(self.now.date())
        self.state = planner_state(ctx, around=self.day)
        if ctx.params.get("add") == "recovery" and self.screen.form is None:
            self.screen.open_rule_form()
        self.actions = DayActions(
            defer=self.defer, done=self.toggle_done, edit=self.edit, delete=self.delete,
            take_moment=self.take_moment, apply_way=self.apply_way,
            calendar=CalendarActions(weigh=self.weigh, answer=self.answer, unanswer=self.unanswer, copy=self.copy),
        )  # fmt: skip
        # The imported calendars the planner read (none: no store read for them at all).
        self.sources: dict[str, CalendarSource] = getattr(self.state.calendars, "sources", {})
        self.nudge = NudgeBar(ctx, self.state)
        self.quick = ft.TextField(
            label=ctx.t("plan.quick.label"), hint_text=ctx.t("plan.quick.hint"), key="plan-quick",
            on_submit=self.quick_add, text_size=18, value=self.screen.quick_text,
        )  # fmt: skip
        self.quick_error = field_error(None, key="plan-quick-error")
        self.root = ft.Container(padding=GAP, content=ft.Column(self.body(), spacing=GAP))
        self.nudge.check(update=False)
        self.nudge.watch()

    # --- layout

    def body(self) -> list[ft.Control]:
        t = self.ctx.t
        parts: list[ft.Control] = [heading(t("plan.title")), self.nudge.root]
        if self.screen.offer_between:
            parts.append(between_offer(self.ctx, self.start_between, self.skip_between))
        parts += [
            self.quick,
            self.quick_error,
            ft.Text(t("plan.quick.help"), size=14, no_wrap=False),
            row_of(
                ft.FilledButton(content=t("plan.add"), icon=ft.Icons.ADD, key="plan-add", on_click=self.open_add, height=TOUCH),
                ft.OutlinedButton(content=t("plan.add_recovery"), icon=ft.Icons.SPA_OUTLINED, key="plan-add-recovery", on_click=self.open_rule, height=TOUCH),
                ft.OutlinedButton(content=t("plan.calendar.import"), icon=ft.Icons.CALENDAR_MONTH_OUTLINED, key="plan-import", on_click=self.import_calendars, height=TOUCH),
            ),
        ]  # fmt: skip
        form = self.form()
        if form is not None:
            parts.append(form)
        parts.append(switcher(self.ctx, self.day, self.screen.mode, self.show))
        plans = self.state.plan_week(self.day)
        imported = self.imported(plans)
        if self.screen.mode == "week":
            parts.append(week_bars(self.ctx, plans, self.open_day))
            parts += week_list(self.ctx, plans, self.open_day, imported)
        else:
            plan = plans[self.day.weekday()]
            parts += day_section(
                self.ctx, plan, self.state.boundaries, self.actions, self.now, imported
            )
        parts += [
            rhythm_note(self.ctx),
            rules_section(self.ctx, self.state.rules, self.delete_rule),
            sources_section(self.ctx, self.sources.values()),
            # full-width buttons sit in a plain Row: an expanding child cannot live in a wrapping one
            ft.Row([wide_button(t("plan.boundaries"), lambda e: self.ctx.navigate("/plan/boundaries"), key="plan-boundaries", icon=ft.Icons.SHIELD_OUTLINED)]),
            ft.Row([wide_button(t("plan.export"), self.export, key="plan-export", icon=ft.Icons.DOWNLOAD)]),
            ft.Container(height=72),  # room above the floating pause button
        ]  # fmt: skip
        return parts

    def form(self) -> ft.Control | None:
        wanted = self.screen.form
        if wanted is None:
            return None
        if wanted.kind == "rule":
            return RuleForm(self.ctx, self.state, self.rule_saved, self.close_form).root
        item = self.state.find(wanted.item_id) if wanted.item_id else None
        return ItemForm(self.ctx, self.state, self.day, item, self.item_saved, self.close_form).root

    # --- navigation and forms

    def show(self, *, day: date | None = None, mode: Mode | None = None) -> None:
        self.screen.show(day=day, mode=mode)
        self.follow()

    def open_day(self, day: date) -> None:
        self.screen.open_day(day)
        self.follow()

    def follow(self) -> None:
        """Go to the address of what is shown now: bookmarkable, and back returns here."""
        self.ctx.navigate(link_to(self.screen.shown_day(self.ctx.now().date()), self.screen.mode))

    def open_add(self, e: ft.Event[ft.Button]) -> None:
        self.screen.open_item_form()
        self.ctx.refresh()

    def open_rule(self, e: ft.Event[ft.OutlinedButton]) -> None:
        self.screen.open_rule_form()
        self.ctx.refresh()

    def edit(self, item: AgendaItem) -> None:
        self.screen.open_item_form(item.id)
        self.ctx.refresh()

    def close_form(self) -> None:
        self.screen.close_form()
        self.leave_form()

    def leave_form(self) -> None:
        if "add" in self.ctx.params:
            self.ctx.navigate("/plan")  # leave "?add=recovery" behind so it won't reopen
        else:
            self.ctx.refresh()

    def item_saved(self, item: AgendaItem) -> None:
        self.screen.item_saved(item)
        self.leave_form()

    def rule_saved(self, title: str) -> None:
        self.close_form()
        self.ctx.notify(self.ctx.t("plan.rule.saved", title=title))

    # --- quick add

    def quick_add(self, e: ft.Event[ft.TextField]) -> None:
        # Enter hands over the line as it was at that key, whatever came in after it.
        text = e.data if isinstance(e.data, str) else self.quick.value or ""
        try:
            parsed = parse_quick_add(text, self.ctx.now())
            item = new_item(
                title=parsed.title, day=parsed.day, start=parsed.start, minutes=parsed.minutes,
                kind=parsed.kind, energy=parsed.energy, area=parsed.area,
            )  # fmt: skip
        except QuickAddError as exc:
            self.say_quick_error(exc.key)
            return
        except InvalidItem as exc:  # parse_quick_add checks the same rules; this is the backstop
            self.say_quick_error(next(iter(exc.errors.values())))
            return

        def save() -> None:
            self.state.add_item(item)
            self.screen.quick_added()
            self.ctx.refresh()
            self.ctx.notify(
                self.ctx.t("plan.quick.added", title=item.title, day=day_words(self.ctx, item.day))
            )

        self.screen.hold_quick_text(text)  # kept if the user goes back from the question
        ask_before_saving(self.ctx, self.state, item, save)

    def say_quick_error(self, key: str) -> None:
        self.quick_error.value, self.quick_error.visible = self.ctx.t(key), True
        self.quick_error.update()

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
        self.screen.toggle_done(self.state, item)
        self.ctx.refresh()

    def start_between(self, e: ft.Event[ft.Button]) -> None:
        self.screen.close_between()
        self.ctx.start_pause("between", 45)

    def skip_between(self, e: ft.Event[ft.TextButton]) -> None:
        self.screen.close_between()
        self.ctx.refresh()

    def delete(self, item: AgendaItem) -> None:
        removed = self.state.delete_item(item.id)
        self.ctx.refresh()
        if removed is None:
            return

        def undo(e: ft.Event[ft.SnackBar]) -> None:
            self.state.restore_item(removed)
            self.ctx.refresh()

        self.ctx.page.show_dialog(
            ft.SnackBar(
                content=ft.Text(self.ctx.t("plan.deleted", title=removed.title), size=16),
                action=self.ctx.t("plan.undo"), on_action=undo, duration=8000, key="plan-undo",
            )
        )  # fmt: skip

    def delete_rule(self, rule: RecoveryRule) -> None:
        self.state.delete_rule(rule.id)
        self.ctx.refresh()
        self.ctx.notify(self.ctx.t("plan.rule.deleted", title=rule.title))

    def take_moment(self, moment: AgendaItem) -> None:
        """A recovery moment tapped in the day: taken and its pause started, as the nudge does."""
        self.nudge.take(moment)

    # --- imported calendars

    def imported(self, plans: list[DayPlan]) -> dict[str, ImportedView]:
        """The shown items that are events from the user's calendars, with what to show of them."""
        agenda = self.state.agenda
        if not agenda.events:
            return {}
        sources = self.sources
        answers = agenda.calendar.answers if agenda.calendar is not None else {}
        found = {}
        for plan in plans:
            for item in plan.items:
                event = agenda.events.get(item.id)
                if event is None:
                    continue
                source = sources.get(event.source_id)
                answer = answers.get((event.source_id, event.uid, event.recurrence_id))
                label = source.label if source is not None else ""
                found[item.id] = ImportedView(event, label, answer)
        return found

    def import_calendars(self, e: ft.Event[ft.OutlinedButton]) -> None:
        from views.plan.calendar_import import import_calendars

        self.ctx.page.run_task(import_calendars, self.ctx)

    def weigh(self, event: ImportedEvent, what: str, value: str | None) -> None:
        """The user's own weight for an event (for a repeating one: every time), kept across imports."""
        from domain.plan.calendar.events import new_choice
        from storage.calendar_repository import CalendarRepository

        repo = CalendarRepository(self.ctx.store)
        series = bool(event.recurrence_id)
        kept = repo.choices(event.source_id).get((event.uid, "" if series else event.recurrence_id))
        energy = kept.energy if kept is not None else None
        kind = kept.kind if kept is not None else None
        if what == "energy":
            energy = value
        elif what == "kind":
            kind = value
        else:
            energy = kind = None
        repo.save_choice(new_choice(event, energy=energy, kind=kind, series=series))
        self.ctx.refresh()
        t = self.ctx.t
        if what == "reset":
            self.ctx.notify(t("plan.calendar.chosen.reset", title=event.title))
        else:
            words = t(f"plan.{what}.{value}").lower()
            self.ctx.notify(t("plan.calendar.chosen", title=event.title, what=words))

    def answer(self, way: CalendarWayOut, answer: str) -> None:
        """ "Ik verplaats het", "ik zeg af" or "laat staan": kept until an import shows the change."""
        from domain.plan.calendar.advice import answer_event
        from storage.calendar_repository import CalendarRepository

        event = self.state.imported_event(way.item_id)
        if event is None:
            return
        kept = answer_event(event, answer, way.to_day if answer == "move" else None)
        repo = CalendarRepository(self.ctx.store)
        repo.save_answer(kept)
        self.ctx.refresh()
        day = day_words(self.ctx, way.to_day) if way.to_day else ""

        def undo() -> None:
            repo.delete_answers([kept])
            self.ctx.refresh()

        from views.plan.calendar_import import show_snack

        text = self.ctx.t(f"plan.calendar.noted.{answer}", title=way.title, day=day)
        show_snack(self.ctx, text, undo, key="plan-calendar-noted")

    def unanswer(self, answer: EventAnswer, title: str) -> None:
        from storage.calendar_repository import CalendarRepository

        CalendarRepository(self.ctx.store).delete_answers([answer])
        self.ctx.refresh()
        self.ctx.notify(self.ctx.t("plan.calendar.noted.undone", title=title))

    def copy(self, phrase: str) -> None:
        async def put() -> None:
            await self.ctx.services.clipboard.set(phrase)
            self.ctx.notify(self.ctx.t("plan.no.copied"))

        self.ctx.page.run_task(put)

    # --- export

    async def export(self, e: ft.Event[ft.OutlinedButton]) -> None:
        """Offer the whole agenda as an .ics file (in a browser: a download) and say how it went."""
        data = self.state.as_ics(self.ctx.now())
        try:
            await self.ctx.services.file_picker.save_file(
                file_name="adempauze-agenda.ics", src_bytes=data
            )
        except Exception:  # whatever the client says, the user hears calmly that it did not work
            log.exception("saving the .ics file failed")
            self.ctx.notify(self.ctx.t("plan.export.failed"))
            return
        self.ctx.notify(self.ctx.t("plan.export.done"))


def build(ctx: AppContext) -> ft.Control:
    return PlannerView(ctx).root
