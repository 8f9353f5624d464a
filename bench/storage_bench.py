"""Storage benchmark: five years of data, our store against TinyDB's default storage and the floor.

Run from the repository root:  .venv/bin/python bench/storage_bench.py
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tinydb import Query, TinyDB

from storage import Store
from storage.generations import COMPLETE, gen_name, write_current
from storage.migrations import BASE_SCHEMA_VERSION
from storage.store import build_files
from storage.structure import encode

NOW = datetime(2026, 11, 25, 16, 0)
PAUSES = 25_000  # about 15 a day for five years
AGENDA_ITEMS = 5_000
KINDS = ["calm", "box", "sigh", "still", "between", "shoulders", "custom"]
BUDGETS = {"save": 5.0, "open": 150.0, "week": 5.0, "speedup": 20.0}


def make_pause(rng: random.Random, started: datetime) -> dict[str, Any]:
    planned = rng.choice([30, 60, 120, 180, 300])
    return {
        "id": uuid.uuid4().hex,
        "kind": rng.choice(KINDS),
        "started_at": started.isoformat(timespec="seconds"),
        "planned_seconds": planned,
        "actual_seconds": rng.randint(10, planned),
        "completed": rng.random() < 0.8,
        "rating": rng.choice([None, *range(11)]),
    }


def make_item(rng: random.Random, day: date) -> dict[str, Any]:
    return {
        "id": uuid.uuid4().hex,
        "title": rng.choice(["tandarts", "boodschappen", "overleg", "wandelen", "bellen"]),
        "date": day.isoformat(),
        "start": f"{rng.randint(7, 21):02d}:{rng.choice(['00', '15', '30', '45'])}",
        "minutes": rng.choice([15, 30, 45, 60, 90]),
        "kind": rng.choice(["must", "want", "could", "recovery"]),
        "energy": rng.choice(["light", "medium", "heavy"]),
        "area": rng.choice(["work", "home", "social", "care", "self"]),
        "on_screen": rng.random() < 0.5,
        "done": rng.random() < 0.7,
        "recovery_rule_id": None,
    }


def make_baseline(rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    """Five years up to NOW, spread evenly; the newest pause is today."""
    span = timedelta(days=5 * 365)
    step = span / PAUSES
    pauses = [make_pause(rng, NOW - span + step * (i + 1)) for i in range(PAUSES)]
    first = (NOW - span).date()
    items = [
        make_item(rng, first + timedelta(days=i * 1825 // AGENDA_ITEMS))
        for i in range(AGENDA_ITEMS)
    ]
    return {"pauses": pauses, "agenda_items": items}


def write_ours(folder: Path, collections: dict[str, list[dict[str, Any]]]) -> None:
    """The baseline in our layout, written directly: one generation, files by area and month."""
    gen = folder / gen_name(1)
    gen.mkdir(parents=True)
    for name, tables in build_files(collections, BASE_SCHEMA_VERSION).items():
        (gen / name).write_bytes(encode(tables))
    (gen / COMPLETE).write_bytes(b"")
    write_current(str(folder), gen.name)


def write_default(path: Path, collections: dict[str, list[dict[str, Any]]]) -> None:
    """The same data as one TinyDB JSONStorage file (tables of str(doc_id) -> document)."""
    tables = {
        name: {str(i + 1): rec for i, rec in enumerate(records)}
        for name, records in collections.items()
    }
    path.write_text(json.dumps(tables))


def write_floor(path: Path, collections: dict[str, list[dict[str, Any]]]) -> None:
    with path.open("w") as out:
        for name, records in collections.items():
            for rec in records:
                out.write(json.dumps({"collection": name, **rec}) + "\n")


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    """Milliseconds per call."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def interleaved(
    results: dict[str, dict[str, float]], key: str, fns: dict[str, Callable[[], Any]], runs: int
) -> None:
    """Median of each, measured in turns so that load from elsewhere hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            times[name] += timed(fn, 1)
    for name, values in times.items():
        results[name][key] = statistics.median(values)


def this_week() -> tuple[str, str, list[str]]:
    monday = NOW.date() - timedelta(days=NOW.weekday())
    end = monday + timedelta(days=7)
    months = sorted({monday.isoformat()[:7], (end - timedelta(days=1)).isoformat()[:7]})
    return monday.isoformat(), end.isoformat(), months


def new_pause_this_week(rng: random.Random) -> dict[str, Any]:
    return make_pause(rng, NOW - timedelta(minutes=rng.randint(0, 60 * 24 * 2)))


def bench(root: Path, samples: int, default_samples: int) -> dict[str, dict[str, float]]:
    rng = random.Random(2026)
    collections = make_baseline(rng)
    ours_dir, default_file, floor_file = root / "ours", root / "tinydb.json", root / "floor.jsonl"
    write_ours(ours_dir, collections)
    write_default(default_file, collections)
    write_floor(floor_file, collections)
    del collections  # the app does not hold a second copy of everything while it opens
    week_start, week_end, months = this_week()
    results: dict[str, dict[str, float]] = {"ours": {}, "default": {}, "floor": {}}

    # -- open ---------------------------------------------------------------------------------
    def open_ours() -> None:
        Store.open(ours_dir).close()

    def open_default() -> None:
        db = TinyDB(default_file)
        len(db.table("pauses"))  # TinyDB opens lazily: this is its first read
        db.close()

    def open_floor() -> None:
        with floor_file.open() as source:
            [json.loads(line) for line in source]

    open_ours()  # the first open takes the validated-start backup; later ones find it done
    interleaved(
        results, "open", {"ours": open_ours, "default": open_default, "floor": open_floor}, 9
    )

    # -- this week's pauses -------------------------------------------------------------------
    store = Store.open(ours_dir)
    pauses = store.collection("pauses")

    def week_ours() -> None:
        found = [p for p in pauses.in_shards(months) if week_start <= p["started_at"] < week_end]
        assert found

    default_db = TinyDB(default_file)
    default_pauses = default_db.table("pauses")
    started = Query().started_at

    def week_default() -> None:
        default_pauses.clear_cache()  # a new week is a new query: no cached result
        assert default_pauses.search((started >= week_start) & (started < week_end))

    def week_floor() -> None:
        with floor_file.open() as source:
            rows = (json.loads(line) for line in source)
            assert [r for r in rows if week_start <= r.get("started_at", "") < week_end]

    week = {"ours": week_ours, "default": week_default, "floor": week_floor}
    interleaved(results, "week", week, default_samples)
    results["ours"]["week"] = statistics.median(timed(week_ours, samples))

    # -- save one pause -----------------------------------------------------------------------
    # Interleaved, so that a burst of disk traffic from elsewhere hits all three alike.
    fd = os.open(floor_file, os.O_WRONLY | os.O_APPEND)

    def save_floor() -> None:
        os.write(fd, (json.dumps(new_pause_this_week(rng)) + "\n").encode())
        os.fsync(fd)

    saves: dict[str, list[float]] = {"ours": [], "default": [], "floor": []}
    every = max(1, samples // default_samples)
    for i in range(samples):
        saves["ours"] += timed(lambda: pauses.put(new_pause_this_week(rng)), 1)
        saves["floor"] += timed(save_floor, 1)
        if i % every == 0:
            saves["default"] += timed(lambda: default_pauses.insert(new_pause_this_week(rng)), 1)
    os.close(fd)
    default_db.close()
    for name, times in saves.items():
        results[name]["save"] = statistics.median(times)
        results[name]["save_mean"] = statistics.fmean(times)

    # -- for the record: an agenda edit rewrites the planner file of 5,000 items --------------
    agenda = store.collection("agenda_items")
    results["ours"]["save_item"] = statistics.median(
        timed(lambda: agenda.put(make_item(rng, NOW.date())), samples)
    )
    store.close()
    return results


def report(results: dict[str, dict[str, float]], samples: int, default_samples: int) -> bool:
    ours, default, floor = results["ours"], results["default"], results["floor"]
    speedup = default["save"] / ours["save"]
    rows = [
        ("save one pause (median)", "save", f"< {BUDGETS['save']:g} ms, >= 20x default"),
        ("open the data", "open", f"< {BUDGETS['open']:g} ms"),
        ("this week's pauses", "week", f"< {BUDGETS['week']:g} ms"),
    ]
    print(f"{PAUSES:,} pauses + {AGENDA_ITEMS:,} agenda items; medians in ms")
    print(
        f"(taken in turns; save: {samples} runs, TinyDB default {default_samples}; open: 9 each; "
        f"week: {samples} runs, TinyDB default and floor {default_samples})\n"
    )
    print("| measure | this store | TinyDB JSONStorage | floor (JSON lines + fsync) | budget |")
    print("|---|---:|---:|---:|---|")
    for label, key, budget in rows:
        print(f"| {label} | {ours[key]:.2f} | {default[key]:.2f} | {floor[key]:.2f} | {budget} |")
    print(
        f"| save one pause (mean: one save in 256 also folds the journal) | {ours['save_mean']:.2f} "
        f"| {default['save_mean']:.2f} | {floor['save_mean']:.2f} | (none) |"
    )
    print(f"| save one agenda item | {ours['save_item']:.2f} | | | (none) |")
    print(f"\nsave: {speedup:.0f}x faster than TinyDB's default storage")
    ok = (
        ours["save"] < BUDGETS["save"]
        and speedup >= BUDGETS["speedup"]
        and ours["open"] < BUDGETS["open"]
        and ours["week"] < BUDGETS["week"]
    )
    print("budgets:", "all met" if ok else "NOT MET")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", help="folder to work in (default: a temporary folder)")
    parser.add_argument("--samples", type=int, default=300)  # more than one journal fold
    parser.add_argument("--default-samples", type=int, default=15)
    args = parser.parse_args()
    root = Path(args.dir or tempfile.mkdtemp(prefix="adempauze-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        results = bench(root, args.samples, args.default_samples)
    finally:
        if not args.dir:
            shutil.rmtree(root, ignore_errors=True)
    return 0 if report(results, args.samples, args.default_samples) else 1


if __name__ == "__main__":
    raise SystemExit(main())
