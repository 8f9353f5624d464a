"""The tables a data file starts with, a whole set of files, and core.json's schema version."""

from __future__ import annotations

from storage.layout import CORE_FILE, FIXED_FILES, META_TABLE, collections_in_file, file_for
from storage.migrations import Collections
from storage.structure import Tables, empty_tables


def version_in(core: Tables) -> int | None:
    """The schema version core.json carries; None when it is missing or not a whole number >= 1."""
    doc = core.get(META_TABLE, {}).get("1")
    version = doc.get("schema_version") if isinstance(doc, dict) else None
    return version if type(version) is int and version >= 1 else None


def core_problems(core: Tables) -> list[str]:
    return [] if version_in(core) is not None else ["meta.schema_version is missing or invalid"]


def fresh_tables(name: str, version: int) -> Tables:
    """An empty data file of this name; core.json also carries the schema version."""
    tables = empty_tables(collections_in_file(name))
    if name == CORE_FILE:
        tables[META_TABLE] = {"1": {"schema_version": version}}
    return tables


def build_files(collections: Collections, version: int) -> dict[str, Tables]:
    """The full set of data files that holds exactly these collections."""
    files = {name: fresh_tables(name, version) for name in FIXED_FILES}
    for collection, records in collections.items():
        for record in records:
            name = file_for(collection, record)
            table = files.setdefault(name, fresh_tables(name, version))[collection]
            table[str(len(table) + 1)] = record
    return files
