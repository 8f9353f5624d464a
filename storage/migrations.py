"""Ordered schema migrations over all collections, run before the store is used."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Collections = dict[str, list[dict[str, Any]]]
BASE_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Migration:
    """Brings data from schema `version - 1` to `version`.

    `apply` edits the collections in place and must be idempotent: running it
    on data it already migrated changes nothing (a kill before the switch to
    the migrated set means it runs again on the next start).
    """

    version: int
    describe: str
    apply: Callable[[Collections], None]


# The first released schema is 1; add Migration(2, ...) here when a record shape changes.
MIGRATIONS: tuple[Migration, ...] = ()


def latest_version(migrations: Sequence[Migration]) -> int:
    versions = [m.version for m in migrations]
    expected = list(range(BASE_SCHEMA_VERSION + 1, BASE_SCHEMA_VERSION + 1 + len(versions)))
    if sorted(versions) != expected:
        raise ValueError(f"migrations must be numbered {expected}, got {versions}")
    return BASE_SCHEMA_VERSION + len(versions)


def migrate(collections: Collections, from_version: int, migrations: Sequence[Migration]) -> int:
    """Apply every migration newer than `from_version`, in order; returns the new version."""
    version = from_version
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version > from_version:
            migration.apply(collections)
            version = migration.version
    return max(version, from_version)
