"""What the user said to single reminders (Later, Niet vandaag), kept across restarts."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from domain.plan.reminders import ReminderChoices, stale_choices

if TYPE_CHECKING:
    from storage import Store


class ReminderChoiceRepository:
    """`reminder_choices`: one record per moment the user answered a reminder for."""

    def __init__(self, store: Store) -> None:
        self._choices = store.collection("reminder_choices")

    def load(self) -> ReminderChoices:
        return ReminderChoices.from_records(self._choices.all())

    def save(self, choices: ReminderChoices, moment_id: str, now: datetime) -> None:
        """Keep this moment's choices, and let go of those for moments over a week ago."""
        self._choices.put(choices.record_of(moment_id))
        for old in stale_choices((r["id"] for r in self._choices.all()), now):
            self._choices.delete(old)
