"""Schema migrations: in order, backed up first, idempotent, and all-or-nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storage import StorageError, Store
from storage.generations import backups
from storage.migrations import Migration, latest_version, migrate


def _add_energy(collections: dict) -> None:
    for item in collections["agenda_items"]:
        item.setdefault("energy", "medium")


def _rename_title(collections: dict) -> None:
    for item in collections["agenda_items"]:
        if "title" in item:
            item["name"] = item.pop("title")


V2 = Migration(2, "agenda items get an energy cost", _add_energy)
V3 = Migration(3, "agenda title becomes name", _rename_title)


def _fill_v1(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("agenda_items").insert(
            {"id": "a1", "date": "2026-11-25", "title": "tandarts"}
        )
        store.collection("agenda_items").insert(
            {"id": "a2", "date": "2026-11-25", "title": "gym", "energy": "heavy"}
        )


def test_open_runs_pending_migrations_in_order_after_a_backup(data_dir: Path) -> None:
    _fill_v1(data_dir)
    with Store.open(data_dir, migrations=(V3, V2)) as store:
        assert [n.kind for n in store.notices] == ["migrated"]
        assert store.export_document()["schema_version"] == 3
        assert store.collection("agenda_items").get("a1") == {
            "id": "a1",
            "date": "2026-11-25",
            "name": "tandarts",
            "energy": "medium",
        }
        assert store.collection("agenda_items").get("a2")["energy"] == "heavy"
    newest_backup = backups(str(data_dir))[-1]  # made just before migrating
    with open(os.path.join(newest_backup, "agenda_items-2026-11.json")) as handle:
        assert '"title":"tandarts"' in handle.read()  # the v1 data was saved first
    with Store.open(data_dir, migrations=(V2, V3)) as store:
        assert store.notices == []  # nothing left to migrate


@pytest.mark.parametrize("migration", [V2, V3])
def test_each_migration_is_idempotent(migration: Migration) -> None:
    data = {"agenda_items": [{"id": "a1", "title": "t"}, {"id": "a2", "name": "n"}]}
    once = json.loads(json.dumps(data))
    migration.apply(once)
    twice = json.loads(json.dumps(once))
    migration.apply(twice)
    assert twice == once


def test_a_failing_migration_changes_nothing(data_dir: Path) -> None:
    _fill_v1(data_dir)

    def broken(collections: dict) -> None:
        collections["agenda_items"].clear()
        raise RuntimeError("bug in a migration")

    with pytest.raises(StorageError, match="nothing was changed"):
        Store.open(data_dir, migrations=(Migration(2, "broken", broken),))
    with Store.open(data_dir) as store:  # the lock was released, the data is whole
        assert store.collection("agenda_items").count() == 2
        assert store.export_document()["schema_version"] == 1


def test_an_older_import_is_migrated(data_dir: Path) -> None:
    doc = {
        "format": "adempauze-backup",
        "schema_version": 1,
        "exported_at": "2026-11-25T10:00:00",
        "collections": {"agenda_items": [{"id": "a1", "date": "2026-11-25", "title": "t"}]},
    }
    with Store.open(data_dir, migrations=(V2,)) as store:
        store.import_document(doc)
        assert store.collection("agenda_items").get("a1") == {
            "id": "a1",
            "date": "2026-11-25",
            "title": "t",
            "energy": "medium",
        }
        assert store.export_document()["schema_version"] == 2


@pytest.mark.parametrize(
    "versions, valid",
    [
        ((), True),  # no migrations: schema 1
        ((2, 3), True),  # consecutive
        ((3,), False),  # a gap
        ((2, 2), False),  # twice the same version
    ],
)
def test_migration_numbers_must_follow_each_other(versions: tuple, valid: bool) -> None:
    migrations = [Migration(v, "x", _add_energy) for v in versions]
    if valid:
        assert latest_version(migrations) == 1 + len(versions)
    else:
        with pytest.raises(ValueError):
            latest_version(migrations)


def test_migrate_skips_what_the_data_already_has() -> None:
    data = {"agenda_items": [{"id": "a1", "title": "t"}]}
    assert migrate(data, 2, [V2, V3]) == 3
    assert data == {"agenda_items": [{"id": "a1", "name": "t"}]}  # V2 did not run


def test_a_migration_that_breaks_records_is_refused(data_dir: Path) -> None:
    _fill_v1(data_dir)

    def drops_ids(collections: dict) -> None:
        for item in collections["agenda_items"]:
            item.pop("id")

    migrations = (Migration(2, "loses ids", drops_ids),)
    with pytest.raises(StorageError, match=r"collections\.agenda_items\[0\]\.id"):
        Store.open(data_dir, migrations=migrations)
    with Store.open(data_dir) as store:
        assert sorted(r["id"] for r in store.collection("agenda_items").all()) == ["a1", "a2"]
