"""What the Plannen screens remember between rebuilds, and the planner they draw from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Literal

from domain.plan.items import AgendaItem
from domain.plan.reminders import Reminder, ReminderChoices, ReminderWindow, plan_reminders
from domain.plan.rhythm import Rhythm
from domain.plan.state import PlannerState
from storage.errors import StorageError
from storage.planner_repository import PlannerRepository
from storage.reminder_repository import ReminderChoiceRepository
from views.shell.context import AppContext

Mode = Literal["day", "week"]
MODES: tuple[Mode, ...] = ("day", "week")


def planner_state(ctx: AppContext, around: date | None = None) -> PlannerState:
    """The planner over this session's store, with capacity and rhythm from the settings.

    `around` is the day the screen shows: its week (and the days after it) are read from storage,
    with the events of the user's imported calendars on those days.
    """
    settings = ctx.settings
    rhythm = Rhythm.from_texts(settings.bedtime, settings.wake_time, settings.screens_off)
    calendars = None
    if ctx.store.collection("calendar_sources").count():
        # Imported calendars bring their libraries along: loaded only once there is one.
        from views.plan.calendar_session import session_calendars

        calendars = session_calendars(ctx)
    return PlannerState(
        PlannerRepository(ctx.store),
        settings.daily_capacity_hours,
        rhythm,
        around=around,
        calendars=calendars,
    )


@dataclass(frozen=True)
class OpenForm:
    """The form open on the agenda: a new item, a stored item to change, or a recovery rule."""

    kind: Literal["item", "rule"]
    item_id: str | None = None


@dataclass(frozen=True)
class OpenBoundaryForm:
    """The form open on the boundaries screen: the template it follows, and what it changes."""

    kind: str
    boundary_id: str | None = None


@dataclass
class PlanScreen:
    """The planner screens' choices for one session; the screens draw from it on every rebuild.

    Nothing here is stored: what the user plans is saved through `PlannerState` and its
    repository, which the verbs that change the agenda are handed.
    """

    day: date | None = None  # the day shown (and the week around it); None: today
    mode: Mode = "day"
    form: OpenForm | None = None
    boundary_form: OpenBoundaryForm | None = None
    quick_text: str = ""  # the quick-add line, kept while a boundary question waits for an answer
    offer_between: bool = False  # the pause between two tasks, offered after one is done
    # What the user said to the nudge about single moments (Later, Niet vandaag).
    choices: ReminderChoices = field(default_factory=ReminderChoices)

    def shown_day(self, today: date) -> date:
        """The day on screen: the one chosen, or else `today`."""
        return self.day or today

    def show(self, *, day: date | None = None, mode: Mode | None = None) -> None:
        """Turn to another day (or its week), or switch between the day and the week."""
        if day is not None:
            self.day = day
        if mode is not None:
            self.mode = mode

    def open_day(self, day: date) -> None:
        """From the week: that one day."""
        self.show(day=day, mode="day")

    # --- forms

    def open_item_form(self, item_id: str | None = None) -> None:
        """The item form: empty for a new item, filled in to change the stored `item_id`."""
        self.form = OpenForm("item", item_id)

    def open_rule_form(self) -> None:
        """The form for a recovery moment that comes back."""
        self.form = OpenForm("rule")

    def close_form(self) -> None:
        self.form = None

    def item_saved(self, item: AgendaItem) -> None:
        """The form closes and the screen turns to the day the item is on."""
        self.form = None
        self.day = item.day

    def open_boundary_form(self, kind: str, boundary_id: str | None = None) -> None:
        """The boundary form for template `kind`, changing `boundary_id` when one is given."""
        self.boundary_form = OpenBoundaryForm(kind, boundary_id)

    def close_boundary_form(self) -> None:
        self.boundary_form = None

    # --- quick add

    def hold_quick_text(self, text: str) -> None:
        """Keep the line typed, so going back from a question finds it still there."""
        self.quick_text = text

    def quick_added(self) -> None:
        self.quick_text = ""

    # --- done, and what follows

    def toggle_done(self, planner: PlannerState, item: AgendaItem) -> AgendaItem:
        """Mark an item done (and offer a pause between two tasks) or not done again."""
        changed = planner.set_done(item, not item.done)
        self.offer_between = changed.done
        return changed

    def close_between(self) -> None:
        """The pause between two tasks was taken or waved away: stop offering it."""
        self.offer_between = False

    # --- the nudge

    def later(self, moment_id: str, now: datetime, kept: ReminderChoiceRepository) -> None:
        """ "Later": this moment's reminder comes back in ten minutes, once (kept on restart)."""
        self.choices = self.choices.snooze(moment_id, now)
        kept.save(self.choices, moment_id, now)

    def not_today(self, moment_id: str, now: datetime, kept: ReminderChoiceRepository) -> None:
        """ "Niet vandaag": no reminder for this moment any more (kept on restart)."""
        self.choices = self.choices.skip(moment_id)
        kept.save(self.choices, moment_id, now)

    def snoozed(self, moment_id: str) -> bool:
        """Whether "Later" was already used for this moment (it can be, once)."""
        return moment_id in self.choices.snoozed


@dataclass
class ReminderPlan:
    """The session's reminder plan, computed again only when what it is made from changes.

    Made from the agenda's items and recovery moments of the days planned, the rhythm, the
    active hours and days, and the user's choices, on the day it is for: one plan for the nudge
    and for a phone's scheduled notifications.
    """

    key: tuple[object, ...] | None = None
    reminders: list[Reminder] = field(default_factory=list)
    moments: dict[str, AgendaItem] = field(default_factory=dict)
    computed: int = 0  # how often it was computed: a test reads it to see the cache work

    def follow(
        self,
        items: Sequence[AgendaItem],
        rhythm: Rhythm,
        window: ReminderWindow,
        choices: ReminderChoices,
        today: date,
    ) -> list[Reminder]:
        """The reminders from the start of `today` on; the same list while nothing changed."""
        key = (tuple(items), rhythm, window, choices, today)
        if key != self.key:
            moments = [item for item in items if item.kind == "recovery"]
            agenda = [item for item in items if item.kind != "recovery"]
            # Planned from the day's start, so the plan holds all day: the day's first ones
            # count towards its most-a-day, and the nudge asks it what is due at any moment.
            start = datetime.combine(today, time())
            self.reminders = plan_reminders(moments, agenda, rhythm, window, choices, start)
            self.moments = {moment.id: moment for moment in moments}
            self.key = key
            self.computed += 1
        return self.reminders


def plan_screen(ctx: AppContext) -> PlanScreen:
    """This session's planner screen state, with the reminder choices kept from earlier runs."""
    return ctx.state(PlanScreen, lambda: PlanScreen(choices=_kept_choices(ctx)))


def _kept_choices(ctx: AppContext) -> ReminderChoices:
    try:
        return ReminderChoiceRepository(ctx.store).load()
    except StorageError:  # unreadable choices only make reminders a little less quiet
        return ReminderChoices()


def reminder_plan(ctx: AppContext) -> ReminderPlan:
    """This session's reminder plan (see `views.plan.reminders.plan_now`)."""
    return ctx.state(ReminderPlan, ReminderPlan)
