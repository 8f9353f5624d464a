"""Flet runs handlers in threads: concurrent writes through one store lose and repeat nothing."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

from domain.pause.record import PauseRecord
from domain.plan.items import new_item
from storage import Store
from storage.pause_repository import PauseRepository
from storage.planner_repository import PlannerRepository
from tests.storage.helpers import pause

PER_THREAD = 500


def test_two_threads_writing_500_records_each(data_dir: Path) -> None:
    store = Store.open(data_dir)
    pauses = store.collection("pauses")
    agenda = store.collection("agenda_items")
    start = threading.Barrier(2)
    returned: dict[str, list[str]] = {"t0": [], "t1": []}

    def write(name: str) -> None:
        start.wait()
        for i in range(PER_THREAD):
            saved = pauses.insert(pause("2026-11-25", thread=name, n=i))
            returned[name].append(saved["id"])
            if i % 10 == 0:  # some traffic on a second file, too
                agenda.put({"id": f"{name}-{i}", "date": "2026-11-25", "title": "x"})

    threads = [threading.Thread(target=write, args=(n,)) for n in returned]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store.close()

    with Store.open(data_dir) as reopened:
        saved = reopened.collection("pauses").all()
        ids = [p["id"] for p in saved]
        assert len(ids) == 2 * PER_THREAD
        assert len(set(ids)) == 2 * PER_THREAD  # none repeated
        assert set(ids) == set(returned["t0"]) | set(returned["t1"])  # none lost
        for name in returned:
            numbers = sorted(p["n"] for p in saved if p["thread"] == name)
            assert numbers == list(range(PER_THREAD))
        assert reopened.collection("agenda_items").count() == 2 * PER_THREAD // 10


def test_two_threads_saving_through_the_repositories(data_dir: Path) -> None:
    store = Store.open(data_dir)
    pause_repo = PauseRepository(store)
    planner_repo = PlannerRepository(store)
    start = threading.Barrier(2)
    day = datetime(2026, 11, 25, 9, 0)

    def save_pauses() -> None:
        start.wait()
        for i in range(PER_THREAD):
            started = day + timedelta(minutes=i)
            pause_repo.save(PauseRecord(f"p{i}", "calm", started, 60, 60, True))

    def save_items() -> None:
        start.wait()
        for i in range(PER_THREAD):
            when = day.date() + timedelta(days=i % 40)  # across two months
            planner_repo.save_item(new_item(title=f"item {i}", day=when, item_id=f"a{i}"))

    threads = [threading.Thread(target=save_pauses), threading.Thread(target=save_items)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    store.close()

    with Store.open(data_dir) as reopened:
        pauses = PauseRepository(reopened).all()
        items = PlannerRepository(reopened).items()
    assert sorted(p.id for p in pauses) == sorted(f"p{i}" for i in range(PER_THREAD))
    assert sorted(i.id for i in items) == sorted(f"a{i}" for i in range(PER_THREAD))
