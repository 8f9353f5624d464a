"""Back-to-back items: where a short buffer would give some air."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.plan.items import AgendaItem, sort_key

MIN_GAP_MINUTES = 10


@dataclass(frozen=True, slots=True)
class BufferHint:
    """Two items with less than ten minutes between them."""

    first_id: str
    second_id: str
    first_title: str
    second_title: str
    gap: int  # minutes between the end of the first and the start of the second (negative: overlap)


def buffer_hints(items: Sequence[AgendaItem]) -> list[BufferHint]:
    """Pairs of consecutive timed items on a day that follow each other within ten minutes."""
    timed = sorted((i for i in items if i.start is not None), key=sort_key)
    hints = []
    latest_end: int | None = None
    previous: AgendaItem | None = None
    for item in timed:
        start = item.start_minute
        assert start is not None
        if item.kind == "recovery":  # a recovery moment in between already is the buffer
            latest_end, previous = None, None
            continue
        if previous is not None and latest_end is not None:
            gap = start - latest_end
            if gap < MIN_GAP_MINUTES:
                hints.append(BufferHint(previous.id, item.id, previous.title, item.title, gap))
        end = item.end_minute
        assert end is not None
        if latest_end is None or end >= latest_end:
            latest_end, previous = end, item
    return hints
