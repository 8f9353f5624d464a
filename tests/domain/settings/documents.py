"""Backup documents for tests: a good one made from real records, and one with a field changed."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from domain.pause.record import PauseRecord
from domain.plan.boundaries import new_boundary
from domain.plan.items import new_item
from domain.plan.recurrence import new_rule
from domain.settings.backup import FORMAT_NAME, with_app_version
from domain.settings.preferences import Settings
from domain.understand.selfcheck import ITEMS, SelfCheckResult
from domain.understand.walkthrough import WalkthroughProgress

# Stands for "take this field out" where None would be a value of its own.
REMOVE = object()


def good_document() -> dict[str, Any]:
    """A small backup made from real domain records, as the app writes them."""
    pause = PauseRecord("p1", "calm", datetime(2026, 3, 2, 9, 30), 60, 58, True, 4)
    item = new_item(
        title="Tandarts", day=date(2026, 3, 3), start="14:00", minutes=45, area="home", item_id="i1"
    )
    boundary = new_boundary(kind="no_work_after", time_text="20:00", boundary_id="b1")
    # Each record made by its feature's own constructor, as the planner's tests make theirs.
    rule = new_rule(
        title="Even naar buiten",
        start=date(2026, 3, 2),
        at_text="10:30",
        repeat="weekdays",
        rule_id="r1",
    )
    check = SelfCheckResult.take("s1", [ITEMS[0].id], datetime(2026, 3, 1, 20, 0))
    progress = WalkthroughProgress("c3", datetime(2026, 3, 1, 21, 0))
    return with_app_version(
        {
            "format": FORMAT_NAME,
            "schema_version": 1,
            "exported_at": "2026-03-04T10:00:00+00:00",
            "collections": {
                "settings": [Settings(language="en", bedtime="22:30").to_record()],
                "walkthrough": [progress.to_record()],
                "selfchecks": [check.to_record()],
                "pauses": [pause.to_record()],
                "agenda_items": [item.to_record()],
                "boundaries": [boundary.to_record()],
                "recovery_rules": [rule.to_record()],
            },
        }
    )


def with_field(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of `doc` with one field (dotted path, `[i]` for list items) set, or REMOVE'd."""
    doc = json.loads(json.dumps(doc))
    *parents, last = path.replace("[", ".").replace("]", "").split(".")
    target: Any = doc
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    key: Any = int(last) if last.isdigit() else last
    if value is REMOVE:
        del target[key]
    else:
        target[key] = value
    return doc
