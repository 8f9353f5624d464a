"""What a refused item, boundary or rule carries: a message key for each field that can't be used."""

from __future__ import annotations


class InvalidFields(ValueError):
    """Something that cannot be stored; `errors` maps field name to message key."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors
