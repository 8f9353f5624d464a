"""The collection API that features code against."""

from __future__ import annotations

import os

import pytest
from tinydb import TinyDB

from storage import DuplicateIdError, StorageError, Store
from storage.durable_storage import DurableJSONStorage
from tests.storage.forking import run_forked
from tests.storage.helpers import pause


def test_insert_makes_an_id_and_get_returns_the_record(store: Store) -> None:
    saved = store.collection("agenda_items").insert({"date": "2026-11-25", "title": "tandarts"})
    assert isinstance(saved["id"], str) and len(saved["id"]) == 32
    assert store.collection("agenda_items").get(saved["id"]) == saved


def test_an_id_of_none_means_make_one(store: Store) -> None:
    saved = store.collection("boundaries").put({"id": None, "text": "geen werk na 20:00"})
    assert isinstance(saved["id"], str) and len(saved["id"]) == 32
    assert store.collection("boundaries").all() == [saved]


def test_insert_keeps_a_given_id_and_refuses_it_twice(store: Store) -> None:
    items = store.collection("boundaries")
    items.insert({"id": "b1", "rule": "no-work-after", "time": "20:00"})
    with pytest.raises(DuplicateIdError):
        items.insert({"id": "b1", "rule": "other"})
    assert items.count() == 1


@pytest.mark.parametrize(
    "record, error",
    [
        ({"id": 5}, ValueError),  # ids are strings
        ({"id": ""}, ValueError),  # an empty id is no id
        ({"value": float("nan")}, ValueError),  # NaN is not JSON
        ({"value": {1, 2}}, ValueError),  # a set is not JSON
        (["not", "a", "dict"], TypeError),  # records are objects
    ],
)
def test_insert_refuses_records_that_are_not_plain_json(store: Store, record, error) -> None:
    with pytest.raises(error):
        store.collection("settings").insert(record)
    assert store.collection("settings").count() == 0


def test_put_inserts_then_replaces_whole_record(store: Store) -> None:
    col = store.collection("recovery_rules")
    col.put({"id": "r1", "rrule": "FREQ=DAILY", "title": "walk"})
    col.put({"id": "r1", "rrule": "FREQ=WEEKLY"})
    assert col.all() == [{"id": "r1", "rrule": "FREQ=WEEKLY"}]


def test_put_without_id_inserts(store: Store) -> None:
    saved = store.collection("selfchecks").put({"signals": ["neck"]})
    assert store.collection("selfchecks").get(saved["id"]) == saved


def test_delete_reports_whether_something_was_there(store: Store) -> None:
    col = store.collection("walkthrough")
    saved = col.insert({"card": 3})
    assert col.delete(saved["id"]) is True
    assert col.delete(saved["id"]) is False
    assert col.get(saved["id"]) is None


def test_where_filters_with_a_predicate(store: Store) -> None:
    col = store.collection("agenda_items")
    for kind in ["must", "could", "could"]:
        col.insert({"date": "2026-11-25", "kind": kind})
    assert len(col.where(lambda r: r["kind"] == "could")) == 2


def test_returned_records_are_copies(store: Store) -> None:
    col = store.collection("agenda_items")
    given = {"date": "2026-11-25", "title": "a", "tags": ["x"]}
    saved = col.insert(given)
    given["tags"].append("changed-input")
    saved["tags"].append("changed-output")
    col.get(saved["id"])["tags"].append("changed-get")
    col.all()[0]["tags"].append("changed-all")
    col.where(lambda r: r["tags"].append("changed-in-predicate") or True)
    assert col.get(saved["id"])["tags"] == ["x"]


def test_pauses_are_found_by_month(store: Store) -> None:
    pauses = store.collection("pauses")
    for day in ["2026-10-31", "2026-11-01", "2026-11-25", "2026-12-01"]:
        pauses.insert(pause(day))
    found = pauses.in_shards(["2026-11"])
    assert sorted(p["started_at"][:10] for p in found) == ["2026-11-01", "2026-11-25"]
    assert len(pauses.in_shards(["2026-10", "2026-12", "2027-01"])) == 2
    assert pauses.count() == 4


@pytest.mark.parametrize(
    "record",
    [
        {"seconds": 60},  # no started_at
        {"started_at": 20261125},  # not a string
        {"started_at": "25-11-2026"},  # not ISO
    ],
)
def test_pauses_need_an_iso_started_at(store: Store, record: dict) -> None:
    with pytest.raises(ValueError):
        store.collection("pauses").insert(record)


def test_put_that_changes_month_moves_the_record(store: Store) -> None:
    pauses = store.collection("pauses")
    saved = pauses.insert(pause("2026-11-01"))
    pauses.put({**saved, "started_at": "2026-10-31T23:59:00"})
    assert pauses.in_shards(["2026-11"]) == []
    assert [p["id"] for p in pauses.in_shards(["2026-10"])] == [saved["id"]]
    assert pauses.count() == 1


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.collection("nonsense"),  # unknown collection
        lambda s: s.collection("boundaries").in_shards(["2026-11"]),  # not sharded
        lambda s: s.collection("pauses").in_shards(["november"]),  # not a month key
    ],
)
def test_misuse_is_refused_clearly(store: Store, call) -> None:
    with pytest.raises((KeyError, ValueError)):
        call(store)


def test_data_survives_close_and_open(data_dir) -> None:
    with Store.open(data_dir) as first:
        first.collection("settings").put({"id": "settings", "lang": "nl"})
        first.collection("pauses").insert(pause("2026-11-25"))
    with Store.open(data_dir) as second:
        assert second.collection("settings").get("settings") == {"id": "settings", "lang": "nl"}
        assert second.collection("pauses").count() == 1
        assert second.notices == []
        assert second.read_only is False


def test_a_write_is_saved_when_the_call_returns(data_dir) -> None:
    def child() -> bool:
        store = Store.open(data_dir)
        store.collection("boundaries").insert({"id": "b1", "text": "after 20:00 no work"})
        store.collection("pauses").insert(pause("2026-11-25", id="p1"))
        store.collection("pauses").put(pause("2026-10-30", id="p1"))  # moved a month back
        store.collection("boundaries").delete("b1")
        store.collection("boundaries").insert({"id": "b2"})
        os._exit(0)  # no close(): nothing may be waiting in memory

    run_forked(child)
    with Store.open(data_dir) as store:
        assert store.collection("boundaries").all() == [{"id": "b2"}]
        assert [p["id"] for p in store.collection("pauses").in_shards(["2026-10"])] == ["p1"]
        assert store.collection("pauses").in_shards(["2026-11"]) == []
        assert store.notices == []


def test_a_closed_store_refuses_everything(data_dir) -> None:
    store = Store.open(data_dir)
    col = store.collection("settings")
    store.close()
    store.close()  # closing twice is harmless
    for call in [lambda: col.insert({}), lambda: col.all(), lambda: store.export_document()]:
        with pytest.raises(StorageError, match="closed"):
            call()


def test_tinydb_table_writes_cannot_skip_the_journal(tmp_path) -> None:
    db = TinyDB(str(tmp_path / "core.json"), {"settings": {}}, storage=DurableJSONStorage)
    with pytest.raises(NotImplementedError, match="journal"):
        db.table("settings").insert({"id": "s"})
    assert not (tmp_path / "core.json").exists()
