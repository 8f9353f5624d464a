"""PauseRepository on a real Store in a temporary folder."""

from datetime import datetime

import pytest

from domain.pause.record import PauseRecord
from storage import Store
from storage.pause_repository import PauseRepository


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "data")
    yield opened
    opened.close()


def _pause(pause_id, started, actual=60, rating=None):
    return PauseRecord(pause_id, "calm", started, 60, actual, actual >= 60, rating)


def test_save_and_get_round_trip(store):
    repo = PauseRepository(store)
    record = _pause("a", datetime(2026, 11, 25, 9, 30), actual=42, rating=3)
    repo.save(record)
    assert repo.get("a") == record
    assert repo.get("missing") is None


def test_saving_again_replaces_by_id(store):
    repo = PauseRepository(store)
    repo.save(_pause("a", datetime(2026, 11, 25, 9, 30)))
    repo.save(_pause("a", datetime(2026, 11, 25, 9, 30), rating=2))
    assert [r.rating for r in repo.all()] == [2]


def test_survives_reopening(tmp_path):
    first = Store.open(tmp_path / "data")
    PauseRepository(first).save(_pause("a", datetime(2026, 11, 25, 9, 30), actual=31))
    first.close()
    again = Store.open(tmp_path / "data")
    try:
        assert PauseRepository(again).get("a") == _pause("a", datetime(2026, 11, 25, 9, 30), 31)
    finally:
        again.close()


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Wednesday 25 November: eight weeks back to Monday 5 October, nothing after today
        (datetime(2026, 11, 25, 12, 0), ["oct-05", "nov-20", "nov-25"]),
        # a week later the 5 October pause has dropped out, 30 November is in
        (datetime(2026, 12, 2, 12, 0), ["nov-20", "nov-25", "nov-30"]),
    ],
)
def test_recent_reads_only_the_weeks_shown(store, now, expected):
    repo = PauseRepository(store)
    for pause_id, started in [
        ("sep-30", datetime(2026, 9, 30, 8, 0)),
        ("oct-04", datetime(2026, 10, 4, 23, 59)),
        ("oct-05", datetime(2026, 10, 5, 0, 0)),
        ("nov-20", datetime(2026, 11, 20, 8, 0)),
        ("nov-25", datetime(2026, 11, 25, 8, 0)),
        ("nov-30", datetime(2026, 11, 30, 8, 0)),
    ]:
        repo.save(_pause(pause_id, started))
    assert [r.id for r in repo.recent(now)] == expected


def test_in_months_keeps_to_its_months(store):
    repo = PauseRepository(store)
    repo.save(_pause("oct", datetime(2026, 10, 31, 23, 59)))
    repo.save(_pause("nov", datetime(2026, 11, 1, 0, 0)))
    assert [r.id for r in repo.in_months(["2026-11"])] == ["nov"]


def test_a_damaged_record_is_skipped_not_fatal(store):
    repo = PauseRepository(store)
    repo.save(_pause("good", datetime(2026, 11, 25, 9, 0)))
    store.collection("pauses").put(
        {"id": "bad", "started_at": "2026-11-25T10:00:00", "kind": "calm"}
    )
    assert [r.id for r in repo.all()] == ["good"]
