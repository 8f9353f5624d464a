"""Weekly history: ISO weeks, midnight, DST and year edges, with "now" passed in."""

from datetime import date, datetime

import pytest

from domain.pause.history import (
    WeekSummary,
    first_day_shown,
    last_weeks,
    months_between,
    tension_trend,
    this_week,
    week_start,
)
from domain.pause.record import PauseRecord


def _pause(started, actual, rating=None, completed=True):
    return PauseRecord("id", "calm", started, 60, actual, completed, rating)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # a Wednesday belongs to the Monday before it
        (date(2026, 11, 25), date(2026, 11, 23)),
        # a Monday starts its own week
        (date(2026, 11, 23), date(2026, 11, 23)),
        # a Sunday is the last day of the week, not the first
        (date(2026, 11, 29), date(2026, 11, 23)),
        # New Year's Day 2027 is a Friday: its week began in 2026
        (date(2027, 1, 1), date(2026, 12, 28)),
        # the Sunday of the spring DST change (29 March 2026)
        (date(2026, 3, 29), date(2026, 3, 23)),
    ],
)
def test_week_start(day, expected):
    assert week_start(day) == expected


NOW = datetime(2026, 11, 25, 12, 0)  # a Wednesday


@pytest.mark.parametrize(
    ("pauses", "now", "moments", "minutes"),
    [
        # nothing yet
        ([], NOW, 0, 0),
        # one finished minute
        ([_pause(datetime(2026, 11, 24, 8, 0), 60)], NOW, 1, 1),
        # a pause stopped at exactly 30 s counts, and rounds up to a minute
        ([_pause(datetime(2026, 11, 24, 8, 0), 30, completed=False)], NOW, 1, 1),
        # a pause stopped at 29 s does not count
        ([_pause(datetime(2026, 11, 24, 8, 0), 29, completed=False)], NOW, 0, 0),
        # a stopped 10 s pause leaves the count at zero and adds no minutes
        ([_pause(datetime(2026, 11, 24, 8, 0), 10, completed=False)], NOW, 0, 0),
        # three pauses: 60 + 45 + 300 s = 6.75 minutes, said as 7
        (
            [
                _pause(datetime(2026, 11, 23, 0, 0), 60),
                _pause(datetime(2026, 11, 24, 10, 0), 45),
                _pause(datetime(2026, 11, 25, 11, 0), 300),
            ],
            NOW,
            3,
            7,
        ),
        # Sunday 23:59:50 is last week, even if the pause ran past midnight
        ([_pause(datetime(2026, 11, 22, 23, 59, 50), 60)], NOW, 0, 0),
        # Monday 00:00:00 is this week
        ([_pause(datetime(2026, 11, 23, 0, 0, 0), 60)], NOW, 1, 1),
        # seen on Sunday just before midnight, Monday's pause is still this week
        ([_pause(datetime(2026, 11, 23, 7, 0), 60)], datetime(2026, 11, 29, 23, 59, 59), 1, 1),
        # seen on the next Monday just after midnight, a new week starts empty
        ([_pause(datetime(2026, 11, 23, 7, 0), 60)], datetime(2026, 11, 30, 0, 0, 1), 0, 0),
        # the hour that does not exist on the spring DST night still lands in its week
        ([_pause(datetime(2026, 3, 29, 2, 30), 120)], datetime(2026, 3, 29, 12, 0), 1, 2),
        # the autumn DST night (25 October 2026): the repeated hour is counted once per pause
        (
            [_pause(datetime(2026, 10, 25, 2, 30), 60), _pause(datetime(2026, 10, 25, 2, 45), 60)],
            datetime(2026, 10, 25, 22, 0),
            2,
            2,
        ),
        # across the year end: Thursday 31 December and Friday 1 January share a week
        (
            [_pause(datetime(2026, 12, 31, 21, 0), 60), _pause(datetime(2027, 1, 1, 9, 0), 60)],
            datetime(2027, 1, 2, 10, 0),
            2,
            2,
        ),
    ],
)
def test_this_week(pauses, now, moments, minutes):
    summary = this_week(pauses, now)
    assert (summary.moments, summary.minutes) == (moments, minutes)


def test_last_weeks_oldest_first():
    pauses = [
        _pause(datetime(2026, 11, 25, 9, 0), 60, rating=4),
        _pause(datetime(2026, 11, 16, 9, 0), 120, rating=6),
        _pause(datetime(2026, 11, 17, 9, 0), 60, rating=5),
        # eight weeks back is one week too old to show
        _pause(datetime(2026, 9, 28, 9, 0), 60),
        # the oldest week shown starts on Monday 5 October
        _pause(datetime(2026, 10, 5, 9, 0), 60),
    ]
    weeks = last_weeks(pauses, NOW)
    assert (weeks[0].week_start, weeks[-1].week_start) == (date(2026, 10, 5), date(2026, 11, 23))
    assert [w.moments for w in weeks] == [1, 0, 0, 0, 0, 0, 2, 1]
    assert [w.minutes for w in weeks] == [1, 0, 0, 0, 0, 0, 3, 1]
    assert [w.average_rating for w in weeks][-2:] == [5.5, 4.0]


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        # no ratings at all: no trend to show
        ([None, None, None], None),
        # one rated week: nothing to compare with
        ([None, 5.0, None], None),
        # tension went down by a point
        ([6.0, None, 5.0], "lower"),
        # up by half a point
        ([4.0, 4.5], "higher"),
        # a small change is steady
        ([4.0, 4.4], "steady"),
        # only the last two rated weeks matter
        ([2.0, 8.0, 8.0], "steady"),
    ],
)
def test_tension_trend(ratings, expected):
    weeks = [WeekSummary(date(2026, 11, 2), 0, 0, rating) for rating in ratings]
    assert tension_trend(weeks) == expected


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        # within one month
        (date(2026, 11, 2), date(2026, 11, 25), ["2026-11"]),
        # across the year end
        (date(2026, 11, 30), date(2027, 1, 3), ["2026-11", "2026-12", "2027-01"]),
    ],
)
def test_months_between(first, last, expected):
    assert months_between(first, last) == expected


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # eight weeks back from Wednesday 25 November is Monday 5 October
        (NOW, date(2026, 10, 5)),
        # from a Monday at midnight, seven Mondays back
        (datetime(2026, 11, 23, 0, 0), date(2026, 10, 5)),
    ],
)
def test_first_day_shown(now, expected):
    assert first_day_shown(now) == expected
