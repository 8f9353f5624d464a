"""Bringing a backup back or erasing all: a chosen file is checked, then waits for a yes."""

from __future__ import annotations

from typing import Protocol

from domain.settings.backup import BackupError, CheckedBackup, Problem
from domain.settings.backup_size import MAX_BYTES


class DataKeeper(Protocol):
    """Where all of the user's data is kept (the store, seen as a whole)."""

    def check_file(self, raw: bytes) -> CheckedBackup: ...

    def replace_with(self, checked: CheckedBackup) -> None: ...

    def erase_all(self) -> None: ...


class YourDataState:
    """What the data screen shows between rebuilds: a file that waits for a yes, or why not.

    A store that fails (StorageError) passes through these verbs unchanged, for the screen to say.
    """

    def __init__(self, data: DataKeeper) -> None:
        self._data = data
        self.pending: CheckedBackup | None = None
        self.problems: list[Problem] = []
        self.busy = False

    def choose_file(self, size: int) -> bool:
        """A file was chosen: the last one is forgotten; False (and why) when it is too large."""
        self.pending, self.problems = None, []
        if size > MAX_BYTES:
            self.problems = [
                Problem("", "data.error.too_large", {"mb": MAX_BYTES // (1024 * 1024)})
            ]
            return False
        self.busy = True
        return True

    def reading_failed(self, reason: str) -> None:
        """The chosen file's bytes never arrived (the upload failed or was refused)."""
        self.busy = False
        self.problems = [Problem("", "data.import.upload_failed", {"reason": reason or "-"})]

    def receive(self, raw: bytes) -> None:
        """Check a file completely: its preview waits for a yes, or its problems are shown."""
        self.busy = False
        try:
            self.pending, self.problems = self._data.check_file(raw), []
        except BackupError as exc:
            self.pending, self.problems = None, exc.problems

    def confirm_import(self) -> bool:
        """Replace everything by the waiting file; False when none waits or the store refused it."""
        checked, self.pending = self.pending, None
        if checked is None:
            return False
        try:
            self._data.replace_with(checked)
        except BackupError as exc:
            self.problems = exc.problems
            return False
        self.problems = []
        return True

    def cancel_import(self) -> None:
        self.pending, self.problems = None, []

    def erase_all(self) -> None:
        """Erase all of the user's data; nothing waits or is refused after that."""
        self._data.erase_all()
        self.pending, self.problems = None, []
