"""Numbers as people type and read them: whole numbers from text, hours in their language."""

from __future__ import annotations

# Longer than any count or duration the app takes, short enough for int() to read at once.
DIGITS_MAX = 6


def parse_whole_number(value: object) -> int | None:
    """A whole number from an int or typed text ("12", " -5 "), else None.

    A leading minus is read, so "-5" is refused for being too small rather than for not being a
    number. `isdecimal`, not `isdigit`: "²" is a digit to Python but not a number to int(); and
    a run of thousands of digits is past what int() converts at once.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    digits = text[1:] if text.startswith("-") else text
    if digits.isascii() and digits.isdecimal() and len(digits) <= DIGITS_MAX:
        return int(text)
    return None


def format_hours(hours: float, lang: str) -> str:
    """Hours with at most one decimal, as the language writes them: "1,5" / "1.5", "6"."""
    # Imported here: Babel is off the Pauze screen's cold-start path, which parses numbers only.
    from babel.numbers import format_decimal

    return format_decimal(round(hours, 1), format="#,##0.#", locale=lang)
