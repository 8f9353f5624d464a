"""A write that hits a full disk fails clearly and leaves the last good data."""

from __future__ import annotations

import os
import resource
from pathlib import Path

from storage import StorageFullError, Store
from tests.storage.forking import run_forked
from tests.storage.helpers import pause

LIMIT = 64 * 1024  # RLIMIT_FSIZE: any file the child writes beyond this fails with EFBIG
BIG = "x" * (2 * LIMIT)


def _fill(data_dir: Path) -> dict:
    with Store.open(data_dir) as store:
        store.collection("agenda_items").insert({"id": "a1", "date": "2026-11-25", "title": "kept"})
        store.collection("pauses").insert(pause("2026-11-01", id="p1"))
        return store.export_document(now=None)["collections"]


def _in_a_full_child(data_dir: Path, attempt) -> dict:
    def child() -> dict:
        store = Store.open(data_dir)
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, resource.RLIM_INFINITY))
        try:
            attempt(store)
        except StorageFullError as exc:
            error = f"StorageFullError: {exc}"
        else:
            error = "no error"
        after = store.export_document()["collections"]
        store.close()
        return {"error": error, "after": after}

    return run_forked(child)


def _no_temp_files(data_dir: Path) -> bool:
    return not [p for p in data_dir.rglob("*") if ".tmp-" in p.name]


# Each case: a write that cannot fit on the "disk".
ATTEMPTS = {
    "insert into an existing file": lambda s: s.collection("agenda_items").insert(
        {"date": "2026-11-25", "t": BIG}
    ),
    "replace a record": lambda s: s.collection("agenda_items").put(
        {"id": "a1", "date": "2026-11-25", "t": BIG}
    ),
    "a new month file": lambda s: s.collection("pauses").insert(pause("2026-12-01", note=BIG)),
    "move to another month": lambda s: s.collection("pauses").put(
        pause("2026-09-01", id="p1", note=BIG)
    ),
    "import": lambda s: s.import_document(
        {
            "format": "adempauze-backup",
            "schema_version": 1,
            "exported_at": "2026-11-25T10:00:00",
            "collections": {"agenda_items": [{"id": "big", "date": "2026-11-25", "t": BIG}]},
        }
    ),
}


def test_each_full_disk_write_raises_and_keeps_the_last_good_data(data_dir: Path) -> None:
    before = _fill(data_dir)
    for what, attempt in ATTEMPTS.items():
        result = _in_a_full_child(data_dir, attempt)
        assert result["error"].startswith("StorageFullError: no room left"), what
        assert result["after"] == before, what  # memory was not left holding unsaved data
        with Store.open(data_dir) as store:
            assert store.notices == [], what
            assert store.export_document()["collections"] == before, what
        assert _no_temp_files(data_dir), what


def test_after_a_full_disk_the_next_write_works(data_dir: Path) -> None:
    _fill(data_dir)

    def child() -> list:
        store = Store.open(data_dir)
        agenda = store.collection("agenda_items")
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, resource.RLIM_INFINITY))
        refused = False
        try:
            agenda.insert({"id": "big", "date": "2026-11-25", "t": BIG})
        except StorageFullError:
            refused = True
        agenda.insert({"id": "small", "date": "2026-11-25", "t": "fits"})  # room for this one
        ids = sorted(r["id"] for r in agenda.all())
        store.close()
        return [refused, ids]

    assert run_forked(child) == [True, ["a1", "small"]]
    with Store.open(data_dir) as store:
        assert sorted(r["id"] for r in store.collection("agenda_items").all()) == ["a1", "small"]
    assert os.path.exists(data_dir / "CURRENT")


def test_a_fold_that_hits_a_full_disk_loses_nothing(data_dir: Path) -> None:
    with Store.open(data_dir) as store:  # a November file larger than the limit, folded
        for n in range(60):
            store.collection("pauses").insert(pause("2026-11-02", id=f"p{n}", note="x" * 1500))

    def child() -> str:
        store = Store.open(data_dir)
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, resource.RLIM_INFINITY))
        store.collection("pauses").insert(pause("2026-11-03", id="late"))  # a journal line: fits
        try:
            store._memory.fold()  # rewriting November does not fit
        except StorageFullError as exc:
            outcome = f"StorageFullError: {exc}"
        else:
            outcome = "no error"
        store.close()  # folds again, fails again, quietly: the journal keeps the change
        return outcome

    assert run_forked(child).startswith("StorageFullError: no room left")
    with Store.open(data_dir) as store:
        assert store.notices == []
        assert store.collection("pauses").count() == 61
        assert store.collection("pauses").get("late") is not None
    assert _no_temp_files(data_dir)
