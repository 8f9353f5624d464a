"""Reading one data file at open, and recovering it when it is damaged, with a notice."""

from __future__ import annotations

import os

from storage import generations as gens
from storage.errors import StoreNotice
from storage.file_tables import core_problems, fresh_tables, version_in
from storage.layout import CORE_FILE, META_TABLE, collections_in_file
from storage.structure import Tables, leading_object, parse_strict, problems_in, salvage


def read_or_recover(
    data_dir: str, folder: str, name: str, *, latest: int, newer: bool, notices: list[StoreNotice]
) -> tuple[Tables, bool]:
    """A data file's tables, and whether they had to be recovered.

    `newer` is True for data of a newer app: it is only read, so no damaged copy is kept aside.
    """
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
                problems = core_problems(data)
        except ValueError as exc:
            problems = [f"not valid JSON ({exc})"]
        if not problems:
            for collection in collections:
                data.setdefault(collection, {})
            return data, False
    return _recover(data_dir, name, raw, problems[0], latest, newer, notices), True


def _recover(
    data_dir: str,
    name: str,
    raw: bytes | None,
    problem: str,
    latest: int,
    newer: bool,
    notices: list[StoreNotice],
) -> Tables:
    """Leading object that parses, else the newest good backup, else empty; with a notice."""
    collections = collections_in_file(name)
    aside = None
    if raw is not None and not newer:
        aside = os.path.relpath(gens.copy_aside(data_dir, name, raw), data_dir)
    kept_as = f"; the damaged file was kept as {aside}" if aside else ""
    tables, kept, dropped = salvage(leading_object(raw or b""), collections)
    if tables is not None and kept > 0:
        if name == CORE_FILE and version_in(tables) is None:
            tables[META_TABLE] = {"1": {"schema_version": latest}}
        detail = f"{problem}; kept {kept} entries, left out {dropped}{kept_as}"
        notices.append(
            StoreNotice("recovered", name, detail, kept=kept, left_out=dropped, kept_aside=aside)
        )
        return tables
    for backup in reversed(gens.backups(data_dir)):
        candidate = _good_file(os.path.join(backup, name), collections)
        if candidate is not None:
            used = os.path.basename(backup)
            detail = f"{problem}; restored from the backup {used}{kept_as}"
            notices.append(
                StoreNotice("restored_backup", name, detail, backup=used, kept_aside=aside)
            )
            return candidate
    detail = f"{problem}; nothing could be recovered, it starts empty{kept_as}"
    notices.append(StoreNotice("reset", name, detail, kept_aside=aside))
    return fresh_tables(name, latest)


def _good_file(path: str, collections: tuple[str, ...]) -> Tables | None:
    """The same file in a backup, when it passes every check made at open."""
    try:
        with open(path, "rb") as handle:
            data = parse_strict(handle.read())
    except (OSError, ValueError):
        return None
    if problems_in(data, collections):
        return None
    if path.endswith(CORE_FILE) and core_problems(data):
        return None
    for collection in collections:
        data.setdefault(collection, {})
    return data
