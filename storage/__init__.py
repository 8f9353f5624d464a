"""Durable on-device storage: TinyDB files behind a write-ahead journal, one owner per folder."""

from storage.errors import (
    DuplicateIdError,
    ImportValidationError,
    ReadOnlyError,
    StorageError,
    StorageFullError,
    StoreLocked,
    StoreNotice,
)
from storage.store import Collection, Store

__all__ = [
    "Collection",
    "DuplicateIdError",
    "ImportValidationError",
    "ReadOnlyError",
    "StorageError",
    "StorageFullError",
    "Store",
    "StoreLocked",
    "StoreNotice",
]
