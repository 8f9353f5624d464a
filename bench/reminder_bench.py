"""Reminder benchmark: the 7-day reminder plan over five years of data and a 5 MB work calendar.

    .venv/bin/python bench/reminder_bench.py              # 31 runs of each
    .venv/bin/python bench/reminder_bench.py --runs 51    # more

The store holds five years (25,000 pauses and 5,000 agenda items, as in `storage_bench.py`), 20
recovery rules that started five years ago and 30 boundaries (as in `planner_bench.py`), and the
5 MB Outlook export of `calendar_bench.py`, imported through `CalendarRepository` as the app does.

The plan is computed the way the app computes it (`views.plan.reminders.plan_now`): the planner
gathers the items of yesterday and the next seven days, with the imported events of those days
(`PlannerState(..., calendars=SessionCalendars(...))`), and the session's `ReminderPlan.follow`
turns them into reminders (`domain.plan.reminders.plan_reminders`) unless its inputs are the ones
it saw last. Timed, each a median:

- the plan from its inputs: the planner already holds its days (as the screen's planner does), a
  new `ReminderPlan` (budget: under 20 ms);
- the plan again after an input changed: a moment snoozed or let go, or a rule saved, so the
  planner reads its days and the imported events again from the session's kept weeks (budget:
  under 20 ms);
- the plan again with the same inputs, which is what the nudge asks every 20 seconds;
- the first plan after start, for the record: a new planner over the open store, the calendar's
  weeks expanded for the first time (its stored series already read), with that expansion alone
  and a new planner on weeks not seen yet, taken in turns;
- the plain way, in the same run: recurring-ical-events over the whole parsed calendar for those
  days, every stored item scanned, the rules expanded, `plan_reminders`, each time from scratch.

The plain way must plan exactly the same reminders, or the script fails. Then a day with the app
open is played through (a look every 20 seconds from 08:00 to 18:00, a rule added, a Later, a
Niet vandaag, the screen built again) and the plan must have been computed once at the start and
once per change of its inputs, and not once more.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any, TypeVar

# Run as a script like planner_bench.py: the repository on the path, then what it times.
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import recurring_ical_events  # noqa: E402
from calendar_bench import LOCAL, build_work_calendar  # noqa: E402
from icalendar import Calendar  # noqa: E402
from planner_bench import make_boundaries, make_rules  # noqa: E402
from storage_bench import NOW, make_baseline, write_ours  # noqa: E402

from domain.plan.calendar.expand import CalendarWeeks, to_local  # noqa: E402
from domain.plan.calendar.parse import ParsedCalendar, read_calendar  # noqa: E402
from domain.plan.items import AgendaItem  # noqa: E402
from domain.plan.recurrence import expand_rules, new_rule  # noqa: E402
from domain.plan.reminders import (  # noqa: E402
    PLAN_DAYS,
    Reminder,
    ReminderChoices,
    ReminderWindow,
    plan_reminders,
)
from domain.plan.rhythm import Rhythm  # noqa: E402
from domain.plan.state import PlannerState, window_around  # noqa: E402
from domain.settings.preferences import Settings  # noqa: E402
from storage import Store  # noqa: E402
from storage.calendar_repository import CalendarRepository  # noqa: E402
from storage.planner_repository import PlannerRepository  # noqa: E402
from views.plan.calendar_session import CalendarCache, SessionCalendars  # noqa: E402
from views.plan.state import ReminderPlan  # noqa: E402

BUDGET_MS = 20.0
TODAY = NOW.date()  # Wednesday 25 November 2026: a working week in the imported calendar
SETTINGS = Settings()
RHYTHM = Rhythm.from_texts(SETTINGS.bedtime, SETTINGS.wake_time, SETTINGS.screens_off)
T = TypeVar("T")


def window_of(settings: Settings) -> ReminderWindow:
    return ReminderWindow.from_texts(
        settings.reminder_start,
        settings.reminder_end,
        settings.reminder_days,
        settings.reminders_per_day,
    )


def plan_days(today: date) -> tuple[date, date]:
    """The days the app gathers for the plan: yesterday (a late moment) and the next seven."""
    return today - timedelta(days=1), today + timedelta(days=PLAN_DAYS)


def plan_now(
    planner: PlannerState, plan: ReminderPlan, choices: ReminderChoices, today: date
) -> list[Reminder]:
    """What `views.plan.reminders.plan_now` does, without a Flet session around it."""
    items = planner.items_between(*plan_days(today))
    return plan.follow(items, planner.rhythm, window_of(SETTINGS), choices, today)


def new_planner(store: Store, cache: CalendarCache) -> PlannerState:
    """The planner a screen makes (`views.plan.state.planner_state`), around today."""
    calendars = SessionCalendars(CalendarRepository(store), cache)
    return PlannerState(
        PlannerRepository(store),
        SETTINGS.daily_capacity_hours,
        RHYTHM,
        around=TODAY,
        calendars=calendars,
    )


def fresh_cache(store: Store, data: Any) -> CalendarCache:
    """A session's calendar cache as at start: the stored series read, no week expanded yet."""
    cache = CalendarCache(zone=LOCAL)
    for source in CalendarRepository(store).sources():
        version = (source.data_id, source.imported_at.isoformat())
        cache.weeks[source.id] = (version, CalendarWeeks(source.id, data, LOCAL))
    return cache


def plain_plan(query: Any, store: Store, choices: ReminderChoices, today: date) -> list[Reminder]:
    """The plain way: the whole calendar and every stored item looked through, each time."""
    first, last = plan_days(today)
    begin = datetime.combine(first, clock.min)
    end = datetime.combine(last, clock.min) + timedelta(days=1)
    source_id = CalendarRepository(store).sources()[0].id
    items: list[AgendaItem] = []
    for event in query.between(begin.replace(tzinfo=LOCAL), end.replace(tzinfo=LOCAL)):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = to_local(event["DTSTART"].dt, LOCAL)
        stop = to_local(event["DTEND"].dt, LOCAL)
        if begin <= start < end:
            items.append(
                AgendaItem(
                    id=f"{source_id}/{event['UID']}/{start:%Y%m%dT%H%M}",
                    title=str(event.get("SUMMARY", "")),
                    day=start.date(),
                    start=start.time(),
                    minutes=int((stop - start).total_seconds() // 60),
                    kind="must",
                )
            )
    repo = PlannerRepository(store)
    stored = [item for item in repo.items() if first <= item.day <= last]
    overrides = {item.id: item for item in stored if item.recurring}
    items += [item for item in stored if not item.recurring]
    moments = expand_rules(repo.rules(), first, last, overrides)
    start_of_day = datetime.combine(today, clock())
    return plan_reminders(moments, items, RHYTHM, window_of(SETTINGS), choices, start_of_day)


def timed(run: Callable[[], T], runs: int) -> tuple[list[float], T]:
    """Milliseconds per call, and the last result."""
    samples: list[float] = []
    result = run()  # a first call outside the samples, so imports and allocations settle
    for _ in range(runs):
        begin = time.perf_counter()
        result = run()
        samples.append((time.perf_counter() - begin) * 1000)
    return samples, result


def build_store(folder: Path, calendar: bytes) -> tuple[Store, Any]:
    """Five years in the store, the rules and boundaries, and the calendar imported into it."""
    write_ours(folder, make_baseline(random.Random(2026)))
    store = Store.open(folder)
    rng = random.Random(20261125)
    repo = PlannerRepository(store)
    for rule in make_rules(20, rng):
        repo.save_rule(rule)
    for boundary in make_boundaries():
        repo.save_boundary(boundary)
    calendars = CalendarRepository(store)
    parsed = read_calendar(calendar)
    assert isinstance(parsed, ParsedCalendar), parsed
    calendars.import_calendar("werk.ics", parsed, NOW)
    data = calendars.data(calendars.sources()[0])
    return store, data


def play_a_day(store: Store, data: Any) -> tuple[int, int]:
    """A day with the app open: a look every 20 s from 08:00 to 18:00 and three changes.

    Returns the looks and how often the plan was computed.
    """
    cache = fresh_cache(store, data)
    planner = new_planner(store, cache)
    plan = ReminderPlan()
    choices = ReminderChoices()
    looks = 0
    now = datetime.combine(TODAY, clock(8))
    while now < datetime.combine(TODAY, clock(18)):
        reminders = plan_now(planner, plan, choices, TODAY)
        looks += 1
        if now == datetime.combine(TODAY, clock(10)):  # a new recovery moment, every weekday
            planner.add_rule(
                new_rule(
                    title="Even naar buiten",
                    start=TODAY,
                    at_text="15:15",
                    repeat="weekdays",
                    minutes=10,
                    rule_id="bench-new",
                )
            )
        if now == datetime.combine(TODAY, clock(12)) and reminders:  # Later on the first one
            choices = choices.snooze(reminders[0].moment_id, now)
        if now == datetime.combine(TODAY, clock(14)) and reminders:  # Niet vandaag on the last
            choices = choices.skip(reminders[-1].moment_id)
        if now == datetime.combine(TODAY, clock(16)):  # the screen is built again: same inputs
            planner = new_planner(store, cache)
        now += timedelta(seconds=20)
    planner.delete_rule("bench-new")
    return looks, plan.computed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()
    runs = max(30, args.runs)

    calendar = build_work_calendar()
    folder = Path(tempfile.mkdtemp(prefix="adempauze-reminders-"))
    try:
        store, data = build_store(folder / "data", calendar)
        try:
            return run(store, data, calendar, runs)
        finally:
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def samples_of(setup: Callable[[], Any], run: Callable[[Any], T], runs: int) -> list[float]:
    """Milliseconds per call of `run`, each on a fresh `setup()` made outside the timing."""
    samples = []
    for _ in range(runs):
        made = setup()
        begin = time.perf_counter()
        run(made)
        samples.append((time.perf_counter() - begin) * 1000)
    return samples


def run(store: Store, data: Any, calendar: bytes, runs: int) -> int:
    choices = ReminderChoices()
    print(
        f"store: 25,000 pauses, 5,000 agenda items, 20 rules, 30 boundaries; calendar: "
        f"{len(calendar) / 1e6:.1f} MB imported ({len(data.singles)} single events, "
        f"{len(data.series)} series); plan of {TODAY} and the {PLAN_DAYS} days after it"
    )

    def first_plan() -> tuple[list[Reminder], ReminderPlan, PlannerState]:
        planner = new_planner(store, fresh_cache(store, data))
        plan = ReminderPlan()
        return plan_now(planner, plan, choices, TODAY), plan, planner

    reminders, plan, planner = first_plan()
    items = planner.items_between(*plan_days(TODAY))
    imported = sum(1 for item in items if item.id in planner.agenda.events)
    first, last = window_around(TODAY)

    def seen_elsewhere() -> CalendarCache:
        """A session that has expanded another week: the calendar's series are read."""
        cache = fresh_cache(store, data)
        for _version, weeks in cache.weeks.values():
            weeks.week(date(2026, 6, 1))
        return cache

    # The cold paths, taken in turns so that load from elsewhere hits them alike: the first plan
    # after start, the first expansion of its weeks alone, and weeks not seen yet.
    first_ms: list[float] = []
    expand_ms: list[float] = []
    new_weeks_ms: list[float] = []
    for _ in range(runs):
        first_ms += samples_of(lambda: None, lambda _: first_plan(), 1)
        expand_ms += samples_of(
            lambda: CalendarWeeks("s", data, LOCAL), lambda weeks: weeks.between(first, last), 1
        )
        new_weeks_ms += samples_of(
            seen_elsewhere,
            lambda cache: plan_now(new_planner(store, cache), ReminderPlan(), choices, TODAY),
            1,
        )

    # The plan from its inputs: the planner holds its days (as the screen's planner does).
    loaded_ms, _ = timed(lambda: plan_now(planner, ReminderPlan(), choices, TODAY), runs)

    # An input changed: a choice made (the planner as it is) ...
    other = ReminderChoices().skip(reminders[0].moment_id)
    flip = [choices, other]

    def after_choice() -> list[Reminder]:
        flip.reverse()
        return plan_now(planner, plan, flip[0], TODAY)

    before = plan.computed
    choice_ms, _ = timed(after_choice, runs)
    assert plan.computed - before == runs + 1, "a changed choice must compute the plan again"

    # ... or a rule saved: the planner reads its window again (the session's weeks are kept).
    def after_reload() -> list[Reminder]:
        planner.reload()
        flip.reverse()
        return plan_now(planner, plan, flip[0], TODAY)

    reload_ms, _ = timed(after_reload, runs)

    # The same inputs: the nudge's look every 20 seconds.
    plan_now(planner, plan, choices, TODAY)
    before = plan.computed
    same_ms, same = timed(lambda: plan_now(planner, plan, choices, TODAY), runs)
    assert plan.computed == before, "the same inputs must not compute the plan again"
    assert same == reminders

    # The domain's part alone, on the gathered items.
    moments = [item for item in items if item.kind == "recovery"]
    agenda = [item for item in items if item.kind != "recovery"]
    start = datetime.combine(TODAY, clock())
    window = window_of(SETTINGS)
    domain_ms, _ = timed(
        lambda: plan_reminders(moments, agenda, RHYTHM, window, choices, start), runs
    )

    # The plain way, from scratch each time, over the calendar parsed once.
    parsed = Calendar.from_ical(calendar.decode("utf-8"))
    query = recurring_ical_events.of(parsed)
    plain_runs = max(10, runs // 3)
    plain_ms, plain = timed(lambda: plain_plan(query, store, choices, TODAY), plain_runs)
    if [(r.moment_id, r.at) for r in plain] != [(r.moment_id, r.at) for r in reminders]:
        print("MISMATCH: the plain way plans other reminders", file=sys.stderr)
        for r in sorted(set(plain) ^ set(reminders), key=lambda r: r.at):
            print(f"  {r.at} {r.moment_id} {'plain' if r in plain else 'ours'}", file=sys.stderr)
        return 1

    looks, computed = play_a_day(store, data)

    med = statistics.median
    print(
        f"  gathered: {len(items)} items of which {imported} imported events and "
        f"{len(moments)} recovery moments; {len(reminders)} reminders planned"
    )
    print("| the 7-day plan | median ms | max ms |")
    print("|---|---:|---:|")
    budgeted = [
        ("from its inputs: the planner holds its days, a new plan", loaded_ms),
        ("again after a choice (Later / Niet vandaag)", choice_ms),
        ("again after a rule saved (the planner reads its days and events again)", reload_ms),
    ]
    rows = [
        ("first after start: new planner, the calendar's weeks expanded the first time", first_ms),
        (f"  of which the first expansion of {first}–{last} alone", expand_ms),
        ("new planner on weeks not seen yet (another week seen: series read)", new_weeks_ms),
        *budgeted,
        ("again with the same inputs (the nudge's look: the kept plan)", same_ms),
        ("`plan_reminders` alone, on the gathered items", domain_ms),
        ("plain way: whole calendar + every stored item looked through, each time", plain_ms),
    ]
    for label, samples in rows:
        print(f"| {label} | {med(samples):.2f} | {max(samples):.2f} |")
    print(f"({runs} runs each, the plain way {plain_runs}; both plan the same reminders)")
    print(
        f"plain / first after start: {med(plain_ms) / med(first_ms):.0f}x; "
        f"plain / after a rule saved: {med(plain_ms) / med(reload_ms):.0f}x; "
        f"plain / same inputs: {med(plain_ms) / med(same_ms):.0f}x"
    )
    print(
        f"a day with the app open: {looks} looks, a rule added, a Later, a Niet vandaag and the "
        f"screen built again (same inputs): computed {computed} times (expected 4)"
    )
    worst = max(med(samples) for _label, samples in budgeted)
    ok = worst < BUDGET_MS and computed == 4
    verdict = "met" if ok else "NOT met"
    print(
        f"budget: the plan from its inputs under {BUDGET_MS:g} ms median "
        f"(worst {worst:.1f} ms), computed only on change: {verdict}"
    )
    cold = med(first_ms)
    print(
        f"first after start: {cold:.0f} ms, {'under' if cold < BUDGET_MS else 'over'} "
        f"{BUDGET_MS:g} ms; {med(expand_ms) / cold:.0%} of it is the first expansion of the weeks"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
