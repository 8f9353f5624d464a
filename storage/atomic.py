"""Crash-safe file writes: temp file, fsync, atomic rename, folder fsync."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import sys

from storage.errors import StorageError, StorageFullError

TEMP_MARK = ".tmp-"
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def fsync_file(fd: int) -> None:
    """Flush a file to stable storage; on Apple a plain fsync stops at the drive cache."""
    if sys.platform in ("darwin", "ios"):  # Python 3.13 names iOS "ios"
        import fcntl

        full_fsync = getattr(fcntl, "F_FULLFSYNC", None)
        if full_fsync is not None:
            try:
                fcntl.fcntl(fd, full_fsync)
                return
            except OSError:
                pass  # some filesystems refuse F_FULLFSYNC; fsync is the best left
    os.fsync(fd)


def fsync_dir(path: str) -> None:
    """Make a rename or a new file in `path` durable (no-op where folders can't be opened)."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        fsync_file(fd)
    finally:
        os.close(fd)


def temp_path_for(path: str) -> str:
    """A temp name in the same folder, so os.replace stays on one filesystem."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}{temp_suffix()}")


def temp_suffix() -> str:
    return f"{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}"


# Only names this package makes; other temp files in the folder (the access token's) are not ours.
_TEMP_NAME = re.compile(r"^\..+\.tmp-\d+-[0-9a-f]{8}$")


def is_temp_name(name: str) -> bool:
    return bool(_TEMP_NAME.match(name))


def write_atomic(path: str, data: bytes, *, sync_dir: bool = True) -> None:
    """Replace `path` with `data` so a crash leaves either the old or the new file."""
    tmp = temp_path_for(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            fsync_file(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        if sync_dir:
            fsync_dir(os.path.dirname(path) or ".")
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise as_storage_error(exc, path) from exc


def as_storage_error(exc: OSError, path: str) -> StorageError:
    """Name a full disk as such, so the UI can say what to do about it."""
    if exc.errno in _FULL_ERRNOS:
        return StorageFullError(f"no room left to save {os.path.basename(path)}: {exc.strerror}")
    return StorageError(f"could not save {os.path.basename(path)}: {exc}")


def remove_temp_files(folder: str) -> list[str]:
    """Delete temp files a killed process left behind; they were never acknowledged."""
    removed = []
    with contextlib.suppress(FileNotFoundError):
        for name in os.listdir(folder):
            if is_temp_name(name):
                full = os.path.join(folder, name)
                if os.path.isdir(full):
                    shutil.rmtree(full, ignore_errors=True)
                else:
                    with contextlib.suppress(OSError):
                        os.remove(full)
                removed.append(name)
    return removed
