"""Walk-through progress and self-check results on a real store in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from domain.understand.selfcheck import SelfCheckError, SelfCheckResult
from domain.understand.walkthrough import WalkthroughProgress
from storage import Store
from storage.walkthrough_repository import WalkthroughRepository

MORNING = datetime(2026, 11, 25, 9, 0)
EVENING = datetime(2026, 11, 25, 21, 15)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    store = Store.open(data_dir)
    yield store
    store.close()


def test_no_progress_on_a_new_store(store: Store) -> None:
    assert WalkthroughRepository(store).load_progress() is None


def test_progress_is_one_record_that_is_replaced(store: Store) -> None:
    repo = WalkthroughRepository(store)
    repo.save_progress(WalkthroughProgress("alarm", MORNING))
    repo.save_progress(WalkthroughProgress("patterns", EVENING))
    assert repo.load_progress() == WalkthroughProgress("patterns", EVENING)
    records = store.collection("walkthrough").all()
    assert [(r["id"], r["card_id"]) for r in records] == [("progress", "patterns")]


def test_progress_survives_closing_the_store(data_dir: Path) -> None:
    first = Store.open(data_dir)
    WalkthroughRepository(first).save_progress(WalkthroughProgress("help-rhythm", EVENING))
    first.close()
    second = Store.open(data_dir)
    try:
        assert WalkthroughRepository(second).load_progress() == WalkthroughProgress(
            "help-rhythm", EVENING
        )
    finally:
        second.close()


def test_selfchecks_are_kept_in_order_of_taking(store: Store) -> None:
    repo = WalkthroughRepository(store)
    later = repo.add_selfcheck(["sleep"], EVENING)
    earlier = repo.add_selfcheck(["say_no", "shoulders"], MORNING)
    assert repo.selfchecks() == [earlier, later]
    assert earlier.picks == ("shoulders", "say_no")  # form order
    stored = store.collection("selfchecks").get(earlier.id)
    assert stored == {
        "id": earlier.id,
        "taken_at": "2026-11-25T09:00:00",
        "picks": ["shoulders", "say_no"],
    }


def test_an_unknown_pick_writes_nothing(store: Store) -> None:
    repo = WalkthroughRepository(store)
    with pytest.raises(SelfCheckError):
        repo.add_selfcheck(["sunburn"], MORNING)
    assert store.collection("selfchecks").all() == []


def test_a_damaged_record_is_skipped(store: Store) -> None:
    store.collection("selfchecks").put({"id": "bad", "taken_at": "someday", "picks": []})
    good = WalkthroughRepository(store).add_selfcheck(["worry"], MORNING)
    assert WalkthroughRepository(store).selfchecks() == [
        SelfCheckResult(good.id, MORNING, ("worry",))
    ]
