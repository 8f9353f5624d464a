"""The planner's agenda items, boundaries and recovery rules in the store."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from domain.plan.boundaries import Boundary
from domain.plan.items import AgendaItem
from domain.plan.recurrence import RecoveryRule
from storage.records import readable

if TYPE_CHECKING:
    from storage import Store

log = logging.getLogger("adempauze.planner")


class PlannerRepository:
    """`agenda_items`, `boundaries` and `recovery_rules`, spoken in domain objects."""

    def __init__(self, store: Store) -> None:
        self._items = store.collection("agenda_items")
        self._boundaries = store.collection("boundaries")
        self._rules = store.collection("recovery_rules")

    # --- agenda items

    def items(self) -> list[AgendaItem]:
        """Every readable agenda item (including taken recovery moments)."""
        return readable(self._items.all(), AgendaItem.from_record, log, "planner record")

    def items_between(self, first: date, last: date) -> list[AgendaItem]:
        """Items dated from `first` to `last` (both included): only those are turned into objects."""
        low, high = first.isoformat(), last.isoformat()
        # Items are kept by month: read only the months the span touches, not every year.
        months = sorted({low[:7], high[:7]} | _months_between(first, last))
        records = [
            r
            for r in self._items.in_shards(months)
            if isinstance(r.get("date"), str) and low <= r["date"] <= high
        ]
        return readable(records, AgendaItem.from_record, log, "planner record")

    def get_item(self, item_id: str) -> AgendaItem | None:
        """One item by id, or None."""
        record = self._items.get(item_id)
        found = readable([record] if record else [], AgendaItem.from_record, log, "planner record")
        return found[0] if found else None

    def save_item(self, item: AgendaItem) -> None:
        """Insert or replace an item."""
        self._items.put(item.to_record())

    def delete_item(self, item_id: str) -> bool:
        """Remove an item; False when there was none."""
        return self._items.delete(item_id)

    # --- boundaries
    # Read, save and delete per collection, alike in shape: each names its collection and type.

    def boundaries(self) -> list[Boundary]:
        """Every readable boundary."""
        return readable(self._boundaries.all(), Boundary.from_record, log, "planner record")

    def save_boundary(self, boundary: Boundary) -> None:
        """Insert or replace a boundary."""
        self._boundaries.put(boundary.to_record())

    def delete_boundary(self, boundary_id: str) -> bool:
        """Remove a boundary; False when there was none."""
        return self._boundaries.delete(boundary_id)

    # --- recovery rules (the same three verbs as boundaries and items, on their own collection)

    def rules(self) -> list[RecoveryRule]:
        """Every readable recovery rule."""
        return readable(self._rules.all(), RecoveryRule.from_record, log, "planner record")

    def save_rule(self, rule: RecoveryRule) -> None:
        """Insert or replace a recovery rule."""
        self._rules.put(rule.to_record())

    def delete_rule(self, rule_id: str) -> bool:
        """Remove a rule; False when there was none."""
        return self._rules.delete(rule_id)


def _months_between(first: date, last: date) -> set[str]:
    """Every "YYYY-MM" from `first` to `last`, both included."""
    months, year, month = set(), first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.add(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
