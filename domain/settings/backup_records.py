"""A backup's records checked one by one: what each collection's fields must hold, and why not."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from domain.pause.kinds import KIND_IDS
from domain.plan.boundaries import InvalidBoundary, new_boundary
from domain.plan.calendar.records import CHECKS as CALENDAR_CHECKS
from domain.plan.calendar.records import MAX_RECORDS as CALENDAR_MAX_RECORDS
from domain.plan.items import validate_item
from domain.plan.recurrence import InvalidRule, RecoveryRule
from domain.plan.reminders import check_choice_record
from domain.plan.times import date_in_range, parse_iso_date
from domain.settings.preferences import Settings, validate_setting

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


class Collector:
    """Gathers problems, and stops the check once there are enough to act on."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, key: str, **values: Any) -> None:
        self.problems.append(Problem(path, key, values))
        if len(self.problems) >= MAX_PROBLEMS:
            raise BackupError(self.problems)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def datetime_error(value: object, *, zoned: bool = False) -> str | None:
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


def _require(record: dict[str, Any], names: Iterable[str], where: str, out: Collector) -> bool:
    missing = [name for name in names if name not in record]
    for name in missing:
        out.add(f"{where}.{name}", "data.error.missing")
    return not missing


def check_settings_record(record: dict[str, Any], where: str, out: Collector) -> None:
    if record.get("id") != "settings":
        out.add(f"{where}.id", "data.error.settings_id")
    known = {f for f in Settings.__dataclass_fields__}
    for name, value in record.items():
        if name in known and (err := validate_setting(name, value)):
            out.add(f"{where}.{name}", err)


def check_pause_record(record: dict[str, Any], where: str, out: Collector) -> None:
    names = ("kind", "started_at", "planned_seconds", "actual_seconds", "completed")
    if not _require(record, names, where, out):
        return
    if record["kind"] not in KIND_IDS:
        out.add(f"{where}.kind", "data.error.pause_kind")
    if err := datetime_error(record["started_at"]):
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


def check_agenda_record(record: dict[str, Any], where: str, out: Collector) -> None:
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


def check_boundary_record(record: dict[str, Any], where: str, out: Collector) -> None:
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


def check_rule_record(record: dict[str, Any], where: str, out: Collector) -> None:
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


def check_selfcheck_record(record: dict[str, Any], where: str, out: Collector) -> None:
    if not _require(record, ("taken_at", "picks"), where, out):
        return
    if err := datetime_error(record["taken_at"]):
        out.add(f"{where}.taken_at", err)
    picks = record["picks"]
    if not isinstance(picks, list) or not all(isinstance(p, str) for p in picks):
        out.add(f"{where}.picks", "data.error.type_list")


def check_walkthrough_record(record: dict[str, Any], where: str, out: Collector) -> None:
    if "card_id" in record and not isinstance(record["card_id"], str):
        out.add(f"{where}.card_id", "data.error.type_text")
    if "updated_at" in record and (err := datetime_error(record["updated_at"])):
        out.add(f"{where}.updated_at", err)


RecordCheck = Callable[[dict[str, Any], str, Collector], None]
CHECKS: dict[str, RecordCheck] = {
    "settings": check_settings_record,
    "walkthrough": check_walkthrough_record,
    "selfchecks": check_selfcheck_record,
    "pauses": check_pause_record,
    "agenda_items": check_agenda_record,
    "boundaries": check_boundary_record,
    "recovery_rules": check_rule_record,
}


def _calendar_check(name: str) -> RecordCheck:
    def check(record: dict[str, Any], where: str, out: Collector) -> None:
        for path, key in CALENDAR_CHECKS[name](record):
            out.add(f"{where}.{path}" if path else where, key)

    return check


CHECKS.update({name: _calendar_check(name) for name in CALENDAR_CHECKS})
MAX_RECORDS.update(CALENDAR_MAX_RECORDS)


def _reminder_choice(record: dict[str, Any], where: str, out: Collector) -> None:
    for path, key in check_choice_record(record):
        out.add(f"{where}.{path}" if path else where, key)


# A week of moments, a few a day: far below this.
CHECKS["reminder_choices"] = _reminder_choice
MAX_RECORDS["reminder_choices"] = 10_000
COLLECTIONS: tuple[str, ...] = tuple(CHECKS)


def check_collection(name: str, records: object, out: Collector) -> None:
    """One collection of the file: a list within its limit, unique ids, each record checked."""
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
