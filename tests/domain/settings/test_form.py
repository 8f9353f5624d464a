"""The settings form: a change is saved at once, a refused one waits beside its field."""

from __future__ import annotations

from typing import Any

import pytest

from domain.settings.form import SettingsForm, parse_hours
from domain.settings.preferences import Settings


class KeptSettings:
    """Settings saved the way the shell saves them: validated first, then kept."""

    def __init__(self) -> None:
        self.current = Settings()
        self.saves = 0

    def save(self, **changes: Any) -> Settings:
        self.current = self.current.with_changes(**changes)
        self.saves += 1
        return self.current


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # a whole number of hours
        ("6", 6.0),
        # the Dutch decimal comma
        ("5,5", 5.5),
        # spaces around are forgiven
        (" 7.5 ", 7.5),
        # not a number: handed on as is, to be refused with its message
        ("veel", "veel"),
        # not text at all: handed on as is
        (None, None),
    ],
)
def test_parse_hours(typed: object, expected: object) -> None:
    assert parse_hours(typed) == expected


def test_a_good_change_is_saved_and_an_unchanged_one_is_not() -> None:
    kept = KeptSettings()
    form = SettingsForm(kept.save)
    assert form.change(kept.current, "theme", "dark")
    assert (kept.current.theme, kept.saves) == ("dark", 1)
    assert form.change(kept.current, "theme", "dark")
    assert kept.saves == 1


def test_a_refused_value_keeps_its_message_and_text_until_fixed() -> None:
    kept = KeptSettings()
    form = SettingsForm(kept.save)
    assert not form.change(kept.current, "bedtime", "25:00", "25:00")
    assert (form.error_for("bedtime"), form.draft_for("bedtime")) == (
        "settings.error.time",
        "25:00",
    )
    assert kept.current.bedtime == "23:00"
    # Typing the saved value again clears the message: the field is right once more.
    assert form.change(kept.current, "bedtime", "23:00", "23:00")
    assert (form.error_for("bedtime"), form.draft_for("bedtime")) == (None, None)
    assert form.change(kept.current, "bedtime", "22:15", "22:15")
    assert kept.current.bedtime == "22:15"
