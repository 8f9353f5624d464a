"""Whole sets of data files: generation folders, the CURRENT pointer, backups, damaged copies."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from datetime import UTC, datetime

from storage.atomic import as_storage_error, fsync_dir, fsync_file, temp_suffix, write_atomic
from storage.layout import is_data_file

CURRENT = "CURRENT"
COMPLETE = "COMPLETE"
PURGE = "PURGE"
BACKUPS = "backups"
DAMAGED = "damaged"
KEEP_BACKUPS = 3

_GEN = re.compile(r"^gen-(\d{6,})$")


def gen_name(number: int) -> str:
    return f"gen-{number:06d}"


def generations(data_dir: str) -> list[str]:
    """Generation folders, oldest first."""
    found = []
    for name in os.listdir(data_dir):
        match = _GEN.match(name)
        if match and os.path.isdir(os.path.join(data_dir, name)):
            found.append((int(match.group(1)), name))
    return [name for _n, name in sorted(found)]


def is_complete(data_dir: str, gen: str) -> bool:
    return os.path.exists(os.path.join(data_dir, gen, COMPLETE))


def mark_complete(data_dir: str, gen: str) -> None:
    folder = os.path.join(data_dir, gen)
    if not os.path.exists(os.path.join(folder, COMPLETE)):
        write_new_file(os.path.join(folder, COMPLETE), b"")
        fsync_dir(folder)


def read_current(data_dir: str) -> str | None:
    """The generation CURRENT points at, if that generation was completely written."""
    try:
        with open(os.path.join(data_dir, CURRENT), "rb") as handle:
            name = handle.read(64).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if _GEN.match(name) and is_complete(data_dir, name):
        return name
    return None


def write_current(data_dir: str, gen: str) -> None:
    """The single atomic step that switches every file at once."""
    write_atomic(os.path.join(data_dir, CURRENT), f"{gen}\n".encode("ascii"))


def data_files(folder: str) -> list[str]:
    try:
        return sorted(n for n in os.listdir(folder) if is_data_file(n))
    except FileNotFoundError:
        return []


def write_new_file(path: str, payload: bytes) -> None:
    """Write a file that did not exist yet and fsync it (its folder is synced by the caller)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
        fsync_file(fd)
    finally:
        os.close(fd)


def link_or_copy(src: str, dst: str) -> None:
    """Files are only ever replaced, never edited, so a hard link is a safe, free copy."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)
        fd = os.open(dst, os.O_RDONLY)
        try:
            fsync_file(fd)
        finally:
            os.close(fd)


def build_generation(data_dir: str, payloads: dict[str, bytes], *, purge: bool = False) -> str:
    """Write a complete new generation folder; CURRENT still points at the old one."""
    existing = generations(data_dir)
    number = int(existing[-1][4:]) + 1 if existing else 1
    gen = gen_name(number)
    folder = os.path.join(data_dir, gen)
    try:
        os.mkdir(folder)
        for name, payload in payloads.items():
            write_new_file(os.path.join(folder, name), payload)
        if purge:
            write_new_file(os.path.join(folder, PURGE), b"")
        write_new_file(os.path.join(folder, COMPLETE), b"")
        fsync_dir(folder)
        fsync_dir(data_dir)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise as_storage_error(exc, gen) from exc
    return gen


def remove_generations_except(data_dir: str, keep: str) -> None:
    """Old sets and half-written new ones; neither was ever the acknowledged state."""
    for gen in generations(data_dir):
        if gen != keep:
            shutil.rmtree(os.path.join(data_dir, gen), ignore_errors=True)


def timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backups(data_dir: str) -> list[str]:
    """Backup folders, oldest first (names start with a UTC timestamp)."""
    folder = os.path.join(data_dir, BACKUPS)
    try:
        names = sorted(n for n in os.listdir(folder) if not n.startswith("."))
    except FileNotFoundError:
        return []
    return [os.path.join(folder, n) for n in names if os.path.isdir(os.path.join(folder, n))]


def _same_files(backup: str, folder: str, names: list[str]) -> bool:
    if data_files(backup) != names:
        return False
    try:
        return all(
            os.path.samefile(os.path.join(backup, n), os.path.join(folder, n)) for n in names
        )
    except OSError:
        return False


def make_backup(data_dir: str, gen: str, *, keep: int = KEEP_BACKUPS) -> str | None:
    """Keep a copy of a validated set; skipped when nothing changed since the last one."""
    folder = os.path.join(data_dir, gen)
    names = data_files(folder)
    existing = backups(data_dir)
    if existing and _same_files(existing[-1], folder, names):
        return None
    root = os.path.join(data_dir, BACKUPS)
    stamp = timestamp()
    tmp = os.path.join(root, f".{stamp}{temp_suffix()}")
    final = os.path.join(root, f"{stamp}-{gen}")
    try:
        os.makedirs(root, exist_ok=True)
        os.mkdir(tmp)
        for name in names:
            link_or_copy(os.path.join(folder, name), os.path.join(tmp, name))
        fsync_dir(tmp)
        os.rename(tmp, final)
        fsync_dir(root)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise as_storage_error(exc, "backup") from exc
    for old in backups(data_dir)[:-keep]:
        shutil.rmtree(old, ignore_errors=True)
    return final


def copy_aside(data_dir: str, name: str, raw: bytes) -> str:
    """Keep a damaged file's bytes as <name>.corrupt-<timestamp>, never overwriting one."""
    folder = os.path.join(data_dir, DAMAGED)
    os.makedirs(folder, exist_ok=True)
    base = os.path.join(folder, f"{name}.corrupt-{timestamp()}")
    path, n = base, 1
    while True:
        try:
            write_new_file(path, raw)
            break
        except FileExistsError:
            n += 1
            path = f"{base}-{n}"
    fsync_dir(folder)
    return path


def purge_extras(data_dir: str, gen: str) -> None:
    """After delete-all: backups and damaged copies hold the user's data too."""
    for sub in (BACKUPS, DAMAGED):
        shutil.rmtree(os.path.join(data_dir, sub), ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        os.remove(os.path.join(data_dir, gen, PURGE))
    fsync_dir(data_dir)
