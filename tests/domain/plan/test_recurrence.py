"""Recovery rules: rrule strings, expansion across DST and month ends, faded and due moments."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from domain.plan.recurrence import (
    InvalidRule,
    RecoveryRule,
    due_moment,
    expand_rules,
    mark_taken,
    moment_id,
    moment_state,
    new_rule,
    parsed_rule,
    repeat_of,
)


def rule(repeat: str, at: str = "10:30", start: date = date(2026, 1, 5), weekdays=(), minutes=10):
    return new_rule(
        title="Even ademen", start=start, at_text=at, repeat=repeat, weekdays=weekdays,
        minutes=minutes, rule_id="r",
    )  # fmt: skip


EXPANSIONS = [
    # daily over the EU spring DST change (29 March 2026): still 10:30 wall-clock each day
    (
        "daily",
        (),
        date(2026, 3, 28),
        date(2026, 3, 30),
        ["2026-03-28 10:30", "2026-03-29 10:30", "2026-03-30 10:30"],
    ),
    # daily at 02:30 on the spring-forward night: the naive wall-clock time is kept
    ("daily@02:30", (), date(2026, 3, 29), date(2026, 3, 29), ["2026-03-29 02:30"]),
    # daily over the autumn DST change (25 October 2026)
    (
        "daily",
        (),
        date(2026, 10, 24),
        date(2026, 10, 26),
        ["2026-10-24 10:30", "2026-10-25 10:30", "2026-10-26 10:30"],
    ),
    # weekdays across a month end that falls on a weekend (31 January 2026 is a Saturday)
    (
        "weekdays",
        (),
        date(2026, 1, 29),
        date(2026, 2, 3),
        ["2026-01-29 10:30", "2026-01-30 10:30", "2026-02-02 10:30", "2026-02-03 10:30"],
    ),
    # daily across the end of February in a leap year
    (
        "daily",
        (),
        date(2028, 2, 28),
        date(2028, 3, 1),
        ["2028-02-28 10:30", "2028-02-29 10:30", "2028-03-01 10:30"],
    ),
    # chosen weekdays (Tuesday and Friday) across the year end
    (
        "days",
        (1, 4),
        date(2026, 12, 28),
        date(2027, 1, 10),
        ["2026-12-29 10:30", "2027-01-01 10:30", "2027-01-05 10:30", "2027-01-08 10:30"],
    ),
    # a window before the rule starts holds nothing
    ("daily", (), date(2025, 12, 1), date(2025, 12, 31), []),
    # a window that begins before the rule's start holds only what comes after it
    ("daily", (), date(2026, 1, 3), date(2026, 1, 6), ["2026-01-05 10:30", "2026-01-06 10:30"]),
    # years after the start: the same wall-clock time
    ("weekdays", (), date(2031, 6, 6), date(2031, 6, 9), ["2031-06-06 10:30", "2031-06-09 10:30"]),
]


@pytest.mark.parametrize(("repeat", "weekdays", "first", "last", "expected"), EXPANSIONS)
def test_expansion(repeat, weekdays, first, last, expected):
    repeat, _, at = repeat.partition("@")
    r = rule(repeat, at=at or "10:30", weekdays=weekdays)
    moments = expand_rules([r], first, last)
    assert [f"{m.starts_at:%Y-%m-%d %H:%M}" for m in moments] == expected
    assert all(m.kind == "recovery" and m.recovery_rule_id == "r" for m in moments)


@pytest.mark.parametrize(
    ("repeat", "weekdays"),
    [("daily", ()), ("weekdays", ()), ("days", (0, 6)), ("days", (3,))],
)
def test_window_shortcut_matches_the_plain_rule(repeat, weekdays):
    # expanding from a restarted DTSTART must give exactly what the full rule gives
    r = rule(repeat, weekdays=weekdays, start=date(2021, 3, 17))
    first, last = date(2026, 3, 23), date(2026, 4, 5)
    plain = parsed_rule(r.rule).between(
        datetime.combine(first, time.min), datetime.combine(last, time.max), inc=True
    )
    assert [m.starts_at for m in expand_rules([r], first, last)] == plain


def test_rule_text_is_an_rrule_with_dtstart():
    r = rule("days", weekdays=(0, 2))
    assert r.rule == "DTSTART:20260105T103000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE"
    assert (r.at, r.weekdays, repeat_of(r)) == (time(10, 30), (0, 2), ("days", (0, 2)))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"at_text": "25:00"}, "time"),  # not a time of day
        ({"repeat": "hourly"}, "repeat"),  # not a known repeat
        ({"repeat": "days", "weekdays": ()}, "weekdays"),  # chosen days, none chosen
        ({"minutes": 0}, "minutes"),  # no length
        ({"title": ""}, "title"),  # no title
    ],
)
def test_invalid_rules(kwargs, field):
    args = {"title": "Adem", "start": date(2026, 1, 1), "at_text": "10:00", "repeat": "daily"}
    args.update(kwargs)
    with pytest.raises(InvalidRule) as info:
        new_rule(**args)
    assert field in info.value.errors


def test_record_round_trip():
    r = rule("weekdays")
    assert RecoveryRule.from_record(r.to_record()) == r


def test_stored_taken_moment_replaces_the_plain_one():
    r = rule("daily")
    plain = expand_rules([r], date(2026, 2, 2), date(2026, 2, 2))[0]
    taken = mark_taken(plain)
    again = expand_rules([r], date(2026, 2, 2), date(2026, 2, 2), {taken.id: taken})
    assert again == [taken]
    assert taken.id == moment_id("r", datetime(2026, 2, 2, 10, 30))


MOMENT = expand_rules([rule("daily", minutes=5)], date(2026, 2, 2), date(2026, 2, 2))[0]

STATES = [
    (datetime(2026, 2, 2, 10, 0), "ahead"),  # half an hour before
    (datetime(2026, 2, 2, 10, 30), "due"),  # right on time
    (datetime(2026, 2, 2, 10, 39), "due"),  # a short moment stays due for ten minutes
    (datetime(2026, 2, 2, 10, 40), "faded"),  # after that it fades quietly
    (datetime(2026, 2, 3, 9, 0), "faded"),  # the next morning
]


@pytest.mark.parametrize(("now", "state"), STATES)
def test_moment_state(now, state):
    assert moment_state(MOMENT, now) == state


def test_taken_moments_are_taken_whatever_the_time():
    assert moment_state(mark_taken(MOMENT), datetime(2026, 2, 2, 10, 31)) == "taken"


def test_due_moment_for_the_nudge():
    morning = expand_rules([rule("daily", at="10:30")], date(2026, 2, 2), date(2026, 2, 2))
    later = expand_rules(
        [
            new_rule(
                title="Schouders",
                start=date(2026, 1, 1),
                at_text="15:00",
                repeat="daily",
                rule_id="s",
            )
        ],
        date(2026, 2, 2),
        date(2026, 2, 2),
    )
    moments = morning + later
    at = datetime(2026, 2, 2, 15, 2)
    assert due_moment(moments, at) == later[0]
    assert due_moment(moments, at, dismissed=[later[0].id]) is None
    assert due_moment(moments, at - timedelta(hours=1)) is None
    assert due_moment([mark_taken(later[0])], at) is None
