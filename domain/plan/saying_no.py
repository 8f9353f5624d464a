"""Short, kind phrases to decline or postpone; the words live in the plan message catalogue."""

from __future__ import annotations

SAYING_NO_KEYS = tuple(f"plan.no.phrase{n}" for n in range(1, 7))


def saying_no_keys() -> tuple[str, ...]:
    """Message keys of the phrases, in the order they are shown."""
    return SAYING_NO_KEYS
