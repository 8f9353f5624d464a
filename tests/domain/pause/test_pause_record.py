"""PauseRecord to and from the stored form."""

from datetime import datetime

import pytest

from domain.pause.record import PauseRecord


@pytest.mark.parametrize(
    "record",
    [
        # a finished pause with a rating
        PauseRecord("a1", "calm", datetime(2026, 11, 25, 23, 59, 50), 60, 60, True, 4),
        # a stopped pause without one
        PauseRecord("b2", "box", datetime(2026, 1, 1, 0, 0), 120, 12, False, None),
        # the lowest rating is zero, not "no rating"
        PauseRecord("c3", "custom", datetime(2026, 3, 29, 2, 30), 95, 95, True, 0),
    ],
)
def test_round_trip(record):
    stored = record.to_record()
    assert PauseRecord.from_record(stored) == record


def test_stored_form_is_plain_json():
    record = PauseRecord("a1", "calm", datetime(2026, 11, 25, 9, 30), 60, 45, False, 7)
    assert record.to_record() == {
        "id": "a1",
        "kind": "calm",
        "started_at": "2026-11-25T09:30:00",
        "planned_seconds": 60,
        "actual_seconds": 45,
        "completed": False,
        "rating": 7,
    }


@pytest.mark.parametrize(
    ("rating", "seconds"),
    [
        # above ten
        (11, 60),
        # below zero
        (-1, 60),
        # negative seconds
        (None, -3),
    ],
)
def test_refuses_values_out_of_range(rating, seconds):
    with pytest.raises(ValueError):
        PauseRecord("x", "calm", datetime(2026, 11, 25), 60, seconds, True, rating)
