"""Sound for eyes closed: cue players loaded before the first phase, one cue per phase at most."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import msgpack
import pytest
from flet.controls.base_control import BaseControl
from flet.messaging.protocol import MessageAction, configure_encode_object_for_msgpack

from domain.settings.preferences import Settings
from storage.settings_repository import SettingsRepository
from tests.flet_session import AppHarness, open_app
from tests.views.pause.test_pause_run import NOW, FakeTime, phase, sent_since, stored
from views.pause.state import pause_screen

ROOT = Path(__file__).resolve().parents[3]
_encode = configure_encode_object_for_msgpack(BaseControl)

PATCH = (MessageAction.PATCH_CONTROL, "")


class Wire:
    """The bytes of every message as the browser would get them, kept beside the recording."""

    def __init__(self, app: AppHarness) -> None:
        self.sent: list[bytes] = []
        send = app.conn.send_message

        def send_and_keep(message: Any) -> None:
            send(message)
            # Packed right after the real send, from the same state: the diff stays as it was.
            self.sent.append(msgpack.packb([message.action, message.body], default=_encode))

        app.conn.send_message = send_and_keep  # type: ignore[method-assign]

    def first(self, fragment: bytes) -> int | None:
        return next((i for i, data in enumerate(self.sent) if fragment in data), None)


async def open_with(tmp_path: Path, fake_time: FakeTime, settings: Settings) -> AppHarness:
    from storage import Store

    store = Store.open(tmp_path / "data")
    SettingsRepository(store).save(settings)
    app = await open_app(store=store, now=lambda: NOW)
    fake_time.drive(app)
    return app


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
async def sound_app(tmp_path: Path, fake_time: FakeTime) -> AsyncIterator[AppHarness]:
    app = await open_with(tmp_path, fake_time, Settings(sound=True))
    yield app
    app.assert_no_crash()
    await app.close()
    app.store.close()  # type: ignore[attr-defined]


def players(app: AppHarness) -> dict[str, Any]:
    return dict(pause_screen(app.ctx).cues._players)


def played(app: AppHarness, mark: int = 0) -> list[str]:
    """Which cue files were played after `mark`, by the player each play call went to."""
    by_id = {player._i: name for name, player in players(app).items()}
    out = []
    for message in app.conn.messages[mark:]:
        if message.action == MessageAction.INVOKE_METHOD and message.body.name == "play":
            out.append(by_id.get(message.body.control_id, "?"))
    return out


async def test_the_cues_are_on_the_page_before_the_first_phase(sound_app, fake_time):
    app = sound_app
    # Geluid on: the default pause's tones (slow calm breathing, and the bell) are fetched
    # while home is idle, each one player and one file, before any tap
    assert sorted(players(app)) == ["bell", "in", "out"]
    assert {p.src for p in players(app).values()} == {
        "/sounds/in.wav",
        "/sounds/out.wav",
        "/sounds/bell.wav",
    }
    wire = Wire(app)
    await app.click("pause-now")
    # so the tap fetches nothing
    assert wire.first(b"/sounds/") is None
    # the first in-breath has its rising tone right behind its patch (the tap was the buzz)
    assert phase(app) == "In"
    assert played(app) == ["in"]


async def test_a_kind_with_a_hold_adds_its_tone_before_the_running_screen(sound_app, fake_time):
    app = sound_app
    wire = Wire(app)
    await app.click("pause-start-box-120")
    assert sorted(players(app)) == ["bell", "hold", "in", "out"]
    added = wire.first(b"/sounds/hold.wav")
    screen = wire.first(b"Stop pauze")
    assert added is not None and screen is not None
    assert added < screen, "the cue players must reach the client before the running screen"
    await fake_time.advance(4, app)
    assert phase(app) == "Vasthouden"
    assert played(app)[-1] == "hold"


@pytest.mark.parametrize(
    ("settings", "per_phase"),
    [
        # sound and haptics: the patch, the cue, the buzz; three at most
        (Settings(sound=True), [PATCH, (MessageAction.INVOKE_METHOD, "play"), "haptic"]),
        # only sound: two
        (Settings(sound=True, haptics=False), [PATCH, (MessageAction.INVOKE_METHOD, "play")]),
        # only haptics: two
        (Settings(), [PATCH, "haptic"]),
        # neither: the patch alone
        (Settings(haptics=False), [PATCH]),
    ],
)
async def test_messages_per_phase_stay_within_budget(tmp_path, fake_time, settings, per_phase):
    app = await open_with(tmp_path, fake_time, settings)
    try:
        await app.click("pause-now")
        for seconds, buzz, cue in ((4, "light_impact", "out"), (6, "medium_impact", "in")):
            mark = len(app.conn.messages)
            await fake_time.advance(seconds, app)
            expected = [
                (MessageAction.INVOKE_METHOD, buzz) if m == "haptic" else m for m in per_phase
            ]
            assert sent_since(app, mark) == expected
            assert played(app, mark) == ([cue] if settings.sound else [])
        app.assert_no_crash()
    finally:
        await app.close()
        app.store.close()  # type: ignore[attr-defined]


async def test_with_sound_off_no_sound_file_is_loaded(tmp_path, fake_time):
    app = await open_with(tmp_path, fake_time, Settings())
    wire = Wire(app)
    try:
        await app.click("pause-now")
        assert app.find("pause-sound").value is False
        await fake_time.advance(60, app)
        assert app.has("pause-end")
        assert wire.first(b"/sounds/") is None
        assert wire.first(b"Audio") is None
        assert players(app) == {}
    finally:
        await app.close()
        app.store.close()  # type: ignore[attr-defined]


def test_home_never_imports_the_player():
    # Home is on the cold-start path: the player's package is imported only once sound is on.
    probe = (
        "import sys\n"
        "import views.pause.home, views.pause.run, views.pause.state, views.pause.sound\n"
        "print('flet_audio' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


async def test_the_switch_on_the_running_screen_is_remembered(tmp_path, fake_time):
    app = await open_with(tmp_path, fake_time, Settings())
    try:
        await app.click("pause-now")
        switch = app.find("pause-sound")
        assert (switch.label, switch.value) == ("Geluid", False)
        app.session.apply_patch(switch._i, {"value": True})
        await app.fire(switch, "change")
        assert SettingsRepository(app.store).load().sound is True  # type: ignore[attr-defined]
        assert sorted(players(app)) == ["bell", "in", "out"]
        # the pause went on where it was: no new pause, no restart
        assert app.page.route == "/pause/run"
        mark = len(app.conn.messages)
        await fake_time.advance(4, app)
        assert phase(app) == "Uit"
        assert played(app, mark) == ["out"]
        # off again: the players leave the page at once, the next phase is silent
        app.session.apply_patch(switch._i, {"value": False})
        await app.fire(switch, "change")
        assert SettingsRepository(app.store).load().sound is False  # type: ignore[attr-defined]
        assert players(app) == {}
        assert not any(type(s).__name__ == "Audio" for s in app.page._services._services)
        mark = len(app.conn.messages)
        await fake_time.advance(6, app)
        assert phase(app) == "In"
        assert not any(n == "play" for _, n in sent_since(app, mark))
        app.assert_no_crash()
    finally:
        await app.close()
        app.store.close()  # type: ignore[attr-defined]


async def test_a_finished_pause_ends_with_the_bell(sound_app, fake_time):
    app = sound_app
    await app.click("pause-now")
    mark = len(app.conn.messages)
    await fake_time.advance(60, app)
    assert app.has("pause-end")
    assert played(app, mark)[-1] == "bell"
    assert [r.completed for r in stored(app)] == [True]


async def test_stopping_early_rings_no_bell(sound_app, fake_time):
    app = sound_app
    await app.click("pause-now")
    await fake_time.advance(5, app)
    mark = len(app.conn.messages)
    await app.click("pause-stop")
    assert played(app, mark) == []


async def test_the_quiet_sit_only_rings_the_bell(sound_app, fake_time):
    app = sound_app
    await app.click("pause-start-quiet-60")
    assert "bell" in players(app)
    await fake_time.advance(60, app)
    assert played(app) == ["bell"]


async def test_a_browser_that_refuses_sound_leaves_the_pause_silent_and_says_so_once(
    sound_app, fake_time
):
    app = sound_app
    answer = app.conn._answer

    def refuse_play(control_id: int, call_id: str, name: str, args: Any) -> None:
        if name != "play":
            return answer(control_id, call_id, name, args)
        # what audioplayers reports when Chromium blocks a play it saw no gesture for
        app.session.handle_invoke_method_results(
            control_id, call_id, None, "NotAllowedError: play() failed"
        )

    app.conn._answer = refuse_play  # type: ignore[method-assign]
    await app.click("pause-now")
    await app.settle()
    notice = "Je browser speelt nu geen geluid af"
    assert sum(notice in text for text in app.texts()) == 1
    mark = len(app.conn.messages)
    await fake_time.advance(10, app)
    # the pause goes on, in silence
    assert phase(app) == "In"
    assert played(app, mark) == []
    assert sum(notice in text for text in app.texts()) == 1


async def test_the_client_sends_lifecycle_events_only_while_a_pause_runs(tmp_path, fake_time):
    # A handler Flet's client does not know of sends nothing: the page's patch must carry it.
    app = await open_with(tmp_path, fake_time, Settings())
    wire = Wire(app)
    try:
        await app.click("pause-now")
        told = [i for i, data in enumerate(wire.sent) if b"on_app_lifecycle_state_change" in data]
        assert told == [0]
        await app.click("pause-stop")
        await app.click("pause-rate-skip")
        told = [i for i, data in enumerate(wire.sent) if b"on_app_lifecycle_state_change" in data]
        assert len(told) == 2
        assert app.page.on_app_lifecycle_state_change is None
    finally:
        await app.close()
        app.store.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        # Dutch
        ("nl", "Geluid"),
        # English
        ("en", "Sound"),
    ],
)
async def test_the_geluid_switch_in_instellingen_is_remembered(tmp_path, fake_time, lang, label):
    from storage import Store

    store = Store.open(tmp_path / "data")
    try:
        app = await open_app(store=store, route="/settings", lang=lang, now=lambda: NOW)
        switch = app.find("settings-sound")
        # off by default
        assert (switch.label, switch.value) == (label, False)
        app.session.apply_patch(switch._i, {"value": True})
        await app.fire(switch, "change")
        app.assert_no_crash()
        await app.close()
        assert SettingsRepository(store).load().sound is True

        # a new session: the switch is on, here and on the running screen, and the cues load
        again = await open_app(store=store, route="/settings", lang=lang, now=lambda: NOW)
        fake_time.drive(again)
        assert again.find("settings-sound").value is True
        await again.go("/")
        await again.click("pause-now")
        assert again.find("pause-sound").value is True
        assert sorted(players(again)) == ["bell", "in", "out"]
        again.assert_no_crash()
        await again.close()
    finally:
        store.close()
