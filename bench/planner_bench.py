"""Planner benchmark: the domain work behind opening the week view, next to a naive version.

    .venv/bin/python bench/planner_bench.py               # 5,000 items, 20 rules, 30 boundaries
    .venv/bin/python bench/planner_bench.py --runs 15     # fewer repetitions

Five years of agenda (5,000 items from 2022 to 2026), 20 repeating recovery rules that started five
years ago, and 30 boundaries (five of each checkable kind). "Opening the week" is everything the
week screen asks of the domain: index the stored items, expand the rules into the week, load per
day, ways out of full days, every boundary check, rhythm flags and buffer hints
(`Agenda(items, rules).plan(week, ...)`).

The naive version, in the same run, answers the same questions the obvious way: for every day and
every boundary it scans all 5,000 items for that day, it adds up loads by scanning all items again
for each of the next seven days, and it expands each rule from its first occurrence five years ago.
Both must give the same loads and the same violations, or the script fails.

With --storage it also times what the screen reads from a real store in a temporary folder (filled
in one import): all 5,000 records turned into items, against only the shown week and the seven
days after it (`PlannerRepository.items_between`), which is what the screen does.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

# Each benchmark runs as a script from any folder, so each puts the repository on the path and
# imports what it times (the import lists of the benchmarks look alike for that reason).
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from domain.plan.boundaries import (  # noqa: E402
    DAY_CHECKS,
    Boundary,
    Violation,
    check_free_evenings,
    new_boundary,
)
from domain.plan.items import AREAS, ENERGIES, AgendaItem, new_item, sort_key  # noqa: E402
from domain.plan.load import capacity_minutes, day_load, lightest_day  # noqa: E402
from domain.plan.overview import Agenda  # noqa: E402
from domain.plan.recurrence import RecoveryRule, moment_id, new_rule, parsed_rule  # noqa: E402
from domain.plan.rhythm import Rhythm  # noqa: E402
from domain.plan.times import monday_of, week_days  # noqa: E402

FIRST_DAY = date(2022, 1, 3)
LAST_DAY = date(2026, 12, 31)
WEEK_OF = date(2026, 11, 25)


def make_items(count: int, rng: random.Random) -> list[AgendaItem]:
    span = (LAST_DAY - FIRST_DAY).days
    kinds = ("must", "want", "could", "could", "want")
    items = []
    for n in range(count):
        day = FIRST_DAY + timedelta(days=rng.randrange(span + 1))
        timed = rng.random() < 0.8
        start = f"{rng.randrange(7, 23):02d}:{rng.choice((0, 15, 30, 45)):02d}" if timed else None
        items.append(
            new_item(
                title=f"Item {n}",
                day=day,
                start=start,
                minutes=rng.choice((15, 30, 45, 60, 90, 120, 180)),
                kind=rng.choice(kinds),
                energy=rng.choice(ENERGIES),
                area=rng.choice(AREAS),
                on_screen=rng.random() < 0.3,
                item_id=f"i{n}",
            )
        )
    # make the benchmark week busy, so full days, ways out and violations all take part
    for n in range(40):
        items.append(
            new_item(
                title=f"Week {n}", day=WEEK_OF + timedelta(days=n % 5 - 2),
                start=f"{8 + n % 14:02d}:00", minutes=90, kind=kinds[n % 5],
                energy=ENERGIES[n % 3], area=AREAS[n % 5], on_screen=n % 2 == 0, item_id=f"w{n}",
            )
        )  # fmt: skip
    return items


def make_rules(count: int, rng: random.Random) -> list[RecoveryRule]:
    repeats = ("daily", "weekdays", "days")
    rules = []
    for n in range(count):
        repeat = repeats[n % 3]
        weekdays = tuple(sorted(rng.sample(range(7), 3))) if repeat == "days" else ()
        rules.append(
            new_rule(
                title=f"Herstel {n}", start=FIRST_DAY - timedelta(days=rng.randrange(30)),
                at_text=f"{rng.randrange(8, 21):02d}:{rng.choice((0, 30)):02d}", repeat=repeat,
                weekdays=weekdays, minutes=rng.choice((5, 10, 15)), rule_id=f"r{n}",
            )
        )  # fmt: skip
    return rules


def make_boundaries() -> list[Boundary]:
    made = []
    for n in range(5):
        made += [
            new_boundary(kind="no_work_after", time_text=f"{18 + n}:00", boundary_id=f"b-work-{n}"),
            new_boundary(kind="screens_off_after", time_text=f"{20 + n % 4}:30", boundary_id=f"b-screen-{n}"),
            new_boundary(kind="max_evening_appointments", n=1 + n, boundary_id=f"b-evening-{n}"),
            new_boundary(kind="max_heavy_per_day", n=1 + n, boundary_id=f"b-heavy-{n}"),
            new_boundary(kind="recovery_after_hours", n=1 + n, boundary_id=f"b-recovery-{n}"),
            new_boundary(kind="free_evening_per_week", n=1 + n % 3, boundary_id=f"b-free-{n}"),
        ]  # fmt: skip
    return made


def open_week_fast(items, rules, boundaries, capacity, rhythm):
    agenda = Agenda(items, rules)
    return agenda.plan(week_days(WEEK_OF), boundaries, capacity, rhythm)


def open_week_naive(items, rules, boundaries, capacity):
    """The same answers, the obvious way: scan everything for every day and every boundary."""
    days = week_days(WEEK_OF)
    begin, end = (
        datetime.combine(days[0], datetime.min.time()),
        datetime.combine(days[-1], datetime.max.time()),
    )
    moments = []
    for rule in rules:  # expand each rule from its first occurrence, years ago
        for when in parsed_rule(rule.rule).between(begin, end, inc=True):
            moments.append(
                AgendaItem(id=moment_id(rule.id, when), title=rule.title, day=when.date(), start=when.time(),
                           minutes=rule.minutes, kind="recovery", energy="light", recovery_rule_id=rule.id)
            )  # fmt: skip
    everything = list(items) + moments
    loads, violations, moves = {}, [], {}
    for day in days:
        loads[day] = day_load([i for i in items if i.day == day])
        if loads[day] > capacity:
            ahead = {
                day + timedelta(days=k): day_load(
                    [i for i in items if i.day == day + timedelta(days=k)]
                )
                for k in range(1, 8)
            }
            moves[day] = lightest_day(day, ahead)
        for boundary in boundaries:
            day_items = sorted((i for i in everything if i.day == day), key=sort_key)
            check = DAY_CHECKS.get(boundary.kind)
            if check is not None:
                ids = check(boundary, day_items)
                if ids:
                    violations.append(Violation(boundary.id, boundary.kind, day, ids))
    for boundary in boundaries:
        if boundary.kind == "free_evening_per_week":
            week = week_days(monday_of(WEEK_OF))
            by_day = {d: sorted((i for i in everything if i.day == d), key=sort_key) for d in week}
            violations += check_free_evenings(boundary, week, by_day)
    return loads, violations, moves


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000 - 40)
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--storage", action="store_true", help="also time reading from a store")
    args = parser.parse_args()
    rng = random.Random(20261125)
    items, rules, boundaries = make_items(args.items, rng), make_rules(20, rng), make_boundaries()
    capacity, rhythm = capacity_minutes(6), Rhythm()

    # Same answers first: a fast version that disagrees with the naive one is worthless.
    plans = open_week_fast(items, rules, boundaries, capacity, rhythm)
    loads, naive_violations, moves = open_week_naive(items, rules, boundaries, capacity)
    assert {p.day: p.load for p in plans} == loads, "loads differ"
    fast_violations = {v for p in plans for v in p.violations}
    assert fast_violations == set(naive_violations), "violations differ"
    fast_moves = {p.day: w.to_day for p in plans for w in p.ways_out if w.action == "move"}
    assert fast_moves == {d: t for d, t in moves.items() if d in fast_moves}, (
        "suggested days differ"
    )

    agenda = Agenda(items, rules)
    week = week_days(WEEK_OF)
    fast = median_ms(lambda: open_week_fast(items, rules, boundaries, capacity, rhythm), args.runs)
    warm = median_ms(lambda: agenda.plan(week, boundaries, capacity, rhythm), args.runs)
    records = [item.to_record() for item in items]
    read = median_ms(lambda: [AgendaItem.from_record(r) for r in records], max(5, args.runs // 3))
    naive = median_ms(
        lambda: open_week_naive(items, rules, boundaries, capacity), max(5, args.runs // 3)
    )
    print(
        f"items {len(items)}, rules {len(rules)}, boundaries {len(boundaries)}, week of {WEEK_OF}"
    )
    print(
        f"  violations in the week: {len(fast_violations)}, full days: {sum(p.over for p in plans)}"
    )
    print(f"  open the week (index + plan), median: {fast:8.2f} ms")
    print(f"  plan the week on a kept index, median: {warm:8.2f} ms")
    print(f"  (apart from that) stored records to items, median: {read:8.2f} ms")
    print(f"  naive (scan all per day and boundary), median: {naive:8.2f} ms")
    print(f"  naive / fast: {naive / fast:.0f}x; budget 50 ms: {'met' if fast < 50 else 'NOT met'}")
    if args.storage:
        time_storage(items, rules, boundaries, max(5, args.runs // 3))


def time_storage(items, rules, boundaries, runs: int) -> None:
    """Reading from a real store: everything, next to the window the week screen needs."""
    import tempfile

    from domain.plan.state import window_around
    from storage import Store
    from storage.planner_repository import PlannerRepository

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "data")
        try:
            doc = store.export_document()
            doc["collections"]["agenda_items"] = [i.to_record() for i in items]
            doc["collections"]["recovery_rules"] = [r.to_record() for r in rules]
            doc["collections"]["boundaries"] = [b.to_record() for b in boundaries]
            store.import_document(doc)
            repo = PlannerRepository(store)
            first, last = window_around(WEEK_OF)
            everything = median_ms(repo.items, runs)
            window = median_ms(lambda: repo.items_between(first, last), runs)
            rest = median_ms(lambda: (repo.rules(), repo.boundaries()), runs)
        finally:
            store.close()
    print(f"  store: all items read, median: {everything:8.2f} ms")
    print(f"  store: the window ({first} to {last}) read, median: {window:8.2f} ms")
    print(f"  store: rules and boundaries read, median: {rest:8.2f} ms")


if __name__ == "__main__":
    main()
