"""Which file holds which collection, and how pauses are split by month."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

META_TABLE = "meta"
CORE_FILE = "core.json"
PLANNER_FILE = "planner.json"

# Small, rarely written data shares one file; the planner's lists have their own, so a
# boundary edit never rewrites settings. Pauses and agenda items grow with every day of use,
# so they are split by month: a save rewrites one month, whatever the years behind it.
FILE_OF_COLLECTION: dict[str, str] = {
    "settings": CORE_FILE,
    "walkthrough": CORE_FILE,
    "selfchecks": CORE_FILE,
    "boundaries": PLANNER_FILE,
    "recovery_rules": PLANNER_FILE,
    "calendar_sources": PLANNER_FILE,
    "calendar_data": PLANNER_FILE,
    "calendar_choices": PLANNER_FILE,
    "calendar_answers": PLANNER_FILE,
    "reminder_choices": PLANNER_FILE,
}
# collection -> the ISO date (or date-time) field whose month picks the file
SHARDED_COLLECTIONS: dict[str, str] = {"pauses": "started_at", "agenda_items": "date"}
KNOWN_COLLECTIONS: tuple[str, ...] = (*FILE_OF_COLLECTION, *SHARDED_COLLECTIONS)
FIXED_FILES: tuple[str, ...] = (CORE_FILE, PLANNER_FILE)

_SHARD_KEY = re.compile(r"^\d{4}-\d{2}$")
_SHARD_FILE = re.compile(
    r"^(" + "|".join(map(re.escape, SHARDED_COLLECTIONS)) + r")-(\d{4}-\d{2})\.json$"
)


def is_sharded(collection: str) -> bool:
    return collection in SHARDED_COLLECTIONS


def is_shard_key(value: object) -> bool:
    return isinstance(value, str) and bool(_SHARD_KEY.match(value))


def shard_file(collection: str, key: str) -> str:
    """e.g. "pauses-2026-11.json"."""
    return f"{collection}-{key}.json"


def shard_of_file(name: str) -> tuple[str, str] | None:
    """(collection, month) of a month file, None for any other name."""
    match = _SHARD_FILE.match(name)
    return (match.group(1), match.group(2)) if match else None


def sharded_collection_of(name: str) -> str | None:
    shard = shard_of_file(name)
    return shard[0] if shard else None


def is_data_file(name: str) -> bool:
    return name in FIXED_FILES or shard_of_file(name) is not None


def collections_in_file(name: str) -> tuple[str, ...]:
    """The collections a data file holds (the meta table is not a collection)."""
    shard = shard_of_file(name)
    if shard is not None:
        return (shard[0],)
    return tuple(c for c, f in FILE_OF_COLLECTION.items() if f == name)


def shard_key_of(collection: str, record: Mapping[str, Any]) -> str:
    """The month a sharded record belongs to, e.g. "2026-11" for started_at "2026-11-25T08:00"."""
    field = SHARDED_COLLECTIONS[collection]
    value = record.get(field)
    key = value[:7] if isinstance(value, str) else None
    if not is_shard_key(key):
        raise ValueError(
            f"a {collection} record needs {field} as an ISO date text like 2026-11-25 (got {value!r})"
        )
    assert key is not None
    return key


def file_for(collection: str, record: Mapping[str, Any]) -> str:
    if is_sharded(collection):
        return shard_file(collection, shard_key_of(collection, record))
    return FILE_OF_COLLECTION[collection]


def check_collection(name: str) -> None:
    if name not in KNOWN_COLLECTIONS:
        known = ", ".join(KNOWN_COLLECTIONS)
        raise KeyError(f"unknown collection {name!r}; known collections: {known}")
