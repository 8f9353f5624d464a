"""Small record builders shared by the storage tests."""

from __future__ import annotations


def pause(day: str, minutes: int = 1, **extra: object) -> dict:
    """A pause record as the pause feature writes it (only started_at matters here)."""
    return {"started_at": f"{day}T08:00:00", "seconds": minutes * 60, "kind": "calm", **extra}
