"""Je echte agenda in a real Flet session: import, undo, re-import, sources, advice, deep links.

The browser's side of choosing and uploading files is played by the recording connection, as in
tests/views/settings/test_data.py: it answers `pick_files` with the chosen files' names and sizes,
and `upload` by putting each file's bytes in the upload folder and reporting progress 1.0.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from domain.plan.calendar.events import imported_item_id
from domain.plan.calendar.sources import CalendarSource, source_id_of
from domain.plan.items import new_item
from storage.calendar_repository import CalendarRepository
from storage.planner_repository import PlannerRepository
from tests.flet_session import AppHarness, RecordingConnection, open_app
from views.settings.data import YourData

NOW = datetime(2026, 11, 25, 8, 0)  # Wednesday, before the day's meetings
WED, THU = "2026-11-25", "2026-11-26"


def event(uid: str, title: str, start: str | None, end: str, extra: str = "") -> str:
    begin = f"DTSTART:{start}\r\n" if start else ""
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:{title}\r\n{begin}DTEND:{end}\r\n{extra}"
        "END:VEVENT\r\n"
    )


def calendar(name: str, *events: str) -> bytes:
    head = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//NL\r\nX-WR-CALNAME:{name}\r\n"
    return (head + "".join(events) + "END:VCALENDAR\r\n").encode()


# Floating times: they read the same on any machine's clock.
OVERLEG = event("overleg-1", "Overleg", "20261125T090000", "20261125T130000")
KLANT = event("klant-1", "Klantgesprek", "20261125T140000", "20261125T170000")
NO_START = event("kapot-1", "Zonder begin", None, "20261125T100000")
STANDUP = event(
    "standup-1", "Standup", "20261123T093000", "20261123T094500", "RRULE:FREQ=WEEKLY;BYDAY=MO\r\n"
)
WORK = calendar("Werk", OVERLEG, KLANT, NO_START, STANDUP)
# The same calendar exported again after the user moved Overleg to Thursday in it.
WORK_MOVED = calendar(
    "Werk",
    event("overleg-1", "Overleg", "20261126T090000", "20261126T130000"),
    KLANT,
    NO_START,
    STANDUP,
)
HOME = calendar("Gezin", event("zwem-1", "Zwemles", "20261127T170000", "20261127T180000"))
WORK_ID = source_id_of("werk.ics")


def item_id(uid: str, source: str = WORK_ID) -> str:
    return imported_item_id(source, uid, "")


@pytest.fixture
def browser_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The files the "browser" hands over when the app asks: set `chosen["files"]` to
    [(name, bytes)] (or (name, bytes, claimed size)); `chosen["uploads"]` counts uploads."""
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    monkeypatch.setenv("FLET_UPLOAD_DIR", str(uploads))
    chosen: dict[str, Any] = {"files": [], "uploaded": [], "picks": []}
    original = RecordingConnection._answer

    def answer(self: RecordingConnection, control_id: int, call_id: str, name: str, args: Any):
        assert self.session is not None
        files = [(f[0], f[1], f[2] if len(f) > 2 else len(f[1])) for f in chosen["files"]]
        if name == "pick_files":
            chosen["picks"].append(dict(args))
            found = [{"id": n, "name": f[0], "size": f[2]} for n, f in enumerate(files)]
            self.session.handle_invoke_method_results(control_id, call_id, found, None)
            return
        if name == "upload":
            target = args["files"][0]
            file_name, raw, _ = files[target.id]
            chosen["uploaded"].append(file_name)
            stored = parse_qs(urlsplit(target.upload_url).query)["f"][0]
            (uploads / stored).write_bytes(raw)
            self.session.handle_invoke_method_results(control_id, call_id, None, None)
            event = {"file_name": file_name, "progress": 1.0}
            self.loop.create_task(self.session.dispatch_event(control_id, "upload", event))
            return
        original(self, control_id, call_id, name, args)

    def upload_url(self: RecordingConnection, file_name: str, expires: int) -> str:
        return f"upload?f={file_name}&e=2099-01-01T00:00:00&s=signed"

    monkeypatch.setattr(RecordingConnection, "_answer", answer)
    monkeypatch.setattr(RecordingConnection, "get_upload_url", upload_url, raising=False)
    return chosen


async def plan_app(tmp_path: Path, route: str = "/plan", **kw: Any) -> AppHarness:
    app = await open_app(tmp_path / "data", route=route, now=lambda: NOW, **kw)
    app.assert_no_crash()
    return app


async def settle_long(app: AppHarness) -> None:
    for _ in range(15):
        await app.settle()
        await asyncio.sleep(0.01)


def snack(app: AppHarness, key: str) -> Any:
    found = [d for d in app.page._dialogs.controls if getattr(d, "key", None) == key and d.open]
    assert found, f"no open snack bar {key}"
    return found[-1]


async def import_files(app: AppHarness, browser_files: dict, *files: tuple) -> None:
    browser_files["files"] = list(files)
    await app.click("plan-import")
    await settle_long(app)
    app.assert_no_crash()


def calendars(app: AppHarness) -> CalendarRepository:
    return CalendarRepository(app.store)  # type: ignore[attr-defined]


def work_source(app: AppHarness) -> CalendarSource:
    found = calendars(app).source(WORK_ID)
    assert found is not None
    return found


async def test_import_says_what_came_in_and_undo_takes_it_out(tmp_path, browser_files):
    app = await plan_app(tmp_path)
    assert app.find("plan-import").content == "Agenda importeren"
    await import_files(app, browser_files, ("werk.ics", WORK))
    [pick] = browser_files["picks"]
    assert pick["allow_multiple"] and pick["allowed_extensions"] == ["ics"]
    assert browser_files["uploaded"] == ["werk.ics"]
    done = snack(app, "plan-calendar-done")
    assert done.content.value == "3 afspraken uit Werk; 1 zonder begintijd overgeslagen"
    assert done.action == "Ongedaan maken"
    # The meetings are on today beside the user's own items, and the day is full with them.
    assert app.has(f"plan-imported-{item_id('overleg-1')}")
    assert app.find(f"plan-item-source-{item_id('overleg-1')}").value == (
        "Uit Werk. Wijzigen doe je in je eigen agenda."
    )
    assert app.has(f"plan-full-{WED}")
    assert app.text_shown("7 van 6 uur")
    assert [s.label for s in calendars(app).sources()] == ["Werk"]

    await app.fire(done, "action")
    assert calendars(app).sources() == []
    assert not app.has(f"plan-imported-{item_id('overleg-1')}")
    assert not app.has(f"plan-full-{WED}")
    app.assert_no_crash()


async def test_imported_events_are_read_only(tmp_path, browser_files):
    app = await plan_app(tmp_path)
    PlannerRepository(app.store).save_item(  # type: ignore[attr-defined]
        new_item(title="Boodschappen", day=NOW.date(), minutes=30, kind="could", item_id="own")
    )
    await import_files(app, browser_files, ("werk.ics", WORK))
    overleg = item_id("overleg-1")
    for verb in ("edit", "delete", "done", "defer"):
        assert not app.has(f"plan-{verb}-{overleg}"), verb
        assert app.has(f"plan-{verb}-own"), verb
    # The ways out of the full day never offer to move or drop an imported event in the app.
    ways = [
        str(k)
        for k in (getattr(c, "key", None) for c in app.controls())
        if str(k).startswith("plan-way-")
    ]
    assert ways and all(k.endswith("-own") for k in ways)
    app.assert_no_crash()


async def test_an_events_own_weight_survives_a_reimport(tmp_path, browser_files):
    app = await plan_app(tmp_path)
    await import_files(app, browser_files, ("werk.ics", WORK))
    klant = item_id("klant-1")
    await app.click(f"plan-event-energy-heavy-{klant}")
    assert app.text_shown("8,5 van 6 uur")  # 4 h + 3 h × 1.5
    await import_files(app, browser_files, ("werk.ics", WORK))
    assert len(calendars(app).sources()) == 1  # the same file replaced its source
    assert app.text_shown("8,5 van 6 uur")
    assert app.find(f"plan-event-energy-heavy-{klant}").checked
    await app.click(f"plan-event-reset-{klant}")
    assert app.text_shown("7 van 6 uur")
    app.assert_no_crash()


async def test_a_reimport_replaces_the_source_and_follows_a_move(tmp_path, browser_files):
    app = await plan_app(tmp_path, route=f"/plan?day={WED}")
    await import_files(app, browser_files, ("werk.ics", WORK), ("gezin.ics", HOME))
    assert [s.label for s in calendars(app).sources()] == ["Gezin", "Werk"]
    await import_files(app, browser_files, ("werk.ics", WORK_MOVED))
    assert [s.label for s in calendars(app).sources()] == ["Gezin", "Werk"]
    assert not app.has(f"plan-imported-{item_id('overleg-1')}")
    await app.click("plan-next")
    assert app.page.route == f"/plan?day={THU}"
    assert app.has(f"plan-imported-{item_id('overleg-1')}")
    # Opnieuw importeren on a source replaces that source, whatever the new file is called.
    source = next(s for s in calendars(app).sources() if s.label == "Werk")
    browser_files["files"] = [("werk (1).ics", WORK)]
    await app.click(f"plan-source-reimport-{source.id}")
    await settle_long(app)
    assert browser_files["picks"][-1]["allow_multiple"] is False
    assert [s.label for s in calendars(app).sources()] == ["Gezin", "Werk"]
    assert not app.has(f"plan-imported-{item_id('overleg-1')}")  # back on Wednesday
    app.assert_no_crash()


async def test_a_source_is_listed_weighed_and_removed_with_undo(tmp_path, browser_files):
    app = await plan_app(tmp_path)
    assert app.has("plan-sources")
    await import_files(app, browser_files, ("werk.ics", WORK))
    assert app.find(f"plan-source-{WORK_ID}").value == "Werk"
    assert app.text_shown("3 afspraken · ingelezen op 25 november 2026, 08:00")
    assert app.find(f"plan-source-energy-medium-{WORK_ID}").checked
    await app.click(f"plan-source-energy-light-{WORK_ID}")
    assert work_source(app).energy == "light"
    assert app.text_shown("3,5 van 6 uur")
    assert app.text_shown("Energie van deze afspraken: Licht")
    await app.click(f"plan-source-area-home-{WORK_ID}")
    assert work_source(app).area == "home"
    free = app.find(f"plan-source-free-{WORK_ID}")
    free.value = True
    await app.fire(free, "change", "true")
    assert work_source(app).free_days

    await app.click(f"plan-source-remove-{WORK_ID}")
    assert calendars(app).sources() == []
    assert not app.has(f"plan-imported-{item_id('overleg-1')}")
    await app.fire(snack(app, "plan-calendar-removed"), "action")
    assert work_source(app).energy == "light"
    assert app.has(f"plan-imported-{item_id('overleg-1')}")
    app.assert_no_crash()


async def test_bad_files_are_refused_the_same_calm_way(tmp_path, browser_files):
    app = await plan_app(tmp_path)
    big = ("groot.ics", b"", 21 * 1024 * 1024)
    png = ("foto.ics", b"\x89PNG\r\n\x1a\n" + bytes(64))
    await import_files(app, browser_files, big, png, ("werk.ics", WORK))
    assert browser_files["uploaded"] == ["foto.ics", "werk.ics"]  # the big one never went up
    text = snack(app, "plan-calendar-done").content.value
    assert text.splitlines() == [
        "groot.ics: Het is groter dan 20 MB, meer dan een agenda hoort te zijn. "
        "Er is niets veranderd.",
        "foto.ics: Dit is geen agenda-bestand (.ics). Er is niets veranderd.",
        "3 afspraken uit Werk; 1 zonder begintijd overgeslagen",
    ]
    assert [s.label for s in calendars(app).sources()] == ["Werk"]
    await import_files(app, browser_files, png)
    refused = snack(app, "plan-calendar-done")
    assert refused.action is None
    assert [s.label for s in calendars(app).sources()] == ["Werk"]
    app.assert_no_crash()


async def test_a_full_day_advises_on_real_events_and_keeps_the_answer(tmp_path, browser_files):
    app = await plan_app(tmp_path)
    await import_files(app, browser_files, ("werk.ics", WORK))
    overleg, klant = item_id("overleg-1"), item_id("klant-1")
    assert app.has(f"plan-cal-advice-{overleg}") and app.has(f"plan-cal-advice-{klant}")
    assert app.text_shown(
        "Overleg staat in je agenda. Verplaats het daar naar donderdag 26 november, of zeg af."
    )
    await app.click(f"plan-cal-copy-{overleg}")
    await settle_long(app)
    assert any(name == "set" for name, _ in app.conn.calls)

    await app.click(f"plan-cal-move-{overleg}")
    [kept] = calendars(app).answers()
    assert (kept.answer, str(kept.to_day)) == ("move", THU)
    assert not app.has(f"plan-full-{WED}")  # counted: the forecast has it on Thursday
    assert app.text_shown("3 van 6 uur")
    assert app.has(f"plan-cal-answered-{kept.id}")
    await app.click("plan-next")
    assert app.has(f"plan-imported-{overleg}")
    assert app.text_shown(
        "Je verplaatst dit hierheen; in je agenda staat het nog op woensdag 25 november."
    )

    # Once the calendar itself shows the move, the answer has done its work and goes.
    await import_files(app, browser_files, ("werk.ics", WORK_MOVED))
    assert calendars(app).answers() == []
    assert app.has(f"plan-imported-{overleg}")
    app.assert_no_crash()


async def test_declining_and_keeping_are_counted_and_can_be_taken_back(tmp_path, browser_files):
    app = await plan_app(tmp_path)
    await import_files(app, browser_files, ("werk.ics", WORK))
    overleg, klant = item_id("overleg-1"), item_id("klant-1")
    await app.click(f"plan-cal-decline-{overleg}")
    assert not app.has(f"plan-imported-{overleg}")
    assert app.text_shown("3 van 6 uur")
    await app.fire(snack(app, "plan-calendar-noted"), "action")  # Ongedaan maken
    assert calendars(app).answers() == []
    assert app.has(f"plan-full-{WED}")
    await app.click(f"plan-cal-keep-{klant}")
    assert app.has(f"plan-full-{WED}")  # kept: still full, and no advice on it again
    assert not app.has(f"plan-cal-advice-{klant}") and app.has(f"plan-cal-advice-{overleg}")
    [kept] = calendars(app).answers()
    await app.click(f"plan-cal-unanswer-{kept.id}")
    assert calendars(app).answers() == [] and app.has(f"plan-cal-advice-{klant}")
    app.assert_no_crash()


async def test_the_week_shows_events_on_their_day_with_their_calendar(tmp_path, browser_files):
    app = await plan_app(tmp_path, route="/plan?week=2026-W48")
    assert app.find("plan-view-title").value == "Week 48"
    await import_files(app, browser_files, ("werk.ics", WORK))
    assert app.has(f"plan-week-item-{item_id('overleg-1')}")
    standup = imported_item_id(WORK_ID, "standup-1", "20261123T093000")
    assert app.has(f"plan-week-item-{standup}")
    assert app.text_shown("wo 25: 7 uur")
    app.assert_no_crash()


@pytest.mark.parametrize(
    ("route", "title"),
    [
        ("/plan?day=2026-12-03", "donderdag 3 december"),
        ("/plan?week=2026-W50", "Week 50"),
        ("/plan?week=2027w1", "Week 1"),
        ("/plan?day=2026-13-40", "woensdag 25 november"),
        ("/plan?day=", "woensdag 25 november"),
        ("/plan?day=99999-01-01", "woensdag 25 november"),
        ("/plan?day=1500-01-01", "woensdag 25 november"),
        ("/plan?week=2026-W54", "Week 48"),
        ("/plan?week=%00", "Week 48"),
        ("/plan?day=2026-12-03&day=<script>", "woensdag 25 november"),
    ],
)
async def test_deep_links_open_a_day_or_week_and_bad_ones_open_today(tmp_path, route, title):
    app = await plan_app(tmp_path, route=route)
    assert app.find("plan-view-title").value == title
    app.assert_no_crash()


async def test_turning_days_changes_the_address_and_back_returns(tmp_path):
    app = await plan_app(tmp_path, route="/plan?day=2026-12-03")
    await app.click("plan-next")
    assert app.page.route == "/plan?day=2026-12-04"
    await app.click("plan-mode-week")
    assert app.page.route == "/plan?week=2026-W49"
    await app.click("plan-mode-day")  # the day chosen before stays chosen
    assert app.find("plan-view-title").value == "vrijdag 4 december"
    await app.go("/plan?day=2026-12-03")  # the browser's back button
    assert app.find("plan-view-title").value == "donderdag 3 december"
    await app.go("/plan?week=2026-W49")
    assert app.find("plan-view-title").value == "Week 49"
    app.assert_no_crash()


async def test_your_data_counts_the_calendars(tmp_path, browser_files):
    app = await plan_app(tmp_path)
    await import_files(app, browser_files, ("werk.ics", WORK))
    await app.click(f"plan-event-energy-heavy-{item_id('klant-1')}")
    counts = YourData(app.store).counts()  # type: ignore[attr-defined]
    assert counts["calendar_sources"] == 1 and counts["calendar_choices"] == 1
    await app.go("/settings/data")
    await app.click("data-delete")
    assert app.text_shown("1 ingelezen agenda's")
    assert app.text_shown("1 eigen keuzes bij afspraken uit je agenda")
    app.assert_no_crash()


async def test_english_words(tmp_path, browser_files):
    app = await plan_app(tmp_path, lang="en")
    assert app.find("plan-import").content == "Import calendar"
    assert app.text_shown("Calendars")
    await import_files(app, browser_files, ("werk.ics", WORK))
    assert snack(app, "plan-calendar-done").content.value == (
        "3 events from Werk; 1 without a start time left out"
    )
    app.assert_no_crash()
