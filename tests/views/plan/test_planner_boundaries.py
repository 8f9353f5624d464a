"""The boundaries screen through a real Flet session: templates, edit, delete, saying no."""

from __future__ import annotations

from datetime import datetime

import pytest

from storage.planner_repository import PlannerRepository
from tests.flet_session import open_app

NOW = datetime(2026, 11, 25, 12, 0)


async def boundaries_app(tmp_path, **kw):
    return await open_app(tmp_path / "data", route="/plan/boundaries", now=lambda: NOW, **kw)


def stored(app):
    return PlannerRepository(app.store).boundaries()


async def test_a_template_becomes_a_boundary_with_its_default(tmp_path):
    app = await boundaries_app(tmp_path)
    assert app.text_shown("Nog geen grenzen.")
    await app.click("plan-b-template-no_work_after")
    assert app.find("plan-b-time").value == "20:00"
    await app.click("plan-b-save")
    app.assert_no_crash()
    [boundary] = stored(app)
    assert (boundary.kind, boundary.time.hour) == ("no_work_after", 20)
    assert app.find(f"plan-b-text-{boundary.id}").value == "Geen werk na 20:00"


@pytest.mark.parametrize(
    ("template", "field", "value", "error_key"),
    [
        ("max_heavy_per_day", "plan-b-n", "0", "plan-b-n-error"),  # N = 0
        ("max_evening_appointments", "plan-b-n", "-2", "plan-b-n-error"),  # a negative N
        ("screens_off_after", "plan-b-time", "25:00", "plan-b-time-error"),  # no such time
        ("intention", "plan-b-text", "   ", "plan-b-text-error"),  # an empty intention
    ],
)
async def test_bad_boundary_input_is_named_and_nothing_stored(
    tmp_path, template, field, value, error_key
):
    app = await boundaries_app(tmp_path)
    await app.click(f"plan-b-template-{template}")
    await app.type_into(field, value)
    await app.click("plan-b-save")
    assert app.find(error_key).visible
    assert stored(app) == []
    app.assert_no_crash()


async def test_edit_toggle_and_delete(tmp_path):
    app = await boundaries_app(tmp_path)
    await app.click("plan-b-template-max_heavy_per_day")
    await app.click("plan-b-save")
    [boundary] = stored(app)
    await app.click(f"plan-b-edit-{boundary.id}")
    await app.type_into("plan-b-n", "3")
    await app.click("plan-b-save")
    assert [(b.id, b.n) for b in stored(app)] == [(boundary.id, 3)]
    await app.click(f"plan-b-active-{boundary.id}")
    assert [b.active for b in stored(app)] == [False]
    await app.click(f"plan-b-delete-{boundary.id}")
    assert stored(app) == []
    app.assert_no_crash()


async def test_an_intention_in_own_words(tmp_path):
    app = await boundaries_app(tmp_path)
    await app.click("plan-b-template-intention")
    await app.type_into("plan-b-text", "Eerst ademen, dan antwoorden")
    await app.click("plan-b-save")
    [boundary] = stored(app)
    assert boundary.text == "Eerst ademen, dan antwoorden"
    assert app.text_shown("Eigen voornemens")


async def test_saying_no_phrases_are_copied_to_the_clipboard(tmp_path):
    app = await boundaries_app(tmp_path)
    phrase = app.find("plan-no-text-3").value
    assert phrase.startswith("Ik houd deze avond vrij")
    button = app.find("plan-no-copy-3")
    assert button.content == "Kopieer zin 3"
    await app.click(button)
    app.assert_no_crash()
    assert ("set", {"data": phrase}) in app.conn.calls


async def test_english_boundaries_screen(tmp_path):
    app = await boundaries_app(tmp_path, lang="en")
    assert app.find("plan-b-template-no_work_after").content.value == "No work after a time"
    assert app.find("plan-no-copy-1").content == "Copy line 1"
