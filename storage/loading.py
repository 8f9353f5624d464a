"""Loading one generation into memory: read or recover each file, index it, replay the journal."""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from itertools import repeat
from operator import itemgetter

from tinydb import TinyDB

from storage import generations as gens
from storage.durable_storage import DurableJSONStorage
from storage.errors import StoreNotice
from storage.file_tables import version_in
from storage.journal import JOURNAL, Journal
from storage.layout import (
    CORE_FILE,
    FIXED_FILES,
    KNOWN_COLLECTIONS,
    SHARDED_COLLECTIONS,
    collections_in_file,
    sharded_collection_of,
)
from storage.memory import Index, Memory
from storage.records import Record
from storage.recovery import read_or_recover
from storage.replay import replay_journal
from storage.structure import Tables

_RECORD_ID = itemgetter("id")
# (collection, record id) -> every (file, document id, record) it was found at
Doubles = dict[tuple[str, str], list[tuple[str, str, Record]]]


def load(
    data_dir: str, gen: str, *, latest: int, notices: list[StoreNotice]
) -> tuple[Memory, bool]:
    """Every file of a generation in memory, the journal replayed and folded; and whether
    something had to be recovered. Data of a newer app is only read: nothing is written."""
    folder = os.path.join(data_dir, gen)
    names = list(FIXED_FILES) + sorted(n for n in gens.data_files(folder) if n not in FIXED_FILES)
    loaded: dict[str, Tables] = {}
    repaired: list[str] = []
    newer = False
    for name in names:  # core.json first: whether the data is newer decides what may be written
        tables, fixed = read_or_recover(
            data_dir, folder, name, latest=latest, newer=newer, notices=notices
        )
        loaded[name] = tables
        if fixed:
            repaired.append(name)
        if name == CORE_FILE:
            newer = (version_in(tables) or 0) > latest
    index, records = build_index(loaded)
    doubles: Doubles = {}
    if any(len(index[c]) != records[c] for c in SHARDED_COLLECTIONS):
        doubles = _take_out_doubles(loaded)
        index, records = build_index(loaded)
    # TinyDB's own constructor, over a storage that is handed the tables already parsed.
    dbs = {
        name: TinyDB(os.path.join(folder, name), tables, storage=DurableJSONStorage)
        for name, tables in loaded.items()
    }
    dirty = set(repaired) | {name for copies in doubles.values() for name, *_ in copies}
    memory = Memory(folder, dbs, index, dirty)
    _rehome_strays(memory)
    touched, journal_damaged = replay_journal(memory, data_dir, newer=newer, notices=notices)
    unexplained = [key for key in doubles if key not in touched]
    _keep_first_copies(memory, doubles, unexplained, notices)
    if not newer:
        try:
            memory.journal = Journal(os.path.join(folder, JOURNAL))
            if memory.dirty or memory.journal.size:
                memory.fold()
        except BaseException:
            memory.close()
            raise
    return memory, bool(repaired) or journal_damaged or bool(unexplained)


def build_index(loaded: dict[str, Tables]) -> tuple[Index, Counter[str]]:
    """record id -> (file, document id) per collection, and how many records each file set has.

    Built with C-level iterators: at five years of data this runs at every start.
    """
    index: Index = {c: {} for c in KNOWN_COLLECTIONS}
    records: Counter[str] = Counter()
    for name, tables in loaded.items():
        for collection in collections_in_file(name):
            table = tables.get(collection, {})
            places = zip(repeat(name), table)  # (file, document id)
            index[collection].update(zip(map(_RECORD_ID, table.values()), places, strict=True))
            records[collection] += len(table)
    return index, records


def _take_out_doubles(loaded: dict[str, Tables]) -> Doubles:
    """Records whose id is in more than one month file, taken out of every file for now.

    A fold writes files one by one, so a kill in the middle of folding a month move leaves the
    record in both months; the journal still holds the move and settles it when it is replayed.
    """
    copies: Doubles = {}
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


def _keep_first_copies(
    memory: Memory,
    doubles: Doubles,
    unexplained: list[tuple[str, str]],
    notices: list[StoreNotice],
) -> None:
    """Records in two month files that the journal does not explain: damage from outside.
    The first copy (the earliest month file) is kept."""
    for collection, record_id in unexplained:
        name, _key, doc = doubles[(collection, record_id)][0]
        table = memory.tables(name)[collection]
        new_key = str(max(map(int, table), default=0) + 1)
        table[new_key] = doc
        memory.index[collection][record_id] = (name, new_key)
        notices.append(
            StoreNotice("recovered", name, f"record {record_id!r} was in two month files")
        )


def _rehome_strays(memory: Memory) -> None:
    """Records of a known collection found in a file that no longer holds it (agenda items
    in planner.json, from before they were split by month) move to where they belong."""
    for name in list(memory.dbs):
        tables = memory.tables(name)
        for collection in KNOWN_COLLECTIONS:
            if collection in collections_in_file(name) or not tables.get(collection):
                continue
            strays = tables.pop(collection)
            memory.dirty.add(name)
            for record in strays.values():
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    with contextlib.suppress(KeyError, TypeError, ValueError):
                        memory.apply({"op": "put", "c": collection, "rec": record})
