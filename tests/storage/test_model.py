"""Random sequences of operations, reopening in between, always match a plain dict model."""

from __future__ import annotations

import shutil
import tempfile
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from storage import DuplicateIdError, Store

MONTHS = ["2026-10", "2026-11", "2026-12"]
IDS = st.sampled_from([f"r{i}" for i in range(8)])
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=6,
)


def _record(collection: str, rid: str, month: str, value: Any) -> dict[str, Any]:
    record = {"id": rid, "value": value}
    if collection == "pauses":
        record["started_at"] = f"{month}-05T10:00:00"
    elif collection == "agenda_items":
        record["date"] = f"{month}-05"
    return record


COLLECTION = st.sampled_from(["pauses", "agenda_items", "boundaries"])


class StoreAgainstModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.mkdtemp(prefix="adempauze-model-")
        self.store = Store.open(self.folder)
        self.model: dict[str, dict[str, dict[str, Any]]] = {
            "pauses": {},
            "agenda_items": {},
            "boundaries": {},
        }

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(col=COLLECTION, rid=IDS, month=st.sampled_from(MONTHS), value=VALUES)
    def insert(self, col: str, rid: str, month: str, value: Any) -> None:
        record = _record(col, rid, month, value)
        if rid in self.model[col]:
            try:
                self.store.collection(col).insert(record)
            except DuplicateIdError:
                return
            raise AssertionError("a taken id was accepted")
        assert self.store.collection(col).insert(record) == record
        self.model[col][rid] = record

    @rule(col=COLLECTION, rid=IDS, month=st.sampled_from(MONTHS), value=VALUES)
    def put(self, col: str, rid: str, month: str, value: Any) -> None:
        record = _record(col, rid, month, value)
        self.store.collection(col).put(record)
        self.model[col][rid] = record

    @rule(col=COLLECTION, rid=IDS)
    def delete(self, col: str, rid: str) -> None:
        assert self.store.collection(col).delete(rid) == (rid in self.model[col])
        self.model[col].pop(rid, None)

    @rule()
    def reopen(self) -> None:
        self.store.close()
        self.store = Store.open(self.folder)
        assert self.store.notices == []

    @rule()
    def export_then_import(self) -> None:
        self.store.import_document(self.store.export_document())

    @precondition(lambda self: any(self.model.values()))
    @rule()
    def delete_all(self) -> None:
        self.store.delete_all()
        for records in self.model.values():
            records.clear()

    @invariant()
    def matches_the_model(self) -> None:
        for col, records in self.model.items():
            collection = self.store.collection(col)
            assert {r["id"]: r for r in collection.all()} == records
            assert collection.count() == len(records)
            for rid, record in records.items():
                assert collection.get(rid) == record
            if col != "boundaries":
                by_month = collection.in_shards(MONTHS)
                assert sorted(r["id"] for r in by_month) == sorted(records)


StoreAgainstModel.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=20,
    database=None,  # nothing written into the checkout
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_store_against_model = StoreAgainstModel.TestCase
