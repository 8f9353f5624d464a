"""When to remind: recovery moments turned into reminders that keep to the user's boundaries.

One plan serves both the in-app nudge and a phone's scheduled notifications. Times are naive
local wall-clock times, like the rest of the planner; `in_zone` makes them zone-aware for the
operating system. Everything here is pure: the clock and the inputs are passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from domain.plan.items import AgendaItem
from domain.plan.rhythm import Rhythm
from domain.plan.times import minute_of_day, parse_hhmm

PLAN_DAYS = 7
SNOOZE = timedelta(minutes=10)
# A reminder that falls inside an agenda item waits until it ends, plus this breather.
AFTER_ITEM = timedelta(minutes=5)
# ... but not for ever: past this, the moment is gone and no reminder is sent for it.
WAIT_AT_MOST = timedelta(minutes=60)
# A reminder stays "due" (the nudge shows) this long after its time.
DUE_FOR = timedelta(minutes=10)
DEFAULT_PER_DAY = 6
ALL_DAYS = (0, 1, 2, 3, 4, 5, 6)


@dataclass(frozen=True, slots=True)
class ReminderWindow:
    """When reminders may come: active hours on active days, outside the sleep window.

    `start`/`end` None mean the rhythm's wake time and screens-off time.
    """

    start: time | None = None
    end: time | None = None
    days: tuple[int, ...] = ALL_DAYS
    per_day: int = DEFAULT_PER_DAY

    @classmethod
    def from_texts(
        cls, start: str | None, end: str | None, days: Iterable[int], per_day: int
    ) -> ReminderWindow:
        """Read the settings' "HH:MM" strings; empty or unreadable means "follow the rhythm"."""
        return cls(parse_hhmm(start), parse_hhmm(end), tuple(days), per_day)


@dataclass(frozen=True, slots=True)
class ReminderChoices:
    """What the user said about single moments: snoozed once (moment id → when), not today."""

    snoozed: Mapping[str, datetime] = field(default_factory=dict)
    skipped: frozenset[str] = frozenset()

    def snooze(self, moment_id: str, now: datetime) -> ReminderChoices:
        """**Later**: once per moment, ten minutes from now; a second Later changes nothing."""
        if moment_id in self.snoozed:
            return self
        return ReminderChoices({**self.snoozed, moment_id: now + SNOOZE}, self.skipped)

    def skip(self, moment_id: str) -> ReminderChoices:
        """**Niet vandaag** for this one moment."""
        return ReminderChoices(self.snoozed, self.skipped | {moment_id})

    def record_of(self, moment_id: str) -> dict[str, Any]:
        """What is kept of one moment's choices, so they hold after a restart."""
        snoozed = self.snoozed.get(moment_id)
        return {
            "id": moment_id,
            "snoozed_until": snoozed.isoformat(timespec="seconds") if snoozed else None,
            "skipped": moment_id in self.skipped,
        }

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]]) -> ReminderChoices:
        """The choices kept; a record that cannot be read is passed over (it only ever quiets)."""
        snoozed: dict[str, datetime] = {}
        skipped: set[str] = set()
        for record in records:
            if check_choice_record(record):
                continue
            moment_id = str(record["id"])
            if record.get("snoozed_until"):
                snoozed[moment_id] = datetime.fromisoformat(record["snoozed_until"])
            if record.get("skipped") is True:
                skipped.add(moment_id)
        return cls(snoozed, frozenset(skipped))


# Choices are about moments of the next days; older ones are let go when the next is kept.
KEEP_CHOICES = timedelta(days=PLAN_DAYS)


def moment_day(moment_id: str) -> date | None:
    """The day of a recovery moment from its id ("<rule>@20261202T1030"), if it has one."""
    _, _, stamp = moment_id.rpartition("@")
    try:
        return datetime.strptime(stamp, "%Y%m%dT%H%M").date()
    except ValueError:
        return None


def stale_choices(moment_ids: Iterable[str], now: datetime) -> list[str]:
    """The moments whose choices no longer matter: more than a week behind `now`."""
    first = (now - KEEP_CHOICES).date()
    return [m for m in moment_ids if (day := moment_day(m)) is not None and day < first]


def check_choice_record(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Problems with a kept choice record, as (field, message key); none when it reads."""
    problems: list[tuple[str, str]] = []
    if not isinstance(record.get("id"), str) or not record["id"]:
        problems.append(("id", "data.error.invalid"))
    snoozed = record.get("snoozed_until")
    if snoozed is not None:
        try:
            datetime.fromisoformat(snoozed)
        except (TypeError, ValueError):
            problems.append(("snoozed_until", "data.error.invalid"))
    if not isinstance(record.get("skipped", False), bool):
        problems.append(("skipped", "data.error.invalid"))
    return problems


# Four fields like calendar.expand's _Change: a field list, nothing shared.
@dataclass(frozen=True, slots=True)
class Reminder:
    """One reminder: the moment it is for, and when to show it (naive local time)."""

    moment_id: str
    title: str
    at: datetime
    minutes: int

    @property
    def route(self) -> str:
        """Where a tap on it leads: straight into a pause of the moment's length."""
        return f"/pause/run?seconds={self.minutes * 60}&from=reminder"


def in_sleep(at: datetime, rhythm: Rhythm) -> bool:
    """Whether a moment lies in the night's sleep window (bedtime to wake time)."""
    bed, wake, now = (
        minute_of_day(rhythm.bedtime),
        minute_of_day(rhythm.wake),
        minute_of_day(at.time()),
    )
    if bed == wake:
        return False
    if bed > wake:  # to bed in the evening, up the next morning
        return now >= bed or now < wake
    return bed <= now < wake  # bedtime after midnight


def in_active_hours(at: datetime, window: ReminderWindow, rhythm: Rhythm) -> bool:
    """Whether `at` is inside the active hours of an active day.

    Active hours that run past midnight (say 09:00 to 01:00) belong to the day they start on.
    """
    start = minute_of_day(window.start or rhythm.wake)
    end = minute_of_day(window.end or rhythm.screens_off)
    now = minute_of_day(at.time())
    if start < end:
        return at.weekday() in window.days and start <= now < end
    if start == end:  # the whole day
        return at.weekday() in window.days
    if now >= start:
        return at.weekday() in window.days
    return now < end and (at - timedelta(days=1)).weekday() in window.days


def _busy_spans(items: Iterable[AgendaItem]) -> list[tuple[datetime, datetime]]:
    spans = []
    for item in items:
        if item.kind == "recovery" or item.done:
            continue
        begins, ends = item.starts_at, item.ends_at
        if begins is not None and ends is not None and ends > begins:
            spans.append((begins, ends))
    return sorted(spans)


def after_busy(at: datetime, spans: Sequence[tuple[datetime, datetime]]) -> datetime:
    """`at`, or when the agenda items it falls inside have ended (+5 min), chained."""
    moved = True
    while moved:
        moved = False
        for begins, ends in spans:
            if begins <= at < ends:
                at, moved = ends + AFTER_ITEM, True
    return at


def plan_reminders(
    moments: Iterable[AgendaItem],
    agenda: Iterable[AgendaItem],
    rhythm: Rhythm,
    window: ReminderWindow,
    choices: ReminderChoices,
    now: datetime,
    days: int = PLAN_DAYS,
) -> list[Reminder]:
    """The reminders from `now` over the next `days` days, in time order.

    Per moment (taken and skipped ones get none): its time, or its snooze; moved past any agenda
    item it falls in (dropped when that takes longer than an hour); kept only inside active
    hours and outside the sleep window; then at most `window.per_day` a day, the first ones
    (those of the moments handed in that have gone by count too). A reminder whose time has
    just passed stays in the plan while it is due (10 minutes).
    """
    horizon = now + timedelta(days=days)
    spans = _busy_spans(agenda)
    planned: list[Reminder] = []
    for moment in moments:
        begins = moment.starts_at
        if moment.kind != "recovery" or moment.done or begins is None:
            continue
        if moment.id in choices.skipped:
            continue
        wanted = choices.snoozed.get(moment.id, begins)
        at = after_busy(wanted, spans)
        if at - max(begins, wanted) > WAIT_AT_MOST:
            continue
        if at >= horizon:
            continue
        if in_sleep(at, rhythm) or not in_active_hours(at, window, rhythm):
            continue
        planned.append(Reminder(moment.id, moment.title, at, moment.minutes))
    planned.sort(key=lambda r: (r.at, r.moment_id))
    per_day: dict[date, int] = {}
    kept = []
    for reminder in planned:
        count = per_day.get(reminder.at.date(), 0)
        if count < window.per_day:
            per_day[reminder.at.date()] = count + 1
            # Counted before the past is left out: the day's first ones were its reminders,
            # even when they have gone by.
            if reminder.at + DUE_FOR > now:
                kept.append(reminder)
    return kept


def due_reminder(plan: Sequence[Reminder], now: datetime) -> Reminder | None:
    """The reminder to show now in the app, if any: its time has come and is not 10 min past."""
    due = [r for r in plan if r.at <= now < r.at + DUE_FOR]
    return due[0] if due else None


def in_zone(at: datetime, zone: tzinfo) -> datetime:
    """A planned wall-clock time as an aware time in the device's zone, for the OS scheduler.

    A time that does not exist (the hour skipped when summer time starts) moves forward by the
    gap; a time that happens twice (the hour repeated in autumn) is taken the first time.
    """
    aware = at.replace(tzinfo=zone, fold=0)
    # Round-tripping through UTC normalises a wall-clock time that falls in a gap.
    return aware.astimezone(UTC).astimezone(zone)
