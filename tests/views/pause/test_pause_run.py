"""The running pause in a real Flet session, with a clock and sleep the test turns by hand."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import Any

import flet as ft
import pytest
from flet.messaging.protocol import MessageAction

from domain.pause.record import PauseRecord
from domain.settings.preferences import Settings
from storage.pause_repository import PauseRepository
from storage.settings_repository import SettingsRepository
from tests.flet_session import AppHarness, open_app
from views.pause.circle import SCALE_IN, SCALE_OUT
from views.pause.home import HANDOVER_AFTER
from views.pause.run import LOWER_AFTER
from views.pause.state import Timing, pause_screen
from views.shell.app import ADDRESS_AFTER
from views.shell.theme import GAP, MAX_WIDTH

NOW = datetime(2026, 11, 25, 9, 30)


class FakeTime:
    """Monotonic seconds plus an async sleep that wakes only when the test advances the clock."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, asyncio.Future[None]]] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._sleepers.append((self.now + max(0.0, seconds), future))
        await future

    def drive(self, app: AppHarness) -> None:
        """From now on the app's running pauses keep this clock and sleep."""
        pause_screen(app.ctx).timing = Timing(self.clock, self.sleep)

    async def advance(self, seconds: float, app: AppHarness) -> None:
        """Move the clock on, waking each sleeper at its own deadline, in order."""
        target = self.now + seconds
        while True:
            due = sorted(
                (s for s in self._sleepers if s[0] <= target and not s[1].done()),
                key=lambda s: s[0],
            )
            if not due:
                break
            self._sleepers.remove(due[0])
            self.now = max(self.now, due[0][0])
            due[0][1].set_result(None)
            await app.settle()
        self.now = target
        await app.settle()


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
async def app(tmp_path: Path, fake_time: FakeTime) -> AsyncIterator[AppHarness]:
    harness = await open_app(tmp_path / "data", now=lambda: NOW)
    fake_time.drive(harness)
    harness.assert_no_crash()
    yield harness
    harness.assert_no_crash()
    await harness.close()
    harness.store.close()  # type: ignore[attr-defined]


def stored(app: AppHarness) -> list[PauseRecord]:
    return PauseRepository(app.store).all()  # type: ignore[attr-defined]


def loops_left() -> list[asyncio.Task]:
    """Running-pause loops still alive on the event loop."""
    return [
        task
        for task in asyncio.all_tasks()
        if not task.done() and "PauseRunView._run" in repr(task.get_coro())
    ]


def texts_of(control: Any) -> list[str]:
    """The strings of `control` and everything inside it."""
    found = [control.value] if isinstance(control, ft.Text) else []
    for attr in ("content", "controls"):
        inner = getattr(control, attr, None)
        for child in inner if isinstance(inner, list) else [inner]:
            if isinstance(child, ft.BaseControl):
                found += texts_of(child)
    return found


def shown_on_page(control: Any) -> bool:
    """Whether `control` and all that holds it are visible."""
    while control is not None:
        if not control.visible:
            return False
        control = control.parent
    return True


async def runs_on_from_the_first_phase(app: AppHarness, fake_time: FakeTime) -> None:
    """At the running pause's address, the circle growing, and on to the out-breath after 4 s."""
    assert app.page.route == "/pause/run"
    assert app.find("pause-circle").scale == SCALE_IN
    await fake_time.advance(4, app)
    assert phase(app) == "Uit"


def phase(app: AppHarness) -> str:
    return app.find("pause-phase").value


def sent_since(app: AppHarness, mark: int) -> list[tuple[MessageAction, str]]:
    """What went to the client after `mark`: patches, and method calls by name."""
    out = []
    for message in app.conn.messages[mark:]:
        name = (
            getattr(message.body, "name", "")
            if message.action == MessageAction.INVOKE_METHOD
            else ""
        )
        out.append((message.action, name))
    return out


async def test_pause_now_starts_the_default_pause_at_once(app, fake_time):
    await app.click("pause-now")
    assert app.page.route == "/pause/run"
    assert phase(app) == "In"
    assert app.find("pause-circle").scale == SCALE_IN
    # the circle's growth is one client-side animation lasting the whole 4-second in-breath
    assert app.find("pause-circle").animate_scale.duration == 4000
    assert app.find("pause-time-left").value == "nog 1:00"
    # the bar is sent where it must be at the end of the phase; the client slides it there
    bar = app.find("pause-progress")
    track = MAX_WIDTH if app.page.width > MAX_WIDTH else app.page.width
    assert bar.width == pytest.approx((track - 2 * GAP) * 4 / 60, abs=0.1)
    assert bar.animate.duration == 4000
    assert ("enable", None) in app.conn.calls


async def test_one_patch_and_one_haptic_per_phase(app, fake_time):
    await app.click("pause-now")
    mark = len(app.conn.messages)
    await fake_time.advance(4, app)
    assert phase(app) == "Uit"
    assert app.find("pause-circle").scale == SCALE_OUT
    assert sent_since(app, mark) == [
        (MessageAction.PATCH_CONTROL, ""),
        (MessageAction.INVOKE_METHOD, "light_impact"),
    ]
    mark = len(app.conn.messages)
    await fake_time.advance(6, app)
    assert phase(app) == "In"
    assert app.find("pause-time-left").value == "nog 0:50"
    assert sent_since(app, mark) == [
        (MessageAction.PATCH_CONTROL, ""),
        (MessageAction.INVOKE_METHOD, "medium_impact"),
    ]
    # between phase changes nothing is sent, however long the phase
    mark = len(app.conn.messages)
    await fake_time.advance(3.5, app)
    assert sent_since(app, mark) == []


async def test_hold_and_resume(app, fake_time):
    await app.click("pause-now")
    await fake_time.advance(5, app)
    mark = len(app.conn.messages)
    await app.click("pause-hold")
    # the hold goes out as one patch
    assert sent_since(app, mark) == [(MessageAction.PATCH_CONTROL, "")]
    assert phase(app) == "Stilgezet"
    # one second into the 6-second out-breath: the circle stays where it is, just below full
    assert 0.9 < app.find("pause-circle").scale < SCALE_IN
    # on hold the bar settles at the time taken: 5 of 60 seconds
    track = app.page.width - 2 * GAP
    assert app.find("pause-progress").width == pytest.approx(track * 5 / 60, abs=0.1)
    assert app.find("pause-hold").content == "Verder"
    assert loops_left() == []
    # thirty seconds on hold: nothing moves, nothing is sent
    mark = len(app.conn.messages)
    await fake_time.advance(30, app)
    assert sent_since(app, mark) == []
    await app.click("pause-hold")
    # going on is one patch too: the button's label travels with the phase
    assert sent_since(app, mark) == [(MessageAction.PATCH_CONTROL, "")]
    # back in the out-breath that was on hold, 1 of its 6 seconds already done
    assert phase(app) == "Uit"
    assert app.find("pause-circle").animate_scale.duration == 5000
    await fake_time.advance(5, app)
    assert phase(app) == "In"
    assert app.find("pause-time-left").value == "nog 0:50"


async def test_stop_saves_the_seconds_taken_and_the_rating(app, fake_time):
    await app.click("pause-now")
    await fake_time.advance(12, app)
    await app.click("pause-stop")
    assert loops_left() == []
    assert stored(app) == [PauseRecord(stored(app)[0].id, "calm", NOW, 60, 12, False, None)]
    assert app.text_shown("Hoe gespannen voel je je nu?")
    await app.click("pause-rate-4")
    assert app.page.route == "/"
    assert [r.rating for r in stored(app)] == [4]
    # 12 seconds is too short to count as a recovery moment
    assert app.find("pause-week").value == "Deze week: 0 herstelmomenten, 0 minuten"


async def test_a_finished_pause_is_stored_with_every_field(app, fake_time):
    await app.click("pause-now")
    await fake_time.advance(60, app)
    assert app.find("pause-end").value == "Klaar. Fijn dat je dit moment nam."
    assert loops_left() == []
    (record,) = stored(app)
    assert record == PauseRecord(record.id, "calm", NOW, 60, 60, True, None)
    assert ("disable", None) in app.conn.calls
    # skipping the question keeps the pause, without a rating
    await app.click("pause-rate-skip")
    assert app.page.route == "/"
    assert stored(app) == [record]
    assert app.find("pause-week").value == "Deze week: 1 herstelmoment, 1 minuut"


async def test_leaving_the_screen_ends_the_loop_and_keeps_the_pause(app, fake_time):
    await app.click("pause-now")
    await fake_time.advance(35, app)
    assert len(loops_left()) == 1
    await app.go("/settings")
    assert loops_left() == []
    (record,) = stored(app)
    assert (record.actual_seconds, record.completed) == (35, False)


async def test_closing_the_app_ends_the_loop(app, fake_time):
    await app.click("pause-now")
    await fake_time.advance(8, app)
    await app.close()
    assert loops_left() == []
    assert [r.actual_seconds for r in stored(app)] == [8]


async def test_a_catalogue_pause_runs_its_own_pattern(app, fake_time):
    await app.click("pause-start-box-120")
    assert app.find("pause-time-left").value == "nog 2:00"
    await fake_time.advance(4, app)
    assert phase(app) == "Vasthouden"
    await fake_time.advance(120, app)
    (record,) = stored(app)
    assert (record.kind, record.planned_seconds, record.completed) == ("box", 120, True)


@pytest.mark.parametrize(
    ("settings", "platform", "circle", "haptics"),
    [
        # the defaults on a phone: circle and haptics
        (Settings(), "android", True, True),
        # haptics switched off in settings
        (Settings(haptics=False), "android", True, False),
        # a desktop browser gets no haptic calls at all
        (Settings(), "linux", True, False),
        # reduce motion: text and progress bar instead of the circle
        (Settings(reduce_motion=True), "android", False, True),
    ],
)
async def test_settings_shape_the_guide(tmp_path, fake_time, settings, platform, circle, haptics):
    from storage import Store

    store = Store.open(tmp_path / "data")
    SettingsRepository(store).save(settings)
    app = await open_app(store=store, now=lambda: NOW)
    fake_time.drive(app)
    try:
        app.session.apply_page_patch({"platform": platform})
        await app.click("pause-now")
        await fake_time.advance(10, app)
        assert app.has("pause-circle") == circle
        assert app.has("pause-progress")
        assert phase(app) == "In"
        impacts = [name for name, _ in app.conn.calls if name.endswith("_impact")]
        assert bool(impacts) == haptics
        app.assert_no_crash()
    finally:
        await app.close()
        store.close()


async def test_a_device_that_asks_for_less_motion_gets_no_circle(app, fake_time):
    # as the device answers when its reduce-motion setting is on
    pause_screen(app.ctx).note_system_reduce_motion(True)
    await app.click("pause-now")
    assert not app.has("pause-circle")
    await fake_time.advance(4, app)
    assert phase(app) == "Uit"


async def test_a_read_only_store_ends_the_pause_calmly(tmp_path, fake_time):
    from storage import Store

    store = Store.open(tmp_path / "data")
    app = await open_app(store=store, now=lambda: NOW)
    fake_time.drive(app)
    try:
        # as when the data was written by a newer version of the app
        store.read_only = True
        await app.click("pause-now")
        await fake_time.advance(40, app)
        await app.click("pause-stop")
        app.assert_no_crash()
        assert app.text_shown("Deze pauze kon niet bewaard worden")
        assert app.has("pause-rate-skip")
        assert stored(app) == []
    finally:
        await app.close()
        store.close()


async def away(app: AppHarness, fake_time: FakeTime, seconds: float) -> None:
    """The screen goes off (or the app to the background) for `seconds`, then comes back.

    A phone that sleeps holds the loop's own sleep back, so no sleeper wakes meanwhile: only the
    clock moves on. Then the client says the app is shown again, as Flet's lifecycle event does
    (in a browser it comes from the page's visibility and focus).
    """
    await app.fire(app.page, "app_lifecycle_state_change", {"state": "hide"})
    fake_time.now += seconds
    await app.fire(app.page, "app_lifecycle_state_change", {"state": "show"})


async def test_back_after_forty_seconds_the_guide_shows_that_moment(app, fake_time):
    await app.click("pause-now")
    await fake_time.advance(2, app)
    mark = len(app.conn.messages)
    await away(app, fake_time, 40)
    # 42 s into a minute of 4 s in, 6 s out: two seconds into an in-breath, 18 s left
    assert phase(app) == "In"
    assert app.find("pause-time-left").value == "nog 0:18"
    assert app.find("pause-circle").animate_scale.duration == 2000
    track = app.page.width - 2 * GAP
    assert app.find("pause-progress").width == pytest.approx(track * 44 / 60, abs=0.1)
    # the jump is one patch, and coming back is no phase change: no buzz
    assert sent_since(app, mark) == [(MessageAction.PATCH_CONTROL, "")]
    assert len(loops_left()) == 1
    # and from there it goes on in step
    await fake_time.advance(2, app)
    assert phase(app) == "Uit"
    assert app.find("pause-time-left").value == "nog 0:16"


async def test_back_after_the_end_shows_the_end_and_keeps_it_finished(app, fake_time):
    await app.click("pause-now")
    await fake_time.advance(5, app)
    await away(app, fake_time, 600)
    assert app.find("pause-end").value == "Klaar. Fijn dat je dit moment nam."
    assert loops_left() == []
    (record,) = stored(app)
    assert record == PauseRecord(record.id, "calm", NOW, 60, 60, True, None)


async def test_back_while_on_hold_the_hold_stays(app, fake_time):
    await app.click("pause-now")
    await fake_time.advance(5, app)
    await app.click("pause-hold")
    await away(app, fake_time, 40)
    assert phase(app) == "Stilgezet"
    assert loops_left() == []
    await app.click("pause-hold")
    assert phase(app) == "Uit"
    assert app.find("pause-time-left").value == "nog 0:55"


async def test_leaving_the_pause_gives_the_lifecycle_back(app, fake_time):
    await app.click("pause-now")
    assert app.page.on_app_lifecycle_state_change is not None
    await app.click("pause-stop")
    await app.click("pause-rate-skip")
    assert app.page.on_app_lifecycle_state_change is None


async def test_pauze_nu_shows_the_first_look_laid_out_ahead_then_the_running_screen(app, fake_time):
    # As with a browser drawing: home carries the default pause's first look, hidden.
    app.ctx.first_paint_delay = app.shell.first_paint_delay = 0.5
    app.ctx.refresh()
    await app.settle()
    [ready] = app.page.overlay
    cover = ready.content
    assert cover.opacity == 0
    assert "In" in texts_of(cover) and "nog 1:00" in texts_of(cover)
    before_tap = len(app.conn.messages)
    await app.click("pause-now")
    # the tap sends two small patches: the first look becomes opaque, and what home has below
    # the fold leaves from under it
    assert sent_since(app, before_tap) == [(MessageAction.PATCH_CONTROL, "")] * 2
    assert cover.opacity == 1
    assert not shown_on_page(app.find("pause-start-calm-60"))
    assert shown_on_page(app.find("pause-now"))
    assert not app.has("pause-stop")
    before_rest = len(app.conn.messages)
    await asyncio.sleep(HANDOVER_AFTER + ADDRESS_AFTER + 0.05)
    await app.settle()
    # then the whole running screen takes its place, and the first look leaves the page
    assert app.has("pause-stop") and app.has("pause-hold") and app.has("pause-progress")
    assert phase(app) == "In"
    assert app.page.overlay == []
    assert sent_since(app, before_rest) == [
        (MessageAction.PATCH_CONTROL, ""),  # the running screen
        (MessageAction.PATCH_CONTROL, ""),  # its first phase
        (MessageAction.INVOKE_METHOD, "enable"),
        (MessageAction.INVOKE_METHOD, "push_route"),
    ]
    await runs_on_from_the_first_phase(app, fake_time)


async def test_a_pause_from_the_catalogue_shows_the_breath_first_and_the_buttons_after(
    app, fake_time
):
    # No first look laid out ahead for it: the guide's top goes out on its own, the rest after.
    app.ctx.first_paint_delay = app.shell.first_paint_delay = 0.5
    before_tap = len(app.conn.messages)
    await app.click("pause-start-calm-60")
    assert phase(app) == "In"
    assert app.has("pause-circle") and app.has("pause-time-left")
    assert not app.has("pause-stop") and not app.has("pause-progress")
    # the tap itself sends the top and nothing else: no wakelock, no new address yet
    assert sent_since(app, before_tap) == [(MessageAction.PATCH_CONTROL, "")]
    before_rest = len(app.conn.messages)
    await asyncio.sleep(max(LOWER_AFTER, ADDRESS_AFTER) + 0.05)
    await app.settle()
    assert app.has("pause-stop") and app.has("pause-hold") and app.has("pause-sound")
    # the bar and the buttons travel in the first phase's own patch; then the screen is kept on
    # and the address follows
    assert sent_since(app, before_rest) == [
        (MessageAction.PATCH_CONTROL, ""),
        (MessageAction.INVOKE_METHOD, "enable"),
        (MessageAction.INVOKE_METHOD, "push_route"),
    ]
    await runs_on_from_the_first_phase(app, fake_time)


async def test_a_double_tap_on_pauze_nu_starts_one_pause(app, fake_time):
    app.ctx.first_paint_delay = app.shell.first_paint_delay = 0.5
    app.ctx.refresh()
    await app.settle()
    await app.click("pause-now")
    await app.click("pause-now")
    await asyncio.sleep(HANDOVER_AFTER + 0.05)
    await app.settle()
    assert len(loops_left()) == 1
    await app.click("pause-stop")
    await app.click("pause-rate-skip")
    assert len(stored(app)) == 1


async def test_the_first_look_leaves_with_home_and_follows_the_device_on_motion(app, fake_time):
    app.ctx.first_paint_delay = app.shell.first_paint_delay = 0.5
    app.ctx.refresh()
    await app.settle()
    assert len(app.page.overlay) == 1
    app.ctx.navigate("/plan")
    await app.settle()
    assert app.page.overlay == []
    app.ctx.navigate("/")
    await app.settle()
    assert len(app.page.overlay) == 1
    # The device says it wants less motion after home was drawn: the first look (with its
    # circle) no longer fits, so the tap opens the running screen itself, without the circle.
    pause_screen(app.ctx).note_system_reduce_motion(True)
    mark = len(app.conn.messages)
    await app.click("pause-now")
    assert app.has("pause-phase") and not app.has("pause-circle")
    assert app.page.overlay == []
    assert len(sent_since(app, mark)) == 1
