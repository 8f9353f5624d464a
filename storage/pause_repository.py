"""Pauses taken, kept in the `pauses` collection (one shard per month of `started_at`)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from domain.pause.history import first_day_shown, months_between
from domain.pause.record import PauseRecord

if TYPE_CHECKING:
    from storage import Store

COLLECTION = "pauses"
log = logging.getLogger("adempauze.pauses")


class PauseRepository:
    """Saves and reads PauseRecords; reading the history touches only the months it shows."""

    def __init__(self, store: Store) -> None:
        self._pauses = store.collection(COLLECTION)

    def save(self, record: PauseRecord) -> None:
        """Insert or replace by id (a rating given after the pause replaces the first save)."""
        self._pauses.put(record.to_record())

    def get(self, pause_id: str) -> PauseRecord | None:
        found = self._pauses.get(pause_id)
        return None if found is None else _read_one(found)

    def all(self) -> list[PauseRecord]:
        return _read(self._pauses.all())

    def in_months(self, months: list[str]) -> list[PauseRecord]:
        """Pauses that started in the given months ("2026-11"), oldest first."""
        return _read(self._pauses.in_shards(months))

    def recent(self, now: datetime, weeks: int = 8) -> list[PauseRecord]:
        """Pauses from the first day of the oldest week the history shows, up to `now`."""
        first = first_day_shown(now, weeks)
        months = months_between(first, now.date())
        return [r for r in self.in_months(months) if first <= r.started_at.date() <= now.date()]


def _read(records: Iterable[dict[str, Any]]) -> list[PauseRecord]:
    found = [r for r in (_read_one(raw) for raw in records) if r is not None]
    return sorted(found, key=lambda r: r.started_at)


def _read_one(raw: dict[str, Any]) -> PauseRecord | None:
    try:
        return PauseRecord.from_record(raw)
    except (KeyError, TypeError, ValueError):
        # One damaged record must not hide the rest of the history.
        log.warning("skipping a pause record that cannot be read: %r", raw.get("id"))
        return None
