"""The write-ahead journal: one fsynced line per change, folded into the data files in batches."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from typing import Any

from storage.atomic import as_storage_error, fsync_dir, fsync_file
from storage.errors import StorageError
from storage.structure import encode

JOURNAL = "journal.jsonl"


def _sync_data(fd: int) -> None:
    """The journal only grows, so file size is the only metadata that must reach the disk."""
    if sys.platform.startswith("linux") or sys.platform == "android":
        os.fdatasync(fd)
    else:
        fsync_file(fd)  # F_FULLFSYNC on Apple


def read_entries(path: str) -> tuple[list[dict[str, Any]], bool]:
    """The journal's complete entries, and whether anything unreadable was found before the end.

    A last line without its newline is a write that a kill cut short: it was never acknowledged,
    so it is dropped silently. Anything else that does not parse means damage.
    """
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return [], False
    lines = raw.split(b"\n")
    lines.pop()  # what follows the last newline: empty, or a torn write
    entries: list[dict[str, Any]] = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            return entries, True
        if not isinstance(entry, dict):
            return entries, True
        entries.append(entry)
    return entries, False


class Journal:
    """Append-only, opened once per generation by the store that owns the folder."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries = 0
        self.size = 0
        self.broken = False  # a torn line could not be cut off: no more appends until reopened
        existed = os.path.exists(path)
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self.size = os.fstat(self._fd).st_size
        if not existed:
            fsync_dir(os.path.dirname(path))

    def append(self, entry: dict[str, Any]) -> None:
        """On disk when this returns; on failure the torn line is cut off again."""
        if self.broken:
            raise StorageError("the journal needs the app to restart before it can save again")
        line = encode(entry) + b"\n"
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(self._fd, view) :]
            _sync_data(self._fd)
        except OSError as exc:
            try:
                os.ftruncate(self._fd, self.size)
            except OSError as cut:
                # Appending after a torn line would hide every later change at the next start.
                self.broken = True
                raise StorageError(f"the journal could not be repaired: {cut}") from exc
            raise as_storage_error(exc, JOURNAL) from exc
        self.size += len(line)
        self.entries += 1

    def clear(self) -> None:
        """After every change in it is safely in the data files."""
        os.ftruncate(self._fd, 0)
        _sync_data(self._fd)
        self.size = 0
        self.entries = 0

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._fd)
