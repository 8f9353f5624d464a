"""Every form field in the app against hostile input, through the real views.

One table: each row is a form, a field and a value no person means to keep. For each, a calm
message appears right next to that field and nothing at all is stored. A second, small table holds
unusual input that is valid (emoji, right-to-left text, 120 characters, past midnight) and must be
stored and shown as typed.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from domain.plan.items import new_item
from domain.settings.backup import FORMAT_NAME, MAX_BYTES, with_app_version
from storage import Store
from storage.planner_repository import PlannerRepository
from tests.flet_session import AppHarness, RecordingConnection, open_app

NOW = datetime(2026, 11, 25, 12, 0)  # a Wednesday
TODAY = NOW.date()

# --- hostile values used across the table ------------------------------------------------------

EMPTY = ""
BLANK = "  \t  "
HUGE = "x" * 10_000
HUGE_DIGITS = "9" * 10_000  # past what int() converts from text (4,300 digits)
NUL = "a\x00b"
CONTROL = "a\x07\x1b[31mb"  # a bell and a terminal colour escape
SUPERSCRIPT = "²"  # a "digit" that int() cannot read


# --- the forms -------------------------------------------------------------------------------


def clock() -> datetime:
    return NOW


@dataclass(frozen=True)
class Form:
    """How to reach a form, what its other fields hold, how to send it and where it answers."""

    route: str
    submit: str  # the key of the button that sends it, or of the field whose Enter sends it
    errors: dict[str, str]  # field key -> key of the message under it
    opener: str | None = None  # a button that opens the form on its screen
    defaults: dict[str, str] = field(default_factory=dict)  # typed first, so one field is wrong


FORMS: dict[str, Form] = {
    "plan-add": Form(
        route="/plan",
        opener="plan-add",
        submit="plan-form-save",
        defaults={"plan-form-title": "Boodschappen", "plan-form-minutes": "30"},
        errors={
            "plan-form-title": "plan-form-title-error",
            "plan-form-date": "plan-form-day-error",
            "plan-form-time": "plan-form-start-error",
            "plan-form-minutes": "plan-form-minutes-error",
            "plan-form-kind": "plan-form-kind-error",
            "plan-form-energy": "plan-form-energy-error",
            "plan-form-area": "plan-form-area-error",
        },
    ),
    "plan-edit": Form(
        route="/plan",
        opener="plan-edit-kept",
        submit="plan-form-save",
        errors={
            "plan-form-title": "plan-form-title-error",
            "plan-form-date": "plan-form-day-error",
            "plan-form-time": "plan-form-start-error",
            "plan-form-minutes": "plan-form-minutes-error",
        },
    ),
    "plan-quick": Form(
        route="/plan", submit="plan-quick", errors={"plan-quick": "plan-quick-error"}
    ),
    "plan-rule": Form(
        route="/plan?add=recovery",
        submit="plan-rule-save",
        errors={
            "plan-rule-name": "plan-rule-title-error",
            "plan-rule-time": "plan-rule-time-error",
            "plan-rule-minutes": "plan-rule-minutes-error",
        },
    ),
    "pause-custom": Form(
        route="/",
        submit="pause-custom-start",
        errors={
            f"pause-custom-{name}": f"pause-custom-{name}-note"
            for name in ("inhale", "hold_in", "exhale", "hold_out", "total")
        },
    ),
    "boundary-time": Form(
        route="/plan/boundaries",
        opener="plan-b-template-no_work_after",
        submit="plan-b-save",
        errors={"plan-b-time": "plan-b-time-error"},
    ),
    "boundary-screens": Form(
        route="/plan/boundaries",
        opener="plan-b-template-screens_off_after",
        submit="plan-b-save",
        errors={"plan-b-time": "plan-b-time-error"},
    ),
    "boundary-n": Form(
        route="/plan/boundaries",
        opener="plan-b-template-max_heavy_per_day",
        submit="plan-b-save",
        errors={"plan-b-n": "plan-b-n-error"},
    ),
    "boundary-recovery-n": Form(
        route="/plan/boundaries",
        opener="plan-b-template-recovery_after_hours",
        submit="plan-b-save",
        errors={"plan-b-n": "plan-b-n-error"},
    ),
    "boundary-intention": Form(
        route="/plan/boundaries",
        opener="plan-b-template-intention",
        submit="plan-b-save",
        errors={"plan-b-text": "plan-b-text-error"},
    ),
    # Settings apply on Enter (and on leaving the field): the field is its own submit.
    **{
        f"settings{suffix}-{name}": Form(
            route=route, submit=f"settings-{name}", errors={f"settings-{name}": f"settings-{name}-error"}
        )
        for route, suffix, names in (
            ("/settings", "", ("capacity", "bedtime", "wake", "screens-off")),
            ("/settings/rhythm", "-rhythm", ("bedtime", "wake", "screens-off")),
        )
        for name in names
    },
}  # fmt: skip

DROPDOWNS = {"plan-form-kind", "plan-form-energy", "plan-form-area"}


def row(form: str, key: str, value: str, *marks: Any) -> Any:
    return pytest.param(form, key, value, marks=marks, id=f"{form}:{key}:{value[:12]!r}")


BAD_INPUT = [
    # --- planner add form: title
    row("plan-add", "plan-form-title", EMPTY),  # no title at all
    row("plan-add", "plan-form-title", BLANK),  # only spaces and a tab
    row("plan-add", "plan-form-title", HUGE),  # 10,000 characters
    row("plan-add", "plan-form-title", "x" * 121),  # one past the 120 allowed
    row("plan-add", "plan-form-title", NUL),  # a NUL byte inside
    row("plan-add", "plan-form-title", CONTROL),  # a bell and an escape sequence
    row("plan-add", "plan-form-title", "thee\ud800"),  # a lone surrogate (no character)
    # --- planner add form: date
    row("plan-add", "plan-form-date", EMPTY),  # no date
    row("plan-add", "plan-form-date", BLANK),  # whitespace for a date
    row("plan-add", "plan-form-date", "01-01-0001"),  # year 1
    row("plan-add", "plan-form-date", "31-12-9999"),  # year 9999
    row("plan-add", "plan-form-date", "31-02-2026"),  # a day February never has
    row("plan-add", "plan-form-date", "morgen"),  # words where the form wants a date
    row("plan-add", "plan-form-date", "25-11-2026\x00"),  # a real date with a NUL after it
    row("plan-add", "plan-form-date", HUGE),  # 10,000 characters
    # --- planner add form: start time (empty is fine: the time is optional)
    row("plan-add", "plan-form-time", "25:00"),  # an hour no clock has
    row("plan-add", "plan-form-time", "24:61"),  # past midnight and past the hour
    row("plan-add", "plan-form-time", "12:60"),  # sixty minutes
    row("plan-add", "plan-form-time", "half drie"),  # words for a time
    row("plan-add", "plan-form-time", "-1:30"),  # a negative hour
    row("plan-add", "plan-form-time", "12:30\x00"),  # a NUL after a real time
    row("plan-add", "plan-form-time", HUGE),  # 10,000 characters
    # --- planner add form: duration in minutes
    row("plan-add", "plan-form-minutes", EMPTY),  # no duration
    row("plan-add", "plan-form-minutes", BLANK),  # whitespace for a number
    row("plan-add", "plan-form-minutes", "0"),  # nothing to do
    row("plan-add", "plan-form-minutes", "4320"),  # three days
    row("plan-add", "plan-form-minutes", "-30"),  # negative
    row("plan-add", "plan-form-minutes", "dertig"),  # letters in a number field
    row("plan-add", "plan-form-minutes", "30.5"),  # not a whole number
    row("plan-add", "plan-form-minutes", SUPERSCRIPT),  # a digit int() cannot read
    row("plan-add", "plan-form-minutes", HUGE_DIGITS),  # 10,000 digits
    row("plan-add", "plan-form-minutes", "3\x000"),  # a NUL between digits
    # --- planner add form: the three dropdowns, as a tampered client could send them
    row("plan-add", "plan-form-kind", EMPTY),  # no kind
    row("plan-add", "plan-form-kind", BLANK),  # whitespace
    row("plan-add", "plan-form-kind", "MUST"),  # the right word in the wrong case
    row("plan-add", "plan-form-kind", "must\x00"),  # a NUL after a real kind
    row("plan-add", "plan-form-kind", HUGE),  # 10,000 characters
    row("plan-add", "plan-form-energy", EMPTY),  # no energy
    row("plan-add", "plan-form-energy", "zwaar"),  # the Dutch word, not the option key
    row("plan-add", "plan-form-energy", "heavy\x00"),  # a NUL after a real level
    row("plan-add", "plan-form-energy", "1.5"),  # the weight instead of the level
    row("plan-add", "plan-form-energy", HUGE),  # 10,000 characters
    row("plan-add", "plan-form-area", EMPTY),  # no area
    row("plan-add", "plan-form-area", "#werk"),  # the quick-add tag instead of the key
    row("plan-add", "plan-form-area", "work; drop"),  # a key with something stuck on
    row("plan-add", "plan-form-area", CONTROL),  # control characters
    row("plan-add", "plan-form-area", HUGE),  # 10,000 characters
    # --- planner edit form: the stored item must stay exactly as it was
    row("plan-edit", "plan-form-title", BLANK),  # the title wiped to spaces
    row("plan-edit", "plan-form-title", NUL),  # a NUL typed into the title
    row("plan-edit", "plan-form-date", "01-01-0001"),  # moved to year 1
    row("plan-edit", "plan-form-time", "24:61"),  # no such time
    row("plan-edit", "plan-form-minutes", "4320"),  # stretched to three days
    row("plan-edit", "plan-form-minutes", "vijf"),  # letters for minutes
    # --- quick add (Snel toevoegen; Enter adds)
    row("plan-quick", "plan-quick", EMPTY),  # Enter on an empty field
    row("plan-quick", "plan-quick", BLANK),  # Enter on whitespace
    row("plan-quick", "plan-quick", HUGE),  # 10,000 characters
    row("plan-quick", "plan-quick", "x" * 121),  # a title one past the limit
    row("plan-quick", "plan-quick", "thee\x00 morgen"),  # a NUL byte
    row("plan-quick", "plan-quick", "bel \x07\x1b[31m mam"),  # control characters
    row("plan-quick", "plan-quick", "vandaag 25:00 bellen"),  # an hour no clock has
    row("plan-quick", "plan-quick", "morgen 24:61 tandarts"),  # no such time
    row("plan-quick", "plan-quick", "om 25 uur sporten"),  # the Dutch way, still no such hour
    row("plan-quick", "plan-quick", "vakantie 72u"),  # three days
    row("plan-quick", "plan-quick", "koffie 0m"),  # no length at all
    row("plan-quick", "plan-quick", "9" * 400 + "m pauze"),  # more minutes than a float holds
    row("plan-quick", "plan-quick", "1-1-0001 tandarts"),  # year 1
    row("plan-quick", "plan-quick", "31-12-9999 tandarts"),  # year 9999
    row("plan-quick", "plan-quick", "morgen 14:00 45m"),  # a moment and a length, no title
    row("plan-quick", "plan-quick", "1 " * 249),  # 249 number words: refused at once, not slowly
    # --- recovery moment that repeats
    row("plan-rule", "plan-rule-name", EMPTY),  # no name
    row("plan-rule", "plan-rule-name", BLANK),  # whitespace
    row("plan-rule", "plan-rule-name", HUGE),  # 10,000 characters
    row("plan-rule", "plan-rule-name", NUL),  # a NUL byte
    row("plan-rule", "plan-rule-name", CONTROL),  # control characters
    row("plan-rule", "plan-rule-time", EMPTY),  # no time
    row("plan-rule", "plan-rule-time", "25:00"),  # an hour no clock has
    row("plan-rule", "plan-rule-time", "24:61"),  # no such time
    row("plan-rule", "plan-rule-time", "tien uur"),  # words for a time
    row("plan-rule", "plan-rule-time", "10:30\x00"),  # a NUL after a real time
    row("plan-rule", "plan-rule-minutes", EMPTY),  # no length
    row("plan-rule", "plan-rule-minutes", "0"),  # nothing
    row("plan-rule", "plan-rule-minutes", "4320"),  # three days for a moment
    row("plan-rule", "plan-rule-minutes", "vijf"),  # letters
    row("plan-rule", "plan-rule-minutes", SUPERSCRIPT),  # a digit int() cannot read
    row("plan-rule", "plan-rule-minutes", HUGE_DIGITS),  # 10,000 digits
    # --- own breathing pattern on the Pauze screen: in / hold / out / hold / total seconds
    row("pause-custom", "pause-custom-inhale", EMPTY),  # no seconds
    row("pause-custom", "pause-custom-inhale", BLANK),  # whitespace
    row("pause-custom", "pause-custom-inhale", "0"),  # breathing in for no time
    row("pause-custom", "pause-custom-inhale", "vier"),  # letters
    row("pause-custom", "pause-custom-inhale", "4\x00"),  # a NUL after a number
    row("pause-custom", "pause-custom-inhale", SUPERSCRIPT),  # int() can't read it
    row("pause-custom", "pause-custom-hold_in", "-1"),  # a negative hold
    row("pause-custom", "pause-custom-hold_in", "21"),  # one past the 20 allowed
    row("pause-custom", "pause-custom-hold_in", "2.5"),  # not whole
    row("pause-custom", "pause-custom-hold_in", CONTROL),  # control characters
    row("pause-custom", "pause-custom-hold_in", "--5"),  # two minus signs
    row("pause-custom", "pause-custom-hold_in", BLANK),  # whitespace
    row("pause-custom", "pause-custom-exhale", EMPTY),  # no seconds
    row("pause-custom", "pause-custom-exhale", "0"),  # no breath out
    row("pause-custom", "pause-custom-exhale", "999"),  # far out of range
    row("pause-custom", "pause-custom-exhale", "zes"),  # letters
    row("pause-custom", "pause-custom-exhale", HUGE),  # 10,000 characters
    row("pause-custom", "pause-custom-hold_out", EMPTY),  # no seconds
    row("pause-custom", "pause-custom-hold_out", "21"),  # past 20
    row("pause-custom", "pause-custom-hold_out", "-3"),  # negative
    row("pause-custom", "pause-custom-hold_out", NUL),  # a NUL byte
    row("pause-custom", "pause-custom-hold_out", "1e3"),  # a float in disguise
    row("pause-custom", "pause-custom-total", EMPTY),  # no length
    row("pause-custom", "pause-custom-total", BLANK),  # whitespace
    row("pause-custom", "pause-custom-total", "9"),  # under ten seconds
    row("pause-custom", "pause-custom-total", "259200"),  # three days
    row("pause-custom", "pause-custom-total", "twee minuten"),  # words
    row("pause-custom", "pause-custom-total", HUGE_DIGITS),  # 10,000 digits
    # --- boundaries: a time ("geen werk na", "schermen uit na")
    row("boundary-time", "plan-b-time", EMPTY),  # no time
    row("boundary-time", "plan-b-time", BLANK),  # whitespace
    row("boundary-time", "plan-b-time", "25:00"),  # an hour no clock has
    row("boundary-time", "plan-b-time", "24:61"),  # no such time
    row("boundary-time", "plan-b-time", "acht uur"),  # words
    row("boundary-time", "plan-b-time", NUL),  # a NUL byte
    row("boundary-time", "plan-b-time", HUGE),  # 10,000 characters
    row("boundary-screens", "plan-b-time", "22:60"),  # sixty minutes
    row("boundary-screens", "plan-b-time", "22:00\x07"),  # a bell after a real time
    row("boundary-screens", "plan-b-time", "-22:00"),  # negative
    row("boundary-screens", "plan-b-time", "2200"),  # no separator
    row("boundary-screens", "plan-b-time", EMPTY),  # no time
    # --- boundaries: a number N
    row("boundary-n", "plan-b-n", EMPTY),  # no number
    row("boundary-n", "plan-b-n", "0"),  # none at all
    row("boundary-n", "plan-b-n", "11"),  # past the 10 allowed
    row("boundary-n", "plan-b-n", "-1"),  # negative
    row("boundary-n", "plan-b-n", "twee"),  # letters in a number field
    row("boundary-n", "plan-b-n", "1.5"),  # not whole
    row("boundary-n", "plan-b-n", SUPERSCRIPT),  # a digit int() cannot read
    row("boundary-n", "plan-b-n", HUGE_DIGITS),  # 10,000 digits
    row("boundary-n", "plan-b-n", "2\x00"),  # a NUL after a number
    row("boundary-recovery-n", "plan-b-n", "13"),  # past twelve hours
    row("boundary-recovery-n", "plan-b-n", BLANK),  # whitespace
    row("boundary-recovery-n", "plan-b-n", "72"),  # three days
    row("boundary-recovery-n", "plan-b-n", CONTROL),  # control characters
    row("boundary-recovery-n", "plan-b-n", HUGE),  # 10,000 characters
    # --- boundaries: one's own intention in words
    row("boundary-intention", "plan-b-text", EMPTY),  # nothing written
    row("boundary-intention", "plan-b-text", "\n\n  \n"),  # only empty lines
    row("boundary-intention", "plan-b-text", HUGE),  # 10,000 characters
    row("boundary-intention", "plan-b-text", "y" * 201),  # one past 200
    row("boundary-intention", "plan-b-text", NUL),  # a NUL byte
    row("boundary-intention", "plan-b-text", CONTROL),  # control characters
    # --- settings: daily capacity in hours
    row("settings-capacity", "settings-capacity", EMPTY),  # no capacity
    row("settings-capacity", "settings-capacity", BLANK),  # whitespace
    row("settings-capacity", "settings-capacity", "0"),  # no room at all
    row("settings-capacity", "settings-capacity", "17"),  # past 16 hours
    row("settings-capacity", "settings-capacity", "-6"),  # negative
    row("settings-capacity", "settings-capacity", "zes"),  # letters
    row("settings-capacity", "settings-capacity", "nan"),  # not a number, spelled as one
    row("settings-capacity", "settings-capacity", "inf"),  # infinity
    row("settings-capacity", "settings-capacity", HUGE_DIGITS),  # 10,000 digits
    row("settings-capacity", "settings-capacity", "6\x00"),  # a NUL after a number
    # --- settings: rhythm times on the settings screen
    row("settings-bedtime", "settings-bedtime", EMPTY),  # no bedtime
    row("settings-bedtime", "settings-bedtime", "25:00"),  # an hour no clock has
    row("settings-bedtime", "settings-bedtime", "24:61"),  # no such time
    row("settings-bedtime", "settings-bedtime", "elf uur"),  # words
    row("settings-bedtime", "settings-bedtime", "23:00\x00"),  # a NUL after a real time
    row("settings-wake", "settings-wake", BLANK),  # whitespace
    row("settings-wake", "settings-wake", "07:60"),  # sixty minutes
    row("settings-wake", "settings-wake", HUGE),  # 10,000 characters
    row("settings-wake", "settings-wake", CONTROL),  # control characters
    row("settings-wake", "settings-wake", "-7:00"),  # negative
    row("settings-screens-off", "settings-screens-off", EMPTY),  # no time
    row("settings-screens-off", "settings-screens-off", "22"),  # an hour without minutes
    row("settings-screens-off", "settings-screens-off", "99:99"),  # far out of range
    row("settings-screens-off", "settings-screens-off", NUL),  # a NUL byte
    row("settings-screens-off", "settings-screens-off", "tien"),  # words
    # --- settings: the same times on the rhythm screen (where "Stel je ritme in" leads)
    row("settings-rhythm-bedtime", "settings-bedtime", "24:00"),  # midnight written as 24:00
    row("settings-rhythm-bedtime", "settings-bedtime", EMPTY),  # no bedtime
    row("settings-rhythm-bedtime", "settings-bedtime", HUGE),  # 10,000 characters
    row("settings-rhythm-bedtime", "settings-bedtime", "23:00\x07"),  # a bell after a time
    row("settings-rhythm-bedtime", "settings-bedtime", "middernacht"),  # a word
    row("settings-rhythm-wake", "settings-wake", "25:00"),  # an hour no clock has
    row("settings-rhythm-wake", "settings-wake", BLANK),  # whitespace
    row("settings-rhythm-wake", "settings-wake", "7:0"),  # one minute digit
    row("settings-rhythm-wake", "settings-wake", NUL),  # a NUL byte
    row("settings-rhythm-wake", "settings-wake", "zeven"),  # a word
    row("settings-rhythm-screens-off", "settings-screens-off", "24:61"),  # no such time
    row("settings-rhythm-screens-off", "settings-screens-off", EMPTY),  # no time
    row("settings-rhythm-screens-off", "settings-screens-off", CONTROL),  # control characters
    row("settings-rhythm-screens-off", "settings-screens-off", "22:00:00"),  # with seconds
    row("settings-rhythm-screens-off", "settings-screens-off", HUGE),  # 10,000 characters
]


# --- helpers -----------------------------------------------------------------------------------

_TIMESTAMPS = {"updated_at", "saved_at", "exported_at"}


def stored(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Everything the store holds, sorted, with the times it was written left out."""
    collections = store.export_document()["collections"]
    return {
        name: sorted(
            ({k: v for k, v in record.items() if k not in _TIMESTAMPS} for record in records),
            key=lambda r: json.dumps(r, sort_keys=True),
        )
        for name, records in collections.items()
    }


def parent_of(control: Any) -> Any:
    return getattr(control, "parent", None)


def holds(control: Any, target: Any) -> bool:
    """Whether `control` is `target` or wraps it somewhere inside."""
    while target is not None:
        if target is control:
            return True
        target = parent_of(target)
    return False


def shown_next_to(app: AppHarness, field_key: str, note_key: str) -> str:
    """The note's text, once it is checked to be visible and placed right under its field."""
    field_control, note = app.find(field_key), app.find(note_key)
    assert note.visible, f"{note_key} is hidden"
    text = note.value
    assert isinstance(text, str) and text.strip(), f"{note_key} is empty"
    assert not re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", text), f"a message key, not words: {text}"
    siblings = parent_of(note).controls
    before = siblings[siblings.index(note) - 1]
    assert holds(before, field_control), f"{note_key} is not right under {field_key}"
    return text


async def set_value(app: AppHarness, key: str, value: str) -> None:
    """Put a value in a field the way the client does: a patch, then its change event."""
    if key in DROPDOWNS:
        control = app.find(key)
        app.session.apply_patch(control._i, {"value": value})  # a dropdown has no typing
        await app.settle()
    else:
        await app.type_into(key, value)


async def open_form(app: AppHarness, form: Form) -> None:
    if form.opener is not None:
        await app.click(form.opener)
    for key, value in form.defaults.items():
        await set_value(app, key, value)


async def send(app: AppHarness, form: Form, key: str, value: str) -> None:
    await set_value(app, key, value)
    if form.submit == key:
        await app.fire(key, "submit", value)  # Enter in the field
    else:
        await app.click(form.submit)


def seed_edit_item(store: Store) -> None:
    PlannerRepository(store).save_item(
        new_item(title="Tandarts", day=TODAY, start="14:00", minutes=45, item_id="kept")
    )


# --- the matrix --------------------------------------------------------------------------------


@pytest.mark.parametrize(("form_name", "key", "value"), BAD_INPUT)
async def test_hostile_input_is_named_next_to_its_field_and_nothing_is_stored(
    tmp_path, form_name, key, value
):
    form = FORMS[form_name]
    store = Store.open(tmp_path / "data")
    if form_name == "plan-edit":
        seed_edit_item(store)
    app = await open_app(store=store, route=form.route, now=clock, lang="nl")
    try:
        await open_form(app, form)
        before = stored(store)
        route_before = app.page.route
        await asyncio.wait_for(send(app, form, key, value), timeout=10)
        app.assert_no_crash()
        shown_next_to(app, key, form.errors[key])
        assert stored(store) == before
        assert app.page.route == route_before  # no pause started, no screen left
    finally:
        await app.close()
        store.close()


def test_every_form_field_has_at_least_five_hostile_values():
    """Rows marked as known defects don't count: each field has five that must pass."""
    counts: dict[tuple[str, str], int] = {}
    for param in BAD_INPUT:
        form_name, key, _ = param.values
        if not param.marks:
            place = (FORMS[form_name].route.split("?")[0], key)
            counts[place] = counts.get(place, 0) + 1
    fields = {(form.route.split("?")[0], key) for form in FORMS.values() for key in form.errors}
    assert {place: counts.get(place, 0) for place in fields if counts.get(place, 0) < 5} == {}


# --- import: a file's content is the field ------------------------------------------------------


@pytest.fixture
def browser_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Plays the browser's side of picking and uploading a file: set `chosen["raw"]`."""
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    monkeypatch.setenv("FLET_UPLOAD_DIR", str(uploads))
    chosen: dict[str, Any] = {"raw": b""}
    original = RecordingConnection._answer

    def answer(self: RecordingConnection, control_id: int, call_id: str, name: str, args: Any):
        assert self.session is not None
        if name == "pick_files":
            files = [{"id": 7, "name": "backup.json", "size": len(chosen["raw"])}]
            self.session.handle_invoke_method_results(control_id, call_id, files, None)
            return
        if name == "upload":
            target = args["files"][0]
            file_name = parse_qs(urlsplit(target.upload_url).query)["f"][0]
            (uploads / file_name).write_bytes(chosen["raw"])
            self.session.handle_invoke_method_results(control_id, call_id, None, None)
            event = {"file_name": "backup.json", "progress": 1.0}
            self.loop.create_task(self.session.dispatch_event(control_id, "upload", event))
            return
        original(self, control_id, call_id, name, args)

    def upload_url(self: RecordingConnection, file_name: str, expires: int) -> str:
        return f"upload?f={file_name}&e=2099-01-01T00:00:00&s=signed"

    monkeypatch.setattr(RecordingConnection, "_answer", answer)
    monkeypatch.setattr(RecordingConnection, "get_upload_url", upload_url, raising=False)
    return chosen


def backup(**collections: list[dict[str, Any]]) -> bytes:
    doc = {
        "format": FORMAT_NAME,
        "schema_version": 1,
        "exported_at": "2026-11-25T09:00:00+00:00",
        "collections": collections,
    }
    return json.dumps(with_app_version(doc)).encode()


def item(**changes: Any) -> dict[str, Any]:
    return {"id": "i1", "title": "Tandarts", "date": "2026-12-01", "minutes": 45, **changes}


def pause(**changes: Any) -> dict[str, Any]:
    return {
        "id": "p1", "kind": "calm", "started_at": "2026-11-20T08:00:00", "planned_seconds": 60,
        "actual_seconds": 60, "completed": True, **changes,
    }  # fmt: skip


def file_row(raw: bytes, shown: str, *marks: Any, name: str) -> Any:
    return pytest.param(raw, shown, marks=marks, id=name)


BAD_FILES = [
    file_row(b"", "leeg", name="empty"),  # an empty file
    file_row(b" \n\t \r\n", "leeg", name="whitespace"),  # only whitespace
    file_row(b"\x00" * 64, "geen JSON", name="nul-bytes"),  # NUL bytes only
    file_row(b"\x1b[31m\x07", "geen JSON", name="control"),  # control characters
    file_row(b"{" + b" " * (MAX_BYTES + 1) + b"}", "groter dan 20 MB", name="huge"),  # over 20 MB
    file_row(b"[1, 2, 3]", "geen bewaarbestand", name="wrong-type"),  # JSON, but a list
    file_row(b"\xff\xfe\x00\x00", "geen JSON", name="not-utf8"),  # bytes that are no text
    file_row(backup(agenda_items=[item(title="x" * 10_000)]), "agenda_items[0].title", name="title-huge"),  # 10,000-char title
    file_row(backup(agenda_items=[item(title="a\u0000b")]), "agenda_items[0].title", name="title-nul"),  # an escaped NUL in a title
    file_row(backup(agenda_items=[item(title="a\u0007\u001bb")]), "agenda_items[0].title", name="title-control"),  # control characters in a title
    file_row(backup(agenda_items=[item(title="   ")]), "agenda_items[0].title", name="title-blank"),  # a blank title
    file_row(backup(agenda_items=[item(date="0001-01-01")]), "agenda_items[0].date", name="date-year-1"),  # year 1
    file_row(backup(agenda_items=[item(date="9999-12-31")]), "agenda_items[0].date", name="date-year-9999"),  # year 9999
    file_row(backup(agenda_items=[item(start="25:00")]), "agenda_items[0].start", name="start-25"),  # 25:00
    file_row(backup(agenda_items=[item(start="24:61")]), "agenda_items[0].start", name="start-24-61"),  # 24:61
    file_row(backup(agenda_items=[item(minutes=3 * 24 * 60)]), "agenda_items[0].minutes", name="three-days"),  # a 3-day duration
    file_row(backup(agenda_items=[item(minutes="dertig")]), "agenda_items[0].minutes", name="minutes-letters"),  # letters for minutes
    file_row(backup(agenda_items=[item(minutes=-45)]), "agenda_items[0].minutes", name="minutes-negative"),  # negative
    file_row(backup(pauses=[pause(actual_seconds=3 * 86400)]), "pauses[0].actual_seconds", name="pause-three-days"),  # a 3-day pause
    file_row(backup(pauses=[pause(actual_seconds=-5)]), "pauses[0].actual_seconds", name="pause-negative"),  # negative seconds
    file_row(backup(pauses=[pause(started_at="0001-01-01T00:00:00")]), "pauses[0].started_at", name="pause-year-1"),  # year 1
    file_row(backup(pauses=[pause(started_at="9999-12-31T23:59:59")]), "pauses[0].started_at", name="pause-year-9999"),  # year 9999
    file_row(backup(recovery_rules=[{"id": "r1", "title": "Adem", "rrule": "DTSTART:20261102T103000\nRRULE:FREQ=SECONDLY", "minutes": 5}]), "recovery_rules[0].rrule", name="rule-every-second"),  # 600,000 moments a week
    file_row(backup(settings=[{"id": "settings", "daily_capacity_hours": 1e308}]), "daily_capacity_hours", name="capacity-huge"),  # out of range
    file_row(backup(settings=[{"id": "settings", "bedtime": "25:00"}]), "settings[0].bedtime", name="bedtime-25"),  # no such time
    file_row(backup(boundaries=[{"id": "b1", "kind": "max_heavy_per_day", "n": 10**30}]), "boundaries[0].n", name="boundary-n-huge"),  # out of range
]  # fmt: skip


@pytest.mark.parametrize(("raw", "shown"), BAD_FILES)
async def test_a_hostile_file_is_refused_next_to_the_import_and_nothing_is_stored(
    tmp_path, browser_files, raw, shown
):
    store = Store.open(tmp_path / "data")
    seed_edit_item(store)
    app = await open_app(store=store, route="/settings/data", now=clock, lang="nl")
    try:
        before = stored(store)
        browser_files["raw"] = raw
        await app.click("data-import")
        for _ in range(10):  # the upload answers on later turns of the loop
            await app.settle()
            await asyncio.sleep(0.01)
        app.assert_no_crash()
        assert app.has("data-import-refused"), app.texts()
        assert not app.has("data-import-confirm")  # no way to go on with it
        refusal = app.find("data-import-refused")
        # The refusal sits in the import card, right after the import button.
        siblings = parent_of(refusal).controls
        assert any(holds(s, app.find("data-import")) for s in siblings[: siblings.index(refusal)])
        assert app.text_shown("Er is niets veranderd")
        assert app.text_shown(shown), [t for t in app.texts() if ":" in t or "MB" in t]
        assert stored(store) == before
    finally:
        await app.close()
        store.close()


# --- valid, if unusual: stored and shown as typed -----------------------------------------------

LONG_TITLE = ("Een lange titel " * 8)[:120]  # exactly 120 characters, the most a title holds
assert len(LONG_TITLE) == 120 and not LONG_TITLE.endswith(" ")


@dataclass(frozen=True)
class Accepted:
    """A way of entering a valid but unusual item, and what must be stored from it."""

    fill: Callable[[AppHarness], Awaitable[None]]
    title: str
    day: date
    start: str | None
    minutes: int


async def through_form(app: AppHarness, title: str, start: str = "", minutes: str = "30") -> None:
    await app.click("plan-add")
    await app.type_into("plan-form-title", title)
    await app.type_into("plan-form-time", start)
    await app.type_into("plan-form-minutes", minutes)
    await app.click("plan-form-save")


async def through_quick(app: AppHarness, text: str) -> None:
    await app.type_into("plan-quick", text, submit=True)


ACCEPTED = [
    pytest.param(Accepted(lambda a: through_form(a, "thee 🍵"), "thee 🍵", TODAY, None, 30), id="emoji-form"),  # an emoji in the form
    pytest.param(Accepted(lambda a: through_form(a, "שלום"), "שלום", TODAY, None, 30), id="rtl-form"),  # Hebrew, right to left
    pytest.param(Accepted(lambda a: through_form(a, "مرحبا بالعالم"), "مرحبا بالعالم", TODAY, None, 30), id="arabic-form"),  # Arabic, right to left
    pytest.param(Accepted(lambda a: through_form(a, "👩🏽‍💻 werk"), "👩🏽‍💻 werk", TODAY, None, 30), id="emoji-joiner-form"),  # an emoji made with a zero-width joiner
    pytest.param(Accepted(lambda a: through_form(a, LONG_TITLE), LONG_TITLE, TODAY, None, 30), id="120-chars-form"),  # exactly 120 characters
    pytest.param(Accepted(lambda a: through_form(a, "film", "23:30", "90"), "film", TODAY, "23:30", 90), id="past-midnight-form"),  # 23:30 for 90 minutes
    pytest.param(Accepted(lambda a: through_quick(a, "morgen 14:00 thee 🍵"), "thee 🍵", date(2026, 11, 26), "14:00", 30), id="emoji-quick"),  # emoji in quick add
    pytest.param(Accepted(lambda a: through_quick(a, "שלום 45m"), "שלום", TODAY, None, 45), id="rtl-quick"),  # right to left in quick add
    pytest.param(Accepted(lambda a: through_quick(a, LONG_TITLE), LONG_TITLE, TODAY, None, 30), id="120-chars-quick"),  # 120 characters in quick add
    pytest.param(Accepted(lambda a: through_quick(a, "vandaag 23:30 nachtdienst 3u"), "nachtdienst", TODAY, "23:30", 180), id="past-midnight-quick"),  # three hours from 23:30
    pytest.param(Accepted(lambda a: through_quick(a, "boodschappen 24.99"), "boodschappen 24.99", TODAY, None, 30), id="price-quick"),  # a price is no time, and stays as typed
]  # fmt: skip


@pytest.mark.parametrize("case", ACCEPTED)
async def test_unusual_but_valid_input_is_stored_and_shown(tmp_path, case: Accepted):
    store = Store.open(tmp_path / "data")
    app = await open_app(store=store, route="/plan", now=clock, lang="nl")
    try:
        await case.fill(app)
        app.assert_no_crash()
        [saved] = PlannerRepository(store).items()
        start = saved.start.strftime("%H:%M") if saved.start else None
        assert (saved.title, saved.day, start, saved.minutes) == (
            case.title, case.day, case.start, case.minutes,
        )  # fmt: skip
        if case.day != TODAY:  # quick add stays on today; the form shows the item's own day
            await app.click("plan-next")
        assert app.find(f"plan-item-{saved.id}").value == case.title
    finally:
        await app.close()
        store.close()


async def test_an_intention_in_emoji_and_on_two_lines_is_kept(tmp_path):
    store = Store.open(tmp_path / "data")
    app = await open_app(store=store, route="/plan/boundaries", now=clock, lang="nl")
    try:
        await app.click("plan-b-template-intention")
        await app.type_into("plan-b-text", "🍵 eerst thee\nדאן מייל")
        await app.click("plan-b-save")
        app.assert_no_crash()
        [saved] = PlannerRepository(store).boundaries()
        assert saved.text == "🍵 eerst thee\nדאן מייל"
        assert app.text_shown("🍵 eerst thee\nדאן מייל")
    finally:
        await app.close()
        store.close()


async def test_a_file_with_emoji_and_right_to_left_titles_comes_in_whole(tmp_path, browser_files):
    store = Store.open(tmp_path / "data")
    app = await open_app(store=store, route="/settings/data", now=clock, lang="nl")
    titles = ["thee 🍵", "שלום", LONG_TITLE]
    try:
        browser_files["raw"] = backup(
            agenda_items=[item(id=f"i{n}", title=t) for n, t in enumerate(titles)]
            + [item(id="late", title="film", start="23:30", minutes=90)]
        )
        await app.click("data-import")
        for _ in range(10):
            await app.settle()
            await asyncio.sleep(0.01)
        await app.click("data-import-confirm")
        app.assert_no_crash()
        stored_titles = sorted(i.title for i in PlannerRepository(store).items())
        assert stored_titles == sorted([*titles, "film"])
    finally:
        await app.close()
        store.close()
