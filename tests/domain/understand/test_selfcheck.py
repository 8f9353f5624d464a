"""Self-check: what each pick suggests, stored results, and what changed since last time."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from domain.settings.preferences import PAUSE_KINDS
from domain.understand.selfcheck import (
    GROUPS,
    ITEMS,
    SUGGESTIONS,
    SelfCheckError,
    SelfCheckResult,
    SelfCheckState,
    compare_results,
    items_in,
    latest_two,
    suggest_for,
)

NOW = datetime(2026, 11, 25, 9, 0)
LATER = datetime(2026, 12, 9, 9, 0)
LOCALES = Path(__file__).parents[3] / "domain" / "locales"


@pytest.mark.parametrize(
    ("pick", "suggestion", "kind", "target"),
    [
        # tense shoulders: the shoulders-and-neck pause
        ("shoulders", "shoulders_pause", "pause", "shoulders"),
        # a tight neck: the same pause
        ("neck", "shoulders_pause", "pause", "shoulders"),
        # high breathing: slow calm breathing
        ("breath", "calm_pause", "pause", "calm"),
        # a hurried feeling: cyclic sighing lets it drop
        ("rushed", "sigh_pause", "pause", "sigh"),
        # often tired: recovery moments in the planner
        ("tired", "recovery", "route", "/plan?add=recovery"),
        # can't switch off: a screens-off time in the rhythm settings
        ("switch_off", "rhythm", "route", "/settings/rhythm"),
        # worrying: a calm breathing minute
        ("worry", "calm_pause", "pause", "calm"),
        # poor focus: short recovery moments during the day
        ("focus", "recovery", "route", "/plan?add=recovery"),
        # irritated sooner: a sighing pause
        ("irritable", "sigh_pause", "pause", "sigh"),
        # sleep that doesn't restore: the rhythm settings
        ("sleep", "rhythm", "route", "/settings/rhythm"),
        # always going on: build recovery moments in
        ("always_on", "recovery", "route", "/plan?add=recovery"),
        # pulling responsibility: boundaries
        ("responsibility", "boundaries", "route", "/plan/boundaries"),
        # hard to say no: saying-no phrases and boundaries
        ("say_no", "boundaries", "route", "/plan/boundaries"),
        # needing to be useful: a new view of rest
        ("useful", "reframe", "reframe", None),
        # guilt when resting: a new view of rest
        ("guilt_rest", "reframe", "reframe", None),
        # tired but can't rest: the rhythm settings
        ("tired_no_rest", "rhythm", "route", "/settings/rhythm"),
    ],
)
def test_each_pick_maps_to_a_suggestion(
    pick: str, suggestion: str, kind: str, target: str | None
) -> None:
    [result] = suggest_for([pick])
    action = result.suggestion.action
    assert (result.suggestion.id, action.kind, result.because) == (suggestion, kind, (pick,))
    assert (action.pause_kind if kind == "pause" else action.route) == target


def test_the_table_above_covers_every_item() -> None:
    assert {item.id for item in ITEMS} == {
        "shoulders", "neck", "breath", "rushed", "tired", "switch_off", "worry", "focus",
        "irritable", "sleep", "always_on", "responsibility", "say_no", "useful", "guilt_rest",
        "tired_no_rest",
    }  # fmt: skip


def test_pause_suggestions_name_kinds_the_pause_screen_knows() -> None:
    kinds = {s.action.pause_kind for s in SUGGESTIONS.values() if s.action.kind == "pause"}
    assert kinds <= set(PAUSE_KINDS)


@pytest.mark.parametrize(
    ("picks", "expected"),
    [
        # nothing picked, nothing suggested
        ([], []),
        # two picks behind one suggestion: it shows once, with both reasons
        (["neck", "shoulders"], [("shoulders_pause", ("shoulders", "neck"))]),
        # suggestions come in a fixed order, whatever the order of picking
        (
            ["guilt_rest", "say_no", "shoulders"],
            [
                ("shoulders_pause", ("shoulders",)),
                ("boundaries", ("say_no",)),
                ("reframe", ("guilt_rest",)),
            ],
        ),
    ],
)
def test_suggestions_are_grouped_and_ordered(picks: list[str], expected: list) -> None:
    assert [(s.suggestion.id, s.because) for s in suggest_for(picks)] == expected


def test_unknown_pick_is_refused() -> None:
    with pytest.raises(SelfCheckError):
        suggest_for(["sunburn"])
    with pytest.raises(SelfCheckError):
        SelfCheckResult.take("a", ["sunburn"], NOW)


def test_groups_cover_body_head_daily_life_and_patterns() -> None:
    assert GROUPS == ("body", "head", "daily", "patterns")
    assert all(items_in(group) for group in GROUPS)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_item_and_suggestion_has_text(lang: str) -> None:
    catalogue = json.loads((LOCALES / lang / "understand.json").read_text(encoding="utf-8"))
    keys = [i.label_key for i in ITEMS] + [s.text_key for s in SUGGESTIONS.values()]
    keys += [f"understand.selfcheck.group.{g}" for g in GROUPS]
    assert [k for k in keys if not catalogue.get(k)] == []


def _result(id: str, picks: list[str], at: datetime = NOW) -> SelfCheckResult:
    return SelfCheckResult.take(id, picks, at)


@pytest.mark.parametrize(
    ("before", "after", "new", "no_longer", "still"),
    [
        # the first time: everything is new
        (None, ["say_no"], ("say_no",), (), ()),
        # one thing went away, one came
        (["shoulders", "say_no"], ["say_no", "sleep"], ("sleep",), ("shoulders",), ("say_no",)),
        # the same picks: nothing changed
        (["worry"], ["worry"], (), (), ("worry",)),
        # nothing picked this time
        (["worry", "tired"], [], (), ("tired", "worry"), ()),
    ],
)
def test_compare_results(
    before: list[str] | None, after: list[str], new: tuple, no_longer: tuple, still: tuple
) -> None:
    previous = _result("a", before) if before is not None else None
    change = compare_results(previous, _result("b", after, LATER))
    assert (change.new, change.no_longer, change.still) == (new, no_longer, still)
    assert change.changed == bool(new or no_longer)


def test_take_keeps_form_order_and_drops_doubles() -> None:
    assert _result("a", ["say_no", "shoulders", "say_no"]).picks == ("shoulders", "say_no")


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        # a normal record
        (
            {"id": "a", "taken_at": "2026-11-25T09:00:00", "picks": ["neck"]},
            SelfCheckResult("a", NOW, ("neck",)),
        ),
        # a pick the self-check no longer asks is dropped, the rest stays
        (
            {"id": "a", "taken_at": "2026-11-25T09:00:00", "picks": ["gone", "neck"]},
            SelfCheckResult("a", NOW, ("neck",)),
        ),
        # an unreadable date: skipped
        ({"id": "a", "taken_at": "soon", "picks": []}, None),
        # picks that are not a list: skipped
        ({"id": "a", "taken_at": "2026-11-25T09:00:00", "picks": "neck"}, None),
    ],
)
def test_result_from_record(record: dict, expected: SelfCheckResult | None) -> None:
    assert SelfCheckResult.from_record(record) == expected


def test_result_round_trips() -> None:
    result = _result("abc", ["tired_no_rest", "neck"])
    assert SelfCheckResult.from_record(result.to_record()) == result


def test_latest_two() -> None:
    first, second, third = _result("1", [], NOW), _result("2", [], LATER), _result("3", [], NOW)
    assert latest_two([]) == (None, None)
    assert latest_two([first]) == (first, None)
    # newest first; on equal times the id decides
    assert latest_two([first, second, third]) == (second, third)


class KeptResults:
    """Keeps taken self-checks in a list, numbered as they come."""

    def __init__(self) -> None:
        self.kept: list[SelfCheckResult] = []

    def add_selfcheck(self, picks: list[str], now: datetime) -> SelfCheckResult:
        result = SelfCheckResult.take(f"r{len(self.kept)}", picks, now)
        self.kept.append(result)
        return result


def test_state_opens_the_form_first_then_the_latest_result() -> None:
    saver = KeptResults()
    state = SelfCheckState(saver)
    state.reopen([])
    assert state.editing and state.picks == set()
    state.toggle("sleep", True)
    state.toggle("neck", True)
    state.toggle("sleep", False)
    first = state.save(NOW)
    assert (first.picks, state.latest, state.previous, state.editing) == (
        ("neck",),
        first,
        None,
        False,
    )
    assert saver.kept == [first]
    # A new visit shows the stored result and starts a retake from its picks.
    state.reopen(saver.kept)
    assert (state.editing, state.picks, state.latest) == (False, {"neck"}, first)


def test_retaking_keeps_the_one_before_to_compare() -> None:
    saver = KeptResults()
    state = SelfCheckState(saver)
    state.reopen([SelfCheckResult.take("old", ["worry"], NOW)])
    state.retake()
    assert state.editing and state.picks == {"worry"}
    state.toggle("focus", True)
    state.toggle_reframe()
    second = state.save(LATER)
    assert state.previous is not None and state.previous.id == "old"
    assert compare_results(state.previous, second).new == ("focus",)
    assert not state.showing_reframe
