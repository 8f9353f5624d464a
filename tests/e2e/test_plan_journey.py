"""Plannen in Chromium: fill a day past capacity, move what can wait, keep a boundary, restart;
bring in the user's own calendar, weigh it, carry out the advice in it, import it again."""

from __future__ import annotations

import re
from datetime import date, timedelta

from babel.dates import format_date
from playwright.sync_api import expect

from domain.plan.items import new_item
from domain.plan.recurrence import new_rule
from domain.plan.times import monday_of
from storage import Store
from storage.planner_repository import PlannerRepository
from tests.e2e.browser import free_port, open_page, screenshot, type_text
from views.shell.clock import SPEED, START_AT

WIDTH, HEIGHT = 360, 2600  # a phone's width; tall, so the whole day is on screen at once


def day_words(day: date) -> str:
    return format_date(day, "EEEE d MMMM", locale="nl")


def quick_add(page, text: str) -> None:
    field = page.get_by_role("textbox", name="Snel toevoegen")
    expect(field).to_be_visible(timeout=30_000)
    type_text(page, field, text, submit=True)


def shown(page, text: str):
    """Text on screen, as its own node or inside a merged accessible name (a snack bar, a card).

    Flutter may merge neighbouring texts into one node, and whether a snack bar's text is its
    own node or only the group's name depends on when its semantics are drawn.
    """
    pattern = re.compile(re.escape(text))
    return page.get_by_text(pattern).or_(page.get_by_label(pattern)).first


def item(page, title: str, *, containing: str = ""):
    """An agenda item's card: screen readers hear its title first, then its details."""
    pattern = rf"^{re.escape(title)} .*{re.escape(containing)}"
    return page.get_by_role("group", name=re.compile(pattern)).first


def small_targets(page) -> list[tuple[str, float, float]]:
    """Buttons and fields smaller than a 48 px thumb, as (name, width, height)."""
    small = []
    for role in ("button", "textbox", "tab"):
        for element in page.get_by_role(role).all():
            box = element.bounding_box()
            if box and (box["height"] < 48 or box["width"] < 48):
                name = element.get_attribute("aria-label") or element.inner_text()
                small.append((name, box["width"], box["height"]))
    return small


def test_full_day_not_today_boundary_and_restart(browser, app):
    today = date.today()
    tomorrow = today + timedelta(days=1)
    with open_page(browser, app.url + "/plan", width=WIDTH, height=HEIGHT) as (page, outside):
        expect(page.get_by_role("button", name="Toevoegen", exact=True)).to_be_visible(
            timeout=30_000
        )

        # Fill today until it holds more than the six hours of capacity.
        quick_add(page, "vandaag werkblok 3u #moet")
        expect(item(page, "werkblok")).to_be_visible()
        quick_add(page, "vandaag opruimen 2u #kan")
        expect(item(page, "opruimen")).to_be_visible()
        expect(page.get_by_text("Je dag zit vol")).to_have_count(0)
        quick_add(page, "vandaag strijken 2u #kan")
        expect(item(page, "strijken")).to_be_visible()
        expect(shown(page, "Je dag zit vol")).to_be_visible()
        screenshot(page, "plan-full-day")
        assert small_targets(page) == []

        # One tap: "opruimen" goes to the lightest of the next seven days (all empty: tomorrow).
        page.get_by_role("button", name="Niet vandaag: opruimen").click()
        expect(shown(page, f"opruimen staat nu op {day_words(tomorrow)}.")).to_be_visible()
        expect(page.get_by_text("Je dag zit vol")).to_have_count(0)
        page.get_by_role("button", name="Volgende dag").click()
        expect(shown(page, day_words(tomorrow))).to_be_visible()
        expect(item(page, "opruimen")).to_be_visible()
        page.get_by_role("button", name="Vandaag", exact=True).click()
        expect(shown(page, day_words(today))).to_be_visible()

        # A boundary from a template: no work after 20:00.
        page.get_by_role("button", name="Grenzen en nee zeggen").click()
        page.get_by_role("button", name="Geen werk na een tijd").click()
        expect(
            page.get_by_role("textbox", name=re.compile("Tijd"))
        ).to_be_visible()  # prefilled: 20:00
        page.get_by_role("button", name="Grens opslaan").click()
        expect(page.get_by_role("button", name="Wijzig: Geen werk na 20:00")).to_be_visible()
        assert small_targets(page) == []
        page.get_by_role("tab", name="Plannen", exact=True).click()

        # Work at 21:00 asks first (a boundary warns, it never forbids), then shows the warning.
        quick_add(page, "vandaag 21:00 mail #werk")
        expect(page.get_by_text("Dit gaat over een grens")).to_be_visible()
        page.get_by_role("button", name="Toch toevoegen").click()
        expect(item(page, "mail", containing="Werk na 20:00, later dan je grens.")).to_be_visible()
        screenshot(page, "plan-boundary-warning")
        assert outside.unexpected() == [], outside.unexpected()

    # Restart on a fresh port: everything is still there.
    app.stop()
    app.port = free_port()
    app.start()
    with open_page(browser, app.url + "/plan", width=WIDTH, height=HEIGHT) as (page, _):
        for title in ("werkblok", "strijken", "mail"):
            expect(item(page, title)).to_be_visible(timeout=30_000)
        expect(item(page, "mail", containing="Werk na 20:00, later dan je grens.")).to_be_visible()
        page.get_by_role("button", name="Volgende dag").click()
        expect(item(page, "opruimen")).to_be_visible()
        page.get_by_role("button", name="Grenzen en nee zeggen").click()
        expect(page.get_by_role("button", name="Wijzig: Geen werk na 20:00")).to_be_visible()
        expect(page).to_have_url(re.compile(r"/plan/boundaries$"))


WEDNESDAY = date(2026, 12, 2)


def test_a_recovery_moment_is_nudged_can_wait_and_waits_for_a_meeting(browser, app, monkeypatch):
    """The served app's clock is set (tests only): ten app minutes pass in one real minute."""
    app.stop()
    store = Store.open(app.data_dir)
    repo = PlannerRepository(store)
    for title, at in (("Adem", "10:30"), ("Strek", "11:30")):
        repo.save_rule(new_rule(title=title, start=WEDNESDAY, at_text=at, repeat="daily"))
    repo.save_item(new_item(title="Overleg", day=WEDNESDAY, start="11:00", minutes=60))
    store.close()

    monkeypatch.setenv(START_AT, "2026-12-02T10:25:00")
    monkeypatch.setenv(SPEED, "10")
    app.port = free_port()
    app.start()
    adem = "Tijd voor Adem. Even ademhalen?"
    with open_page(browser, app.url + "/plan", width=WIDTH, height=HEIGHT) as (page, outside):
        # Due five app minutes (half a real minute) after the start: the nudge comes by itself.
        expect(shown(page, adem)).to_be_visible(timeout=90_000)
        screenshot(page, "plan-nudge")
        page.get_by_role("button", name="Later", exact=True).click()
        expect(page.get_by_text(adem)).to_have_count(0)
        # Ten app minutes later (one real minute) it is back, this time without "Later".
        expect(shown(page, adem)).to_be_visible(timeout=120_000)
        expect(page.get_by_role("button", name="Later", exact=True)).to_have_count(0)
        page.get_by_role("button", name="Niet vandaag", exact=True).click()
        expect(page.get_by_text(adem)).to_have_count(0)
        assert outside.unexpected() == [], outside.unexpected()

    # 11:35, in the middle of the meeting (11:00-12:00): the 11:30 moment waits.
    monkeypatch.setenv(SPEED, "1")
    monkeypatch.setenv(START_AT, "2026-12-02T11:35:00")
    app.stop()
    app.port = free_port()
    app.start()
    strek = "Tijd voor Strek. Even ademhalen?"
    with open_page(browser, app.url + "/plan", width=WIDTH, height=HEIGHT) as (page, _):
        expect(item(page, "Overleg")).to_be_visible(timeout=30_000)
        expect(page.get_by_text(strek)).to_have_count(0)

    # 12:05, five minutes after the meeting ended: now it comes.
    monkeypatch.setenv(START_AT, "2026-12-02T12:05:10")
    app.stop()
    app.port = free_port()
    app.start()
    with open_page(browser, app.url + "/plan", width=WIDTH, height=HEIGHT) as (page, _):
        expect(shown(page, strek)).to_be_visible(timeout=30_000)


DAY = date.today() + timedelta(days=2)  # two days ahead: the days after it are all free


def work_calendar(meeting_day: date) -> bytes:
    """An export of a work calendar: a team meeting on `meeting_day`, a client visit on DAY.

    Floating times: they read as the device's local time, whatever zone the machine is in.
    """
    events = [
        ("teamoverleg", "Teamoverleg", meeting_day, "0900", "1300"),
        ("klantbezoek", "Klantbezoek", DAY, "1400", "1700"),
    ]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Agenda//NL", "X-WR-CALNAME:Werk"]
    for uid, title, day, start, end in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"SUMMARY:{title}",
            f"DTSTART:{day:%Y%m%d}T{start}00",
            f"DTEND:{day:%Y%m%d}T{end}00",
            "END:VEVENT",
        ]
    return ("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode()


def import_calendar(page, path) -> None:
    with page.expect_file_chooser(timeout=30_000) as chooser:
        page.get_by_role("button", name="Agenda importeren").click()
    chooser.value.set_files(str(path))


def test_a_real_calendar_weighed_advised_reimported_and_kept(browser, app, tmp_path):
    day, next_day = DAY, DAY + timedelta(days=1)
    first = tmp_path / "werk.ics"
    first.write_bytes(work_calendar(day))
    with open_page(browser, app.url + "/plan", width=WIDTH, height=HEIGHT) as (page, outside):
        expect(page.get_by_role("button", name="Agenda importeren")).to_be_visible(timeout=30_000)
        import_calendar(page, first)
        expect(shown(page, "2 afspraken uit Werk")).to_be_visible(timeout=30_000)

        # The week: the meetings are on their day, and that day is full with them.
        page.get_by_role("button", name="Week", exact=True).click()
        if monday_of(day) != monday_of(date.today()):
            page.get_by_role("button", name="Volgende week").click()
        expect(shown(page, "Teamoverleg")).to_be_visible()
        page.get_by_role("button", name=f"Open {day_words(day)}").click()
        expect(page).to_have_url(re.compile(rf"/plan\?day={day.isoformat()}$"))
        expect(item(page, "Teamoverleg", containing="Uit Werk")).to_be_visible()
        expect(shown(page, "Je dag zit vol")).to_be_visible()
        screenshot(page, "plan-calendar-full-day")

        # A way out on a real event: the user will move it in their own calendar.
        page.get_by_role("button", name="Ik verplaats Teamoverleg").click()
        expect(
            shown(page, f"Genoteerd: Teamoverleg gaat naar {day_words(next_day)}.")
        ).to_be_visible()
        expect(page.get_by_text("Je dag zit vol")).to_have_count(0)

        # They did, and export the calendar again: the import shows the move, nothing doubles.
        (tmp_path / "again").mkdir()
        moved = tmp_path / "again" / "werk.ics"
        moved.write_bytes(work_calendar(next_day))
        import_calendar(page, moved)
        expect(shown(page, "2 afspraken uit Werk")).to_be_visible(timeout=30_000)
        meeting = page.get_by_role("group", name=re.compile(r"^Teamoverleg "))
        expect(meeting).to_have_count(0)  # not on its old day any more
        page.get_by_role("button", name="Volgende dag").click()
        expect(item(page, "Teamoverleg", containing="Uit Werk")).to_be_visible()
        expect(page.get_by_text("Je verplaatst dit hierheen", exact=False)).to_have_count(0)
        assert outside.unexpected() == [], outside.unexpected()

    # Restart on a fresh port: the calendar and its place in the week are still there.
    app.stop()
    app.port = free_port()
    app.start()
    url = f"{app.url}/plan?day={next_day.isoformat()}"
    with open_page(browser, url, width=WIDTH, height=HEIGHT) as (page, _):
        expect(item(page, "Teamoverleg", containing="Uit Werk")).to_be_visible(timeout=30_000)
        expect(shown(page, "Agenda's")).to_be_visible()
        # the source's card, heard as one group: its name, its events and when it came in
        source = re.compile(r"^Werk 2 afspraken · ingelezen op ")
        expect(page.get_by_role("group", name=source)).to_be_visible()
        # Checked here, where no snack bar is open: its action button is Flutter's own size.
        assert small_targets(page) == []
