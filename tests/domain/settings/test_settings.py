"""Settings: defaults, what is refused, and that stored junk falls back instead of breaking."""

from __future__ import annotations

import pytest

from domain.settings.preferences import Settings, SettingsError, parse_clock_time


def test_defaults_match_the_product():
    s = Settings()
    assert (s.daily_capacity_hours, s.default_pause_kind, s.default_pause_seconds) == (
        6.0,
        "calm",
        60,
    )
    assert s.theme == "system" and s.language is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("bedtime", "24:61"),  # no such time
        ("bedtime", "25:00"),
        ("screens_off", " 7:00"),  # stray whitespace is not a time
        ("wake_time", 700),  # wrong type
        ("daily_capacity_hours", 0),  # a day with no room at all
        ("daily_capacity_hours", float("nan")),
        ("daily_capacity_hours", True),  # a bool is not a number of hours
        ("theme", "neon"),
        ("language", "de"),
        ("default_pause_kind", "sprint"),
        ("default_pause_seconds", 5),
        ("haptics", "yes"),
    ],
)
def test_bad_values_are_refused_with_the_field_named(field, value):
    with pytest.raises(SettingsError) as err:
        Settings().with_changes(**{field: value})
    assert field in err.value.errors


def test_good_changes_are_applied():
    s = Settings().with_changes(bedtime="22:30", language="en", daily_capacity_hours=4.5)
    assert (s.bedtime, s.language, s.daily_capacity_hours) == ("22:30", "en", 4.5)


def test_round_trip_and_tolerant_reading():
    s = Settings(theme="dark", haptics=False)
    assert Settings.from_record(s.to_record()) == s
    # A hand-edited record with a bad value and an unknown field keeps the rest.
    assert Settings.from_record(
        {"id": "settings", "theme": "dark", "bedtime": "99:99", "x": 1}
    ) == Settings(theme="dark")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("00:00", (0, 0)), ("23:59", (23, 59)), ("7:00", None), ("24:00", None), (None, None)],
)
def test_parse_clock_time(text, expected):
    assert parse_clock_time(text) == expected
