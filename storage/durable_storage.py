"""A TinyDB storage that keeps one file's data in memory and writes it atomically."""

from __future__ import annotations

import os
from typing import Any

from tinydb.storages import Storage

from storage.atomic import write_atomic
from storage.structure import Tables, encode, parse_strict


def read_file(path: str) -> Tables:
    """A data file as written by this storage; a missing file is an empty one."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return {}
    data = parse_strict(raw)
    if not isinstance(data, dict):
        raise ValueError(f"{os.path.basename(path)} does not hold an object")
    return data


class DurableJSONStorage(Storage):
    """The single owner of one JSON file, with its tables kept in memory.

    TinyDB's own JSONStorage is not used: it rewrites its file in place (a kill or a full disk
    leaves it unloadable) and re-reads and re-parses the whole file at every operation. Here the
    file is parsed once, at open, and reads never touch the disk again. The store saves each
    change in its journal first and then edits these tables, and `save()` writes the whole file
    atomically when the journal is folded.
    """

    def __init__(self, path: str, data: Tables | None = None) -> None:
        self.path = path
        self._data = data

    def read(self) -> Tables:
        if self._data is None:
            self._data = read_file(self.path)
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        # TinyDB's Storage base class requires write(); only its Table API calls it, which the
        # store never uses and never hands out. A change made that way would skip the journal
        # (and TinyDB edits the tables in memory before it calls this), so it is refused.
        raise NotImplementedError(
            "data files change through the store's journal, not TinyDB tables"
        )

    def save(self) -> None:
        """Write the tables in memory to the file: temp file, fsync, rename, folder fsync."""
        write_atomic(self.path, encode(self.read()))

    def close(self) -> None:
        self._data = None
