"""The durable store: one owner per data folder, named collections of JSON records."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, MutableMapping, Sequence
from datetime import UTC, datetime
from itertools import repeat
from operator import itemgetter
from typing import Any

from tinydb import TinyDB

from storage import generations as gens
from storage.atomic import remove_temp_files, write_atomic
from storage.document import make_document, validate_document
from storage.durable_storage import DurableJSONStorage
from storage.errors import (
    DuplicateIdError,
    ImportValidationError,
    ReadOnlyError,
    StorageError,
    StoreNotice,
)
from storage.layout import (
    CORE_FILE,
    FIXED_FILES,
    KNOWN_COLLECTIONS,
    META_TABLE,
    SHARDED_COLLECTIONS,
    check_collection,
    collections_in_file,
    file_for,
    is_shard_key,
    is_sharded,
    shard_file,
    sharded_collection_of,
)
from storage.lock import FolderLock
from storage.migrations import MIGRATIONS, Collections, Migration, latest_version, migrate
from storage.structure import (
    Tables,
    empty_tables,
    encode,
    leading_object,
    parse_strict,
    problems_in,
    salvage,
)

Record = dict[str, Any]
_RECORD_ID = itemgetter("id")


def copy_record(value: Any) -> Any:
    """A deep copy of plain JSON data, several times faster than copy.deepcopy."""
    if type(value) is dict:
        return {k: copy_record(v) for k, v in value.items()}
    if type(value) is list:
        return [copy_record(v) for v in value]
    return value


def clean_record(record: Any) -> Record:
    """A private copy of a record that is guaranteed to be plain, finite JSON."""
    if not isinstance(record, dict):
        raise TypeError(f"a record must be a dict, not {type(record).__name__}")
    try:
        copied = json.loads(encode(record))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"a record must hold plain JSON values only: {exc}") from exc
    if "id" in copied and (not isinstance(copied["id"], str) or not copied["id"]):
        raise ValueError(f"a record id must be a non-empty string, not {copied['id']!r}")
    return copied


def _version_in(core: Tables) -> int | None:
    doc = core.get(META_TABLE, {}).get("1")
    version = doc.get("schema_version") if isinstance(doc, dict) else None
    return version if type(version) is int and version >= 1 else None


def _core_problems(core: Tables) -> list[str]:
    return [] if _version_in(core) is not None else ["meta.schema_version is missing or invalid"]


def _fresh_tables(name: str, version: int) -> Tables:
    tables = empty_tables(collections_in_file(name))
    if name == CORE_FILE:
        tables[META_TABLE] = {"1": {"schema_version": version}}
    return tables


def build_files(collections: Collections, version: int) -> dict[str, Tables]:
    """The full set of data files that holds exactly these collections."""
    files = {name: _fresh_tables(name, version) for name in FIXED_FILES}
    for collection, records in collections.items():
        for record in records:
            name = file_for(collection, record)
            table = files.setdefault(name, _fresh_tables(name, version))[collection]
            table[str(len(table) + 1)] = record
    return files


def _build_index(
    loaded: dict[str, Tables],
) -> tuple[dict[str, dict[str, tuple[str, str]]], Counter[str]]:
    """record id -> (file, document id) per collection, and how many records each file set has.

    Built with C-level iterators: at five years of data this runs at every start.
    """
    index: dict[str, dict[str, tuple[str, str]]] = {c: {} for c in KNOWN_COLLECTIONS}
    records: Counter[str] = Counter()
    for name, tables in loaded.items():
        for collection in collections_in_file(name):
            table = tables.get(collection, {})
            places = zip(repeat(name), table)  # (file, document id)
            index[collection].update(zip(map(_RECORD_ID, table.values()), places, strict=True))
            records[collection] += len(table)
    return index, records


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


class Store:
    """All data of one data folder. Open with Store.open(data_dir); one per folder per process."""

    def __init__(self, data_dir: str, lock: FolderLock, migrations: Sequence[Migration]) -> None:
        self.data_dir = data_dir
        self.read_only = False
        self.notices: list[StoreNotice] = []
        self._folder_lock = lock
        self._migrations = tuple(migrations)
        self._latest = latest_version(self._migrations)
        self._lock = threading.RLock()
        self._gen = ""
        self._dbs: dict[str, TinyDB] = {}
        # collection -> record id -> (file name, TinyDB document id as stored: a str)
        self._index: dict[str, dict[str, tuple[str, str]]] = {}
        self._collections: dict[str, Collection] = {}
        self._closed = False
        self._newer = False

    # ----- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls, data_dir: str | os.PathLike[str], *, migrations: Sequence[Migration] = MIGRATIONS
    ) -> Store:
        """Open (or create) the data folder; raises StoreLocked when another process has it."""
        path = os.path.abspath(os.fspath(data_dir))
        try:
            os.makedirs(path, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create the data folder {path}: {exc}") from exc
        lock = FolderLock(path)
        lock.acquire()
        store = cls(path, lock, migrations)
        try:
            with store._lock:
                store._start()
        except OSError as exc:
            store._dbs.clear()
            lock.release()
            raise StorageError(f"cannot read the data in {path}: {exc}") from exc
        except BaseException:
            store._dbs.clear()
            lock.release()
            raise
        return store

    def _start(self) -> None:
        remove_temp_files(self.data_dir)
        remove_temp_files(os.path.join(self.data_dir, gens.BACKUPS))
        gen = gens.read_current(self.data_dir)
        if gen is None:
            gen = self._pick_generation()
        gens.remove_generations_except(self.data_dir, gen)
        remove_temp_files(os.path.join(self.data_dir, gen))
        if os.path.exists(os.path.join(self.data_dir, gen, gens.PURGE)):
            gens.purge_extras(self.data_dir, gen)
        recovered = self._load(gen)
        version = self._schema_version()
        if version > self._latest:
            self.read_only = True
            self.notices.append(
                StoreNotice(
                    "newer_schema",
                    CORE_FILE,
                    f"data has schema {version}; this version of the app knows up to "
                    f"{self._latest}, so nothing is changed",
                )
            )
        elif version < self._latest:
            self._migrate(version)
        elif not recovered:
            # A full disk must not keep the app from opening; the older backups stay.
            with contextlib.suppress(StorageError):
                gens.make_backup(self.data_dir, self._gen)

    def _pick_generation(self) -> str:
        """CURRENT is missing or unreadable: a brand-new folder, or a damaged pointer."""
        pointer_existed = os.path.exists(os.path.join(self.data_dir, gens.CURRENT))
        found = gens.generations(self.data_dir)
        candidates = [g for g in found if gens.is_complete(self.data_dir, g)]
        if not candidates and pointer_existed:
            # The pointer was damaged from outside: never start empty next to the user's files.
            candidates = [g for g in found if gens.data_files(os.path.join(self.data_dir, g))]
        if candidates:
            gen = candidates[-1]
            gens.mark_complete(self.data_dir, gen)
            if pointer_existed:
                self.notices.append(
                    StoreNotice("recovered", gens.CURRENT, f"the pointer was damaged; using {gen}")
                )
        else:  # a new data folder, or a first start that was cut short before it was saved
            payloads = {n: encode(_fresh_tables(n, self._latest)) for n in FIXED_FILES}
            gen = gens.build_generation(self.data_dir, payloads, None)
        gens.write_current(self.data_dir, gen)
        return gen

    def _load(self, gen: str) -> bool:
        """Read every file of a generation into memory; True when something had to be recovered."""
        folder = os.path.join(self.data_dir, gen)
        names = list(FIXED_FILES) + sorted(
            n for n in gens.data_files(folder) if n not in FIXED_FILES
        )
        loaded: dict[str, Tables] = {}
        repaired: list[str] = []
        for name in names:
            tables, fixed = self._read_or_recover(folder, name)
            loaded[name] = tables
            if fixed:
                repaired.append(name)
            if name == CORE_FILE:
                # Data from a newer app is only read: no repairs, no copies, no writes.
                self._newer = (_version_in(tables) or 0) > self._latest
        index, records = _build_index(loaded)
        if any(len(index[c]) != records[c] for c in SHARDED_COLLECTIONS):
            repaired += self._drop_duplicates(loaded)
            index, records = _build_index(loaded)
        self._gen = gen
        self._index = index
        self._dbs = {}
        for name, tables in loaded.items():
            path = os.path.join(folder, name)
            if name in repaired and not self._newer:
                write_atomic(path, encode(tables))
            self._dbs[name] = TinyDB(path, tables, storage=DurableJSONStorage)
        return bool(repaired)

    def _read_or_recover(self, folder: str, name: str) -> tuple[Tables, bool]:
        collections = collections_in_file(name)
        try:
            with open(os.path.join(folder, name), "rb") as handle:
                raw: bytes | None = handle.read()
        except FileNotFoundError:
            raw = None
        problems = ["the file is missing"]
        if raw is not None:
            try:
                data = parse_strict(raw)
                problems = problems_in(data, collections)
                if not problems and name == CORE_FILE:
                    problems = _core_problems(data)
            except ValueError as exc:
                problems = [f"not valid JSON ({exc})"]
            if not problems:
                for collection in collections:
                    data.setdefault(collection, {})
                return data, False
        return self._recover(name, raw, problems[0]), True

    def _recover(self, name: str, raw: bytes | None, problem: str) -> Tables:
        """Leading object that parses, else the newest good backup, else empty; with a notice."""
        collections = collections_in_file(name)
        aside = None
        if raw is not None and not self._newer:
            aside = os.path.relpath(gens.copy_aside(self.data_dir, name, raw), self.data_dir)
        kept_as = f"; the damaged file was kept as {aside}" if aside else ""
        tables, kept, dropped = salvage(leading_object(raw or b""), collections)
        if tables is not None and kept > 0:
            if name == CORE_FILE and _version_in(tables) is None:
                tables[META_TABLE] = {"1": {"schema_version": self._latest}}
            detail = f"{problem}; kept {kept} entries, left out {dropped}{kept_as}"
            self.notices.append(
                StoreNotice(
                    "recovered", name, detail, kept=kept, left_out=dropped, kept_aside=aside
                )
            )
            return tables
        for backup in reversed(gens.backups(self.data_dir)):
            candidate = self._good_file(os.path.join(backup, name), collections)
            if candidate is not None:
                used = os.path.basename(backup)
                detail = f"{problem}; restored from the backup {used}{kept_as}"
                self.notices.append(
                    StoreNotice("restored_backup", name, detail, backup=used, kept_aside=aside)
                )
                return candidate
        detail = f"{problem}; nothing could be recovered, it starts empty{kept_as}"
        self.notices.append(StoreNotice("reset", name, detail, kept_aside=aside))
        return _fresh_tables(name, self._latest)

    @staticmethod
    def _good_file(path: str, collections: tuple[str, ...]) -> Tables | None:
        try:
            with open(path, "rb") as handle:
                data = parse_strict(handle.read())
        except (OSError, ValueError):
            return None
        if problems_in(data, collections):
            return None
        if path.endswith(CORE_FILE) and _core_problems(data):
            return None
        for collection in collections:
            data.setdefault(collection, {})
        return data

    def _drop_duplicates(self, loaded: dict[str, Tables]) -> list[str]:
        """An id in two month files cannot come from this store; keep the first one found."""
        changed = []
        for collection in SHARDED_COLLECTIONS:
            seen: set[str] = set()
            for name in sorted(loaded):
                table = loaded[name].get(collection)
                if table is None or sharded_collection_of(name) != collection:
                    continue
                twice = [k for k, doc in table.items() if doc["id"] in seen]
                seen.update(doc["id"] for doc in table.values())
                for key in twice:
                    del table[key]
                if twice:
                    changed.append(name)
                    self.notices.append(
                        StoreNotice("recovered", name, f"left out {len(twice)} repeated records")
                    )
        return changed

    def _schema_version(self) -> int:
        core = self._storage(CORE_FILE).read()
        return _version_in(core) or self._latest

    def _migrate(self, version: int) -> None:
        gens.make_backup(self.data_dir, self._gen)
        collections = {c: self._select(c, None, None) for c in KNOWN_COLLECTIONS}
        try:
            collections, new_version = self._migrated(collections, version)
        except ImportValidationError as exc:
            raise StorageError(
                f"could not upgrade the data from schema {version}; nothing was changed: {exc}"
            ) from exc
        self._commit(build_files(collections, new_version), keep_others=False)
        self.notices.append(
            StoreNotice("migrated", CORE_FILE, f"upgraded from schema {version} to {new_version}")
        )

    def _migrated(self, collections: Collections, version: int) -> tuple[Collections, int]:
        """Collections brought to the latest schema and checked again like an import."""
        if version == self._latest:
            return collections, version
        try:
            new_version = migrate(collections, version, self._migrations)
        except Exception as exc:
            raise ImportValidationError("schema_version", f"could not be upgraded: {exc}") from exc
        return validate_document(make_document(new_version, "", collections), new_version)

    # ----- whole-set changes ---------------------------------------------------------------

    def _commit(self, files: dict[str, Tables], *, keep_others: bool, purge: bool = False) -> None:
        """Write a new generation and switch CURRENT to it; memory follows only on success."""
        old = self._gen
        payloads = {name: encode(tables) for name, tables in files.items()}
        link_from = os.path.join(self.data_dir, old) if keep_others else None
        try:
            gen = gens.build_generation(self.data_dir, payloads, link_from, purge=purge)
            gens.write_current(self.data_dir, gen)
        except BaseException:
            now_current = gens.read_current(self.data_dir)
            if now_current is not None and now_current != old:
                self._reload(now_current)
            raise
        self._reload(gen)
        gens.remove_generations_except(self.data_dir, gen)

    def _reload(self, gen: str) -> None:
        for db in self._dbs.values():
            db.storage.close()
        self._load(gen)

    def export_document(self, now: datetime | None = None) -> dict[str, Any]:
        """Everything, as one JSON-ready document (format "adempauze-backup")."""
        stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
        with self._lock:
            self._check_open()
            collections = {c: self._select(c, None, None) for c in KNOWN_COLLECTIONS}
            return make_document(self._schema_version(), stamp, collections)

    def import_document(self, doc: Any) -> None:
        """Replace all data by a validated document, after backing up the current data.

        On any error (ImportValidationError, StorageError) nothing has changed.
        """
        with self._lock:
            self._check_writable()
            collections, version = validate_document(doc, self._latest)
            collections, new_version = self._migrated(collections, version)
            files = build_files(collections, new_version)
            gens.make_backup(self.data_dir, self._gen)
            self._commit(files, keep_others=False)

    def delete_all(self) -> None:
        """Remove every record, and the backups and damaged copies that also hold them."""
        with self._lock:
            self._check_writable()
            files = build_files({}, self._latest)
            self._commit(files, keep_others=False, purge=True)
            gens.purge_extras(self.data_dir, self._gen)
            self.notices.clear()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for db in self._dbs.values():
                db.storage.close()
            self._dbs.clear()
            self._index.clear()
            self._folder_lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- collections ---------------------------------------------------------------------

    def collection(self, name: str) -> Collection:
        check_collection(name)
        with self._lock:
            found = self._collections.get(name)
            if found is None:
                found = self._collections[name] = Collection(self, name)
            return found

    def _check_open(self) -> None:
        if self._closed:
            raise StorageError("the store is closed")

    def _check_writable(self) -> None:
        self._check_open()
        if self.read_only:
            raise ReadOnlyError(
                "this data was saved by a newer version of Adempauze; it can be read, not changed"
            )

    def _storage(self, name: str) -> DurableJSONStorage:
        storage = self._dbs[name].storage
        assert isinstance(storage, DurableJSONStorage)
        return storage

    def _db_for(self, name: str) -> TinyDB:
        db = self._dbs.get(name)
        if db is None:
            path = os.path.join(self.data_dir, self._gen, name)
            tables = empty_tables(collections_in_file(name))
            db = self._dbs[name] = TinyDB(path, tables, storage=DurableJSONStorage)
        return db

    def _forget_unsaved_file(self, name: str) -> None:
        """A new month file whose first write failed does not exist; don't pretend it does."""
        if name in self._dbs and not os.path.exists(self._storage(name).path):
            del self._dbs[name]

    def _insert(self, collection: str, record: Record) -> Record:
        with self._lock:
            self._check_writable()
            clean = clean_record(record)
            return self._insert_clean(collection, clean)

    def _insert_clean(self, collection: str, clean: Record) -> Record:
        record_id = clean.setdefault("id", uuid.uuid4().hex)
        ids = self._index[collection]
        if record_id in ids:
            raise DuplicateIdError(f"{collection} already has a record with id {record_id!r}")
        name = file_for(collection, clean)
        db = self._db_for(name)
        try:
            doc_id = db.table(collection).insert(clean)
        except BaseException:
            self._forget_unsaved_file(name)
            raise
        ids[record_id] = (name, str(doc_id))
        return copy_record(clean)

    def _put(self, collection: str, record: Record) -> Record:
        with self._lock:
            self._check_writable()
            clean = clean_record(record)
            where = self._index[collection].get(clean.get("id", ""))
            if where is None:
                return self._insert_clean(collection, clean)
            old_name, doc_id = where
            new_name = file_for(collection, clean)
            if new_name == old_name:

                def replace(doc: MutableMapping[str, Any]) -> None:
                    doc.clear()
                    doc.update(clean)

                self._dbs[old_name].table(collection).update(replace, doc_ids=[int(doc_id)])
            else:
                self._move(collection, clean, old_name, doc_id, new_name)
            return copy_record(clean)

    def _move(self, collection: str, clean: Record, old: str, doc_id: str, new: str) -> None:
        """A record changing month touches two files, so both switch together."""
        old_tables = copy_record(self._storage(old).read())
        del old_tables[collection][doc_id]
        if new in self._dbs:
            new_tables = copy_record(self._storage(new).read())
        else:
            new_tables = empty_tables(collections_in_file(new))
        table = new_tables.setdefault(collection, {})
        next_id = max((int(k) for k in table), default=0) + 1
        table[str(next_id)] = clean
        self._commit({old: old_tables, new: new_tables}, keep_others=True)

    def _delete(self, collection: str, record_id: str) -> bool:
        with self._lock:
            self._check_writable()
            where = self._index[collection].get(record_id)
            if where is None:
                return False
            name, doc_id = where
            self._dbs[name].table(collection).remove(doc_ids=[int(doc_id)])
            del self._index[collection][record_id]
            return True

    def _get(self, collection: str, record_id: str) -> Record | None:
        with self._lock:
            self._check_open()
            where = self._index[collection].get(record_id)
            if where is None:
                return None
            name, doc_id = where
            doc = self._storage(name).read()[collection][doc_id]
            return copy_record(doc)

    def _count(self, collection: str) -> int:
        with self._lock:
            self._check_open()
            return len(self._index[collection])

    def _select(
        self,
        collection: str,
        predicate: Callable[[Record], bool] | None,
        shards: list[str] | None,
    ) -> list[Record]:
        with self._lock:
            self._check_open()
            if shards is None:
                names = self._files_of(collection)
            else:
                if not is_sharded(collection):
                    raise ValueError(f"{collection} is not split by month; use all() or where()")
                bad = [k for k in shards if not is_shard_key(k)]
                if bad:
                    raise ValueError(f"shard keys look like '2026-11', not {bad!r}")
                names = [shard_file(collection, k) for k in dict.fromkeys(shards)]
            found = []
            for name in names:
                if name not in self._dbs:
                    continue
                for doc in self._storage(name).read().get(collection, {}).values():
                    record = copy_record(doc)
                    if predicate is None or predicate(record):
                        found.append(record)
            return found

    def _files_of(self, collection: str) -> list[str]:
        if is_sharded(collection):
            return sorted(n for n in self._dbs if sharded_collection_of(n) == collection)
        return [file_for(collection, {})]
