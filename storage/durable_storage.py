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
    """The single owner of one JSON file.

    Reads come from memory (the file is parsed once, at open). A write is on
    disk before it returns: temp file, fsync, os.replace, folder fsync. If a
    write fails, memory is reloaded from disk, because TinyDB edits the cached
    tables in place before calling write() and memory must never hold data
    that is not saved.
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

    def close(self) -> None:
        self._data = None
