"""Collections and the queries on them: every record handed out is a copy."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from storage.layout import file_for, is_shard_key, is_sharded, shard_file, sharded_collection_of
from storage.memory import Memory
from storage.records import Record, copy_record

if TYPE_CHECKING:
    from storage.store import Store


class Collection:
    """A named set of records; every method is thread-safe and returns copies."""

    def __init__(self, store: Store, name: str) -> None:
        self._store = store
        self.name = name

    def insert(self, record: Record) -> Record:
        """Add a record (an "id" is made when missing); DuplicateIdError if the id is taken."""
        return self._store._insert(self.name, record)

    def put(self, record: Record) -> Record:
        """Insert, or replace the record with the same id."""
        return self._store._put(self.name, record)

    def get(self, record_id: str) -> Record | None:
        return self._store._get(self.name, record_id)

    def delete(self, record_id: str) -> bool:
        """Remove a record; False when there was none with this id."""
        return self._store._delete(self.name, record_id)

    def all(self) -> list[Record]:
        return self._store._select(self.name, None, None)

    def where(self, predicate: Callable[[Record], bool]) -> list[Record]:
        """Records for which predicate(copy_of_record) is true."""
        return self._store._select(self.name, predicate, None)

    def in_shards(self, keys: Iterable[str]) -> list[Record]:
        """Records of the given months ("2026-11"); the fast path for recent history."""
        return self._store._select(self.name, None, list(keys))

    def count(self) -> int:
        return self._store._count(self.name)


# Reads go to the tables in memory, not through TinyDB's Table API: its all() and search()
# wrap every document again (and search() caches live ones), while one deep copy here is both
# the read and the copy that is handed out. The index finds a single record without a scan.


def get(memory: Memory, collection: str, record_id: str) -> Record | None:
    where = memory.index[collection].get(record_id)
    if where is None:
        return None
    name, doc_id = where
    return copy_record(memory.tables(name)[collection][doc_id])


def select(
    memory: Memory,
    collection: str,
    predicate: Callable[[Record], bool] | None,
    shards: list[str] | None,
) -> list[Record]:
    """Copies of the records of a collection (of some months only), that the predicate keeps."""
    if shards is None:
        names = _files_of(memory, collection)
    else:
        if not is_sharded(collection):
            raise ValueError(f"{collection} is not split by month; use all() or where()")
        bad = [k for k in shards if not is_shard_key(k)]
        if bad:
            raise ValueError(f"shard keys look like '2026-11', not {bad!r}")
        names = [shard_file(collection, k) for k in dict.fromkeys(shards)]
    found = []
    for name in names:
        if name not in memory.dbs:
            continue
        for doc in memory.tables(name).get(collection, {}).values():
            record = copy_record(doc)
            if predicate is None or predicate(record):
                found.append(record)
    return found


def _files_of(memory: Memory, collection: str) -> list[str]:
    if is_sharded(collection):
        return sorted(n for n in memory.dbs if sharded_collection_of(n) == collection)
    return [file_for(collection, {})]
