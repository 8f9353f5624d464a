"""Exceptions and notices the store hands to the rest of the app."""

from __future__ import annotations

from dataclasses import dataclass


class StorageError(Exception):
    """The data could not be read or written."""


class StorageFullError(StorageError):
    """The device has no room (or no quota) left for a write; nothing was changed."""


class StoreLocked(StorageError):
    """Another process already has this data folder open."""


class DuplicateIdError(StorageError):
    """A record with this id already exists in the collection."""


class ReadOnlyError(StorageError):
    """The store is read-only (written by a newer version of the app)."""


class ImportValidationError(StorageError):
    """An import document is not valid; `path` says where, `reason` says what."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class StoreNotice:
    """Something the user should hear about, said by the UI in its own words.

    kind is one of: "recovered" (a damaged file was rebuilt from what still
    parsed), "restored_backup" (a damaged file was replaced by the last good
    backup), "reset" (nothing usable was left, the file started empty),
    "newer_schema" (read-only: data from a newer version of the app),
    "migrated" (data was upgraded to this version).
    """

    kind: str
    file: str
    detail: str
    kept: int | None = None  # "recovered": records still readable and kept
    left_out: int | None = None  # "recovered": records that could not be kept
    backup: str | None = None  # "restored_backup": the backup folder it came from
    kept_aside: str | None = None  # where the damaged bytes were saved, relative to the data dir
