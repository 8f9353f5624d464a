"""What a killed process leaves behind is cleaned up at the next start, and only that."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage import StorageError, Store
from storage.generations import read_current


def test_start_removes_orphans_but_keeps_other_files(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("settings").put({"id": "settings", "lang": "nl"})
    current = data_dir / str(read_current(str(data_dir)))
    orphans = [
        current / ".core.json.tmp-4242-0badf00d",  # a write cut short
        data_dir / ".CURRENT.tmp-4242-0badf00d",  # a switch cut short
        data_dir / "backups" / ".20261125T101010000000Z.tmp-4242-0badf00d",  # a backup cut short
        data_dir / "gen-000099",  # a new set that never became current
    ]
    for path in orphans:
        if path.name.startswith("gen-") or path.parent.name == "backups":
            path.mkdir(parents=True)
            (path / "core.json").write_text("{}")
        else:
            path.write_text("half")
    foreign = data_dir / ".access-token.tmp-4242"  # someone else's temp file
    foreign.write_text("token")
    with Store.open(data_dir) as store:
        assert store.collection("settings").get("settings") == {"id": "settings", "lang": "nl"}
        assert store.notices == []
    assert [p for p in orphans if p.exists()] == []
    assert foreign.read_text() == "token"


def test_a_set_that_was_never_switched_to_is_ignored(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("settings").put({"id": "settings", "lang": "nl"})
    unfinished = data_dir / "gen-000050"  # complete files, but CURRENT never pointed here
    unfinished.mkdir()
    (unfinished / "core.json").write_text('{"meta": {"1": {"schema_version": 1}}, "settings": {}}')
    (unfinished / "COMPLETE").write_text("")
    with Store.open(data_dir) as store:
        assert store.collection("settings").count() == 1
    assert not unfinished.exists()


def test_a_first_start_cut_short_starts_fresh(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "gen-000001").mkdir()  # killed while writing the very first set
    (data_dir / "gen-000001" / "core.json").write_text("{")
    with Store.open(data_dir) as store:
        assert store.notices == []
        assert store.collection("settings").all() == []
        store.collection("settings").put({"id": "settings"})
    assert read_current(str(data_dir)) == "gen-000002"


def test_a_damaged_pointer_next_to_an_unmarked_set_keeps_that_set(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("settings").put({"id": "settings", "lang": "en"})
    current = data_dir / str(read_current(str(data_dir)))
    (current / "COMPLETE").unlink()  # damage from outside: marker and pointer both gone bad
    (data_dir / "CURRENT").write_text("nonsense")
    with Store.open(data_dir) as store:
        assert [n.kind for n in store.notices] == ["recovered"]
        assert store.collection("settings").get("settings") == {"id": "settings", "lang": "en"}
    with Store.open(data_dir) as store:
        assert store.notices == []


def test_an_unreadable_file_is_a_storage_error_and_frees_the_folder(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("settings").put({"id": "settings"})
    core = data_dir / str(read_current(str(data_dir))) / "core.json"
    core.unlink()
    core.mkdir()  # reading it now fails with an OSError that is not "missing"
    with pytest.raises(StorageError, match="cannot read the data"):
        Store.open(data_dir)
    core.rmdir()
    Store.open(data_dir).close()  # the lock was released


def test_agenda_items_from_before_the_month_split_move_to_their_months(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("boundaries").insert({"id": "b1"})
    planner = data_dir / str(read_current(str(data_dir))) / "planner.json"
    tables = json.loads(planner.read_bytes())
    tables["agenda_items"] = {  # the layout of the first days: agenda items in planner.json
        "1": {"id": "a1", "date": "2026-11-25", "title": "tandarts"},
        "2": {"id": "a2", "date": "2026-12-01", "title": "kapper"},
    }
    planner.write_bytes(json.dumps(tables).encode())
    with Store.open(data_dir) as store:
        assert store.notices == []
        agenda = store.collection("agenda_items")
        assert [r["id"] for r in agenda.in_shards(["2026-11", "2026-12"])] == ["a1", "a2"]
        assert store.collection("boundaries").count() == 1
    assert "agenda_items" not in json.loads(planner.read_bytes())
