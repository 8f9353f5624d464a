"""A calmer rhythm: flag items that fall in the sleep window or after screens-off."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time

from domain.plan.items import AgendaItem
from domain.plan.times import MINUTES_PER_DAY, evening_limit_minutes, minute_of_day, parse_hhmm

DEFAULT_BEDTIME = time(23, 0)
DEFAULT_WAKE = time(7, 0)
DEFAULT_SCREENS_OFF = time(22, 0)


@dataclass(frozen=True, slots=True)
class Rhythm:
    """Bedtime, wake time and screens-off time."""

    bedtime: time = DEFAULT_BEDTIME
    wake: time = DEFAULT_WAKE
    screens_off: time = DEFAULT_SCREENS_OFF

    @classmethod
    def from_texts(cls, bedtime: str | None, wake: str | None, screens_off: str | None) -> Rhythm:
        """Read the settings' "HH:MM" strings; anything unreadable falls back to the default."""
        return cls(
            parse_hhmm(bedtime) or DEFAULT_BEDTIME,
            parse_hhmm(wake) or DEFAULT_WAKE,
            parse_hhmm(screens_off) or DEFAULT_SCREENS_OFF,
        )


def _sleep_spans(rhythm: Rhythm) -> list[tuple[int, int]]:
    """Sleep windows as minute spans relative to an item's day (the night before and after)."""
    bed = minute_of_day(rhythm.bedtime)
    wake = minute_of_day(rhythm.wake)
    if bed > wake:  # the usual case: to bed in the evening, up the next morning
        return [(bed - MINUTES_PER_DAY, wake), (bed, wake + MINUTES_PER_DAY)]
    # bedtime after midnight (e.g. 00:30 to 08:00): the night falls within each calendar day
    return [(bed, wake), (bed + MINUTES_PER_DAY, wake + MINUTES_PER_DAY)]


def rhythm_flags(item: AgendaItem, rhythm: Rhythm) -> tuple[str, ...]:
    """ "sleep" when an item overlaps the sleep window, "screens" when a screen item runs past screens-off."""
    start, end = item.start_minute, item.end_minute
    if start is None or end is None or item.kind == "recovery":
        return ()
    flags = []
    if any(start < hi and end > lo for lo, hi in _sleep_spans(rhythm)):
        flags.append("sleep")
    if item.on_screen and end > evening_limit_minutes(rhythm.screens_off):
        flags.append("screens")
    return tuple(flags)


def flag_items(items: Iterable[AgendaItem], rhythm: Rhythm) -> dict[str, tuple[str, ...]]:
    """Rhythm flags per item id, only for the items that have any."""
    result = {}
    for item in items:
        flags = rhythm_flags(item, rhythm)
        if flags:
            result[item.id] = flags
    return result
