"""Reading the walk-through: the open card, moving card to card, each move saved at once."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from domain.understand.walkthrough import Card, Chapter, Walkthrough, WalkthroughProgress


def resume_index(walkthrough: Walkthrough, progress: WalkthroughProgress | None) -> int:
    """The card to open with: the stored one, else the first (a removed card starts over)."""
    if progress is None:
        return 0
    try:
        return walkthrough.index_of(progress.card_id)
    except KeyError:
        return 0


def position_label(index: int, total: int) -> str:
    """Progress as people read it: the first card is "1 / 13"."""
    return f"{index + 1} / {total}"


SWIPE_SPEED = 250.0  # px/s: a slower release is a hesitation, not a fling
SWIPE_DISTANCE = 80.0  # px: a deliberate slow drag across the card counts as well


def swipe_step(velocity: float | None, distance: float | None) -> int:
    """+1 (next card), -1 (previous) or 0 for a horizontal drag that ended.

    Leftward (negative) is "next", like turning a page. Either a quick fling or a long enough
    drag counts, because a mouse drag in a browser often ends with little velocity.
    """
    speed = velocity or 0.0
    moved = distance or 0.0
    if speed <= -SWIPE_SPEED or (moved <= -SWIPE_DISTANCE and speed <= 0):
        return 1
    if speed >= SWIPE_SPEED or (moved >= SWIPE_DISTANCE and speed >= 0):
        return -1
    return 0


class ProgressSaver(Protocol):
    def save_progress(self, progress: WalkthroughProgress) -> None: ...


class WalkthroughState:
    """The open card, with the moves a reader makes; each move is saved at once."""

    def __init__(self, walkthrough: Walkthrough, index: int, saver: ProgressSaver | None) -> None:
        self.walkthrough = walkthrough
        self.index = max(0, min(index, len(walkthrough.cards) - 1))
        self._saver = saver
        self.showing_reframe = False

    @classmethod
    def resume(
        cls,
        walkthrough: Walkthrough,
        progress: WalkthroughProgress | None,
        saver: ProgressSaver | None,
    ) -> WalkthroughState:
        return cls(walkthrough, resume_index(walkthrough, progress), saver)

    def reopen(self, walkthrough: Walkthrough, progress: WalkthroughProgress | None) -> None:
        """The screen opens again: in the reader's language, at the card the store holds.

        The store, not this session, has the last word: another tab or an imported backup
        may have moved the place since.
        """
        self.walkthrough = walkthrough
        self.index = resume_index(walkthrough, progress)
        self.showing_reframe = False

    @property
    def card(self) -> Card:
        return self.walkthrough.cards[self.index]

    @property
    def chapter(self) -> Chapter:
        return self.walkthrough.chapter_of(self.card.id)

    @property
    def total(self) -> int:
        return len(self.walkthrough.cards)

    @property
    def label(self) -> str:
        return position_label(self.index, self.total)

    @property
    def fraction(self) -> float:
        return (self.index + 1) / self.total

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == self.total - 1

    def go_next(self, now: datetime) -> bool:
        """Move one card on; False (and nothing saved) on the last card."""
        return self._go_to(self.index + 1, now)

    def go_back(self, now: datetime) -> bool:
        return self._go_to(self.index - 1, now)

    def open_chapter(self, chapter_id: str, now: datetime) -> bool:
        """Jump to the first card of a chapter."""
        for chapter in self.walkthrough.chapters:
            if chapter.id == chapter_id:
                return self._go_to(self.walkthrough.index_of(chapter.card_ids[0]), now, force=True)
        raise KeyError(chapter_id)

    def toggle_reframe(self) -> None:
        self.showing_reframe = not self.showing_reframe

    def _go_to(self, index: int, now: datetime, force: bool = False) -> bool:
        if not 0 <= index < self.total or (index == self.index and not force):
            return False
        self.index = index
        self.showing_reframe = False
        if self._saver is not None:
            self._saver.save_progress(WalkthroughProgress(self.card.id, now))
        return True
