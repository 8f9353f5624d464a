"""Keeping the reader's place and self-checks: a store that refuses never stops the reading."""

from __future__ import annotations

import logging
from datetime import datetime

from domain.understand.selfcheck import SelfCheckResult
from domain.understand.walkthrough import WalkthroughProgress
from storage.errors import StorageError
from storage.walkthrough_repository import WalkthroughRepository

log = logging.getLogger("adempauze")


class SavingRepository:
    """Saves progress and self-checks; a read-only or full store is logged and read on past."""

    def __init__(self, repo: WalkthroughRepository) -> None:
        self._repo = repo

    # Like the pause's keeper (views/pause/run.py), but what fails here is only remembered less.
    def save_progress(self, progress: WalkthroughProgress) -> None:
        try:
            self._repo.save_progress(progress)
        except StorageError:
            log.warning("walk-through position not saved", exc_info=True)

    def add_selfcheck(self, picks: list[str], now: datetime) -> SelfCheckResult:
        """The stored result, or, when the store refuses, the same result just not remembered."""
        try:
            return self._repo.add_selfcheck(picks, now)
        except StorageError:
            log.warning("self-check not saved", exc_info=True)
            return SelfCheckResult.take("unsaved", picks, now)
