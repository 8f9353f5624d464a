"""The durable store: one owner per data folder, named collections of JSON records."""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from storage import collection as queries
from storage import generations as gens
from storage.collection import Collection
from storage.document import validate_document
from storage.errors import (
    DuplicateIdError,
    ImportValidationError,
    ReadOnlyError,
    StorageError,
    StoreNotice,
)
from storage.file_tables import build_files
from storage.layout import CORE_FILE, check_collection, file_for
from storage.loading import load
from storage.lock import FolderLock
from storage.memory import Memory
from storage.migrations import MIGRATIONS, Migration, latest_version
from storage.opening import claim, open_current
from storage.records import Record, clean_record, copy_record
from storage.structure import Tables
from storage.whole_set import all_collections, export_document, upgraded, write_generation


class Store:
    """All data of one data folder. Open with Store.open(data_dir); one per folder per process.

    The store owns the lock and the state; what it does is in small modules: opening.py and
    loading.py (start), memory.py (saves), collection.py (reads), whole_set.py (import, export,
    delete-all and migration).
    """

    def __init__(self, data_dir: str, lock: FolderLock, migrations: Sequence[Migration]) -> None:
        self.data_dir = data_dir
        self.read_only = False
        self.notices: list[StoreNotice] = []
        self._folder_lock = lock
        self._migrations = tuple(migrations)
        self._latest = latest_version(self._migrations)
        self._lock = threading.RLock()  # Flet runs handlers in threads
        self._memory = Memory.empty()
        self._collections: dict[str, Collection] = {}
        self._closed = False

    # ----- opening and closing -------------------------------------------------------------

    @classmethod
    def claim(cls, data_dir: str | os.PathLike[str]) -> FolderLock:
        """Create the data folder and take its lock, without reading the data yet.

        Raises StoreLocked when another process has it. The app claims the folder first, so a
        second copy is refused at once, and reads the data while the browser loads the client.
        """
        return claim(os.path.abspath(os.fspath(data_dir)))

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
        lock = claimed if claimed is not None else claim(path)
        store = cls(path, lock, migrations)
        try:
            with store._lock:
                store._start()
        except OSError as exc:
            store._memory.close()
            lock.release()
            raise StorageError(f"cannot read the data in {path}: {exc}") from exc
        except BaseException:
            store._memory.close()
            lock.release()
            raise
        return store

    def _start(self) -> None:
        self._memory, recovered = open_current(
            self.data_dir, latest=self._latest, notices=self.notices
        )
        version = self._memory.schema_version() or self._latest
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
                gens.make_backup(self.data_dir, self._memory.gen)

    def _migrate(self, version: int) -> None:
        gens.make_backup(self.data_dir, self._memory.gen)
        collections = all_collections(self._memory)
        try:
            collections, new_version = upgraded(
                collections, version, self._latest, self._migrations
            )
        except ImportValidationError as exc:
            raise StorageError(
                f"could not upgrade the data from schema {version}; nothing was changed: {exc}"
            ) from exc
        self._commit(build_files(collections, new_version))
        self.notices.append(
            StoreNotice("migrated", CORE_FILE, f"upgraded from schema {version} to {new_version}")
        )

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._memory.journal is not None:
                # Folding now makes the next start quicker; if it fails the journal has it all.
                with contextlib.suppress(StorageError):
                    self._memory.fold()
            self._memory.close()
            self._folder_lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- whole-set changes ---------------------------------------------------------------

    def _commit(self, files: dict[str, Tables], *, purge: bool = False) -> None:
        """Switch to a new generation holding these files; memory follows on success."""
        old = self._memory.gen
        try:
            gen = write_generation(self.data_dir, files, purge=purge)
        except BaseException:
            now_current = gens.read_current(self.data_dir)
            if now_current is not None and now_current != old:
                self._reload(now_current)  # the switch happened after all
            raise
        self._reload(gen)
        gens.remove_generations_except(self.data_dir, gen)

    def _reload(self, gen: str) -> None:
        self._memory.close()
        self._memory, _recovered = load(
            self.data_dir, gen, latest=self._latest, notices=self.notices
        )

    def export_document(self, now: datetime | None = None) -> dict[str, Any]:
        """Everything, as one JSON-ready document (format "adempauze-backup")."""
        with self._lock:
            self._check_open()
            return export_document(self._memory, self._latest, now or datetime.now(UTC))

    def import_document(self, doc: Any) -> None:
        """Replace all data by a validated document, after backing up the current data.

        On any error (ImportValidationError, StorageError) nothing has changed.
        """
        with self._lock:
            self._check_writable()
            collections, version = validate_document(doc, self._latest)
            collections, new_version = upgraded(
                collections, version, self._latest, self._migrations
            )
            files = build_files(collections, new_version)
            self._memory.fold()  # the backup must hold the latest changes
            gens.make_backup(self.data_dir, self._memory.gen)
            self._commit(files)

    def delete_all(self) -> None:
        """Remove every record, and the backups and damaged copies that also hold them."""
        with self._lock:
            self._check_writable()
            self._commit(build_files({}, self._latest), purge=True)
            gens.purge_extras(self.data_dir, self._memory.gen)
            self.notices.clear()

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

    def _insert(self, collection: str, record: Record) -> Record:
        with self._lock:
            self._check_writable()
            clean = clean_record(record)
            clean.setdefault("id", uuid.uuid4().hex)
            if clean["id"] in self._memory.index[collection]:
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
        self._memory.write({"op": "put", "c": collection, "rec": clean})
        return copy_record(clean)

    def _delete(self, collection: str, record_id: str) -> bool:
        with self._lock:
            self._check_writable()
            if record_id not in self._memory.index[collection]:
                return False
            self._memory.write({"op": "del", "c": collection, "id": record_id})
            return True

    def _get(self, collection: str, record_id: str) -> Record | None:
        with self._lock:
            self._check_open()
            return queries.get(self._memory, collection, record_id)

    def _count(self, collection: str) -> int:
        with self._lock:
            self._check_open()
            return len(self._memory.index[collection])

    def _select(
        self,
        collection: str,
        predicate: Callable[[Record], bool] | None,
        shards: list[str] | None,
    ) -> list[Record]:
        with self._lock:
            self._check_open()
            return queries.select(self._memory, collection, predicate, shards)
