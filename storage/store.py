"""The durable store: one owner per data folder, named collections of JSON records."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from itertools import repeat
from operator import itemgetter
from typing import Any

from tinydb import TinyDB

from storage import generations as gens
from storage.atomic import remove_temp_files
from storage.document import make_document, validate_document
from storage.durable_storage import DurableJSONStorage
from storage.errors import (
    DuplicateIdError,
    ImportValidationError,
    ReadOnlyError,
    StorageError,
    StoreNotice,
)
from storage.journal import JOURNAL, Journal, read_entries
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
# The journal is folded into the data files after this many changes (or bytes): enough to make
# a burst of saves cost one fsync each, small enough that replaying it at open is instant.
FOLD_EVERY = 256
FOLD_BYTES = 1 << 20


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
    if "id" in copied and copied["id"] is None:
        del copied["id"]  # "no id yet": one is made, as when the key is missing
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


def _take_out_doubles(
    loaded: dict[str, Tables],
) -> dict[tuple[str, str], list[tuple[str, str, Record]]]:
    """Records whose id is in more than one month file, taken out of every file for now.

    A fold writes files one by one, so a kill in the middle of folding a month move leaves the
    record in both months; the journal still holds the move and settles it when it is replayed.
    """
    copies: dict[tuple[str, str], list[tuple[str, str, Record]]] = {}
    for name in sorted(loaded):
        collection = sharded_collection_of(name)
        if collection is None:
            continue
        for key, doc in loaded[name].get(collection, {}).items():
            copies.setdefault((collection, doc["id"]), []).append((name, key, doc))
    doubles = {k: v for k, v in copies.items() if len(v) > 1}
    for (collection, _id), found in doubles.items():
        for name, key, _doc in found:
            del loaded[name][collection][key]
    return doubles


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
        self._journal: Journal | None = None
        self._dirty: set[str] = set()  # files whose memory is ahead of the file (not the journal)

    # ----- opening -------------------------------------------------------------------------

    @classmethod
    def claim(cls, data_dir: str | os.PathLike[str]) -> FolderLock:
        """Create the data folder and take its lock, without reading the data yet.

        Raises StoreLocked when another process has it. The app claims the folder first, so a
        second copy is refused at once, and reads the data while the browser loads the client.
        """
        path = os.path.abspath(os.fspath(data_dir))
        try:
            os.makedirs(path, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create the data folder {path}: {exc}") from exc
        lock = FolderLock(path)
        lock.acquire()
        return lock

    @classmethod
    def open(
        cls,
        data_dir: str | os.PathLike[str],
        *,
        migrations: Sequence[Migration] = MIGRATIONS,
        claimed: FolderLock | None = None,
    ) -> Store:
        """Open (or create) the data folder; raises StoreLocked when another process has it.

        `claimed` is the lock `claim` took for this folder; the store then owns it.
        """
        path = os.path.abspath(os.fspath(data_dir))
        lock = claimed if claimed is not None else cls.claim(path)
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
            gen = gens.build_generation(self.data_dir, payloads)
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
        doubles: dict[tuple[str, str], list[tuple[str, str, Record]]] = {}
        if any(len(index[c]) != records[c] for c in SHARDED_COLLECTIONS):
            doubles = _take_out_doubles(loaded)
            index, records = _build_index(loaded)
        self._gen = gen
        self._index = index
        self._dbs = {
            name: TinyDB(os.path.join(folder, name), tables, storage=DurableJSONStorage)
            for name, tables in loaded.items()
        }
        self._dirty = set(repaired) | {name for copies in doubles.values() for name, *_ in copies}
        self._rehome_strays()
        touched, journal_damaged = self._replay_journal(folder)
        unexplained = [key for key in doubles if key not in touched]
        for collection, record_id in unexplained:
            # Not a month move the journal still holds: damage from outside; keep the first.
            name, _key, doc = doubles[(collection, record_id)][0]
            table = self._storage(name).read()[collection]
            new_key = str(max(map(int, table), default=0) + 1)
            table[new_key] = doc
            self._index[collection][record_id] = (name, new_key)
            self.notices.append(
                StoreNotice("recovered", name, f"record {record_id!r} was in two month files")
            )
        if not self._newer:
            self._journal = Journal(os.path.join(folder, JOURNAL))
            if self._dirty or self._journal.size:
                self._fold()
        return bool(repaired) or journal_damaged or bool(unexplained)

    def _rehome_strays(self) -> None:
        """Records of a known collection found in a file that no longer holds it (agenda items
        in planner.json, from before they were split by month) move to where they belong."""
        for name in list(self._dbs):
            tables = self._storage(name).read()
            for collection in KNOWN_COLLECTIONS:
                if collection in collections_in_file(name) or not tables.get(collection):
                    continue
                strays = tables.pop(collection)
                self._dirty.add(name)
                for record in strays.values():
                    if isinstance(record, dict) and isinstance(record.get("id"), str):
                        with contextlib.suppress(KeyError, TypeError, ValueError):
                            self._apply({"op": "put", "c": collection, "rec": record})

    def _replay_journal(self, folder: str) -> tuple[set[tuple[str, str]], bool]:
        """Apply the changes saved since the last fold: which records they touched, and whether
        the journal was damaged (a torn last line is not damage: it was never acknowledged)."""
        path = os.path.join(folder, JOURNAL)
        entries, damaged = read_entries(path)
        touched: set[tuple[str, str]] = set()
        skipped = 0
        for entry in entries:
            try:
                self._apply(entry)
                touched.add(
                    (entry["c"], entry["id"] if entry["op"] == "del" else entry["rec"]["id"])
                )
            except (KeyError, TypeError, ValueError, AttributeError):
                skipped += 1
        if damaged or skipped:
            aside = None
            if not self._newer:
                with open(path, "rb") as handle:
                    copied = gens.copy_aside(self.data_dir, JOURNAL, handle.read())
                aside = os.path.relpath(copied, self.data_dir)
            kept = len(entries) - skipped
            detail = f"the journal was damaged; kept {kept} changes"
            self.notices.append(
                StoreNotice("recovered", JOURNAL, detail, kept=kept, kept_aside=aside)
            )
        return touched, damaged or bool(skipped)

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
        self._commit(build_files(collections, new_version))
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

    def _commit(self, files: dict[str, Tables], *, purge: bool = False) -> None:
        """Write a whole new generation and switch CURRENT to it; memory follows on success."""
        old = self._gen
        payloads = {name: encode(tables) for name, tables in files.items()}
        try:
            gen = gens.build_generation(self.data_dir, payloads, purge=purge)
            gens.write_current(self.data_dir, gen)
        except BaseException:
            now_current = gens.read_current(self.data_dir)
            if now_current is not None and now_current != old:
                self._reload(now_current)
            raise
        self._reload(gen)
        gens.remove_generations_except(self.data_dir, gen)

    def _reload(self, gen: str) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        for db in self._dbs.values():
            db.storage.close()
        self._load(gen)

    def _fold(self) -> None:
        """Write every file the journal has changed, then empty the journal."""
        assert self._journal is not None
        for name in sorted(self._dirty):
            self._storage(name).save()
            self._dirty.discard(name)
        self._journal.clear()

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
            self._fold()  # the backup must hold the latest changes
            gens.make_backup(self.data_dir, self._gen)
            self._commit(files)

    def delete_all(self) -> None:
        """Remove every record, and the backups and damaged copies that also hold them."""
        with self._lock:
            self._check_writable()
            files = build_files({}, self._latest)
            self._commit(files, purge=True)
            gens.purge_extras(self.data_dir, self._gen)
            self.notices.clear()

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._journal is not None:
                # Folding now makes the next start quicker; if it fails the journal has it all.
                with contextlib.suppress(StorageError):
                    self._fold()
                self._journal.close()
                self._journal = None
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

    def _insert(self, collection: str, record: Record) -> Record:
        with self._lock:
            self._check_writable()
            clean = clean_record(record)
            clean.setdefault("id", uuid.uuid4().hex)
            if clean["id"] in self._index[collection]:
                raise DuplicateIdError(f"{collection} already has a record with id {clean['id']!r}")
            return self._save(collection, clean)

    def _put(self, collection: str, record: Record) -> Record:
        with self._lock:
            self._check_writable()
            clean = clean_record(record)
            clean.setdefault("id", uuid.uuid4().hex)
            return self._save(collection, clean)

    def _save(self, collection: str, clean: Record) -> Record:
        file_for(collection, clean)  # a record that cannot be placed is refused before it is saved
        self._write({"op": "put", "c": collection, "rec": clean})
        return copy_record(clean)

    def _delete(self, collection: str, record_id: str) -> bool:
        with self._lock:
            self._check_writable()
            if record_id not in self._index[collection]:
                return False
            self._write({"op": "del", "c": collection, "id": record_id})
            return True

    def _write(self, entry: dict[str, Any]) -> None:
        """Durable first (one fsynced journal line), then in memory; folded in batches."""
        assert self._journal is not None
        self._journal.append(entry)
        self._apply(entry)
        if self._journal.entries >= FOLD_EVERY or self._journal.size >= FOLD_BYTES:
            # The change is safe in the journal already; a failed fold is retried later.
            with contextlib.suppress(StorageError):
                self._fold()

    def _apply(self, entry: dict[str, Any]) -> None:
        """One journal entry on the tables in memory. Replaying an entry twice changes nothing."""
        collection = entry["c"]
        ids = self._index[collection]
        if entry["op"] == "del":
            where = ids.pop(entry["id"], None)
            if where is not None:
                del self._storage(where[0]).read()[collection][where[1]]
                self._dirty.add(where[0])
            return
        if entry["op"] != "put":
            raise ValueError(f"unknown journal operation {entry['op']!r}")
        record = entry["rec"]
        name = file_for(collection, record)
        where = ids.get(record["id"])
        if where is not None and where[0] == name:
            self._storage(name).read()[collection][where[1]] = record
        else:
            if where is not None:  # it moved to another month
                del self._storage(where[0]).read()[collection][where[1]]
                self._dirty.add(where[0])
            self._db_for(name)
            table = self._storage(name).read().setdefault(collection, {})
            key = str(max(map(int, table), default=0) + 1)
            table[key] = record
            ids[record["id"]] = (name, key)
        self._dirty.add(name)

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
