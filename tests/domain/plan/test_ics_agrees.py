"""The .ics export agrees with the app: another calendar app expands each rule to the same moments."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from domain.plan.ics import export_ics
from domain.plan.recurrence import expand_rules, new_rule

NOW = datetime(2026, 3, 1, 12, 0)


def peer_moments(data: bytes, first: date, last: date) -> set[tuple[str | None, datetime]]:
    """(uid, start) of every moment recurring-ical-events finds starting from `first` to `last`."""
    calendar = Calendar.from_ical(data)
    end = datetime.combine(last + timedelta(days=1), time.min)
    found = recurring_ical_events.of(calendar).between(datetime.combine(first, time.min), end)
    return {
        (str(e["UID"]).split("@")[0], e["DTSTART"].dt)
        for e in found
        if first <= e["DTSTART"].dt.date() <= last
    }


def app_moments(rules, first: date, last: date) -> set[tuple[str | None, datetime | None]]:
    return {(m.recovery_rule_id, m.starts_at) for m in expand_rules(rules, first, last)}


def test_a_tuesday_and_thursday_rule_made_on_a_friday_has_no_extra_friday():
    friday = date(2026, 3, 6)
    rule = new_rule(
        title="Herstel", start=friday, at_text="10:30", repeat="days", weekdays=(1, 3), rule_id="r"
    )
    data = export_ics([], [rule], NOW)
    first, last = date(2026, 3, 1), date(2026, 11, 30)
    assert peer_moments(data, first, last) == app_moments([rule], first, last)
    assert ("r", datetime(2026, 3, 6, 10, 30)) not in peer_moments(data, first, last)


rules = st.builds(
    lambda n, start, hour, minute, repeat, weekdays, minutes: new_rule(
        title=f"Herstel {n}",
        start=start,
        at_text=f"{hour:02d}:{minute:02d}",
        repeat=repeat,
        weekdays=tuple(weekdays),
        minutes=minutes,
        rule_id=f"rule{n}",
    ),
    n=st.integers(0, 10_000),
    start=st.dates(date(2024, 1, 1), date(2027, 12, 31)),
    hour=st.integers(0, 23),
    minute=st.sampled_from((0, 5, 15, 30, 45, 55)),
    repeat=st.sampled_from(("daily", "weekdays", "days")),
    weekdays=st.sets(st.integers(0, 6), min_size=1, max_size=7),
    minutes=st.integers(5, 120),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(rules, min_size=1, max_size=4, unique_by=lambda r: r.id),
    st.dates(date(2024, 1, 1), date(2028, 6, 30)),
    st.integers(0, 120),
)
def test_every_exported_rule_expands_to_the_moments_the_app_shows(rule_list, first, days):
    last = first + timedelta(days=days)
    data = export_ics([], rule_list, NOW)
    assert peer_moments(data, first, last) == app_moments(rule_list, first, last)
