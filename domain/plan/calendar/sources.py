"""A calendar source: one imported file, its name, and the weight its events carry by default."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from domain.plan.calendar.events import CHOICE_KINDS
from domain.plan.items import AREAS, ENERGIES

NAME_MAX = 120
# Words in a calendar's name that say which part of life it holds ("Werk-agenda" → work).
AREA_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("work", ("werk", "work", "kantoor", "office", "job", "team", "outlook")),
    ("home", ("thuis", "home", "gezin", "family", "familie", "huishoud", "household")),
    ("social", ("vrienden", "friends", "sociaal", "social", "club", "vereniging")),
    ("care", ("zorg", "care", "dokter", "doctor", "health", "gezondheid", "mantelzorg")),
    ("self", ("sport", "hobby", "privé", "prive", "private", "personal", "persoonlijk")),
)


def source_id_of(file_name: str) -> str:
    """A short fixed id for a file name: the same name always replaces the same source."""
    return hashlib.sha256(file_name.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def clean_name(raw: object) -> str:
    """A name as it can be shown: no control characters, trimmed, at most NAME_MAX characters."""
    if not isinstance(raw, str):
        return ""
    text = "".join(ch for ch in raw if unicodedata.category(ch) not in ("Cc", "Cs")).strip()
    return text[:NAME_MAX]


def guess_area(name: str) -> str:
    """The life area a calendar's name points to; work when it says nothing."""
    folded = name.casefold()
    for area, words in AREA_WORDS:
        if any(word in folded for word in words):
            return area
    return "work"


@dataclass(frozen=True, slots=True)
class CalendarSource:
    """One imported file; `data_id` names the stored series of its latest import."""

    id: str
    file_name: str
    calendar_name: str
    imported_at: datetime
    events: int
    skipped: Mapping[str, int] = field(default_factory=dict)
    energy: str = "medium"
    area: str = "work"
    kind: str = "want"
    free_days: bool = False  # whether its all-day "vakantie"/"vrij" events mark a day as free
    data_id: str = ""

    @property
    def label(self) -> str:
        """What the user sees: the calendar's own name (X-WR-CALNAME), else the file name."""
        return self.calendar_name or self.file_name

    # A record like PauseRecord.to_record's: its own fields in the same shape, no logic to share.
    def to_record(self) -> dict[str, Any]:
        """A JSON-ready record for the store."""
        return {
            "id": self.id,
            "file_name": self.file_name,
            "calendar_name": self.calendar_name,
            "imported_at": self.imported_at.isoformat(),
            "events": self.events,
            "skipped": dict(self.skipped),
            "energy": self.energy,
            "area": self.area,
            "kind": self.kind,
            "free_days": self.free_days,
            "data_id": self.data_id,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> CalendarSource:
        """Rebuild a source; a weight the planner does not know falls back to the default."""
        skipped = record.get("skipped")
        energy, area, kind = record.get("energy"), record.get("area"), record.get("kind")
        return cls(
            id=str(record["id"]),
            file_name=clean_name(record.get("file_name")),
            calendar_name=clean_name(record.get("calendar_name")),
            imported_at=datetime.fromisoformat(str(record["imported_at"])),
            events=int(record.get("events", 0)),
            skipped={
                str(k): int(v) for k, v in (skipped.items() if isinstance(skipped, dict) else ())
            },
            energy=energy if energy in ENERGIES else "medium",
            area=area if area in AREAS else "work",
            kind=kind if kind in CHOICE_KINDS else "want",
            free_days=bool(record.get("free_days", False)),
            data_id=str(record.get("data_id", "")),
        )


def new_source(
    *,
    file_name: str,
    calendar_name: str,
    imported_at: datetime,
    events: int,
    skipped: Mapping[str, int],
    data_id: str,
    previous: CalendarSource | None = None,
) -> CalendarSource:
    """The source after an import; a re-import keeps the weight and choices the user set."""
    name = clean_name(calendar_name)
    shown_file = clean_name(file_name) or file_name
    if previous is not None:
        return replace(
            previous,
            file_name=shown_file,
            calendar_name=name,
            imported_at=imported_at,
            events=events,
            skipped=dict(skipped),
            data_id=data_id,
        )
    return CalendarSource(
        id=source_id_of(file_name),
        file_name=shown_file,
        calendar_name=name,
        imported_at=imported_at,
        events=events,
        skipped=dict(skipped),
        area=guess_area(name or file_name),
        data_id=data_id,
    )
