"""The Pauze home screen in a real Flet session: the big button, catalogue, own rhythm, history."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import flet as ft
import pytest

from domain.pause.record import PauseRecord
from storage import Store
from storage.pause_repository import PauseRepository
from tests.flet_session import AppHarness, open_app

NOW = datetime(2026, 11, 25, 9, 30)  # a Wednesday, ISO week 48


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data")
    yield opened
    opened.close()


async def open_home(store: Store, lang: str = "nl") -> AppHarness:
    app = await open_app(store=store, lang=lang, now=lambda: NOW)
    app.assert_no_crash()
    return app


def seed(store: Store, *pauses: tuple[datetime, int, int | None]) -> None:
    repo = PauseRepository(store)
    for index, (started, actual, rating) in enumerate(pauses):
        repo.save(PauseRecord(f"p{index}", "calm", started, 60, actual, actual >= 60, rating))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Dutch first
        ("nl", "Pauze nu"),
        # and English
        ("en", "Pause now"),
    ],
)
async def test_pause_now_tops_the_screen(store, lang, text):
    app = await open_home(store, lang)
    try:
        button = app.find("pause-now")
        assert button.content == text
        # Big by padding rather than a fixed height, so 200 % text still fits inside it.
        assert button.height is None
        assert button.style.padding.top * 2 + 28 >= 64
        assert button.expand  # fills its row: the full width
        # nothing comes before it on the screen
        assert app.page.route == "/"
    finally:
        await app.close()


@pytest.mark.parametrize(
    ("pauses", "week", "tension"),
    [
        # a fresh app says zero, calmly
        ([], "Deze week: 0 herstelmomenten, 0 minuten", "Geef na een pauze een cijfer"),
        # one minute, this week
        (
            [(datetime(2026, 11, 24, 8, 0), 60, None)],
            "Deze week: 1 herstelmoment, 1 minuut",
            "Geef na een pauze een cijfer",
        ),
        # three pauses, a 10 s one not counted, ratings this week and last
        (
            [
                (datetime(2026, 11, 23, 8, 0), 300, 3),
                (datetime(2026, 11, 24, 8, 0), 120, 4),
                (datetime(2026, 11, 25, 8, 0), 10, None),
                (datetime(2026, 11, 17, 8, 0), 60, 6),
            ],
            "Deze week: 2 herstelmomenten, 7 minuten",
            "Spanning na een pauze, week 48: gemiddeld 3,5 Dat is lager dan de week ervoor.",
        ),
    ],
)
async def test_history_in_kind_words(store, pauses, week, tension):
    seed(store, *pauses)
    app = await open_home(store)
    try:
        assert app.find("pause-week").value == week
        assert app.find("pause-tension").value.startswith(tension)
        assert len(app.find("pause-chart").groups) == 8
    finally:
        await app.close()


async def test_chart_bars_follow_the_weeks(store):
    seed(
        store,
        (datetime(2026, 11, 25, 8, 0), 60, None),
        (datetime(2026, 11, 16, 8, 0), 60, None),
        (datetime(2026, 11, 17, 8, 0), 60, None),
        (datetime(2026, 10, 5, 8, 0), 60, None),
    )
    app = await open_home(store)
    try:
        bars = [group.rods[0].to_y for group in app.find("pause-chart").groups]
        assert bars == [1, 0, 0, 0, 0, 0, 2, 1]
    finally:
        await app.close()


async def test_a_catalogue_length_starts_that_pause(store):
    app = await open_home(store)
    try:
        await app.click("pause-start-sigh-180")
        assert app.page.route == "/pause/run"
        assert app.find("pause-time-left").value == "nog 3:00"
        await app.click("pause-stop")
    finally:
        await app.close()


@pytest.mark.parametrize(
    ("values", "notes"),
    [
        # an in-breath of zero
        ({"inhale": "0"}, {"inhale": "Minstens 1 seconde, zodat er ruimte is om te ademen."}),
        # a hold that is too long, and a pause that is too short
        (
            {"hold_in": "25", "total": "5"},
            {
                "hold_in": "Kies 0 tot 20 seconden.",
                "total": "Kies tussen 10 seconden en 20 minuten (1200 seconden).",
            },
        ),
        # not a number
        ({"exhale": "zes"}, {"exhale": "Vul een heel getal in."}),
    ],
)
async def test_custom_form_says_what_is_wrong_beside_each_field(store, values, notes):
    app = await open_home(store)
    try:
        for name, value in values.items():
            await app.type_into(f"pause-custom-{name}", value)
        await app.click("pause-custom-start")
        assert app.page.route == "/"
        for name in ("inhale", "hold_in", "exhale", "hold_out", "total"):
            note = app.find(f"pause-custom-{name}-note")
            assert (note.value if note.visible else None) == notes.get(name)
    finally:
        await app.close()


async def test_custom_pattern_runs(store):
    app = await open_home(store)
    try:
        for name, value in {"inhale": "3", "hold_in": "0", "exhale": "5", "total": "40"}.items():
            await app.type_into(f"pause-custom-{name}", value)
        await app.click("pause-custom-start")
        assert app.page.route == "/pause/run"
        assert app.find("pause-time-left").value == "nog 0:40"
        await app.click("pause-stop")
        (record,) = PauseRepository(store).all()
        assert (record.kind, record.planned_seconds) == ("custom", 40)
    finally:
        await app.close()


def seed_kinds(store: Store, *pauses: tuple[str, datetime, int | None]) -> None:
    repo = PauseRepository(store)
    for index, (kind, started, rating) in enumerate(pauses):
        repo.save(PauseRecord(f"k{index}", kind, started, 60, 60, True, rating))


async def test_what_helps_per_kind_in_words_and_bars(store):
    days = (datetime(2026, 11, 24, 8), datetime(2026, 11, 18, 8), datetime(2026, 11, 3, 8))
    seed_kinds(
        store,
        *[("box", day, rating) for day, rating in zip(days, (3, 4, 4), strict=True)],
        *[("calm", day, rating) for day, rating in zip(days, (5, 4, 3), strict=True)],
        # two ratings: too few to say anything about the quiet sit
        ("quiet", days[0], 1),
        ("quiet", days[1], 1),
        # five weeks ago: outside the last four weeks
        ("sigh", datetime(2026, 10, 20, 8), 2),
        ("sigh", days[0], 2),
        ("sigh", days[1], 2),
    )
    app = await open_home(store)
    try:
        assert app.find("pause-helps-calm").value == "Na Rustig ademen: gemiddeld 4 van 10"
        assert app.find("pause-helps-box").value == "Na Vierkant ademen: gemiddeld 3,7 van 10"
        assert not app.has("pause-helps-quiet") and not app.has("pause-helps-sigh")
        # the bars in the catalogue's order (calm before box), never sorted by their numbers
        bars = [group.rods[0].to_y for group in app.find("pause-helps-chart").groups]
        assert bars == [4.0, 3.7]
        assert not any("beste" in text.lower() or "best" in text.lower() for text in app.texts())
    finally:
        await app.close()


async def test_what_helps_says_nothing_before_three_ratings(store):
    seed_kinds(
        store, ("calm", datetime(2026, 11, 24, 8), 4), ("calm", datetime(2026, 11, 23, 8), 5)
    )
    app = await open_home(store, "en")
    try:
        assert not app.has("pause-helps-chart")
        assert not app.text_shown("What helps you")
    finally:
        await app.close()


async def test_what_helps_in_english(store):
    seed_kinds(store, *[("calm", datetime(2026, 11, 24 - n, 8), 4) for n in range(3)])
    app = await open_home(store, "en")
    try:
        assert app.find("pause-helps-calm").value == "After Calm breathing: on average 4 out of 10"
    finally:
        await app.close()


async def test_home_has_the_keep_awake_script_fetched_before_any_tap(store):
    # In a browser the wakelock's script is fetched on the first call to it: asked here, with
    # the lower half of the first screen, so the tap on Pauze nu fetches nothing.
    app = await open_home(store)
    try:
        assert ("is_enabled", None) in app.conn.calls
        assert ("enable", None) not in app.conn.calls
    finally:
        await app.close()


async def test_the_theme_is_there_from_the_first_frame_and_brightness_sends_nothing(store):
    app = await open_home(store)
    try:
        # the client would otherwise blend its default theme into ours while the user taps
        assert app.page.theme_animation_style is not None
        assert app.page.theme_animation_style.duration == ft.Duration()
        # the client tells the system's brightness as it starts: no page-wide patch follows
        mark = len(app.conn.messages)
        await app.fire(app.page, "platform_brightness_change", "dark")
        assert app.conn.messages[mark:] == []
        app.assert_no_crash()
    finally:
        await app.close()
