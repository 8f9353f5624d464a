"""The planner's form fields: numbers read as typed, and each field's calm message beside it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import flet as ft

from domain.numbers import parse_whole_number
from views.shell.widgets import field_error


def read_whole_number(text: str | None) -> object:
    """A typed whole number as an int; anything else goes on as text, to be refused kindly."""
    number = parse_whole_number(text or "")
    return (text or "").strip() if number is None else number


class FieldNotes:
    """The message beside each field of one form, empty (and hidden) until something is wrong."""

    def __init__(
        self, t: Callable[[str], str], names: Iterable[str], key: Callable[[str], str]
    ) -> None:
        self.t = t
        self.notes = {name: field_error(None, key=key(name)) for name in names}

    def __getitem__(self, name: str) -> ft.Text:
        return self.notes[name]

    def show(self, errors: Mapping[str, str]) -> None:
        """Put each field's message (a catalogue key) beside it; clear those now fine."""
        for name, text in self.notes.items():
            key = errors.get(name)
            text.value = self.t(key) if key else ""
            text.visible = bool(key)
