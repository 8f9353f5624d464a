"""Quick add: one line of Dutch or English text turned into an agenda item.

Relative day words, durations and #tags are taken out first; what is left goes to dateutil (with a
parserinfo that knows Dutch month names and "uur") to find a time or a date among the title words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import ClassVar

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta

from domain.plan.items import DEFAULT_MINUTES, MINUTES_MAX, validate_item

TEXT_MAX = 500
# The longest date or time people write ("za 12 december 2026 om 14:30") is six words; looking
# at longer runs only costs time (every run is two dateutil calls).
WINDOW_WORDS_MAX = 6


class DutchParserInfo(dateparser.parserinfo):
    """dateutil's parserinfo with Dutch (and English) month names, day-first dates and "uur"."""

    JUMP: ClassVar[list[str]] = [
        *dateparser.parserinfo.JUMP,
        "om",
        "op",
        "de",
        "het",
        "en",
        "van",
        "uur",
    ]
    MONTHS: ClassVar[list[tuple[str, ...]]] = [
        ("jan", "januari", "january"),
        ("feb", "februari", "february"),
        ("mrt", "mar", "maart", "march"),
        ("apr", "april"),
        ("mei", "may"),
        ("jun", "juni", "june"),
        ("jul", "juli", "july"),
        ("aug", "augustus", "august"),
        ("sep", "sept", "september"),
        ("okt", "oct", "oktober", "october"),
        ("nov", "november"),
        ("dec", "december"),
    ]
    HMS: ClassVar[list[tuple[str, ...]]] = [
        ("h", "u", "hour", "hours", "uur"),
        ("m", "min", "minute", "minutes", "minuut", "minuten"),
        ("s", "sec", "second", "seconds", "seconde", "seconden"),
    ]

    def __init__(self) -> None:
        super().__init__(dayfirst=True)


_PARSERINFO = DutchParserInfo()
_MONTH_WORDS = {name for names in DutchParserInfo.MONTHS for name in names}

AREA_TAGS = {
    "werk": "work", "work": "work",
    "thuis": "home", "home": "home",
    "sociaal": "social", "social": "social",
    "zorg": "care", "care": "care",
    "zelf": "self", "self": "self", "ik": "self",
}  # fmt: skip
KIND_TAGS = {
    "moet": "must", "must": "must",
    "wil": "want", "want": "want",
    "kan": "could", "could": "could", "mag": "could",
    "herstel": "recovery", "recovery": "recovery",
}  # fmt: skip
ENERGY_TAGS = {
    "licht": "light", "light": "light",
    "gemiddeld": "medium", "medium": "medium",
    "zwaar": "heavy", "heavy": "heavy",
}  # fmt: skip
WEEKDAY_WORDS = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5,
    "zondag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
DAY_OFFSETS = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}

_TAG = re.compile(r"(?<!\w)#(\w+)")
_DAY_AFTER = re.compile(r"\bday after tomorrow\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"(?<!\w)("
    + "|".join(sorted([*DAY_OFFSETS, *WEEKDAY_WORDS], key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)
_AT_HOUR = re.compile(r"\bom\s+(\d{1,2})\s*uur\b", re.IGNORECASE)  # "om 2 uur" is a time
_DOT_TIME = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{2})(?!\s*(?:u|uur|h|m|min)\b)(?![\d.,])")
_TIME_UUR = re.compile(r"(\d{1,2}:\d{2})\s*uur\b", re.IGNORECASE)
_DURATION = re.compile(
    r"(?<![\w:.,])(\d+(?:[.,]\d+)?)\s*"
    r"(minuten|minuut|minutes|minute|mins|min|m|uren|uur|u|hours|hour|hrs|hr|h)(?!\w)",
    re.IGNORECASE,
)
# A clock time written with a colon ("25:00", "24:61"); a wrong one is said, not kept as a title.
_CLOCK = re.compile(r"(?<![\w:.,])(\d{1,2}):(\d{2})(?![\w:])")
_FILLER = {"om", "at", "on", "op", "-", ",", "–"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


# Carries a message key like calendar.components.Skip, which only leaves an event out: kept apart.
class QuickAddError(ValueError):
    """Text that cannot become an item; `key` is the message to show next to the field."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True, slots=True)
class QuickAdd:
    """What a line of text asks for."""

    # An item's fields before it is one (no id, nothing done, not yet checked): kept apart.
    title: str
    day: date
    start: time | None
    minutes: int
    area: str = "self"
    kind: str = "want"
    energy: str = "medium"


def _take_tags(text: str) -> tuple[str, dict[str, str]]:
    """Remove known #tags and return what they set."""
    found: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        word = match.group(1).casefold()
        for name, table in (("area", AREA_TAGS), ("kind", KIND_TAGS), ("energy", ENERGY_TAGS)):
            if word in table:
                found.setdefault(name, table[word])
                return " "
        return match.group(0)  # an unknown tag stays part of the title

    return _TAG.sub(replace, text), found


def _take_duration(text: str) -> tuple[str, int | None]:
    """Remove the first duration ("45m", "1u", "1,5u", "90 min") and return it in minutes."""
    for match in _DURATION.finditer(text):
        amount = float(match.group(1).replace(",", "."))
        if not math.isfinite(amount):  # "1e400m" has no float: simply far too long
            return text[: match.start()] + " " + text[match.end() :], MINUTES_MAX + 1
        unit = match.group(2).casefold()
        in_hours = unit[0] in "uh"
        if in_hours and amount > 12 and amount == int(amount) and amount <= 23:
            continue  # "14u" is a time of day in Dutch, not a fourteen-hour task
        minutes = round(amount * 60) if in_hours else round(amount)
        if minutes > MINUTES_MAX:
            minutes = MINUTES_MAX + 1  # refused as too long, without carrying a huge number on
        return text[: match.start()] + " " + text[match.end() :], minutes
    return text, None


def _take_relative(text: str) -> tuple[str, str | None]:
    """Remove the first relative day word and return it (casefolded)."""
    match = _DAY_AFTER.search(text)
    if match:
        return text[: match.start()] + " " + text[match.end() :], "overmorgen"
    match = _RELATIVE.search(text)
    if match:
        return text[: match.start()] + " " + text[match.end() :], match.group(1).casefold()
    return text, None


def _has_impossible_clock(text: str) -> bool:
    """Whether the text holds a colon time that no clock shows ("25:00", "24:61", "9:75")."""
    text = _AT_HOUR.sub(lambda m: f"{m.group(1)}:00", text)
    return any(int(m.group(1)) > 23 or int(m.group(2)) > 59 for m in _CLOCK.finditer(text))


def _normalise_times(text: str) -> str:
    """Write Dutch time notations ("om 2 uur", "14.30", "14:00 uur") as H:MM for dateutil."""
    text = _AT_HOUR.sub(lambda m: f"{m.group(1)}:00", text)
    # Only a real time of day: "24.99" is more likely a price, and stays in the title as typed.
    text = _DOT_TIME.sub(
        lambda m: (
            f"{m.group(1)}:{m.group(2)}"
            if int(m.group(1)) <= 23 and int(m.group(2)) <= 59
            else m.group(0)
        ),
        text,
    )
    return _TIME_UUR.sub(lambda m: m.group(1), text)


def _looks_datey(token: str) -> bool:
    """Whether a word could start or end a date or time (saves dateutil calls on plain words)."""
    word = token.casefold().strip(",.")
    return any(ch.isdigit() for ch in word) or word in _MONTH_WORDS or word in ("am", "pm")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    when: time | None
    on: date | None


def _parse_window(words: list[str], today: date) -> _Found | None:
    """The longest run of words that dateutil reads as a time or a date with a month."""
    base_a = datetime(today.year, today.month, today.day, 0, 0)
    other_month = 1 if today.month != 1 else 2
    base_b = datetime(today.year + 1, other_month, 1 if today.day != 1 else 2, 1, 1)
    for size in range(min(len(words), WINDOW_WORDS_MAX), 0, -1):
        for first in range(0, len(words) - size + 1):
            chunk = words[first : first + size]
            if not (_looks_datey(chunk[0]) and _looks_datey(chunk[-1])):
                continue
            text = " ".join(chunk)
            try:
                a = dateparser.parse(text, parserinfo=_PARSERINFO, default=base_a)
                b = dateparser.parse(text, parserinfo=_PARSERINFO, default=base_b)
            except (ValueError, OverflowError, TypeError):
                continue
            has_time = a.hour == b.hour
            has_month = a.month == b.month
            if not (has_time or has_month):
                continue  # a bare number is more likely part of the title than a day
            on: date | None = None
            if has_month:
                on = a.date()
                if a.year != b.year and on < today:
                    on = on + relativedelta(years=1)  # "3 jan" in December means next January
            return _Found(first, first + size, time(a.hour, a.minute) if has_time else None, on)
    return None


def _resolve_day(word: str | None, at: time | None, now: datetime) -> date:
    """The date a relative word points to; weekday names mean the next one, today while still ahead."""
    today = now.date()
    if word is None:
        return today
    if word in DAY_OFFSETS:
        return today + timedelta(days=DAY_OFFSETS[word])
    target = WEEKDAY_WORDS[word]
    ahead = (target - today.weekday()) % 7
    if ahead == 0 and at is not None and at <= now.time():
        ahead = 7  # that weekday's time has gone by today: the next one
    return today + timedelta(days=ahead)


def parse_quick_add(text: str, now: datetime) -> QuickAdd:
    """Read one line of quick-add text; raise QuickAddError with a message key when it can't."""
    if not isinstance(text, str) or not text.strip():
        raise QuickAddError("plan.quick.error.empty")
    if len(text) > TEXT_MAX:
        raise QuickAddError("plan.error.title_long")
    if _CONTROL.search(text):
        raise QuickAddError("plan.error.title_control")
    rest, tags = _take_tags(text)
    if _has_impossible_clock(rest):
        raise QuickAddError("plan.error.time")
    rest = _normalise_times(rest)
    rest, minutes = _take_duration(rest)
    rest, relative = _take_relative(rest)
    words = rest.split()
    found = _parse_window(words, now.date())
    start = found.when if found else None
    if found:
        words = words[: found.start] + words[found.end :]
    while words and words[-1].casefold() in _FILLER:
        words.pop()
    while words and words[0].casefold() in _FILLER:
        words.pop(0)
    title = " ".join(words)
    if not title:
        raise QuickAddError("plan.quick.error.no_title")
    if found and found.on is not None and relative is None:
        day = found.on
    else:
        day = _resolve_day(relative, start, now)
    minutes = DEFAULT_MINUTES if minutes is None else minutes
    kind = tags.get("kind", "want")
    errors = validate_item(title=title, day=day, start=start, minutes=minutes, kind=kind)
    for field in ("title", "minutes", "day", "start"):
        if field in errors:
            raise QuickAddError(errors[field])
    return QuickAdd(
        title=title,
        day=day,
        start=start,
        minutes=minutes,
        area=tags.get("area", "self"),
        kind=kind,
        energy=tags.get("energy", "medium"),
    )
