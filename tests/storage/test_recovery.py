"""Damaged files at start: kept aside, recovered as well as possible, and said so."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storage import ReadOnlyError, Store
from storage.generations import DAMAGED, backups, read_current
from tests.storage.forking import run_forked
from tests.storage.helpers import pause

A1 = {"id": "a1", "kind": "no_work_after", "text": "in the backup"}
A2 = {"id": "a2", "kind": "free_evening", "text": "only since the last start"}


def _gen_file(data_dir: Path, name: str) -> Path:
    return data_dir / str(read_current(str(data_dir))) / name


def _two_starts(data_dir: Path) -> bytes:
    """a1 is in the last backup (taken at the second start); a2 only in the live file."""
    with Store.open(data_dir) as store:
        store.collection("boundaries").insert(A1)
    with Store.open(data_dir) as store:
        store.collection("boundaries").insert(A2)
    return _gen_file(data_dir, "planner.json").read_bytes()


def _ids(store: Store) -> list[str]:
    return sorted(r["id"] for r in store.collection("boundaries").all())


def _boundaries(*docs: object) -> bytes:
    table = {str(i + 1): doc for i, doc in enumerate(docs)}
    return json.dumps({"boundaries": table, "recovery_rules": {}}).encode()


# Each case: how planner.json is damaged, the notice kind, the ids the store then holds.
CASES = [
    (lambda good: good[: len(good) // 2], "restored_backup", ["a1"]),  # truncated
    (lambda good: good + b'{"x": 1} trailing', "recovered", ["a1", "a2"]),  # trailing garbage
    (lambda good: b"[1, 2, 3]", "restored_backup", ["a1"]),  # list root
    (
        lambda good: json.dumps({"boundaries": {"first": A1, "2": A2}}).encode(),
        "recovered",
        ["a1", "a2"],
    ),  # non-integer document ids
    (lambda good: _boundaries(A1, "text", 7, A2), "recovered", ["a1", "a2"]),  # non-dict documents
    (lambda good: b"\xef\xbb\xbf" + good, "recovered", ["a1", "a2"]),  # a byte-order mark
    (lambda good: b" \n\t  \n", "restored_backup", ["a1"]),  # whitespace only
    (lambda good: b"null", "restored_backup", ["a1"]),  # null
    (lambda good: b"", "restored_backup", ["a1"]),  # 0 bytes
    (
        lambda good: b'{"boundaries": {"1": {"id": "a1", "n": NaN}}}',
        "restored_backup",
        ["a1"],
    ),  # NaN is not JSON
    (
        lambda good: _boundaries(A1, {"title": "no id"}),
        "recovered",
        ["a1", "new"],
    ),  # record without id
    (lambda good: _boundaries(A1, A2, A2), "recovered", ["a1", "a2"]),  # the same id twice
    (lambda good: good[:-1] + b"\xff\xfe", "restored_backup", ["a1"]),  # invalid UTF-8 at the end
]


@pytest.mark.parametrize("damage, kind, ids", CASES)
def test_damaged_file_is_kept_aside_and_recovered(data_dir: Path, damage, kind, ids) -> None:
    good = _two_starts(data_dir)
    bad = damage(good)
    _gen_file(data_dir, "planner.json").write_bytes(bad)
    with Store.open(data_dir) as store:
        assert [(n.kind, n.file) for n in store.notices] == [(kind, "planner.json")]
        notice = store.notices[0]
        found = _ids(store)
        if "new" in ids:  # a record that had no id gets a fresh one
            assert "a1" in found and len(found) == 2
        else:
            assert found == ids
        store.collection("boundaries").insert({"text": "still writable"})
    kept = os.listdir(data_dir / DAMAGED)
    assert len(kept) == 1 and kept[0].startswith("planner.json.corrupt-")
    assert (data_dir / DAMAGED / kept[0]).read_bytes() == bad  # byte for byte
    assert notice.kept_aside == os.path.join(DAMAGED, kept[0])
    if kind == "recovered":
        assert notice.kept == len(ids) and notice.left_out is not None
    else:
        assert notice.backup is not None and notice.backup in os.listdir(data_dir / "backups")
    with Store.open(data_dir) as store:
        assert store.notices == []  # the repaired file was written back


def test_without_a_backup_a_damaged_file_starts_empty(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("settings").put({"id": "settings", "lang": "en"})
    for backup in backups(str(data_dir)):
        for name in os.listdir(backup):
            os.remove(os.path.join(backup, name))
    _gen_file(data_dir, "core.json").write_bytes(b'{"settings": {"1": ')
    with Store.open(data_dir) as store:
        assert [(n.kind, n.file) for n in store.notices] == [("reset", "core.json")]
        assert store.collection("settings").all() == []
        assert store.read_only is False


def test_a_damaged_month_file_only_affects_that_month(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("pauses").insert(pause("2026-10-01", id="oct"))
        store.collection("pauses").insert(pause("2026-11-01", id="nov"))
    _gen_file(data_dir, "pauses-2026-11.json").write_bytes(b"\x00\x00\x00")
    with Store.open(data_dir) as store:
        assert [(n.kind, n.file) for n in store.notices] == [("reset", "pauses-2026-11.json")]
        assert [p["id"] for p in store.collection("pauses").all()] == ["oct"]


def test_damaged_copies_are_never_overwritten(data_dir: Path) -> None:
    _two_starts(data_dir)
    for attempt in (b"first", b"second"):
        _gen_file(data_dir, "planner.json").write_bytes(attempt)
        Store.open(data_dir).close()
    kept = sorted((data_dir / DAMAGED).iterdir())
    assert sorted(p.read_bytes() for p in kept) == [b"first", b"second"]


def test_a_damaged_pointer_falls_back_to_the_newest_complete_set(data_dir: Path) -> None:
    _two_starts(data_dir)
    (data_dir / "CURRENT").write_bytes(b"\x00garbage")
    with Store.open(data_dir) as store:
        assert [n.kind for n in store.notices] == ["recovered"]
        assert _ids(store) == ["a1", "a2"]


def test_a_newer_schema_opens_read_only_and_writes_nothing(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("boundaries").insert(A1)
        store.collection("pauses").insert(pause("2026-11-01"))
    core = _gen_file(data_dir, "core.json")
    data = json.loads(core.read_bytes())
    data["meta"]["1"]["schema_version"] = 99
    data["future_table"] = {"1": {"something": "new"}}
    core.write_bytes(json.dumps(data).encode())
    snapshot = {p: p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()}

    with Store.open(data_dir) as store:
        assert store.read_only is True
        assert [(n.kind, n.file) for n in store.notices] == [("newer_schema", "core.json")]
        assert _ids(store) == ["a1"]  # still readable
        assert store.export_document()["schema_version"] == 99
        boundaries = store.collection("boundaries")
        for write in [
            lambda: boundaries.insert({"text": "x"}),
            lambda: boundaries.put(A1),
            lambda: boundaries.delete("a1"),
            lambda: store.import_document(store.export_document()),
            lambda: store.delete_all(),
        ]:
            with pytest.raises(ReadOnlyError):
                write()
    after = {p: p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()}
    after.pop(data_dir / "lock")
    snapshot.pop(data_dir / "lock")
    assert after == snapshot  # not one byte written, no backup, no repair


def test_a_fold_cut_short_during_a_month_move_is_settled_by_the_journal(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("pauses").insert(pause("2026-10-31", id="p"))

    def child() -> None:
        store = Store.open(data_dir)
        store.collection("pauses").put(pause("2026-11-01", id="p", note="moved"))
        # The fold got this far: the record is in both month files on disk.
        store._memory.storage("pauses-2026-11.json").save()
        os._exit(0)

    run_forked(child)
    with Store.open(data_dir) as store:
        assert store.notices == []  # nothing was damaged: the journal explains the copies
        assert store.collection("pauses").all() == [pause("2026-11-01", id="p", note="moved")]


def test_a_record_in_two_months_without_a_journal_entry_keeps_one_copy(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("pauses").insert(pause("2026-10-31", id="p"))
        store.collection("pauses").insert(pause("2026-11-01", id="q"))
    november = _gen_file(data_dir, "pauses-2026-11.json")
    tables = json.loads(november.read_bytes())
    tables["pauses"]["2"] = pause("2026-10-31", id="p")  # copied there from outside
    november.write_bytes(json.dumps(tables).encode())
    with Store.open(data_dir) as store:
        assert [(n.kind, n.file) for n in store.notices] == [("recovered", "pauses-2026-10.json")]
        assert sorted(p["id"] for p in store.collection("pauses").all()) == ["p", "q"]
    with Store.open(data_dir) as store:
        assert store.notices == []


def test_a_damaged_journal_line_is_reported_and_the_rest_kept(data_dir: Path) -> None:
    def child() -> None:
        store = Store.open(data_dir)
        store.collection("boundaries").insert(A1)
        store.collection("boundaries").insert(A2)
        os._exit(0)  # both only in the journal

    run_forked(child)
    journal = _gen_file(data_dir, "journal.jsonl")
    first, second, _ = journal.read_bytes().split(b"\n")
    journal.write_bytes(first + b"\n" + b"{broken\n" + second + b"\n")
    with Store.open(data_dir) as store:
        assert [(n.kind, n.file, n.kept) for n in store.notices] == [
            ("recovered", "journal.jsonl", 1)
        ]
        assert _ids(store) == ["a1"]  # what came before the damage
    assert any(p.name.startswith("journal.jsonl.corrupt-") for p in (data_dir / DAMAGED).iterdir())


def test_a_torn_last_journal_line_is_a_write_never_acknowledged(data_dir: Path) -> None:
    def child() -> None:
        store = Store.open(data_dir)
        store.collection("boundaries").insert(A1)
        os._exit(0)

    run_forked(child)
    journal = _gen_file(data_dir, "journal.jsonl")
    journal.write_bytes(journal.read_bytes() + b'{"op":"put","c":"boundaries","rec":{"id":"a')
    with Store.open(data_dir) as store:
        assert store.notices == []
        assert _ids(store) == ["a1"]
        store.collection("boundaries").insert(A2)  # appends after the cut, not after the tear
    with Store.open(data_dir) as store:
        assert _ids(store) == ["a1", "a2"]
