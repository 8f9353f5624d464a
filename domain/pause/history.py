"""Weekly summaries of pauses taken: recovery moments, minutes and how tense people felt after."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from domain.pause.kinds import CATALOGUE, CUSTOM
from domain.pause.record import PauseRecord

# A pause this long or longer is a recovery moment, whether it ran to the end or not.
COUNTS_FROM_SECONDS = 30
# A change in average tension smaller than this is called steady.
TREND_STEP = 0.5
# "What helps you": ratings of the last four weeks, and only a kind rated this often says anything.
HELPS_DAYS = 28
HELPS_MIN_RATINGS = 3
# Kinds are shown in the catalogue's order, never sorted by their numbers: no ranking, no "best".
KIND_ORDER = (*CATALOGUE, CUSTOM)


@dataclass(frozen=True)
class WeekSummary:
    """One ISO week (Monday first): recovery moments, their minutes, and the average rating."""

    week_start: date
    moments: int
    minutes: int
    average_rating: float | None


def week_start(day: date) -> date:
    """The Monday of the ISO week that holds `day`."""
    return day - timedelta(days=day.weekday())


def counts_as_moment(record: PauseRecord) -> bool:
    return record.actual_seconds >= COUNTS_FROM_SECONDS


def summarize_week(records: Iterable[PauseRecord], monday: date) -> WeekSummary:
    """Summarise the pauses that started in the week beginning on `monday`."""
    end = monday + timedelta(days=7)
    in_week = [r for r in records if monday <= r.started_at.date() < end]
    counted = [r for r in in_week if counts_as_moment(r)]
    seconds = sum(r.actual_seconds for r in counted)
    ratings = [r.rating for r in in_week if r.rating is not None]
    average = round(sum(ratings) / len(ratings), 1) if ratings else None
    # Half a minute or more rounds up: a 30-second pause reads as one minute, not zero.
    return WeekSummary(monday, len(counted), (seconds + 30) // 60, average)


def this_week(records: Iterable[PauseRecord], now: datetime) -> WeekSummary:
    return summarize_week(records, week_start(now.date()))


def last_weeks(records: Iterable[PauseRecord], now: datetime, count: int = 8) -> list[WeekSummary]:
    """The last `count` weeks, oldest first, the current week last."""
    kept = list(records)
    current = week_start(now.date())
    return [
        summarize_week(kept, current - timedelta(weeks=back)) for back in range(count - 1, -1, -1)
    ]


def first_day_shown(now: datetime, count: int = 8) -> date:
    """The first day `last_weeks` looks at, so storage can load only the months needed."""
    return week_start(now.date()) - timedelta(weeks=count - 1)


def months_between(first: date, last: date) -> list[str]:
    """Month keys ("2026-11") from `first` to `last`, both included."""
    months: list[str] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def tension_trend(weeks: list[WeekSummary]) -> str | None:
    """Compare the latest rated week with the rated week before it: "lower", "higher", "steady".

    None when fewer than two weeks have ratings: there is nothing to compare yet.
    """
    rated = [week.average_rating for week in weeks if week.average_rating is not None]
    if len(rated) < 2:
        return None
    change = rated[-1] - rated[-2]
    if change <= -TREND_STEP:
        return "lower"
    if change >= TREND_STEP:
        return "higher"
    return "steady"


@dataclass(frozen=True)
class KindTension:
    """How tense the user felt, on average (0-10), after pauses of one kind."""

    kind: str
    average: float
    ratings: int


def tension_after_kinds(records: Iterable[PauseRecord], now: datetime) -> list[KindTension]:
    """Per kind, the average rating after its pauses of the last four weeks.

    Only kinds with at least three ratings in that time, in the catalogue's order (a kind no
    longer in it comes after, by name): what each did for the user, not which one won.
    """
    since = now - timedelta(days=HELPS_DAYS)
    ratings: dict[str, list[int]] = {}
    for record in records:
        if record.rating is not None and since <= record.started_at <= now:
            ratings.setdefault(record.kind, []).append(record.rating)
    order = {kind: index for index, kind in enumerate(KIND_ORDER)}
    kinds = sorted(ratings, key=lambda kind: (order.get(kind, len(order)), kind))
    return [
        KindTension(kind, round(sum(ratings[kind]) / len(ratings[kind]), 1), len(ratings[kind]))
        for kind in kinds
        if len(ratings[kind]) >= HELPS_MIN_RATINGS
    ]
