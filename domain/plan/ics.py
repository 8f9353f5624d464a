"""Export the agenda as an iCalendar (.ics) file; repeating recovery moments become RRULEs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from icalendar import Calendar, Event, vRecur

from domain.plan.items import AgendaItem
from domain.plan.recurrence import RecoveryRule, parsed_rule

PRODID = "-//Adempauze//Plannen//NL"
UID_DOMAIN = "adempauze.local"


def _rrule_part(rule_text: str) -> str:
    """The RRULE value (without DTSTART) of a stored rule string."""
    for line in rule_text.splitlines():
        if line.upper().startswith("RRULE:"):
            return line.split(":", 1)[1]
    raise ValueError("rule without RRULE")


def item_event(item: AgendaItem, stamp: datetime) -> Event:
    """One agenda item as a VEVENT; items without a time become all-day events."""
    event = Event()
    event.add("uid", f"{item.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", item.title)
    if item.starts_at is not None:
        event.add("dtstart", item.starts_at)  # floating local time, as the user planned it
        event.add("duration", timedelta(minutes=item.minutes))
    else:
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
    event.add("categories", [item.area, item.kind])
    if item.done:
        event.add("status", "CONFIRMED")
    return event


def first_moment(rule: RecoveryRule) -> datetime:
    """The rule's first real moment.

    RFC 5545 counts DTSTART as an occurrence even when the RRULE does not match it, so a
    Tuesday-and-Thursday rule made on a Friday must not export that Friday as its start.
    """
    parsed = parsed_rule(rule.rule)
    start = parsed._dtstart
    first = parsed.after(start, inc=True)
    return first if first is not None else start


def rule_event(rule: RecoveryRule, stamp: datetime) -> Event:
    """A repeating recovery moment as one VEVENT with an RRULE."""
    event = Event()
    event.add("uid", f"{rule.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", rule.title)
    event.add("dtstart", first_moment(rule))
    event.add("duration", timedelta(minutes=rule.minutes))
    event.add("rrule", vRecur.from_ical(_rrule_part(rule.rule)))
    event.add("categories", ["recovery"])
    return event


def export_ics(items: Iterable[AgendaItem], rules: Iterable[RecoveryRule], now: datetime) -> bytes:
    """The whole agenda as .ics bytes; moments of a rule come from its RRULE, not one by one."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Adempauze")
    stamp = now.replace(microsecond=0)
    for item in items:
        if item.recurring:
            continue
        calendar.add_component(item_event(item, stamp))
    for rule in rules:
        calendar.add_component(rule_event(rule, stamp))
    return calendar.to_ical()
