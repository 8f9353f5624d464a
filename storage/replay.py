"""Replaying the journal at open: the changes saved since the last fold, applied to memory."""

from __future__ import annotations

import os

from storage import generations as gens
from storage.errors import StoreNotice
from storage.journal import JOURNAL, read_entries
from storage.memory import Memory


def replay_journal(
    memory: Memory, data_dir: str, *, newer: bool, notices: list[StoreNotice]
) -> tuple[set[tuple[str, str]], bool]:
    """Apply the journal; returns the (collection, record id)s it touched, and whether it was
    damaged (a torn last line is not damage: it was never acknowledged).

    A damaged journal is copied aside (not for data of a newer app, which is only read).
    """
    path = os.path.join(memory.folder, JOURNAL)
    entries, damaged = read_entries(path)
    touched: set[tuple[str, str]] = set()
    skipped = 0
    for entry in entries:
        try:
            memory.apply(entry)
            touched.add((entry["c"], entry["id"] if entry["op"] == "del" else entry["rec"]["id"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            skipped += 1
    if damaged or skipped:
        aside = None
        if not newer:
            with open(path, "rb") as handle:
                copied = gens.copy_aside(data_dir, JOURNAL, handle.read())
            aside = os.path.relpath(copied, data_dir)
        kept = len(entries) - skipped
        detail = f"the journal was damaged; kept {kept} changes"
        notices.append(StoreNotice("recovered", JOURNAL, detail, kept=kept, kept_aside=aside))
    return touched, damaged or bool(skipped)
