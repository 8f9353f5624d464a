"""What helps you: the average tension after each kind of pause, over the last four weeks."""

from datetime import datetime, timedelta

import pytest

from domain.pause.history import KindTension, tension_after_kinds
from domain.pause.record import PauseRecord

NOW = datetime(2026, 11, 25, 20, 0)


def rated(kind: str, days_ago: float, rating: int | None) -> PauseRecord:
    return PauseRecord("id", kind, NOW - timedelta(days=days_ago), 60, 60, True, rating)


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        # nothing rated yet: nothing to say
        ([], []),
        # two ratings are too few to say anything about a kind
        ([rated("calm", 1, 4), rated("calm", 2, 5)], []),
        # three are enough
        ([rated("calm", d, r) for d, r in ((1, 4), (2, 5), (3, 3))], [KindTension("calm", 4.0, 3)]),
        # pauses without a rating neither count nor pull the average
        (
            [rated("calm", d, r) for d, r in ((1, 4), (2, None), (3, 5), (4, 6))],
            [KindTension("calm", 5.0, 3)],
        ),
        # an average that is not whole keeps one decimal
        ([rated("box", d, r) for d, r in ((1, 3), (2, 4), (3, 4))], [KindTension("box", 3.7, 3)]),
        # only the last four weeks: day 28 is in, day 29 no longer
        (
            [rated("sigh", d, 2) for d in (1, 2)] + [rated("sigh", 28, 8), rated("sigh", 29, 0)],
            [KindTension("sigh", 4.0, 3)],
        ),
        # a pause started after "now" (a clock set back) is left out
        ([rated("calm", d, 5) for d in (1, 2)] + [rated("calm", -1, 9)], []),
        # several kinds: in the catalogue's order, never sorted by their numbers (no ranking)
        (
            [rated("quiet", d, 2) for d in (1, 2, 3)]
            + [rated("calm", d, 7) for d in (1, 2, 3)]
            + [rated("custom", d, 5) for d in (1, 2, 3)]
            + [rated("between", d, 9) for d in (1, 2)],
            [
                KindTension("calm", 7.0, 3),
                KindTension("quiet", 2.0, 3),
                KindTension("custom", 5.0, 3),
            ],
        ),
    ],
)
def test_tension_after_each_kind(records, expected):
    assert tension_after_kinds(records, NOW) == expected
