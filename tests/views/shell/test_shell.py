"""The shell through a real Flet session: where it opens, navigation, language and deep links."""

from __future__ import annotations

import pytest

from tests.flet_session import open_app
from views.shell.navigation import SECTIONS, parent_route, section_index
from views.shell.routes import ROUTES, builder_for


async def test_opens_on_pause_with_the_one_tap_button(tmp_path):
    app = await open_app(tmp_path)
    assert app.page.route == "/"
    assert app.find("pause-now").content == "Pauze nu"
    app.assert_no_crash()


@pytest.mark.parametrize(
    ("key", "route", "floating_pause"),
    [
        ("nav-understand", "/understand", True),  # reading carries the floating pause
        ("nav-plan", "/plan", True),  # planning too
        ("nav-settings", "/settings", False),
        ("nav-pause", "/", False),  # the home screen has its own big button instead
    ],
)
async def test_navigation_bar_reaches_each_destination(tmp_path, key, route, floating_pause):
    app = await open_app(tmp_path, route="/plan" if route == "/" else "/")
    keys = [d.key for d in app.page.navigation_bar.destinations]
    index = keys.index(key)
    app.page.navigation_bar.selected_index = index
    await app.fire(app.page.navigation_bar, "change", str(index))
    assert app.page.route == route
    assert (app.page.floating_action_button is not None) == floating_pause
    # One tap from a pause wherever the user rests, reads or plans.
    assert app.has("pause-now") == (route != "/settings")
    app.assert_no_crash()


async def test_deep_link_opens_that_screen(tmp_path):
    app = await open_app(tmp_path, route="/plan")
    assert app.page.navigation_bar.selected_index == 2
    assert app.page.floating_action_button.key == "pause-now"


async def test_unknown_route_falls_back_to_pause(tmp_path):
    app = await open_app(tmp_path, route="/no/such/screen")
    assert app.find("pause-now")
    app.assert_no_crash()


@pytest.mark.parametrize(
    ("lang", "device", "expected"),
    [
        (None, ("en-US",), "Pause now"),  # the device language when it is English
        (None, ("de-DE",), "Pauze nu"),  # otherwise Dutch
        ("en", ("nl-NL",), "Pause now"),  # the --lang flag wins over the device
    ],
)
async def test_language_follows_flag_then_device(tmp_path, lang, device, expected):
    app = await open_app(tmp_path, lang=lang, device_languages=device)
    assert app.find("pause-now").content == expected


async def test_saved_language_wins_over_the_device(tmp_path):
    from storage import Store
    from storage.settings_repository import SettingsRepository

    store = Store.open(tmp_path)
    repo = SettingsRepository(store)
    repo.save(repo.load().with_changes(language="en"))
    app = await open_app(store=store, device_languages=("nl-NL",))
    assert app.find("pause-now").content == "Pause now"
    store.close()


async def test_access_token_is_required_when_set(tmp_path):
    from storage import Store
    from views.shell.entry import create_app  # noqa: F401  (the harness calls it)

    store = Store.open(tmp_path)
    from tests import flet_session

    denied = await flet_session.open_app(store=store, route="/", access_token="s3cret")
    assert not denied.has("pause-now")
    assert denied.text_shown("Geen toegang")
    allowed = await flet_session.open_app(
        store=store, route="/?token=s3cret", access_token="s3cret"
    )
    assert allowed.has("pause-now")
    store.close()


async def test_a_due_recovery_moment_is_nudged_on_other_screens_too(tmp_path):
    from datetime import date, datetime

    from domain.plan.recurrence import new_rule
    from storage import Store
    from storage.planner_repository import PlannerRepository

    store = Store.open(tmp_path)
    PlannerRepository(store).save_rule(
        new_rule(
            title="Schouders los",
            start=date(2026, 11, 1),
            at_text="11:58",
            repeat="daily",
            minutes=5,
        )
    )
    app = await open_app(
        store=store, route="/understand", now=lambda: datetime(2026, 11, 25, 12, 0)
    )
    assert app.find("plan-nudge").visible
    assert app.find("plan-nudge-text").value == "Tijd voor Schouders los. Even ademhalen?"
    await app.click("plan-nudge-pause")
    assert app.page.route == "/pause/run"  # one tap from the nudge to the pause
    app.assert_no_crash()
    await app.close()
    store.close()


@pytest.mark.parametrize("path", list(ROUTES))
def test_every_route_names_a_builder_that_exists(path):
    builder = builder_for(path)
    assert callable(builder), ROUTES[path]
    module_name, _, function = ROUTES[path].partition(":")
    assert builder.__module__ == module_name and builder.__name__ == function


@pytest.mark.parametrize(
    ("path", "section", "back"),
    [
        ("/", "nav-pause", None),
        ("/pause/run", "nav-pause", "/"),
        ("/understand/selfcheck", "nav-understand", "/understand"),
        ("/plan/boundaries", "nav-plan", "/plan"),
        ("/settings/rhythm", "nav-settings", "/settings"),
        ("/about", "nav-settings", "/settings"),  # reached from Instellingen: its feature's section
        ("/no/such/screen", "nav-pause", "/"),  # the shell shows Pauze instead
    ],
)
def test_each_screen_belongs_to_the_section_of_its_feature(path, section, back):
    assert SECTIONS[section_index(path)].key == section
    assert parent_route(path) == back


async def test_about_is_shown_under_settings_and_back_returns_there(tmp_path):
    app = await open_app(tmp_path, route="/about")
    keys = [d.key for d in app.page.navigation_bar.destinations]
    assert keys[app.page.navigation_bar.selected_index] == "nav-settings"
    await app.click("app-back")
    assert app.page.route == "/settings"
    app.assert_no_crash()
