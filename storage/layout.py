"""Which file holds which collection, and how pauses are split by month."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

META_TABLE = "meta"
CORE_FILE = "core.json"
PLANNER_FILE = "planner.json"
SHARD_PREFIX = "pauses-"

# Small, rarely written data shares one file; the planner has its own so an
# agenda edit never rewrites settings; history grows forever, so it is split by month.
FILE_OF_COLLECTION: dict[str, str] = {
    "settings": CORE_FILE,
    "walkthrough": CORE_FILE,
    "selfchecks": CORE_FILE,
    "agenda_items": PLANNER_FILE,
    "boundaries": PLANNER_FILE,
    "recovery_rules": PLANNER_FILE,
}
SHARDED_COLLECTIONS: dict[str, str] = {"pauses": "started_at"}
KNOWN_COLLECTIONS: tuple[str, ...] = (*FILE_OF_COLLECTION, *SHARDED_COLLECTIONS)
FIXED_FILES: tuple[str, ...] = (CORE_FILE, PLANNER_FILE)

_SHARD_KEY = re.compile(r"^\d{4}-\d{2}$")
_SHARD_FILE = re.compile(r"^pauses-(\d{4}-\d{2})\.json$")


def is_sharded(collection: str) -> bool:
    return collection in SHARDED_COLLECTIONS


def is_shard_key(value: object) -> bool:
    return isinstance(value, str) and bool(_SHARD_KEY.match(value))


def shard_file(key: str) -> str:
    return f"{SHARD_PREFIX}{key}.json"


def shard_of_file(name: str) -> str | None:
    match = _SHARD_FILE.match(name)
    return match.group(1) if match else None


def is_data_file(name: str) -> bool:
    return name in FIXED_FILES or shard_of_file(name) is not None


def collections_in_file(name: str) -> tuple[str, ...]:
    """The collections a data file holds (the meta table is not a collection)."""
    if shard_of_file(name) is not None:
        return tuple(SHARDED_COLLECTIONS)
    return tuple(c for c, f in FILE_OF_COLLECTION.items() if f == name)


def shard_key_of(collection: str, record: Mapping[str, Any]) -> str:
    """The month a sharded record belongs to, e.g. "2026-11" for started_at "2026-11-25T08:00"."""
    field = SHARDED_COLLECTIONS[collection]
    value = record.get(field)
    key = value[:7] if isinstance(value, str) else None
    if not is_shard_key(key):
        raise ValueError(
            f"a {collection} record needs {field} as an ISO date-time string (got {value!r})"
        )
    assert key is not None
    return key


def file_for(collection: str, record: Mapping[str, Any]) -> str:
    if is_sharded(collection):
        return shard_file(shard_key_of(collection, record))
    return FILE_OF_COLLECTION[collection]


def check_collection(name: str) -> None:
    if name not in KNOWN_COLLECTIONS:
        known = ", ".join(KNOWN_COLLECTIONS)
        raise KeyError(f"unknown collection {name!r}; known collections: {known}")
