"""Take the README's screenshots from the real app in headless Chromium, with a week of sample data.

.venv/bin/python scripts/screenshots.py    # writes docs/screenshots/*.png
"""

from __future__ import annotations

import random
import sys
import tempfile
import uuid
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from domain.pause.record import PauseRecord  # noqa: E402
from domain.plan.boundaries import new_boundary  # noqa: E402
from domain.plan.calendar.parse import ParsedCalendar, read_calendar  # noqa: E402
from domain.plan.items import new_item  # noqa: E402
from domain.plan.recurrence import new_rule  # noqa: E402
from storage import Store  # noqa: E402
from storage.calendar_repository import CalendarRepository  # noqa: E402
from storage.pause_repository import PauseRepository  # noqa: E402
from storage.planner_repository import PlannerRepository  # noqa: E402
from tests.e2e.browser import CHROMIUM_ARGS, AppProcess, find_chromium, open_page  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
Role = Literal["button", "textbox"]
SHOTS: list[tuple[str, str, tuple[Role, str]]] = [
    # (file, route, what to wait for: role, name)
    ("home-nl", "/", ("button", "Pauze nu")),
    ("understand-nl", "/understand", ("button", "Volgende")),
    ("plan-nl", "/plan", ("textbox", "Snel toevoegen")),
    ("week-nl", "/plan", ("button", "Week")),
    ("pause-nl", "/pause/run", ("button", "Stop pauze")),
]


def seed(data_dir: Path, today: date) -> None:
    """A believable week: some pauses with ratings, a full-ish day, a boundary, a recovery rule."""
    rng = random.Random(7)
    store = Store.open(data_dir)
    pauses, planner = PauseRepository(store), PlannerRepository(store)
    for days_ago in range(0, 50):
        for _ in range(rng.randint(0, 3)):
            started = datetime.combine(today - timedelta(days=days_ago), time(rng.randint(8, 20)))
            pauses.save(
                PauseRecord(
                    id=uuid.uuid4().hex, kind=rng.choice(["calm", "box", "between", "quiet"]),
                    started_at=started, planned_seconds=60, actual_seconds=rng.choice([45, 60, 120]),
                    completed=True, rating=max(0, min(10, 7 - days_ago // 8 + rng.randint(-1, 1))),
                )
            )  # fmt: skip
    monday = today - timedelta(days=today.weekday())
    agenda = [
        (0, "09:00", "Overleg project", 90, "must", "heavy", "work"),
        (0, "13:30", "Boodschappen", 45, "could", "light", "home"),
        (0, "16:00", "Mails wegwerken", 120, "want", "medium", "work"),
        (0, "19:30", "Verjaardag Sanne", 150, "want", "medium", "social"),
        (1, "10:00", "Tandarts", 45, "must", "medium", "care"),
        (2, "09:30", "Presentatie voorbereiden", 180, "must", "heavy", "work"),
        (3, "18:00", "Wandelen", 60, "want", "light", "self"),
        (4, "14:00", "Klusjes", 90, "could", "medium", "home"),
    ]
    for offset, start, title, minutes, kind, energy, area in agenda:
        day = today + timedelta(days=offset) if offset == 0 else monday + timedelta(days=offset)
        planner.save_item(
            new_item(title=title, day=day, start=start, minutes=minutes, kind=kind, energy=energy, area=area)
        )  # fmt: skip
    parsed = read_calendar(work_calendar(today, monday))
    assert isinstance(parsed, ParsedCalendar)
    CalendarRepository(store).import_calendar("werk.ics", parsed, datetime.now())
    planner.save_boundary(new_boundary(kind="no_work_after", time_text="20:00"))
    planner.save_rule(
        new_rule(title="Schouders los", start=monday, at_text="10:30", repeat="weekdays", minutes=5)
    )
    store.close()


def work_calendar(today: date, monday: date) -> bytes:
    """An export of a work calendar: a weekly team meeting and a meeting today, floating times."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Agenda//NL", "X-WR-CALNAME:Werk"]
    events = [
        ("team", "Teamoverleg", monday + timedelta(days=1), "0930", "1100", "FREQ=WEEKLY"),
        ("klant", "Gesprek met klant", today, "1100", "1200", ""),
    ]
    for uid, title, day, start, end, rule in events:
        lines += ["BEGIN:VEVENT", f"UID:{uid}", f"SUMMARY:{title}"]
        lines += [f"DTSTART:{day:%Y%m%d}T{start}00", f"DTEND:{day:%Y%m%d}T{end}00"]
        lines += [f"RRULE:{rule}"] if rule else []
        lines += ["END:VEVENT"]
    return ("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode()


def main() -> None:
    executable = find_chromium()
    if executable is None:
        sys.exit("no Chromium found: install Debian's chromium")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        seed(data, date.today())
        app = AppProcess(data_dir=data).start()
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
                for name, route, (role, label) in SHOTS:
                    with open_page(browser, app.url + route) as (page, _):
                        assert isinstance(page, Page)
                        target = page.get_by_role(role, name=label, exact=True).first
                        target.wait_for(timeout=30_000)
                        if name.startswith("week"):
                            target.click()
                        page.wait_for_timeout(2500 if name.startswith("pause") else 5000)
                        page.screenshot(path=str(OUT / f"{name}.png"))
                        print("wrote", OUT / f"{name}.png")
        finally:
            app.stop()


if __name__ == "__main__":
    main()
