"""Walk-through content, its validation, the do-it-now actions, and progress/resume."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from domain.understand.reading import (
    WalkthroughState,
    position_label,
    resume_index,
    swipe_step,
)
from domain.understand.walkthrough import (
    ACTIONS,
    CONTENT_DIR,
    HELPS_CHAPTER_ID,
    SUPPORT_CHAPTER_ID,
    ContentError,
    WalkthroughProgress,
    load_walkthrough,
)

NOW = datetime(2026, 11, 25, 21, 30)
LOCALES = Path(__file__).parents[3] / "domain" / "locales"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_content_has_nine_chapters_and_thirteen_cards(lang: str) -> None:
    walkthrough = load_walkthrough(lang)
    assert len(walkthrough.chapters) == 9
    assert len(walkthrough.cards) == 13
    helps = next(c for c in walkthrough.chapters if c.id == HELPS_CHAPTER_ID)
    assert len(helps.card_ids) == 5


def test_languages_share_card_and_action_ids() -> None:
    nl, en = load_walkthrough("nl"), load_walkthrough("en")
    assert nl.card_ids == en.card_ids
    assert [c.action_id for c in nl.cards] == [c.action_id for c in en.cards]


def test_what_helps_cards_carry_the_five_actions_in_order() -> None:
    walkthrough = load_walkthrough("nl")
    helps = next(c for c in walkthrough.chapters if c.id == HELPS_CHAPTER_ID)
    actions = [walkthrough.cards[walkthrough.index_of(cid)].action_id for cid in helps.card_ids]
    assert actions == ["pause", "recovery", "boundaries", "rhythm", "reframe"]


@pytest.mark.parametrize(
    ("action_id", "kind", "route", "pause_kind"),
    [
        # start a short calm pause
        ("pause", "pause", None, "calm"),
        # the planner opens its add form with a recovery moment
        ("recovery", "route", "/plan?add=recovery", None),
        # the boundaries list in the planner
        ("boundaries", "route", "/plan/boundaries", None),
        # bedtime, wake time and screens-off in settings
        ("rhythm", "route", "/settings/rhythm", None),
        # shown in place, inside the walk-through
        ("reframe", "reframe", None, None),
    ],
)
def test_action_targets(
    action_id: str, kind: str, route: str | None, pause_kind: str | None
) -> None:
    action = ACTIONS[action_id]
    assert (action.kind, action.route, action.pause_kind) == (kind, route, pause_kind)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_action_has_a_label_in_the_catalogue(lang: str) -> None:
    catalogue = json.loads((LOCALES / lang / "understand.json").read_text(encoding="utf-8"))
    assert all(catalogue.get(a.label_key) for a in ACTIONS.values())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_support_chapter_names_gp_and_113(lang: str) -> None:
    walkthrough = load_walkthrough(lang)
    card = next(c for c in walkthrough.cards if c.chapter_id == SUPPORT_CHAPTER_ID)
    text = " ".join([*card.paragraphs, *card.bullets])
    assert "huisarts" in text
    assert "113" in text and "0800-0113" in text
    # no affiliate names from the source article
    assert "Breinfijn" not in text and "Dichtbij" not in text


def _copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def _edit(path: Path, change: Any) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def _drop_last_card(doc: dict) -> None:
    doc["chapters"][-1]["cards"].pop()
    doc["chapters"].pop()


def _unknown_action(doc: dict) -> None:
    doc["chapters"][6]["cards"][0]["action"] = "meditate"


def _empty_title(doc: dict) -> None:
    doc["chapters"][0]["cards"][0]["title"] = "  "


def _other_action(doc: dict) -> None:
    doc["chapters"][6]["cards"][1]["action"] = "rhythm"


def _missing_bullet(doc: dict) -> None:
    doc["chapters"][2]["cards"][0]["bullets"].pop()


def _renamed_card(doc: dict) -> None:
    doc["chapters"][1]["cards"][0]["id"] = "why-rest-2"


def _duplicate_card(doc: dict) -> None:
    doc["chapters"][1]["cards"][0]["id"] = "evening"


def _no_reframe(doc: dict) -> None:
    del doc["reframe"]


@pytest.mark.parametrize(
    ("lang", "change", "message"),
    [
        # English lacks the closing chapter: a missing translation
        ("en", _drop_last_card, "chapters differ"),
        # an action id that the app does not know
        ("en", _unknown_action, "unknown action id 'meditate'"),
        # the Dutch original has an unknown action too
        ("nl", _unknown_action, "unknown action id 'meditate'"),
        # a blank title is a missing text
        ("en", _empty_title, "missing text"),
        # the same card points to a different tool in English
        ("en", _other_action, "differs from nl"),
        # a bullet was left untranslated
        ("en", _missing_bullet, "differs from nl"),
        # a card id that Dutch does not have
        ("en", _renamed_card, "missing translation"),
        # two cards with one id
        ("nl", _duplicate_card, "used twice"),
        # the reframe card is required
        ("en", _no_reframe, "no reframe card"),
    ],
)
def test_loader_refuses_broken_content(
    tmp_path: Path, lang: str, change: Any, message: str
) -> None:
    content = _copy_content(tmp_path)
    _edit(content / f"walkthrough.{lang}.json", change)
    with pytest.raises(ContentError, match=message):
        load_walkthrough("en", content)


def test_loader_refuses_a_missing_language_file(tmp_path: Path) -> None:
    content = _copy_content(tmp_path)
    (content / "walkthrough.en.json").unlink()
    with pytest.raises(ContentError, match="no walk-through content"):
        load_walkthrough("en", content)


@pytest.mark.parametrize(
    ("index", "total", "label"),
    [
        # people count from one
        (0, 13, "1 / 13"),
        # the third card
        (2, 13, "3 / 13"),
        # the last card
        (12, 13, "13 / 13"),
    ],
)
def test_position_label(index: int, total: int, label: str) -> None:
    assert position_label(index, total) == label


@pytest.mark.parametrize(
    ("progress", "index"),
    [
        # nothing stored yet: start at the first card
        (None, 0),
        # a stored card opens where the user left
        (WalkthroughProgress("alarm", NOW), 2),
        # a card in the middle of "what helps"
        (WalkthroughProgress("help-rhythm", NOW), 9),
        # a card that no longer exists starts over, kindly
        (WalkthroughProgress("removed-card", NOW), 0),
    ],
)
def test_resume_index(progress: WalkthroughProgress | None, index: int) -> None:
    assert resume_index(load_walkthrough("nl"), progress) == index


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        # a normal record
        (
            {"id": "progress", "card_id": "alarm", "updated_at": "2026-11-25T21:30:00"},
            WalkthroughProgress("alarm", NOW),
        ),
        # nothing stored
        (None, None),
        # an unreadable date means no progress, not a crash
        ({"id": "progress", "card_id": "alarm", "updated_at": "yesterday"}, None),
        # no card id
        ({"id": "progress", "updated_at": "2026-11-25T21:30:00"}, None),
    ],
)
def test_progress_from_record(record: dict | None, expected: WalkthroughProgress | None) -> None:
    assert WalkthroughProgress.from_record(record) == expected


def test_progress_round_trips() -> None:
    progress = WalkthroughProgress("help-small", NOW)
    assert WalkthroughProgress.from_record(progress.to_record()) == progress
    assert progress.to_record()["id"] == "progress"


class RecordingSaver:
    def __init__(self) -> None:
        self.saved: list[WalkthroughProgress] = []

    def save_progress(self, progress: WalkthroughProgress) -> None:
        self.saved.append(progress)


def test_state_moves_and_saves_each_move() -> None:
    saver = RecordingSaver()
    state = WalkthroughState.resume(load_walkthrough("nl"), None, saver)
    assert (state.label, state.is_first) == ("1 / 13", True)
    assert state.go_back(NOW) is False  # nothing before the first card
    for _ in range(3):
        assert state.go_next(NOW)
    assert (state.label, state.card.id) == ("4 / 13", "patterns")
    assert state.go_back(NOW)
    assert [p.card_id for p in saver.saved] == ["why-rest", "alarm", "patterns", "alarm"]


def test_state_jumps_to_a_chapter_and_stops_at_the_end() -> None:
    saver = RecordingSaver()
    state = WalkthroughState.resume(load_walkthrough("en"), None, saver)
    state.open_chapter("close", NOW)
    assert (state.label, state.is_last, state.fraction) == ("13 / 13", True, 1.0)
    assert state.go_next(NOW) is False
    state.open_chapter(HELPS_CHAPTER_ID, NOW)
    assert (state.card.id, state.chapter.id) == ("help-small", "helps")
    assert [p.card_id for p in saver.saved] == ["close", "help-small"]
    with pytest.raises(KeyError):
        state.open_chapter("nope", NOW)


def test_reframe_is_shown_in_place_and_closes_on_a_move() -> None:
    state = WalkthroughState.resume(
        load_walkthrough("nl"), WalkthroughProgress("help-reframe", NOW), None
    )
    state.toggle_reframe()
    assert state.showing_reframe
    state.go_back(NOW)
    assert not state.showing_reframe


def test_reopening_follows_the_store_and_the_language() -> None:
    # Another tab or an imported backup may have moved the place since the screen was built.
    state = WalkthroughState.resume(load_walkthrough("nl"), None, RecordingSaver())
    state.go_next(NOW)
    state.toggle_reframe()
    english = load_walkthrough("en")
    state.reopen(english, WalkthroughProgress("help-small", NOW))
    assert state.card.id == "help-small"
    assert state.walkthrough is english and not state.showing_reframe
    state.reopen(load_walkthrough("en"), None)
    assert state.is_first


@pytest.mark.parametrize(
    ("velocity", "distance", "step"),
    [
        # a quick fling to the left turns to the next card
        (-900.0, -40.0, 1),
        # a quick fling to the right goes back
        (900.0, 40.0, -1),
        # a slow but long mouse drag to the left still counts
        (0.0, -200.0, 1),
        # a slow long drag to the right goes back
        (0.0, 150.0, -1),
        # a small wobble does nothing
        (60.0, 20.0, 0),
        # a long drag left that is flung back right at the end: the fling wins
        (600.0, -120.0, -1),
        # a long drag left released while drifting right slowly: no move
        (30.0, -120.0, 0),
        # nothing known about the drag
        (None, None, 0),
    ],
)
def test_swipe_step(velocity: float | None, distance: float | None, step: int) -> None:
    assert swipe_step(velocity, distance) == step
