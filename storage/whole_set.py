"""Whole-set changes: export, and the collections of an import or a migration made into a new set."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from storage import generations as gens
from storage.collection import select
from storage.document import make_document, validate_document
from storage.errors import ImportValidationError
from storage.layout import KNOWN_COLLECTIONS
from storage.memory import Memory
from storage.migrations import Collections, Migration, migrate
from storage.structure import Tables, encode


def all_collections(memory: Memory) -> Collections:
    """Copies of every record, by collection."""
    return {c: select(memory, c, None, None) for c in KNOWN_COLLECTIONS}


def export_document(memory: Memory, latest: int, now: datetime) -> dict[str, Any]:
    stamp = now.isoformat(timespec="seconds")
    return make_document(memory.schema_version() or latest, stamp, all_collections(memory))


def upgraded(
    collections: Collections, version: int, latest: int, migrations: Sequence[Migration]
) -> tuple[Collections, int]:
    """Collections brought to the latest schema and checked again like an import."""
    if version == latest:
        return collections, version
    try:
        new_version = migrate(collections, version, migrations)
    except Exception as exc:
        raise ImportValidationError("schema_version", f"could not be upgraded: {exc}") from exc
    return validate_document(make_document(new_version, "", collections), new_version)


def write_generation(data_dir: str, files: dict[str, Tables], *, purge: bool = False) -> str:
    """Write a whole new generation, then switch CURRENT to it: the one moment the set changes."""
    payloads = {name: encode(tables) for name, tables in files.items()}
    gen = gens.build_generation(data_dir, payloads, purge=purge)
    gens.write_current(data_dir, gen)
    return gen
