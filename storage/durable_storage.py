"""A TinyDB storage that keeps one file's data in memory and writes it atomically."""

from __future__ import annotations

import contextlib
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

    The file is parsed once, at open; reads never touch the disk again. The store saves each
    change in its journal first and then edits these tables, and `save()` writes the whole file
    atomically when the journal is folded. `write()` is TinyDB's way in (through its Table API):
    it writes at once, and if that fails it reloads the file, because TinyDB edits the tables
    in place before it calls write() and memory must never hold what is not saved anywhere.
    """

    def __init__(self, path: str, data: Tables | None = None) -> None:
        self.path = path
        self._data = data

    def read(self) -> Tables:
        if self._data is None:
            self._data = read_file(self.path)
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            write_atomic(self.path, encode(data))
        except BaseException:
            self._data = None
            with contextlib.suppress(Exception):
                self._data = read_file(self.path)
            raise
        self._data = data

    def save(self) -> None:
        """Write the tables in memory to the file: temp file, fsync, rename, folder fsync."""
        write_atomic(self.path, encode(self.read()))

    def close(self) -> None:
        self._data = None
