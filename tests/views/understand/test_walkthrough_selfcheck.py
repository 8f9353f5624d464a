"""The self-check screen in a real Flet session: pick, see suggestions, follow one, retake."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from datetime import datetime
from pathlib import Path

from storage.walkthrough_repository import WalkthroughRepository
from tests.flet_session import AppHarness
from tests.views.understand.screens import opened

FIRST = datetime(2026, 11, 25, 20, 0)
SECOND = datetime(2026, 12, 9, 20, 0)


def start(
    data_dir: Path, now: datetime, lang: str = "nl", *, read_only: bool = False
) -> AbstractAsyncContextManager[AppHarness]:
    return opened(data_dir, "/understand/selfcheck", now, lang, read_only=read_only)


async def tick(app: AppHarness, item: str) -> None:
    """Tick or untick a box the way the client does: patch its value, then send "change"."""
    box = app.find(f"selfcheck-item-{item}")
    checked = not box.value
    app.session.apply_patch(box._i, {"value": checked})
    await app.fire(box, "change", checked)


async def test_picks_lead_to_suggestions_that_are_followed(tmp_path: Path) -> None:
    async with start(tmp_path, FIRST) as app:
        for item in ("say_no", "shoulders", "tired_no_rest"):
            await tick(app, item)
        await app.click("selfcheck-save")
        assert app.has("selfcheck-result-title")
        assert app.text_shown("25 november 2026")
        for key in (
            "selfcheck-go-shoulders_pause",
            "selfcheck-go-boundaries",
            "selfcheck-go-rhythm",
        ):
            assert app.has(key)
        assert not app.has("selfcheck-go-recovery")
        assert app.has("understand-not-medical")
        assert app.text_shown("Dit is je eerste zelfcheck")
        await app.click("selfcheck-go-boundaries")
        assert app.page.route == "/plan/boundaries"
        [stored] = WalkthroughRepository(app.store).selfchecks()  # type: ignore[attr-defined]
        assert stored.picks == ("shoulders", "say_no", "tired_no_rest")
        assert stored.taken_at == FIRST
        app.assert_no_crash()


async def test_shoulders_suggestion_starts_the_shoulders_pause(tmp_path: Path) -> None:
    async with start(tmp_path, FIRST) as app:
        # tapping the label text ticks the box too
        await app.click("selfcheck-label-neck")
        assert app.find("selfcheck-item-neck").value is True
        await app.click("selfcheck-save")
        await app.click("selfcheck-go-shoulders_pause")
        assert app.page.route == "/pause/run"
        app.assert_no_crash()


async def test_reframe_suggestion_shows_in_place(tmp_path: Path) -> None:
    async with start(tmp_path, FIRST, "en") as app:
        await tick(app, "guilt_rest")
        await app.click("selfcheck-save")
        await app.click("selfcheck-go-reframe")
        assert app.has("selfcheck-reframe") and app.text_shown("Rest is not a reward")
        assert app.page.route == "/understand/selfcheck"


async def test_nothing_picked_is_said_kindly(tmp_path: Path) -> None:
    async with start(tmp_path, FIRST) as app:
        await app.click("selfcheck-save")
        assert app.text_shown("Je hebt niets aangevinkt")
        assert not [
            c for c in app.find_all() if str(getattr(c, "key", "")).startswith("selfcheck-go-")
        ]


async def test_retake_shows_what_changed(tmp_path: Path) -> None:
    async with start(tmp_path, FIRST) as app:
        await tick(app, "say_no")
        await tick(app, "sleep")
        await app.click("selfcheck-save")
    async with start(tmp_path, SECOND) as again:
        # the last result opens first, and retaking starts from its picks
        assert again.has("selfcheck-result-title")
        await again.click("selfcheck-retake")
        assert again.find("selfcheck-item-say_no").value is True
        await tick(again, "sleep")  # no longer
        await tick(again, "worry")  # new
        await again.click("selfcheck-save")
        changes = again.find("selfcheck-changes").value
        assert "Nu ook: veel piekeren" in changes
        assert "Niet meer: slapen zonder echt uit te rusten" in changes
        assert len(WalkthroughRepository(again.store).selfchecks()) == 2  # type: ignore[attr-defined]
        again.assert_no_crash()


async def test_a_read_only_store_still_shows_suggestions(tmp_path: Path) -> None:
    async with start(tmp_path, FIRST, read_only=True) as app:
        await tick(app, "say_no")
        await app.click("selfcheck-save")
        assert app.has("selfcheck-go-boundaries")
        assert app.store.collection("selfchecks").all() == []  # type: ignore[attr-defined]
        app.assert_no_crash()


async def test_coming_back_shows_the_latest_result_not_the_form(tmp_path: Path) -> None:
    # The session's self-check state is reopened from the stored results on each visit.
    async with start(tmp_path, FIRST) as app:
        await tick(app, "neck")
        await app.click("selfcheck-save")
        await app.click("selfcheck-retake")
        await app.go("/understand")
        await app.go("/understand/selfcheck")
        assert app.has("selfcheck-result-title") and not app.has("selfcheck-save")
        app.assert_no_crash()
