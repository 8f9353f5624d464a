"""A pause that was taken, as it is kept on the device."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

RATING_MIN = 0
RATING_MAX = 10


@dataclass(frozen=True)
class PauseRecord:
    """One pause: what kind, when, how long it was meant to be and was, and how tense after."""

    id: str
    kind: str
    started_at: datetime
    planned_seconds: int
    actual_seconds: int
    completed: bool
    rating: int | None = None

    def __post_init__(self) -> None:
        if self.rating is not None and not RATING_MIN <= self.rating <= RATING_MAX:
            raise ValueError(f"rating must be {RATING_MIN}..{RATING_MAX}, got {self.rating}")
        if self.planned_seconds < 0 or self.actual_seconds < 0:
            raise ValueError("seconds cannot be negative")

    def with_rating(self, rating: int | None) -> PauseRecord:
        return replace(self, rating=rating)

    # Shaped like every stored thing's to_record/from_record (RecurringSeries, CalendarSource):
    # each names its own fields, so nothing is shared but the shape.
    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "planned_seconds": self.planned_seconds,
            "actual_seconds": self.actual_seconds,
            "completed": self.completed,
            "rating": self.rating,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> PauseRecord:
        rating = record.get("rating")
        return cls(
            id=str(record["id"]),
            kind=str(record["kind"]),
            started_at=datetime.fromisoformat(str(record["started_at"])),
            planned_seconds=int(record["planned_seconds"]),
            actual_seconds=int(record["actual_seconds"]),
            completed=bool(record["completed"]),
            rating=None if rating is None else int(rating),
        )


def new_pause_id() -> str:
    return uuid.uuid4().hex
