"""The Plannen screen through a real Flet session: add, quick add, full days, Niet vandaag, undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from domain.plan.boundaries import new_boundary
from domain.plan.items import new_item
from domain.plan.recurrence import new_rule
from storage.planner_repository import PlannerRepository
from tests.flet_session import open_app

NOW = datetime(2026, 11, 25, 12, 0)  # Wednesday
TODAY = NOW.date()


def clock() -> datetime:
    return NOW


async def plan_app(tmp_path, route: str = "/plan", **kw):
    return await open_app(tmp_path / "data", route=route, now=clock, **kw)


def repo(app) -> PlannerRepository:
    return PlannerRepository(app.store)


def dialog(app, key: str):
    found = [d for d in app.page._dialogs.controls if getattr(d, "key", None) == key and d.open]
    assert found, f"no open dialog {key}"
    return found[-1]


async def test_opens_on_today_with_an_empty_load_and_the_named_controls(tmp_path):
    app = await plan_app(tmp_path)
    assert app.find("plan-quick").label == "Snel toevoegen"
    assert app.find("plan-add").content == "Toevoegen"
    assert app.find("plan-view-title").value == "woensdag 25 november"
    assert app.find(f"plan-load-{TODAY}").value == 0
    assert app.text_shown("0 van 6 uur")
    app.assert_no_crash()


async def test_quick_add_stores_the_item_where_the_text_says(tmp_path):
    app = await plan_app(tmp_path)
    await app.type_into("plan-quick", "morgen 14:00 tandarts 45m #thuis", submit=True)
    app.assert_no_crash()
    [item] = repo(app).items()
    assert (item.title, item.day, item.start.hour, item.minutes, item.area) == (
        "tandarts", TODAY + timedelta(days=1), 14, 45, "home",
    )  # fmt: skip
    assert app.text_shown("tandarts staat erin, op donderdag 26 november.")


async def test_quick_add_that_cannot_be_read_says_so_and_stores_nothing(tmp_path):
    app = await plan_app(tmp_path)
    await app.type_into("plan-quick", "morgen 45m", submit=True)
    error = app.find("plan-quick-error")
    assert error.visible and "Er staat nog niet in wat het is" in error.value
    assert repo(app).items() == []
    app.assert_no_crash()


async def test_full_day_shows_ways_out_and_niet_vandaag_moves_to_the_lightest_day(tmp_path):
    app = await plan_app(tmp_path)
    r = repo(app)
    r.save_item(new_item(title="Werk", day=TODAY, minutes=300, kind="must", item_id="must1"))
    r.save_item(new_item(title="Opruimen", day=TODAY, minutes=120, kind="could", item_id="could1"))
    r.save_item(new_item(title="Donderdag", day=TODAY + timedelta(days=1), minutes=60))
    await app.go("/plan?x=1")
    assert app.has(f"plan-full-{TODAY}")
    assert app.text_shown("Je dag zit vol")
    assert app.has("plan-way-move-could1") and app.has("plan-way-drop-could1")
    button = app.find("plan-defer-could1")
    assert button.content.value == "Niet vandaag: Opruimen"
    await app.click(button)
    app.assert_no_crash()
    assert r.get_item("could1").day == TODAY + timedelta(days=2)  # Friday is empty, Thursday not
    assert not app.has(f"plan-full-{TODAY}")
    assert app.text_shown("Opruimen staat nu op vrijdag 27 november.")


async def test_a_must_item_asks_before_it_moves(tmp_path):
    app = await plan_app(tmp_path)
    repo(app).save_item(new_item(title="Huisarts", day=TODAY, minutes=30, kind="must", item_id="m"))
    await app.go("/plan?x=1")
    await app.click("plan-defer-m")
    assert repo(app).get_item("m").day == TODAY  # nothing moved yet
    ask = dialog(app, "plan-confirm-defer")
    await app.click(ask.actions[1])
    assert repo(app).get_item("m").day == TODAY + timedelta(days=1)
    app.assert_no_crash()


@pytest.mark.parametrize(
    ("field", "value", "error_key", "message"),
    [
        (
            "plan-form-title",
            "   ",
            "plan-form-title-error",
            "Geef het een korte naam.",
        ),  # blank title
        (
            "plan-form-time",
            "25:00",
            "plan-form-start-error",
            "Vul een tijd in zoals 14:30",
        ),  # no such time
        (
            "plan-form-minutes",
            "0",
            "plan-form-minutes-error",
            "Kies een duur van 5 minuten",
        ),  # no length
        (
            "plan-form-date",
            "31-02-2026",
            "plan-form-day-error",
            "Vul een bestaande datum in",
        ),  # no such day
        (
            "plan-form-date",
            "01-01-9999",
            "plan-form-day-error",
            "Vul een bestaande datum in",
        ),  # far future
    ],
)
async def test_add_form_says_what_is_wrong_next_to_the_field(
    tmp_path, field, value, error_key, message
):
    app = await plan_app(tmp_path)
    await app.click("plan-add")
    await app.type_into("plan-form-title", "Boodschappen")
    await app.type_into(field, value)
    await app.click("plan-form-save")
    error = app.find(error_key)
    assert error.visible and message in error.value
    assert repo(app).items() == []
    app.assert_no_crash()


async def test_add_form_stores_a_checked_item(tmp_path):
    app = await plan_app(tmp_path)
    await app.click("plan-add")
    await app.type_into("plan-form-title", "Yoga")
    await app.type_into("plan-form-time", "18:30")
    await app.type_into("plan-form-minutes", "60")
    app.find("plan-form-energy").value = "light"
    await app.click("plan-form-save")
    app.assert_no_crash()
    [item] = repo(app).items()
    assert (item.title, item.start.hour, item.minutes, item.energy) == ("Yoga", 18, 60, "light")
    assert not app.has("plan-form-save")  # the form closes after saving


async def test_crossing_a_boundary_asks_first_and_then_shows_on_the_item(tmp_path):
    app = await plan_app(tmp_path)
    repo(app).save_boundary(new_boundary(kind="no_work_after", time_text="20:00"))
    await app.go("/plan?x=1")
    await app.type_into("plan-quick", "vandaag 21:00 mail #werk", submit=True)
    ask = dialog(app, "plan-confirm-boundary")
    assert repo(app).items() == []  # warned, not yet stored
    await app.click(ask.actions[1])  # "Toch toevoegen": a boundary never forbids
    [item] = repo(app).items()
    assert app.has(f"plan-item-warning-{item.id}")
    assert app.text_shown("Werk na 20:00, later dan je grens.")
    app.assert_no_crash()


async def test_delete_can_be_undone(tmp_path):
    app = await plan_app(tmp_path)
    repo(app).save_item(new_item(title="Bellen", day=TODAY, minutes=15, item_id="b"))
    await app.go("/plan?x=1")
    await app.click("plan-delete-b")
    assert repo(app).items() == []
    snack = dialog(app, "plan-undo")
    assert snack.action == "Ongedaan maken"
    await app.fire(snack, "action")
    assert [i.id for i in repo(app).items()] == ["b"]
    app.assert_no_crash()


async def test_marking_done_offers_the_pause_between_two_tasks(tmp_path):
    app = await plan_app(tmp_path)
    repo(app).save_item(new_item(title="Rapport", day=TODAY, minutes=60, item_id="r"))
    await app.go("/plan?x=1")
    await app.click("plan-done-r")
    assert repo(app).get_item("r").done
    assert app.has("plan-between")
    await app.click("plan-between-pause")
    assert app.page.route == "/pause/run"
    app.assert_no_crash()


async def test_add_recovery_route_opens_the_form_and_a_moment_starts_a_pause(tmp_path):
    app = await plan_app(tmp_path, route="/plan?add=recovery")
    assert app.has("plan-rule-save")
    await app.type_into("plan-rule-time", "15:00")
    await app.click("plan-rule-save")
    app.assert_no_crash()
    [rule] = repo(app).rules()
    assert rule.rule.endswith("BYDAY=MO,TU,WE,TH,FR") and rule.at.hour == 15
    moment_key = f"plan-moment-{rule.id}@{TODAY:%Y%m%d}T1500"
    assert app.has(moment_key)
    await app.click(moment_key)
    assert app.page.route == "/pause/run"
    assert [i.done for i in repo(app).items()] == [True]  # the moment is remembered as taken


async def test_a_bad_recovery_time_is_named_next_to_the_field(tmp_path):
    app = await plan_app(tmp_path, route="/plan?add=recovery")
    await app.type_into("plan-rule-time", "25:00")
    await app.click("plan-rule-save")
    assert app.find("plan-rule-time-error").visible
    assert repo(app).rules() == []


async def test_a_due_moment_shows_a_quiet_nudge_that_can_wait(tmp_path):
    app = await plan_app(tmp_path)
    repo(app).save_rule(
        new_rule(
            title="Schouders los",
            start=date(2026, 11, 1),
            at_text="11:58",
            repeat="daily",
            minutes=5,
        )
    )
    await app.go("/plan?x=1")
    nudge = app.find("plan-nudge")
    assert nudge.visible
    assert app.find("plan-nudge-text").value == "Tijd voor Schouders los. Even ademhalen?"
    assert app.find("plan-nudge-pause").content == "Pauze nu"
    await app.click("nudge-later")
    assert not app.find("plan-nudge").visible
    app.assert_no_crash()


async def test_week_view_draws_bars_and_opens_a_day(tmp_path):
    app = await plan_app(tmp_path)
    repo(app).save_item(
        new_item(title="Zwaar", day=date(2026, 11, 27), minutes=480, energy="heavy")
    )
    await app.go("/plan?x=1")
    await app.click("plan-mode-week")
    assert app.has("plan-week-bars")
    days = [f"plan-week-day-{date(2026, 11, 23) + timedelta(days=i)}" for i in range(7)]
    assert all(app.has(k) for k in days)  # Monday first, seven days
    assert app.text_shown("vr 27: 12 uur")
    await app.click("plan-week-day-2026-11-27")
    assert app.find("plan-view-title").value == "vrijdag 27 november"
    assert app.has("plan-full-2026-11-27")
    app.assert_no_crash()


async def test_export_saves_an_ics_file(tmp_path):
    app = await plan_app(tmp_path)
    repo(app).save_item(new_item(title="Tandarts", day=TODAY, start="14:00", minutes=45))
    await app.go("/plan?x=1")
    await app.click("plan-export")
    app.assert_no_crash()
    [args] = [args for name, args in app.conn.calls if name == "save_file"]
    assert args["file_name"] == "adempauze-agenda.ics"
    events = Calendar.from_ical(args["src_bytes"]).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Tandarts"]


async def test_english_names(tmp_path):
    app = await plan_app(tmp_path, lang="en")
    repo(app).save_item(new_item(title="Tidy up", day=TODAY, minutes=30, kind="could", item_id="t"))
    await app.go("/plan?x=1")
    assert app.find("plan-quick").label == "Quick add"
    assert app.find("plan-add").content == "Add"
    assert app.find("plan-defer-t").content.value == "Not today: Tidy up"
    app.assert_no_crash()


async def test_a_moment_that_comes_due_while_the_screen_is_open_shows_the_nudge(
    tmp_path, monkeypatch
):
    import asyncio

    import views.plan.nudge

    monkeypatch.setattr(views.plan.nudge, "NUDGE_CHECK_SECONDS", 0.01)
    now = [datetime(2026, 11, 25, 11, 50)]
    app = await open_app(tmp_path / "data", route="/plan", now=lambda: now[0])
    repo(app).save_rule(
        new_rule(title="Adem", start=date(2026, 11, 1), at_text="11:58", repeat="daily", minutes=5)
    )
    await app.go("/plan?x=1")
    assert not app.find("plan-nudge").visible  # not due yet
    sent = len(app.conn.messages)
    now[0] = datetime(2026, 11, 25, 11, 58, 30)
    await asyncio.sleep(0.1)  # the screen's own watcher looks again
    assert app.find("plan-nudge").visible
    assert len(app.conn.messages) > sent  # and the change went out to the client
    await app.click("plan-nudge-pause")
    assert app.page.route == "/pause/run"
    assert [i.done for i in repo(app).items()] == [True]
    app.assert_no_crash()


async def test_edit_changes_the_stored_item(tmp_path):
    app = await plan_app(tmp_path)
    repo(app).save_item(new_item(title="Lezen", day=TODAY, minutes=30, item_id="l"))
    await app.go("/plan?x=1")
    await app.click("plan-edit-l")
    assert app.find("plan-form-title").value == "Lezen"
    assert app.find("plan-form-date").value == "25-11-2026"
    await app.type_into("plan-form-title", "Lezen op de bank")
    await app.type_into("plan-form-minutes", "45")
    await app.click("plan-form-save")
    [item] = repo(app).items()
    assert (item.id, item.title, item.minutes) == ("l", "Lezen op de bank", 45)
    app.assert_no_crash()


async def test_date_and_time_pickers_fill_the_fields(tmp_path):
    app = await plan_app(tmp_path)
    await app.click("plan-add")
    await app.click("plan-form-pick-date")
    picker = dialog(app, "plan-date-picker")
    picker.value = datetime(2026, 12, 3)
    await app.fire(picker, "change")
    assert app.find("plan-form-date").value == "03-12-2026"
    await app.click("plan-form-pick-time")
    clock_picker = dialog(app, "plan-time-picker")
    clock_picker.value = datetime(2026, 1, 1, 16, 45).time()
    await app.fire(clock_picker, "change")
    assert app.find("plan-form-time").value == "16:45"
    app.assert_no_crash()
