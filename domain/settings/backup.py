"""Backup documents: checked completely, field by field, before anything of them is written."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from domain.pause.kinds import KIND_IDS
from domain.plan.boundaries import InvalidBoundary, new_boundary
from domain.plan.items import validate_item
from domain.plan.recurrence import InvalidRule, RecoveryRule
from domain.plan.times import date_in_range, parse_iso_date
from domain.settings.backup_size import MAX_BYTES
from domain.settings.preferences import Settings, validate_setting

APP_VERSION = "0.1.0"
FORMAT_NAME = "adempauze-backup"
# The store's schema version is the file format's version: the store migrates older ones.
FORMAT_VERSION = 1
# Far above five years of daily use (about 25,000 pauses and 5,000 agenda items), far below
# what would make an import hang; a file past these is not a backup this app wrote.
MAX_RECORDS = {
    "settings": 1,
    "walkthrough": 20,
    "selfchecks": 5_000,
    "pauses": 60_000,
    "agenda_items": 30_000,
    "boundaries": 500,
    "recovery_rules": 1_000,
}
ID_MAX = 100
MAX_PROBLEMS = 20
_VERSION = re.compile(r"^\d+\.\d+(\.\d+)?([-.+a-zA-Z0-9]*)$")
_RRULE_MAX = 500


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a backup: where (a field path) and why (a message key with values)."""

    path: str
    key: str
    values: dict[str, Any] = field(default_factory=dict)


class BackupError(ValueError):
    """A backup that cannot be imported; `problems` lists where and why, most important first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.path}: {p.key}" for p in problems))
        self.problems = problems


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


class _Collector:
    """Gathers problems, and stops the check once there are enough to act on."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, key: str, **values: Any) -> None:
        self.problems.append(Problem(path, key, values))
        if len(self.problems) >= MAX_PROBLEMS:
            raise BackupError(self.problems)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _datetime_error(value: object, *, zoned: bool = False) -> str | None:
    """Local records are naive date-times; the export stamp may carry its UTC offset."""
    if not isinstance(value, str):
        return "data.error.type_datetime"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return "data.error.datetime"
    if parsed.tzinfo is not None and not zoned:
        return "data.error.datetime"
    # Same span as agenda dates: a pause in year 1 or 9999 is a damaged or forged file.
    return None if date_in_range(parsed.date()) else "data.error.datetime"


def _date_error(value: object) -> str | None:
    if not isinstance(value, str):
        return "data.error.type_date"
    return None if parse_iso_date(value) is not None else "data.error.date"


def _require(record: dict[str, Any], names: Iterable[str], where: str, out: _Collector) -> bool:
    missing = [name for name in names if name not in record]
    for name in missing:
        out.add(f"{where}.{name}", "data.error.missing")
    return not missing


def check_settings_record(record: dict[str, Any], where: str, out: _Collector) -> None:
    if record.get("id") != "settings":
        out.add(f"{where}.id", "data.error.settings_id")
    known = {f for f in Settings.__dataclass_fields__}
    for name, value in record.items():
        if name in known and (err := validate_setting(name, value)):
            out.add(f"{where}.{name}", err)


def check_pause_record(record: dict[str, Any], where: str, out: _Collector) -> None:
    names = ("kind", "started_at", "planned_seconds", "actual_seconds", "completed")
    if not _require(record, names, where, out):
        return
    if record["kind"] not in KIND_IDS:
        out.add(f"{where}.kind", "data.error.pause_kind")
    if err := _datetime_error(record["started_at"]):
        out.add(f"{where}.started_at", err)
    for name in ("planned_seconds", "actual_seconds"):
        value = record[name]
        if not _is_int(value):
            out.add(f"{where}.{name}", "data.error.type_int")
        elif not 0 <= value <= 24 * 3600:
            out.add(f"{where}.{name}", "data.error.seconds")
    if not isinstance(record["completed"], bool):
        out.add(f"{where}.completed", "data.error.type_bool")
    rating = record.get("rating")
    if rating is not None and (not _is_int(rating) or not 0 <= rating <= 10):
        out.add(f"{where}.rating", "data.error.rating")


def check_agenda_record(record: dict[str, Any], where: str, out: _Collector) -> None:
    if not _require(record, ("title", "date", "minutes"), where, out):
        return
    if err := _date_error(record["date"]):
        out.add(f"{where}.date", err)
    errors = validate_item(
        title=record["title"],
        day=parse_iso_date(record["date"]) if isinstance(record["date"], str) else None,
        start=record.get("start"),
        minutes=record["minutes"],
        kind=record.get("kind", "want"),
        energy=record.get("energy", "medium"),
        area=record.get("area", "self"),
    )
    errors.pop("day", None)  # said above, with the file's own field name
    if (
        "start" in errors
        and record.get("start") is not None
        and not isinstance(record["start"], str)
    ):
        errors["start"] = "data.error.type_time"
    for name, key in errors.items():
        out.add(f"{where}.{name}", key)
    for name in ("on_screen", "done"):
        if name in record and not isinstance(record[name], bool):
            out.add(f"{where}.{name}", "data.error.type_bool")
    rule_id = record.get("recovery_rule_id")
    if rule_id is not None and not isinstance(rule_id, str):
        out.add(f"{where}.recovery_rule_id", "data.error.type_text")


def check_boundary_record(record: dict[str, Any], where: str, out: _Collector) -> None:
    if not _require(record, ("kind",), where, out):
        return
    try:
        new_boundary(
            kind=record.get("kind"),
            time_text=record.get("time"),
            n=record.get("n"),
            text=record.get("text", ""),
            boundary_id=record.get("id"),
        )
    except InvalidBoundary as exc:
        for name, key in exc.errors.items():
            out.add(f"{where}.{name}", key)
    if "active" in record and not isinstance(record["active"], bool):
        out.add(f"{where}.active", "data.error.type_bool")


def check_rule_record(record: dict[str, Any], where: str, out: _Collector) -> None:
    if not _require(record, ("title", "rrule", "minutes"), where, out):
        return
    if not isinstance(record["rrule"], str) or len(record["rrule"]) > _RRULE_MAX:
        out.add(f"{where}.rrule", "data.error.type_text")
        return
    try:
        RecoveryRule.from_record(record)
    except InvalidRule as exc:
        for name, key in exc.errors.items():
            out.add(f"{where}.{'rrule' if name == 'rule' else name}", key)
    pause_kind = record.get("pause_kind")
    if pause_kind is not None and pause_kind not in KIND_IDS:
        out.add(f"{where}.pause_kind", "data.error.pause_kind")


def check_selfcheck_record(record: dict[str, Any], where: str, out: _Collector) -> None:
    if not _require(record, ("taken_at", "picks"), where, out):
        return
    if err := _datetime_error(record["taken_at"]):
        out.add(f"{where}.taken_at", err)
    picks = record["picks"]
    if not isinstance(picks, list) or not all(isinstance(p, str) for p in picks):
        out.add(f"{where}.picks", "data.error.type_list")


def check_walkthrough_record(record: dict[str, Any], where: str, out: _Collector) -> None:
    if "card_id" in record and not isinstance(record["card_id"], str):
        out.add(f"{where}.card_id", "data.error.type_text")
    if "updated_at" in record and (err := _datetime_error(record["updated_at"])):
        out.add(f"{where}.updated_at", err)


RecordCheck = Callable[[dict[str, Any], str, _Collector], None]
CHECKS: dict[str, RecordCheck] = {
    "settings": check_settings_record,
    "walkthrough": check_walkthrough_record,
    "selfchecks": check_selfcheck_record,
    "pauses": check_pause_record,
    "agenda_items": check_agenda_record,
    "boundaries": check_boundary_record,
    "recovery_rules": check_rule_record,
}
COLLECTIONS: tuple[str, ...] = tuple(CHECKS)


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def _check_header(doc: dict[str, Any], out: _Collector) -> None:
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
    elif err := _datetime_error(doc["exported_at"], zoned=True):
        out.add("exported_at", err)
    if out.problems:
        raise BackupError(out.problems)


def _check_collection(name: str, records: object, out: _Collector) -> None:
    where = f"collections.{name}"
    if not isinstance(records, list):
        out.add(where, "data.error.type_list")
        return
    limit = MAX_RECORDS[name]
    if len(records) > limit:
        out.add(where, "data.error.too_many", count=len(records), limit=limit)
        return
    seen: set[str] = set()
    check = CHECKS[name]
    for index, record in enumerate(records):
        path = f"{where}[{index}]"
        if not isinstance(record, dict):
            out.add(path, "data.error.type_record")
            continue
        rid = record.get("id")
        if "id" not in record:
            out.add(f"{path}.id", "data.error.missing")
        elif not isinstance(rid, str) or not rid or len(rid) > ID_MAX:
            out.add(f"{path}.id", "data.error.id")
        elif rid in seen:
            out.add(f"{path}.id", "data.error.duplicate_id", id=rid)
        else:
            seen.add(rid)
        check(record, path, out)


def check_backup(doc: Any) -> CheckedBackup:
    """Check a parsed backup completely; BackupError lists the first problems found."""
    out = _Collector()
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
                _check_collection(name, collections[name], out)
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
