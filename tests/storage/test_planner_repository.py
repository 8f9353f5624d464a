"""The planner repository on a real store, and the planner's verbs persisting through it."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from domain.plan.boundaries import new_boundary
from domain.plan.items import new_item
from domain.plan.recurrence import new_rule
from domain.plan.rhythm import Rhythm
from domain.plan.state import NeedsConfirm, PlannerState
from storage import Store
from storage.planner_repository import PlannerRepository

MON = date(2026, 11, 23)


def test_everything_survives_closing_and_reopening(data_dir):
    item = new_item(title="Tandarts 🦷", day=MON, start="14:00", minutes=45, area="home")
    boundary = new_boundary(kind="no_work_after", time_text="20:00")
    intention = new_boundary(kind="intention", text="Eerst ademen")
    rule = new_rule(title="Adem", start=MON, at_text="10:30", repeat="weekdays")
    with Store.open(data_dir) as store:
        repo = PlannerRepository(store)
        repo.save_item(item)
        repo.save_boundary(boundary)
        repo.save_boundary(intention)
        repo.save_rule(rule)
    with Store.open(data_dir) as store:
        repo = PlannerRepository(store)
        assert repo.items() == [item]
        assert sorted(repo.boundaries(), key=lambda b: b.kind) == [intention, boundary]
        assert repo.rules() == [rule]
        assert repo.get_item(item.id) == item


def test_delete_and_replace(store):
    repo = PlannerRepository(store)
    item = new_item(title="Was", day=MON, minutes=30)
    repo.save_item(item)
    repo.save_item(new_item(title="Was ophangen", day=MON, minutes=30, item_id=item.id))
    assert [i.title for i in repo.items()] == ["Was ophangen"]
    assert repo.delete_item(item.id) is True
    assert repo.delete_item(item.id) is False
    assert repo.items() == []


def test_a_damaged_record_is_skipped_not_fatal(store):
    store.collection("agenda_items").put({"id": "bad", "title": "", "date": "9999-01-01"})
    store.collection("boundaries").put({"id": "bad", "kind": "max_heavy_per_day", "n": 0})
    store.collection("recovery_rules").put({"id": "bad", "rrule": "nonsense", "minutes": 5})
    repo = PlannerRepository(store)
    repo.save_item(new_item(title="Goed", day=MON, minutes=30))
    assert [i.title for i in repo.items()] == ["Goed"]
    assert repo.boundaries() == []
    assert repo.rules() == []


def state_on(store) -> PlannerState:
    return PlannerState(PlannerRepository(store), 6, Rhythm())


def test_not_today_moves_a_could_item_to_the_lightest_day_and_persists(data_dir):
    with Store.open(data_dir) as store:
        state = state_on(store)
        state.add_item(new_item(title="Werk", day=MON, minutes=300, kind="must"))
        could = state.add_item(new_item(title="Opruimen", day=MON, minutes=120, kind="could"))
        state.add_item(new_item(title="Dinsdag", day=MON + timedelta(days=1), minutes=60))
        assert state.plan_day(MON).over
        target = state.defer_item(could.id)
        assert target == MON + timedelta(days=2)
        assert not state.plan_day(MON).over
    with Store.open(data_dir) as store:
        moved = state_on(store).find(could.id)
        assert moved is not None and moved.day == MON + timedelta(days=2)


def test_must_items_ask_before_they_move(store):
    state = state_on(store)
    must = state.add_item(new_item(title="Huisarts", day=MON, minutes=30, kind="must"))
    with pytest.raises(NeedsConfirm):
        state.defer_item(must.id)
    assert state.find(must.id).day == MON
    assert state.defer_item(must.id, confirmed=True) == MON + timedelta(days=1)


def test_delete_and_undo(store):
    state = state_on(store)
    item = state.add_item(new_item(title="Bellen", day=MON, minutes=15))
    removed = state.delete_item(item.id)
    assert state.find(item.id) is None
    state.restore_item(removed)
    assert state.find(item.id) == item


def test_ways_out_are_applied(store):
    state = state_on(store)
    state.add_item(new_item(title="Werk", day=MON, minutes=330, kind="must"))
    state.add_item(new_item(title="Klusje", day=MON, minutes=60, kind="could"))
    plan = state.plan_day(MON)
    shorten = next(w for w in plan.ways_out if w.action == "shorten")
    state.apply_way_out(shorten)
    after = state.plan_day(MON)
    assert not after.over and after.ways_out == []
    assert [i.minutes for i in after.items if i.title == "Klusje"] == [30]


def test_taking_a_recovery_moment_is_remembered(data_dir):
    with Store.open(data_dir) as store:
        state = state_on(store)
        state.add_rule(
            new_rule(title="Adem", start=MON, at_text="10:30", repeat="daily", minutes=5)
        )
        moment = state.due_moment(datetime(2026, 11, 24, 10, 31))
        assert moment is not None
        state.set_done(moment)
        assert state.due_moment(datetime(2026, 11, 24, 10, 32)) is None
    with Store.open(data_dir) as store:
        day = state_on(store).plan_day(date(2026, 11, 24))
        moments = [i for i in day.items if i.kind == "recovery"]
        assert [(m.done, m.start.hour) for m in moments] == [(True, 10)]


def test_boundary_warning_before_adding(store):
    state = state_on(store)
    state.add_boundary(new_boundary(kind="no_work_after", time_text="20:00"))
    late = new_item(title="Mail", day=MON, start="21:00", minutes=30, area="work")
    assert [v.kind for v in state.warnings_for(late)] == ["no_work_after"]
    state.add_item(late)
    plan = state.plan_day(MON)
    assert [v.kind for v in plan.violations_of(late.id)] == ["no_work_after"]


def test_items_between_reads_only_those_days(store):
    repo = PlannerRepository(store)
    for offset in range(-3, 20):
        repo.save_item(new_item(title=f"d{offset}", day=MON + timedelta(days=offset), minutes=30))
    found = repo.items_between(MON, MON + timedelta(days=6))
    assert sorted(i.title for i in found) == sorted(f"d{n}" for n in range(7))


def test_the_state_reads_a_window_and_widens_it_when_asked(store):
    repo = PlannerRepository(store)
    repo.save_item(new_item(title="Nu", day=MON, minutes=30))
    later = new_item(title="Later", day=MON + timedelta(days=60), minutes=30, kind="could")
    repo.save_item(later)
    state = PlannerState(repo, 6, Rhythm(), around=MON)
    assert state.window == (MON, MON + timedelta(days=13))  # the week and the seven days after
    assert [i.title for i in state.plan_day(MON).items] == ["Nu"]
    # an item far outside the window still moves to the lightest day after its own day
    assert state.defer_item(later.id) == later.day + timedelta(days=1)
    assert [i.title for i in state.plan_day(later.day + timedelta(days=1)).items] == ["Later"]


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        # a week inside one month
        (date(2026, 11, 23), date(2026, 11, 29), ["nov 25"]),
        # a week across the turn of the year reads both months, and only the days asked for
        (date(2026, 12, 28), date(2027, 1, 3), ["dec 31", "jan 1"]),
        # a span over three months includes the one in the middle
        (date(2026, 11, 30), date(2027, 1, 1), ["nov 30", "dec 31", "jan 1"]),
    ],
)
def test_items_between_reads_just_the_span(store, first, last, expected):
    repo = PlannerRepository(store)
    for title, day in [
        ("nov 25", date(2026, 11, 25)),
        ("nov 30", date(2026, 11, 30)),
        ("dec 31", date(2026, 12, 31)),
        ("jan 1", date(2027, 1, 1)),
        ("jan 4", date(2027, 1, 4)),
    ]:
        repo.save_item(new_item(title=title, day=day))
    found = sorted(repo.items_between(first, last), key=lambda i: i.day)
    assert [i.title for i in found] == expected
