"""Backup documents: checked completely, field by field, before anything of them is written."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain.plan.times import parse_iso_date
from domain.settings.backup_records import (
    CHECKS,
    COLLECTIONS,
    BackupError,
    Collector,
    Problem,
    check_collection,
    datetime_error,
)
from domain.settings.backup_size import MAX_BYTES

APP_VERSION = "0.1.0"
FORMAT_NAME = "adempauze-backup"
# The store's schema version is the file format's version: the store migrates older ones.
FORMAT_VERSION = 1
_VERSION = re.compile(r"^\d+\.\d+(\.\d+)?([-.+a-zA-Z0-9]*)$")


@dataclass(frozen=True)
class Preview:
    """What a checked backup holds, to show before it replaces anything."""

    app_version: str
    exported_at: str | None
    counts: dict[str, int]
    first_day: date | None
    last_day: date | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class CheckedBackup:
    """A backup that passed every check: the document to hand to the store, and its preview."""

    document: dict[str, Any]
    preview: Preview


# --- reading the file ---------------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice")
        result[key] = value
    return result


def parse_backup_bytes(raw: bytes) -> Any:
    """The one JSON value in `raw`, or BackupError saying why it is not a backup file."""
    if len(raw) > MAX_BYTES:
        raise BackupError([Problem("", "data.error.too_large", {"mb": MAX_BYTES // (1024 * 1024)})])
    if not raw.strip():
        raise BackupError([Problem("", "data.error.empty")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BackupError([Problem("", "data.error.not_json")]) from None
    decoder = json.JSONDecoder(
        parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys
    )
    try:
        return decoder.decode(text)
    except RecursionError:
        raise BackupError([Problem("", "data.error.not_json")]) from None
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        if line is None:
            raise BackupError([Problem("", "data.error.not_json")]) from None
        raise BackupError([Problem("", "data.error.not_json_at", {"line": line})]) from None


# --- checking the document -----------------------------------------------------------------------


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def _check_header(doc: dict[str, Any], out: Collector) -> None:
    if doc.get("format") != FORMAT_NAME:
        out.add("format", "data.error.format" if "format" in doc else "data.error.not_backup")
        raise BackupError(out.problems)
    version = doc.get("schema_version")
    if "schema_version" not in doc:
        out.add("schema_version", "data.error.missing")
    elif not isinstance(version, int) or isinstance(version, bool):
        out.add("schema_version", "data.error.type_int")
    elif version > FORMAT_VERSION:
        out.add("schema_version", "data.error.newer_format", version=version)
    elif version < 1:
        out.add("schema_version", "data.error.format_version")
    app_version = doc.get("app_version")
    if "app_version" not in doc:
        out.add("app_version", "data.error.missing")
    elif not isinstance(app_version, str) or not _VERSION.match(app_version):
        out.add("app_version", "data.error.app_version")
    if "exported_at" not in doc:
        out.add("exported_at", "data.error.missing")
    elif err := datetime_error(doc["exported_at"], zoned=True):
        out.add("exported_at", err)
    if out.problems:
        raise BackupError(out.problems)


def check_backup(doc: Any) -> CheckedBackup:
    """Check a parsed backup completely; BackupError lists the first problems found."""
    out = Collector()
    if not isinstance(doc, dict):
        raise BackupError([Problem("", "data.error.not_backup")])
    _check_header(doc, out)
    collections = doc.get("collections")
    if "collections" not in doc:
        out.add("collections", "data.error.missing")
    elif not isinstance(collections, dict):
        out.add("collections", "data.error.type_object")
    else:
        for name in collections:
            if name not in CHECKS:
                out.add(f"collections.{name}", "data.error.unknown_collection")
        for name in COLLECTIONS:
            if name in collections:
                check_collection(name, collections[name], out)
    if out.problems:
        raise BackupError(out.problems)
    return CheckedBackup(document=doc, preview=preview_of(doc))


def read_backup(raw: bytes) -> CheckedBackup:
    """Bytes of a backup file → a checked backup, or BackupError saying where and why."""
    return check_backup(parse_backup_bytes(raw))


def preview_of(doc: dict[str, Any]) -> Preview:
    """Counts per collection and the span of days the pauses and agenda cover."""
    collections = doc.get("collections") or {}
    counts = {name: len(collections.get(name) or []) for name in COLLECTIONS}
    days: list[date] = []
    for record in collections.get("pauses") or []:
        days.append(datetime.fromisoformat(record["started_at"]).date())
    for record in collections.get("agenda_items") or []:
        parsed = parse_iso_date(record["date"])
        if parsed is not None:
            days.append(parsed)
    return Preview(
        app_version=str(doc.get("app_version", "")),
        exported_at=doc.get("exported_at"),
        counts=counts,
        first_day=min(days) if days else None,
        last_day=max(days) if days else None,
    )


def with_app_version(doc: dict[str, Any], version: str = APP_VERSION) -> dict[str, Any]:
    """The store's export document, signed with the app version that wrote it."""
    return {**doc, "app_version": version}


def encode_backup(doc: dict[str, Any]) -> bytes:
    """The bytes of a backup file: UTF-8 JSON, one record per line so it stays readable."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)

    head = [f"  {dump(k)}: {dump(v)}" for k, v in doc.items() if k != "collections"]
    groups = []
    for name, records in (doc.get("collections") or {}).items():
        rows = ",\n".join(f"      {dump(record)}" for record in records)
        groups.append(f"    {dump(name)}: [\n{rows}\n    ]" if rows else f"    {dump(name)}: []")
    body = ",\n".join(groups)
    parts = [*head, '  "collections": {\n' + body + "\n  }"]
    return ("{\n" + ",\n".join(parts) + "\n}\n").encode("utf-8")


def backup_file_name(now: datetime) -> str:
    """A name that sorts by date and says what it is: adempauze-2026-11-25.json."""
    return f"adempauze-{now:%Y-%m-%d}.json"


def is_newer_app(version: str, than: str = APP_VERSION) -> bool:
    """Whether a backup came from a later app than this one (only said, never refused)."""
    return _version_tuple(version) > _version_tuple(than)
