"""Cold start with five years of data next to a minimal Flet app, and export/import of those years.

    .venv/bin/python bench/startup_bench.py              # 5 cold starts of each, 5 exports/imports
    .venv/bin/python bench/startup_bench.py --starts 3   # fewer repetitions

Five years of data: 25,000 pauses (about 15 a day), 5,000 agenda items, 20 recovery rules,
30 boundaries, 20 self-checks and the settings, written once through `store.import_document`.

Cold start is from starting the process to **Pauze nu** being clickable in headless Chromium
(Playwright's actionability check: attached, visible, stable, enabled), in a fresh browser
context each time. The baseline, in the same run and alternating with the app, is a minimal
Flet app whose only control is a "Pauze nu" button, started and measured the same way. The
ratio app / minimal must be at most 1.3.

Export is everything to the bytes of a backup file; import is checking those bytes completely
and replacing the store's data with them (backup of the current data included). Each must take
under 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from domain.pause.kinds import KIND_IDS  # noqa: E402
from domain.plan.boundaries import new_boundary  # noqa: E402
from domain.plan.items import AREAS, ENERGIES, new_item  # noqa: E402
from domain.plan.recurrence import new_rule  # noqa: E402
from domain.settings.backup import FORMAT_NAME, with_app_version  # noqa: E402
from domain.settings.preferences import Settings  # noqa: E402
from domain.understand.selfcheck import ITEMS  # noqa: E402

NOW = datetime(2026, 11, 25, 9, 0)
FIRST_DAY = date(2021, 11, 26)
PAUSES, AGENDA_ITEMS = 25_000, 5_000
BUDGET_RATIO, BUDGET_SECONDS = 1.3, 1.0
MINIMAL_APP = """
import os, sys
import flet as ft

os.environ["FLET_FORCE_WEB_SERVER"] = "true"

def main(page: ft.Page):
    page.add(ft.Button("Pauze nu", on_click=lambda e: None))

ft.run(main, host="127.0.0.1", port=int(sys.argv[1]), view=ft.AppView.WEB_BROWSER, no_cdn=True)
"""


def five_years(rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    span = (NOW.date() - FIRST_DAY).days
    pauses = []
    for n in range(PAUSES):
        started = datetime.combine(FIRST_DAY, datetime.min.time()) + timedelta(
            days=rng.randrange(span), minutes=rng.randrange(7 * 60, 23 * 60)
        )
        planned = rng.choice((60, 120, 180, 300))
        pauses.append(
            {
                "id": f"p{n:05d}",
                "kind": rng.choice(KIND_IDS),
                "started_at": started.isoformat(timespec="seconds"),
                "planned_seconds": planned,
                "actual_seconds": rng.randrange(10, planned + 1),
                "completed": rng.random() < 0.8,
                "rating": rng.randrange(11) if rng.random() < 0.4 else None,
            }
        )
    items = []
    for n in range(AGENDA_ITEMS):
        day = FIRST_DAY + timedelta(days=rng.randrange(span + 60))
        start = f"{rng.randrange(7, 22):02d}:{rng.choice((0, 15, 30, 45)):02d}"
        item = new_item(
            title=f"Afspraak {n}",
            day=day,
            start=start if rng.random() < 0.8 else None,
            minutes=rng.choice((15, 30, 45, 60, 90, 120)),
            kind=rng.choice(("must", "want", "could")),
            energy=rng.choice(ENERGIES),
            area=rng.choice(AREAS),
            item_id=f"i{n:05d}",
        )
        items.append(item.to_record())
    rules = [
        new_rule(
            title=f"Herstel {n}",
            start=FIRST_DAY,
            at_text=f"{9 + n % 10:02d}:30",
            repeat="weekdays",
            rule_id=f"r{n}",
        ).to_record()
        for n in range(20)
    ]
    boundaries = [
        new_boundary(
            kind="no_work_after", time_text=f"{19 + n % 4}:00", boundary_id=f"b{n}"
        ).to_record()
        for n in range(30)
    ]
    checks = [
        {
            "id": f"s{n}",
            "taken_at": (NOW - timedelta(days=60 * n)).isoformat(timespec="seconds"),
            "picks": [item.id for item in rng.sample(ITEMS, 4)],
        }
        for n in range(20)
    ]
    return {
        "settings": [Settings(language="nl").to_record()],
        "walkthrough": [],
        "selfchecks": checks,
        "pauses": pauses,
        "agenda_items": items,
        "boundaries": boundaries,
        "recovery_rules": rules,
    }


def seed(data_dir: Path) -> None:
    from storage import Store

    document = with_app_version(
        {
            "format": FORMAT_NAME,
            "schema_version": 1,
            "exported_at": NOW.isoformat(timespec="seconds"),
            "collections": five_years(random.Random(7)),
        }
    )
    with Store.open(data_dir) as store:
        store.import_document(document)


def wait_for_http(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"process exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def cold_start(browser: Any, command: list[str], port: int) -> float:
    """Seconds from starting `command` to "Pauze nu" being clickable in a fresh browser context."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("FLET_APP_STORAGE_DATA", None)
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for_http(url, proc)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        try:
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
            page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
            button = page.get_by_role("button", name="Pauze nu").first
            button.click(trial=True, timeout=60_000)  # waits until it could really be clicked
            return time.perf_counter() - started
        finally:
            context.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def bench_starts(data_dir: Path, starts: int) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import CHROMIUM_ARGS, find_chromium, free_port

    minimal = Path(tempfile.mkdtemp()) / "minimal_app.py"
    minimal.write_text(MINIMAL_APP)
    app_times, minimal_times = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            # One untimed start of each warms the disk cache, as a second launch on a phone would.
            for timed in [False] + [True] * starts:
                port = free_port()
                app = [sys.executable, "main.py", "--port", str(port), "--no-browser"]
                app += ["--data-dir", str(data_dir), "--lang", "nl"]
                t_app = cold_start(browser, app, port)
                port = free_port()
                t_min = cold_start(browser, [sys.executable, str(minimal), str(port)], port)
                if timed:
                    app_times.append(t_app)
                    minimal_times.append(t_min)
        finally:
            browser.close()
    return app_times, minimal_times


def timed_runs(fn: Callable[[], Any], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def bench_backup(data_dir: Path, runs: int) -> tuple[list[float], list[float], int]:
    from storage import Store
    from views.settings.data import YourData

    with Store.open(data_dir) as store:
        data = YourData(store)
        raw = data.export_bytes()
        exports = timed_runs(data.export_bytes, runs)
        imports = timed_runs(lambda: data.replace_with(data.check_file(raw)), runs)
        # The import really replaced the data with the same records.
        assert store.export_document()["collections"] == json.loads(raw)["collections"]
    return exports, imports, len(raw)


def main() -> int:
    parser = argparse.ArgumentParser(description="cold start and backup benchmark")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="adempauze-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        started = time.perf_counter()
        seed(data_dir)
        print(f"five years of data written in {time.perf_counter() - started:.1f} s")

        exports, imports, size = bench_backup(data_dir, args.runs)
        app_times, minimal_times = bench_starts(data_dir, args.starts)

    app_med, min_med = statistics.median(app_times), statistics.median(minimal_times)
    ratio = app_med / min_med
    export_med, import_med = statistics.median(exports), statistics.median(imports)
    rows = [
        ("cold start, Adempauze with 5 years", f"{app_med:.2f} s", ""),
        ("cold start, minimal Flet app", f"{min_med:.2f} s", ""),
        ("ratio", f"{ratio:.2f}", f"<= {BUDGET_RATIO}"),
        (f"export 5 years ({size / 1e6:.1f} MB)", f"{export_med * 1000:.0f} ms", "< 1000 ms"),
        ("import 5 years (check + replace)", f"{import_med * 1000:.0f} ms", "< 1000 ms"),
    ]
    print(f"\n{'measure':40} {'median':>10}  budget")
    for name, value, budget in rows:
        print(f"{name:40} {value:>10}  {budget}")
    print(
        f"\nstarts: app {[round(t, 2) for t in app_times]}, minimal {[round(t, 2) for t in minimal_times]}"
    )
    ok = ratio <= BUDGET_RATIO and export_med < BUDGET_SECONDS and import_med < BUDGET_SECONDS
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
