"""What the planner screens remember: the verbs on PlanScreen, and what they mean in a session."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from domain.plan.boundaries import new_boundary
from domain.plan.items import new_item
from domain.plan.recurrence import new_rule
from domain.plan.reminders import ReminderChoices
from domain.plan.rhythm import Rhythm
from domain.plan.state import PlannerState
from storage import Store
from storage.planner_repository import PlannerRepository
from storage.reminder_repository import ReminderChoiceRepository
from tests.flet_session import open_app
from views.plan.state import OpenBoundaryForm, OpenForm, PlanScreen

NOW = datetime(2026, 11, 25, 12, 0)  # Wednesday
TODAY = NOW.date()


@pytest.fixture
def planner(tmp_path):
    store = Store.open(tmp_path)
    yield PlannerState(PlannerRepository(store), 6, Rhythm.from_texts("23:00", "07:00", "22:00"))
    store.close()


def test_a_fresh_screen_shows_today_as_a_day_with_nothing_open():
    screen = PlanScreen()
    assert screen.shown_day(TODAY) == TODAY
    assert (screen.mode, screen.form, screen.boundary_form) == ("day", None, None)
    assert (screen.quick_text, screen.offer_between) == ("", False)
    assert screen.choices == ReminderChoices()


def test_turning_days_and_weeks():
    screen = PlanScreen()
    screen.show(mode="week")
    screen.show(day=TODAY + timedelta(days=7))  # the next week: the mode stays
    assert (screen.shown_day(TODAY), screen.mode) == (TODAY + timedelta(days=7), "week")
    screen.open_day(date(2026, 12, 3))  # a day tapped in the week opens as a day
    assert (screen.shown_day(TODAY), screen.mode) == (date(2026, 12, 3), "day")


def test_forms_open_close_and_a_saved_item_shows_its_day():
    screen = PlanScreen()
    screen.open_item_form()
    assert screen.form == OpenForm("item")
    screen.open_item_form("abc")
    assert screen.form == OpenForm("item", "abc")
    screen.open_rule_form()
    assert screen.form == OpenForm("rule")
    screen.close_form()
    assert screen.form is None
    screen.open_item_form()
    screen.item_saved(new_item(title="Yoga", day=date(2026, 11, 30)))
    assert (screen.form, screen.shown_day(TODAY)) == (None, date(2026, 11, 30))
    screen.open_boundary_form("no_work_after", "b1")
    assert screen.boundary_form == OpenBoundaryForm("no_work_after", "b1")
    screen.close_boundary_form()
    assert screen.boundary_form is None


def test_the_quick_line_is_held_until_it_is_added():
    screen = PlanScreen()
    screen.hold_quick_text("vandaag 21:00 mail")
    assert screen.quick_text == "vandaag 21:00 mail"
    screen.quick_added()
    assert screen.quick_text == ""


def test_done_is_stored_and_offers_the_pause_between_two_tasks(planner):
    screen = PlanScreen()
    item = planner.add_item(new_item(title="Rapport", day=TODAY, item_id="r"))
    done = screen.toggle_done(planner, item)
    assert done.done and planner.find("r").done and screen.offer_between
    screen.close_between()
    assert not screen.offer_between
    undone = screen.toggle_done(planner, done)  # undoing a tick offers nothing
    assert not undone.done and not planner.find("r").done and not screen.offer_between


def test_later_snoozes_a_moment_once_and_not_today_lets_it_go(tmp_path):
    m1, m2 = f"r1@{NOW:%Y%m%d}T1030", f"r1@{NOW:%Y%m%d}T1500"
    with Store.open(tmp_path / "data") as store:
        kept = ReminderChoiceRepository(store)
        screen = PlanScreen()
        screen.later(m1, NOW, kept)
        screen.later(m1, NOW + timedelta(minutes=15), kept)  # a second Later changes nothing
        assert screen.choices.snoozed == {m1: NOW + timedelta(minutes=10)}
        assert screen.snoozed(m1) and not screen.snoozed(m2)
        screen.not_today(m2, NOW, kept)
        assert screen.choices.skipped == {m2}
    # both answers hold after a restart
    with Store.open(tmp_path / "data") as store:
        assert ReminderChoiceRepository(store).load() == screen.choices


def test_choices_for_moments_over_a_week_ago_are_let_go(tmp_path):
    old, recent = f"r1@{NOW - timedelta(days=9):%Y%m%d}T1030", f"r1@{NOW:%Y%m%d}T1030"
    with Store.open(tmp_path / "data") as store:
        kept = ReminderChoiceRepository(store)
        screen = PlanScreen()
        screen.not_today(old, NOW - timedelta(days=9), kept)
        screen.not_today(recent, NOW, kept)
        assert kept.load().skipped == {recent}


# --- through a real session


async def plan_app(tmp_path, route: str = "/plan"):
    return await open_app(tmp_path / "data", route=route, now=lambda: NOW)


async def test_the_chosen_day_and_view_outlive_a_visit_elsewhere(tmp_path):
    app = await plan_app(tmp_path)
    await app.click("plan-next")
    await app.click("plan-mode-week")
    await app.go("/settings")
    await app.go("/plan")
    assert app.find("plan-view-title").value == "Week 48"
    await app.click("plan-mode-day")
    assert app.find("plan-view-title").value == "donderdag 26 november"
    await app.click("plan-today")
    assert app.find("plan-view-title").value == "woensdag 25 november"
    app.assert_no_crash()


async def test_the_quick_line_is_kept_when_the_boundary_question_is_declined(tmp_path):
    app = await plan_app(tmp_path)
    PlannerRepository(app.store).save_boundary(
        new_boundary(kind="no_work_after", time_text="20:00")
    )
    await app.go("/plan?x=1")
    await app.type_into("plan-quick", "vandaag 21:00 mail #werk", submit=True)
    [ask] = [d for d in app.page._dialogs.controls if d.key == "plan-confirm-boundary" and d.open]
    await app.click(ask.actions[0])  # "Terug"
    await app.go("/plan?x=2")  # a rebuild finds the line as it was typed
    assert app.find("plan-quick").value == "vandaag 21:00 mail #werk"
    assert PlannerRepository(app.store).items() == []
    app.assert_no_crash()


async def test_later_on_the_planner_keeps_the_nudge_away_on_other_screens(tmp_path):
    app = await plan_app(tmp_path)
    PlannerRepository(app.store).save_rule(
        new_rule(title="Adem", start=date(2026, 11, 1), at_text="11:58", repeat="daily", minutes=5)
    )
    await app.go("/plan?x=1")
    assert app.find("plan-nudge").visible
    await app.click("nudge-later")
    await app.go("/understand")  # the shell's nudge asks the same screen state
    assert not app.find("plan-nudge").visible
    app.assert_no_crash()
