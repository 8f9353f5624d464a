"""Checks of stored calendar records, for a backup about to be imported: (field, message key)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from domain.plan.calendar.advice import EventAnswer
from domain.plan.calendar.events import EventChoice
from domain.plan.calendar.series import CalendarData
from domain.plan.calendar.sources import CalendarSource

Problems = list[tuple[str, str]]
MAX_RECORDS = {
    "calendar_sources": 200,
    "calendar_data": 400,  # two slots per source
    "calendar_choices": 50_000,
    "calendar_answers": 50_000,
}


def _readable(read: Callable[[dict[str, Any]], object], required: tuple[str, ...]):
    def check(record: dict[str, Any]) -> Problems:
        missing = [(name, "data.error.missing") for name in required if name not in record]
        if missing:
            return missing
        try:
            read(record)
        except (KeyError, TypeError, ValueError, AttributeError):
            return [("", "data.error.invalid")]
        return []

    return check


CHECKS: dict[str, Callable[[dict[str, Any]], Problems]] = {
    "calendar_sources": _readable(CalendarSource.from_record, ("file_name", "imported_at")),
    "calendar_data": _readable(CalendarData.from_record, ("source_id",)),
    "calendar_choices": _readable(EventChoice.from_record, ("source_id", "uid")),
    "calendar_answers": _readable(EventAnswer.from_record, ("source_id", "uid", "answer")),
}
