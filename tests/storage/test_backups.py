"""Backups: taken after a validated start, only when something changed, three kept."""

from __future__ import annotations

import os
from pathlib import Path

from storage import Store
from storage.generations import backups
from tests.storage.helpers import pause


def _start_with_a_change(data_dir: Path, n: int) -> None:
    with Store.open(data_dir) as store:
        store.collection("pauses").insert(pause("2026-11-25", id=f"p{n}"))


def test_three_backups_are_kept_newest_last(data_dir: Path) -> None:
    for n in range(6):
        _start_with_a_change(data_dir, n)
    kept = backups(str(data_dir))
    assert len(kept) == 3
    newest = Path(kept[-1]) / "pauses-2026-11.json"
    assert '"id":"p4"' in newest.read_text()  # taken at the start after p4 was written
    assert '"id":"p5"' not in newest.read_text()


def test_a_start_without_changes_makes_no_new_backup(data_dir: Path) -> None:
    for n in range(2):
        _start_with_a_change(data_dir, n)
    Store.open(data_dir).close()  # backs up p1
    before = backups(str(data_dir))
    for _ in range(4):
        Store.open(data_dir).close()
    assert backups(str(data_dir)) == before  # older backups are not pushed out


def test_backups_share_unchanged_files_instead_of_copying_them(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        store.collection("pauses").insert(pause("2026-10-01", id="old"))
        store.collection("pauses").insert(pause("2026-11-01", id="p0"))
    _start_with_a_change(data_dir, 1)  # changes November only
    Store.open(data_dir).close()
    first, second = (Path(b) for b in backups(str(data_dir))[-2:])
    october = "pauses-2026-10.json"
    assert os.path.samefile(first / october, second / october)  # one file on disk
    assert not os.path.samefile(first / "pauses-2026-11.json", second / "pauses-2026-11.json")
