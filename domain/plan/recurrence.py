"""Recovery moments that repeat: rules stored as rrule strings, expanded into the shown days."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from dateutil.rrule import DAILY, WEEKLY, rrule, rrulestr, weekday

from domain.plan.invalid import InvalidFields
from domain.plan.items import MINUTES_MAX, MINUTES_MIN, AgendaItem, clean_title, title_error
from domain.plan.times import date_in_range, format_hhmm, parse_hhmm

REPEATS = ("daily", "weekdays", "days")
DUE_WINDOW = timedelta(minutes=10)


class InvalidRule(InvalidFields):
    """A rule that cannot be stored."""


@dataclass(frozen=True, slots=True)
class RecoveryRule:
    """A repeating recovery moment: a title, an rrule string (with DTSTART) and a length."""

    id: str
    title: str
    rule: str
    minutes: int
    pause_kind: str | None = None

    @property
    def at(self) -> time:
        """The time of day the moments start."""
        return parsed_rule(self.rule)._dtstart.time()

    @property
    def weekdays(self) -> tuple[int, ...]:
        """Weekdays (0 = Monday) the rule falls on."""
        days = parsed_rule(self.rule)._byweekday
        return tuple(sorted(days)) if days else tuple(range(7))

    # Like EventAnswer.to_record: the same shape, other fields; a record, not shared logic.
    def to_record(self) -> dict[str, Any]:
        """A JSON-ready record for the store."""
        return {
            "id": self.id,
            "title": self.title,
            "rrule": self.rule,
            "minutes": self.minutes,
            "pause_kind": self.pause_kind,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> RecoveryRule:
        """Rebuild a rule from a stored record."""
        rule = str(record.get("rrule", ""))
        try:
            supported = is_supported_rule(parsed_rule(rule))
        except (ValueError, TypeError, OverflowError) as exc:
            raise InvalidRule({"rule": "plan.error.rule"}) from exc
        if not supported:
            raise InvalidRule({"rule": "plan.error.rule"})
        minutes = record.get("minutes")
        errors = {}
        if (err := title_error(record.get("title"))) is not None:
            errors["title"] = err
        if not isinstance(minutes, int) or not MINUTES_MIN <= minutes <= MINUTES_MAX:
            errors["minutes"] = "plan.error.minutes"
        if errors:
            raise InvalidRule(errors)
        assert isinstance(minutes, int)
        return cls(
            id=str(record.get("id") or uuid.uuid4().hex),
            title=clean_title(record.get("title")),
            rule=rule,
            minutes=minutes,
            pause_kind=record.get("pause_kind"),
        )


@lru_cache(maxsize=256)
def parsed_rule(text: str) -> rrule:
    """Parse an rrule string once; the same text always gives the same rule."""
    parsed = rrulestr(text)
    if not isinstance(parsed, rrule):
        raise ValueError("only a single RRULE is supported")
    return parsed


def is_supported_rule(rule: rrule) -> bool:
    """Whether a parsed rule is one this app writes: daily or on weekdays, once a day, whole minutes.

    A rule from a file could ask for a moment every second ("FREQ=SECONDLY"), which would put
    hundreds of thousands of moments in one week; only the shapes `build_rule_text` makes are kept.
    """
    start = rule._dtstart
    if start is None or start.second or rule._count is not None or rule._until is not None:
        return False
    if not date_in_range(start.date()):
        return False
    if rule._freq == DAILY:
        canonical = build_rule_text(start.date(), start.time(), "daily")
    elif rule._freq == WEEKLY and rule._byweekday:
        canonical = build_rule_text(start.date(), start.time(), "days", rule._byweekday)
    else:
        return False
    return str(rule) == canonical


def build_rule_text(start: date, at: time, repeat: str, weekdays: Sequence[int] = ()) -> str:
    """An rrule string with DTSTART for daily, weekday or chosen-weekday moments."""
    if repeat == "daily":
        rule = rrule(DAILY, dtstart=datetime.combine(start, at))
    elif repeat == "weekdays":
        rule = rrule(WEEKLY, byweekday=(0, 1, 2, 3, 4), dtstart=datetime.combine(start, at))
    elif repeat == "days":
        rule = rrule(
            WEEKLY, byweekday=tuple(sorted(set(weekdays))), dtstart=datetime.combine(start, at)
        )
    else:
        raise ValueError(repeat)
    return str(rule)


def new_rule(
    *,
    title: object,
    start: date,
    at_text: object,
    repeat: object,
    weekdays: Sequence[int] = (),
    minutes: object = 10,
    pause_kind: str | None = None,
    rule_id: str | None = None,
) -> RecoveryRule:
    """Build a checked rule, or raise InvalidRule with a message key per field."""
    errors: dict[str, str] = {}
    if (err := title_error(title)) is not None:
        errors["title"] = err
    at = parse_hhmm(at_text) if isinstance(at_text, str) else None
    if at is None:
        errors["time"] = "plan.error.time"
    if repeat not in REPEATS:
        errors["repeat"] = "plan.error.repeat"
    elif repeat == "days" and (not weekdays or any(not 0 <= d <= 6 for d in weekdays)):
        errors["weekdays"] = "plan.error.weekdays"
    if (
        isinstance(minutes, bool)
        or not isinstance(minutes, int)
        or not MINUTES_MIN <= minutes <= 120
    ):
        errors["minutes"] = "plan.error.recovery_minutes"
    if errors:
        raise InvalidRule(errors)
    assert at is not None and isinstance(minutes, int)
    return RecoveryRule(
        id=rule_id or uuid.uuid4().hex,
        title=clean_title(title),
        rule=build_rule_text(start, at, str(repeat), weekdays),
        minutes=minutes,
        pause_kind=pause_kind,
    )


def repeat_of(rule: RecoveryRule) -> tuple[str, tuple[int, ...]]:
    """How a rule repeats, for showing and editing it: ("daily"|"weekdays"|"days", weekdays)."""
    days = rule.weekdays
    if days == tuple(range(7)):
        return "daily", days
    if days == (0, 1, 2, 3, 4):
        return "weekdays", days
    return "days", days


def moment_id(rule_id: str, when: datetime) -> str:
    """A stable id for one expanded moment, so marking it taken survives a restart."""
    return f"{rule_id}@{when:%Y%m%dT%H%M}"


def _window_rule(rule: rrule, first: datetime) -> rrule:
    """The rule restarted at the window, so expanding a week does not walk years of history.

    Safe for the rules built here (daily or weekly, interval 1, no COUNT): moving DTSTART forward to
    a day at the same wall-clock time keeps every later occurrence.
    """
    start = rule._dtstart
    if start is None or start >= first or rule._count is not None or rule._interval != 1:
        return rule
    moved = datetime.combine(first.date(), start.time())
    if moved < start:
        return rule
    byweekday: tuple[weekday | int, ...] | None = rule._byweekday or None
    if rule._freq == WEEKLY and not byweekday:
        byweekday = (start.weekday(),)  # keep the weekday the original start implied
    return rule.replace(dtstart=moved, byweekday=byweekday)


def expand_rules(
    rules: Iterable[RecoveryRule],
    first: date,
    last: date,
    overrides: Mapping[str, AgendaItem] | None = None,
) -> list[AgendaItem]:
    """Recovery moments from `first` to `last` (both included) as agenda items.

    Wall-clock times are naive local times, so a moment at 10:30 stays at 10:30 across a DST change.
    A stored item with a moment's id (for example one marked taken) replaces the plain moment.
    """
    begin = datetime.combine(first, time.min)
    end = datetime.combine(last, time.max)
    overrides = overrides or {}
    result = []
    for rule in rules:
        parsed = _window_rule(parsed_rule(rule.rule), begin)
        for when in parsed.between(begin, end, inc=True):
            key = moment_id(rule.id, when)
            stored = overrides.get(key)
            if stored is not None:
                result.append(stored)
                continue
            result.append(
                AgendaItem(
                    id=key,
                    title=rule.title,
                    day=when.date(),
                    start=when.time(),
                    minutes=rule.minutes,
                    kind="recovery",
                    energy="light",
                    area="self",
                    recovery_rule_id=rule.id,
                )
            )
    return result


def moment_state(moment: AgendaItem, now: datetime) -> str:
    """ "taken", "due" (it is time), "faded" (its time went by quietly) or "ahead"."""
    if moment.done:
        return "taken"
    begins, ends = moment.starts_at, moment.ends_at
    if begins is None or ends is None:
        return "ahead"
    if now < begins:
        return "ahead"
    if now < max(ends, begins + DUE_WINDOW):
        return "due"
    return "faded"


def due_moment(
    moments: Iterable[AgendaItem], now: datetime, dismissed: Iterable[str] = ()
) -> AgendaItem | None:
    """The recovery moment that is due now and not yet taken or waved away, if any."""
    skip = set(dismissed)
    due = [
        m
        for m in moments
        if m.kind == "recovery" and m.id not in skip and moment_state(m, now) == "due"
    ]
    return min(due, key=lambda m: (m.starts_at or now, m.id)) if due else None


def mark_taken(moment: AgendaItem) -> AgendaItem:
    """The moment, marked as taken."""
    return replace(moment, done=True)


def rule_at_text(rule: RecoveryRule) -> str:
    """The rule's time of day as "HH:MM"."""
    return format_hhmm(rule.at)
