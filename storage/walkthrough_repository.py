"""Where the walk-through was left and which self-checks were taken, in the store."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from domain.understand.selfcheck import SelfCheckResult
from domain.understand.walkthrough import PROGRESS_ID, WalkthroughProgress

if TYPE_CHECKING:
    from storage import Store


class WalkthroughRepository:
    """Progress is one record ("progress") in `walkthrough`; each self-check is a `selfchecks` record."""

    def __init__(self, store: Store) -> None:
        self._progress = store.collection("walkthrough")
        self._selfchecks = store.collection("selfchecks")

    def load_progress(self) -> WalkthroughProgress | None:
        return WalkthroughProgress.from_record(self._progress.get(PROGRESS_ID))

    def save_progress(self, progress: WalkthroughProgress) -> None:
        self._progress.put(progress.to_record())

    def add_selfcheck(self, picks: list[str] | tuple[str, ...], now: datetime) -> SelfCheckResult:
        """Store a newly taken self-check; unknown picks are refused before anything is written."""
        result = SelfCheckResult.take(uuid.uuid4().hex, picks, now)
        self._selfchecks.insert(result.to_record())
        return result

    def selfchecks(self) -> list[SelfCheckResult]:
        """Every readable result, oldest first; a damaged record is skipped, not fatal."""
        results = [SelfCheckResult.from_record(r) for r in self._selfchecks.all()]
        return sorted((r for r in results if r is not None), key=lambda r: (r.taken_at, r.id))
