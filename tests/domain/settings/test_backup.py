"""Backup files: every bad file is refused with a field path and a reason; good ones preview."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest

from domain.settings.backup import (
    MAX_BYTES,
    BackupError,
    backup_file_name,
    check_backup,
    encode_backup,
    parse_backup_bytes,
    read_backup,
)
from domain.settings.backup_records import MAX_PROBLEMS
from tests.domain.settings.documents import REMOVE, good_document, with_field


def changed(path: str, value: Any) -> dict[str, Any]:
    """The good document with one field (dotted path, `[i]` for list items) set or removed."""
    return with_field(good_document(), path, value)


def problems_of(raw: bytes) -> list[tuple[str, str]]:
    with pytest.raises(BackupError) as err:
        read_backup(raw)
    return [(p.path, p.key) for p in err.value.problems]


def as_bytes(doc: Any) -> bytes:
    return json.dumps(doc).encode()


def test_a_good_backup_passes_and_previews_what_it_holds():
    checked = read_backup(encode_backup(good_document()))
    preview = checked.preview
    assert preview.counts["pauses"] == 1 and preview.counts["agenda_items"] == 1
    assert preview.counts["recovery_rules"] == 1 and preview.counts["settings"] == 1
    assert (preview.first_day, preview.last_day) == (date(2026, 3, 2), date(2026, 3, 3))
    assert preview.total == 7
    assert checked.document == good_document()


def test_the_written_file_reads_back_as_the_same_document():
    doc = good_document()
    assert json.loads(encode_backup(doc)) == doc


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", [("", "data.error.empty")]),  # an empty file
        (b"  \n\t", [("", "data.error.empty")]),  # only whitespace
        (b"hello, this is a letter", [("", "data.error.not_json_at")]),  # not JSON
        (b"\xff\xfe\x00garbage", [("", "data.error.not_json")]),  # not even text
        (b'{"format": "adempauze-backup", ', [("", "data.error.not_json_at")]),  # cut off
        (b"[1, 2, 3]", [("", "data.error.not_backup")]),  # JSON, but a list
        (b'{"a": NaN}', [("", "data.error.not_json")]),  # NaN is not standard JSON
        (b'{"a": 1, "a": 2}', [("", "data.error.not_json")]),  # a key given twice
        (b"[" * 100_000 + b"]" * 100_000, [("", "data.error.not_json")]),  # nested too deep
    ],
)
def test_files_that_are_not_backups_are_refused(raw, expected):
    assert problems_of(raw) == expected


def test_a_file_over_twenty_megabytes_is_refused_before_it_is_parsed():
    raw = b" " * (MAX_BYTES + 1)
    assert problems_of(raw) == [("", "data.error.too_large")]
    assert problems_of(b"{" + b" " * (50 * 1024 * 1024) + b"}") == [("", "data.error.too_large")]


# One row per refusal: the rows share their shape on purpose, each names a field and its reason.
@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        # another program's JSON
        ("format", "something-else", [("format", "data.error.format")]),
        ("format", REMOVE, [("format", "data.error.not_backup")]),
        # a backup from a future format version
        ("schema_version", 2, [("schema_version", "data.error.newer_format")]),
        ("schema_version", "1", [("schema_version", "data.error.type_int")]),
        ("schema_version", 0, [("schema_version", "data.error.format_version")]),
        ("app_version", REMOVE, [("app_version", "data.error.missing")]),
        ("app_version", "latest", [("app_version", "data.error.app_version")]),
        ("exported_at", "yesterday", [("exported_at", "data.error.datetime")]),
        ("collections", REMOVE, [("collections", "data.error.missing")]),
        ("collections", [], [("collections", "data.error.type_object")]),
        ("collections.diary", [], [("collections.diary", "data.error.unknown_collection")]),
        ("collections.pauses", {}, [("collections.pauses", "data.error.type_list")]),
        # a missing field
        (
            "collections.agenda_items[0].title",
            REMOVE,
            [("collections.agenda_items[0].title", "data.error.missing")],
        ),
        ("collections.pauses[0].id", REMOVE, [("collections.pauses[0].id", "data.error.missing")]),
        # a wrong type
        (
            "collections.agenda_items[0].minutes",
            "45",
            [("collections.agenda_items[0].minutes", "plan.error.minutes")],
        ),
        (
            "collections.pauses[0].completed",
            "yes",
            [("collections.pauses[0].completed", "data.error.type_bool")],
        ),
        (
            "collections.pauses[0].started_at",
            20260302,
            [("collections.pauses[0].started_at", "data.error.type_datetime")],
        ),
        ("collections.pauses[0].id", 7, [("collections.pauses[0].id", "data.error.id")]),
        ("collections.pauses[0]", "p1", [("collections.pauses[0]", "data.error.type_record")]),
        # a date that does not exist
        (
            "collections.agenda_items[0].date",
            "2026-02-30",
            [("collections.agenda_items[0].date", "data.error.date")],
        ),
        (
            "collections.pauses[0].started_at",
            "2026-02-29T10:00:00",
            [("collections.pauses[0].started_at", "data.error.datetime")],
        ),
        (
            "collections.selfchecks[0].taken_at",
            "2026-13-01T10:00:00",
            [("collections.selfchecks[0].taken_at", "data.error.datetime")],
        ),
        # domain rules of each feature
        (
            "collections.agenda_items[0].start",
            "24:61",
            [("collections.agenda_items[0].start", "plan.error.time")],
        ),
        (
            "collections.agenda_items[0].kind",
            "urgent",
            [("collections.agenda_items[0].kind", "plan.error.kind")],
        ),
        (
            "collections.pauses[0].kind",
            "sprint",
            [("collections.pauses[0].kind", "data.error.pause_kind")],
        ),
        (
            "collections.pauses[0].rating",
            11,
            [("collections.pauses[0].rating", "data.error.rating")],
        ),
        (
            "collections.settings[0].bedtime",
            "24:61",
            [("collections.settings[0].bedtime", "settings.error.time")],
        ),
        (
            "collections.settings[0].theme",
            "neon",
            [("collections.settings[0].theme", "settings.error.theme")],
        ),
        (
            "collections.boundaries[0].time",
            "late",
            [("collections.boundaries[0].time", "plan.error.time")],
        ),
        (
            "collections.recovery_rules[0].rrule",
            "every now and then",
            [("collections.recovery_rules[0].rrule", "plan.error.rule")],
        ),
        (
            "collections.recovery_rules[0].minutes",
            0,
            [("collections.recovery_rules[0].minutes", "plan.error.minutes")],
        ),
    ],
)
def test_each_bad_field_is_named_with_its_path_and_reason(path, value, expected):
    assert problems_of(as_bytes(changed(path, value))) == expected


def test_duplicated_ids_are_refused_with_the_second_one_named():
    doc = good_document()
    doc["collections"]["pauses"].append(dict(doc["collections"]["pauses"][0]))
    problems = problems_of(as_bytes(doc))
    assert problems == [("collections.pauses[1].id", "data.error.duplicate_id")]


def test_a_hundred_thousand_items_are_refused_as_too_many():
    doc = good_document()
    item = doc["collections"]["agenda_items"][0]
    doc["collections"]["agenda_items"] = [{**item, "id": f"i{n}"} for n in range(100_000)]
    raw = json.dumps(doc, separators=(",", ":")).encode()
    assert len(raw) < MAX_BYTES  # so it is the count that is refused, not the size
    assert problems_of(raw) == [("collections.agenda_items", "data.error.too_many")]


def test_a_file_full_of_mistakes_lists_only_the_first_few():
    doc = good_document()
    item = doc["collections"]["agenda_items"][0]
    doc["collections"]["agenda_items"] = [{**item, "id": f"i{n}", "date": "x"} for n in range(500)]
    with pytest.raises(BackupError) as err:
        check_backup(doc)
    assert len(err.value.problems) == MAX_PROBLEMS
    assert err.value.problems[0].path == "collections.agenda_items[0].date"


def test_unknown_extra_fields_in_a_record_are_kept_not_refused():
    # A later app version of the same format may add a field; it travels along untouched.
    doc = changed("collections.pauses[0].note", "after lunch")
    assert check_backup(doc).document["collections"]["pauses"][0]["note"] == "after lunch"


def test_a_byte_order_mark_from_a_text_editor_is_accepted():
    raw = b"\xef\xbb\xbf" + encode_backup(good_document())
    assert parse_backup_bytes(raw) == good_document()


@pytest.mark.parametrize(
    ("now", "name"),
    [
        (datetime(2026, 11, 25, 9, 0), "adempauze-2026-11-25.json"),  # a plain day
        (datetime(2027, 1, 1, 0, 0), "adempauze-2027-01-01.json"),  # just after new year
    ],
)
def test_backup_file_names_sort_by_date(now, name):
    assert backup_file_name(now) == name
