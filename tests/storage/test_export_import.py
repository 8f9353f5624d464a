"""Export everything as one document; import validates fully or changes nothing."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest

from storage import ImportValidationError, Store
from storage.generations import backups
from tests.storage.helpers import pause


def _fill(store: Store) -> None:
    store.collection("settings").put({"id": "settings", "lang": "nl", "capacity": 6})
    store.collection("agenda_items").insert({"id": "a1", "date": "2026-11-25", "title": "tandarts"})
    for day in ["2026-10-02", "2026-11-20", "2026-11-25"]:
        store.collection("pauses").insert(pause(day))


def test_export_has_format_version_time_and_every_collection(store: Store) -> None:
    _fill(store)
    doc = store.export_document(now=datetime(2026, 11, 25, 9, 30))
    assert doc["format"] == "adempauze-backup"
    assert doc["schema_version"] == 1
    assert doc["exported_at"] == "2026-11-25T09:30:00"
    assert set(doc["collections"]) == {
        "settings", "walkthrough", "selfchecks", "pauses",
        "agenda_items", "boundaries", "recovery_rules",
        "calendar_sources", "calendar_data", "calendar_choices", "calendar_answers",
        "reminder_choices",
    }  # fmt: skip
    assert len(doc["collections"]["pauses"]) == 3
    json.dumps(doc, allow_nan=False)  # the document is plain JSON


def test_import_replaces_everything_and_backs_up_first(store: Store, data_dir: Path) -> None:
    _fill(store)
    doc = store.export_document()
    store.collection("agenda_items").insert(
        {"id": "a2", "date": "2026-11-25", "title": "after export"}
    )
    store.collection("boundaries").insert({"id": "b1"})
    backups_before = len(backups(str(data_dir)))
    store.import_document(doc)
    assert store.export_document()["collections"] == doc["collections"]
    assert store.collection("boundaries").count() == 0
    assert len(backups(str(data_dir))) == backups_before + 1
    newest = backups(str(data_dir))[-1]
    with open(os.path.join(newest, "agenda_items-2026-11.json")) as handle:
        assert "after export" in handle.read()  # the replaced data was kept


def test_import_survives_reopen(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        _fill(store)
        doc = store.export_document()
        store.delete_all()
        store.import_document(doc)
    with Store.open(data_dir) as store:
        assert store.export_document()["collections"] == doc["collections"]


def _valid() -> dict:
    return {
        "format": "adempauze-backup",
        "schema_version": 1,
        "exported_at": "2026-11-25T09:30:00",
        "collections": {"pauses": [pause("2026-11-25", id="p1")], "settings": []},
    }


def _with(path: list, value: object) -> dict:
    doc = _valid()
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    "doc, path",
    [
        ([1, 2], "$"),  # not an object
        (_with(["format"], "tinydb"), "format"),  # someone else's file
        (_with(["schema_version"], "1"), "schema_version"),  # version as text
        (_with(["schema_version"], 0), "schema_version"),  # no such version
        (_with(["schema_version"], 99), "schema_version"),  # from a newer app
        (_with(["exported_at"], None), "exported_at"),  # no timestamp
        (_with(["collections"], []), "collections"),  # collections as a list
        (_with(["collections", "secrets"], []), "collections.secrets"),  # unknown collection
        (_with(["collections", "settings"], {}), "collections.settings"),  # records not a list
        (_with(["collections", "settings"], ["x"]), "collections.settings[0]"),  # not a record
        (_with(["collections", "settings"], [{"id": 3}]), "collections.settings[0].id"),  # int id
        (_with(["collections", "settings"], [{}]), "collections.settings[0].id"),  # no id
        (
            _with(["collections", "settings"], [{"id": "a"}, {"id": "a"}]),
            "collections.settings[1].id",
        ),  # the same id twice
        (
            _with(["collections", "pauses"], [{"id": "p", "started_at": None}]),
            "collections.pauses[0].started_at",
        ),  # a pause without a date
        (
            _with(["collections", "agenda_items"], [{"id": "a", "date": "soon"}]),
            "collections.agenda_items[0].date",
        ),  # an agenda item without an ISO date
        (
            _with(["collections", "settings"], [{"id": "s", "x": float("nan")}]),
            "collections.settings[0]",
        ),  # NaN is not JSON
    ],
)
def test_a_bad_import_names_the_place_and_changes_nothing(
    store: Store, data_dir: Path, doc: object, path: str
) -> None:
    _fill(store)
    before = store.export_document(now=datetime(2026, 1, 1))
    files_before = sorted(os.listdir(data_dir))
    with pytest.raises(ImportValidationError) as caught:
        store.import_document(doc)
    assert caught.value.path == path
    assert caught.value.reason
    assert store.export_document(now=datetime(2026, 1, 1)) == before
    assert sorted(os.listdir(data_dir)) == files_before


def test_delete_all_removes_records_backups_and_damaged_copies(
    store: Store, data_dir: Path
) -> None:
    _fill(store)
    store.import_document(store.export_document())  # makes a backup
    assert backups(str(data_dir))
    store.delete_all()
    assert all(not recs for recs in store.export_document()["collections"].values())
    assert not os.path.exists(data_dir / "backups")
    assert store.collection("pauses").insert(pause("2026-11-25"))  # still usable
