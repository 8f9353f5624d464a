"""The export document: its shape, and a full check of one before it is imported."""

from __future__ import annotations

import json
from typing import Any

from storage.errors import ImportValidationError
from storage.layout import KNOWN_COLLECTIONS, SHARDED_COLLECTIONS, shard_key_of
from storage.migrations import Collections
from storage.structure import encode

FORMAT = "adempauze-backup"


def make_document(schema_version: int, exported_at: str, collections: Collections) -> dict:
    return {
        "format": FORMAT,
        "schema_version": schema_version,
        "exported_at": exported_at,
        "collections": collections,
    }


def validate_document(doc: Any, latest: int) -> tuple[Collections, int]:
    """Check every part of an import; returns copies of its collections and its schema version."""
    if not isinstance(doc, dict):
        raise ImportValidationError("$", "the backup is not a JSON object")
    if doc.get("format") != FORMAT:
        raise ImportValidationError("format", f"expected {FORMAT!r}, got {doc.get('format')!r}")
    version = doc.get("schema_version")
    if type(version) is not int or version < 1:
        raise ImportValidationError("schema_version", "must be a positive whole number")
    if version > latest:
        raise ImportValidationError(
            "schema_version",
            f"made by a newer version of the app (schema {version}; this one reads up to {latest})",
        )
    if not isinstance(doc.get("exported_at"), str):
        raise ImportValidationError("exported_at", "must be a date-time text")
    collections = doc.get("collections")
    if not isinstance(collections, dict):
        raise ImportValidationError("collections", "must be an object of collections")
    result: Collections = {name: [] for name in KNOWN_COLLECTIONS}
    for name, records in collections.items():
        path = f"collections.{name}"
        if name not in KNOWN_COLLECTIONS:
            raise ImportValidationError(path, "unknown collection")
        if not isinstance(records, list):
            raise ImportValidationError(path, "must be a list of records")
        result[name] = _checked_records(name, records, path)
    return result, version


def _checked_records(name: str, records: list, path: str) -> list[dict[str, Any]]:
    seen: set[str] = set()
    for i, record in enumerate(records):
        where = f"{path}[{i}]"
        if not isinstance(record, dict):
            raise ImportValidationError(where, "record is not an object")
        rid = record.get("id")
        if not isinstance(rid, str) or not rid:
            raise ImportValidationError(f"{where}.id", "must be a non-empty text")
        if rid in seen:
            raise ImportValidationError(f"{where}.id", f"id {rid!r} appears more than once")
        seen.add(rid)
        if name in SHARDED_COLLECTIONS:
            try:
                shard_key_of(name, record)
            except ValueError as exc:
                raise ImportValidationError(
                    f"{where}.{SHARDED_COLLECTIONS[name]}", str(exc)
                ) from exc
    # One encode and decode for the whole list: checks it is plain JSON (no NaN, no objects)
    # and copies it, far faster than a round trip per record at tens of thousands of records.
    try:
        checked = json.loads(encode(records))
    except (TypeError, ValueError):
        for i, record in enumerate(records):
            try:
                encode(record)
            except (TypeError, ValueError) as exc:
                raise ImportValidationError(
                    f"{path}[{i}]", f"holds a value that is not plain JSON ({exc})"
                ) from exc
        raise
    return checked
