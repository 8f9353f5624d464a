"""One generation in memory: a TinyDB per data file, the id index, and the journal in front."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from tinydb import TinyDB

from storage.durable_storage import DurableJSONStorage
from storage.errors import StorageError
from storage.file_tables import version_in
from storage.journal import Journal
from storage.layout import CORE_FILE, collections_in_file, file_for
from storage.structure import Tables, empty_tables

# The journal is folded into the data files after this many changes (or bytes): enough to make
# a burst of saves cost one fsync each, small enough that replaying it at open is instant.
FOLD_EVERY = 256
FOLD_BYTES = 1 << 20

Place = tuple[str, str]  # (file name, TinyDB document id as stored: a str)
Index = dict[str, dict[str, Place]]  # collection -> record id -> where the record is


class Memory:
    """The tables of one generation, parsed once; the store's lock guards every use.

    TinyDB's Table API (insert, update, remove, search) is bypassed on purpose: each of its
    writes copies the whole table twice and rewrites the file, and search() hands out cached
    live documents. Changes go to the journal first and then straight into the tables that the
    file's DurableJSONStorage holds; `index` makes get, put and delete direct.
    """

    def __init__(self, folder: str, dbs: dict[str, TinyDB], index: Index, dirty: set[str]) -> None:
        self.folder = folder
        self.gen = os.path.basename(folder)
        self.dbs = dbs
        self.index = index
        self.dirty = dirty  # files whose tables are ahead of the file (not of the journal)
        self.journal: Journal | None = None  # none while loading, nor for data of a newer app

    @classmethod
    def empty(cls) -> Memory:
        """Before the data is read, and after the store is closed."""
        return cls("", {}, {}, set())

    def storage(self, name: str) -> DurableJSONStorage:
        storage = self.dbs[name].storage
        assert isinstance(storage, DurableJSONStorage)
        return storage

    def tables(self, name: str) -> Tables:
        return self.storage(name).read()

    def new_file(self, name: str) -> None:
        """A data file this generation did not have yet (a first record in a new month)."""
        if name not in self.dbs:
            path = os.path.join(self.folder, name)
            tables = empty_tables(collections_in_file(name))
            self.dbs[name] = TinyDB(path, tables, storage=DurableJSONStorage)

    def schema_version(self) -> int | None:
        return version_in(self.tables(CORE_FILE))

    def write(self, entry: dict[str, Any]) -> None:
        """Durable first (one fsynced journal line), then in memory; folded in batches."""
        assert self.journal is not None
        self.journal.append(entry)
        self.apply(entry)
        if self.journal.entries >= FOLD_EVERY or self.journal.size >= FOLD_BYTES:
            # The change is safe in the journal already; a failed fold is retried later.
            with contextlib.suppress(StorageError):
                self.fold()

    def apply(self, entry: dict[str, Any]) -> None:
        """One journal entry on the tables in memory. Replaying an entry twice changes nothing."""
        collection = entry["c"]
        ids = self.index[collection]
        if entry["op"] == "del":
            where = ids.pop(entry["id"], None)
            if where is not None:
                del self.tables(where[0])[collection][where[1]]
                self.dirty.add(where[0])
            return
        if entry["op"] != "put":
            raise ValueError(f"unknown journal operation {entry['op']!r}")
        record = entry["rec"]
        name = file_for(collection, record)
        where = ids.get(record["id"])
        if where is not None and where[0] == name:
            self.tables(name)[collection][where[1]] = record
        else:
            if where is not None:  # it moved to another month
                del self.tables(where[0])[collection][where[1]]
                self.dirty.add(where[0])
            self.new_file(name)
            table = self.tables(name).setdefault(collection, {})
            key = str(max(map(int, table), default=0) + 1)
            table[key] = record
            ids[record["id"]] = (name, key)
        self.dirty.add(name)

    def fold(self) -> None:
        """Write every file the journal has changed, then empty the journal."""
        assert self.journal is not None
        for name in sorted(self.dirty):
            self.storage(name).save()
            self.dirty.discard(name)
        self.journal.clear()

    def close(self) -> None:
        """Let go of the journal and the tables; nothing is written."""
        if self.journal is not None:
            self.journal.close()
            self.journal = None
        for db in self.dbs.values():
            db.close()
        self.dbs.clear()
        self.index.clear()
