"""Opening a data folder: take its lock, pick the generation in use, clear leftovers, load it."""

from __future__ import annotations

import os

from storage import generations as gens
from storage.atomic import remove_temp_files
from storage.errors import StorageError, StoreNotice
from storage.file_tables import fresh_tables
from storage.layout import FIXED_FILES
from storage.loading import load
from storage.lock import FolderLock
from storage.memory import Memory
from storage.structure import encode


def claim(data_dir: str) -> FolderLock:
    """Create the data folder and take its lock; StoreLocked when another process has it."""
    try:
        os.makedirs(data_dir, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create the data folder {data_dir}: {exc}") from exc
    lock = FolderLock(data_dir)
    lock.acquire()
    return lock


def open_current(data_dir: str, *, latest: int, notices: list[StoreNotice]) -> tuple[Memory, bool]:
    """The generation in use, loaded, after what a kill or a damaged pointer left is cleared
    away; and whether something had to be recovered."""
    remove_temp_files(data_dir)
    remove_temp_files(os.path.join(data_dir, gens.BACKUPS))
    gen = gens.read_current(data_dir)
    if gen is None:
        gen = _pick_generation(data_dir, latest, notices)
    gens.remove_generations_except(data_dir, gen)
    remove_temp_files(os.path.join(data_dir, gen))
    if os.path.exists(os.path.join(data_dir, gen, gens.PURGE)):
        gens.purge_extras(data_dir, gen)  # a delete-all was cut short after its switch
    return load(data_dir, gen, latest=latest, notices=notices)


def _pick_generation(data_dir: str, latest: int, notices: list[StoreNotice]) -> str:
    """CURRENT is missing or unreadable: a brand-new folder, or a damaged pointer."""
    pointer_existed = os.path.exists(os.path.join(data_dir, gens.CURRENT))
    found = gens.generations(data_dir)
    candidates = [g for g in found if gens.is_complete(data_dir, g)]
    if not candidates and pointer_existed:
        # The pointer was damaged from outside: never start empty next to the user's files.
        candidates = [g for g in found if gens.data_files(os.path.join(data_dir, g))]
    if candidates:
        gen = candidates[-1]
        gens.mark_complete(data_dir, gen)
        if pointer_existed:
            notices.append(
                StoreNotice("recovered", gens.CURRENT, f"the pointer was damaged; using {gen}")
            )
    else:  # a new data folder, or a first start that was cut short before it was saved
        payloads = {n: encode(fresh_tables(n, latest)) for n in FIXED_FILES}
        gen = gens.build_generation(data_dir, payloads)
    gens.write_current(data_dir, gen)
    return gen
