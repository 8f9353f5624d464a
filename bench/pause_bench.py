"""Pause benchmark: websocket messages per breathing phase, and tap-to-guide latency, in Chromium.

    .venv/bin/python bench/pause_bench.py            # full run, about 2.5 minutes
    .venv/bin/python bench/pause_bench.py --taps 5   # fewer latency samples
    .venv/bin/python bench/pause_bench.py --first-tap 7   # only the first-tap measurement


1. Messages per phase. A 60-second calm-breathing pause (4 s in, 6 s out: 12 phases) runs in the
   real app while Playwright counts every websocket frame the server sends (`framereceived`),
   once as a desktop browser (no haptics) and once with a phone's user agent (haptics on). In the
   same run, a naive version of the same guide that redraws every 50 ms is counted the same way.
   The script waits with `page.wait_for_timeout`, which keeps Playwright's event loop turning; a
   plain `time.sleep` would collect no frames at all.
2. Tap to guide. From the pointer going down on **Pauze nu** to the phase word appearing in the
   page, measured inside the page (performance.now) and repeated; next to it, a minimal Flet
   counter's click-to-update time, the framework's floor on this machine, in the same run.
3. First tap. What a tense person does: open the app and tap **Pauze nu** at once. Each sample is
   a fresh browser context (nothing cached, a new session): the tap comes right after the button
   becomes tappable, or 3 s later, and the time runs from just before Playwright's click (so the
   click itself is included) to the phase word in the page. Next to it, in the same run, the same
   first tap on a minimal Flet app whose only control is a "Pauze nu" button that shows "In".
   Both are served with the same web renderer: Flet's default (what people get) unless
   `--renderer canvaskit` asks for CanvasKit on both.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAUSE_SECONDS = 60
PHASES = 12  # calm breathing, 60 s: six breaths of 4 s in and 6 s out
NAIVE_TICK = 0.05

# Resolves with performance.now() when an element whose own text is exactly `text` is in the DOM.
WAIT_FOR_TEXT_JS = """
(text) => new Promise((resolve) => {
  const found = () => [...document.querySelectorAll('span, flt-semantics')]
      .some((el) => el.textContent.trim() === text && el.children.length === 0);
  if (found()) { resolve(performance.now()); return; }
  const observer = new MutationObserver(() => {
    if (found()) { observer.disconnect(); resolve(performance.now()); }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
})
"""
# Records when the pointer last went down anywhere, before Flutter sees it.
RECORD_POINTER_JS = """
() => { window.__down = null;
  document.addEventListener('pointerdown', () => { window.__down = performance.now(); },
                            {capture: true}); }
"""


# --- the two comparison apps, served by this same file in a child process ----------------------


def naive_app(page) -> None:
    """The same guide done naively: the server redraws the circle and clock every 50 ms."""
    import flet as ft

    circle = ft.Container(
        width=240,
        height=240,
        shape=ft.BoxShape.CIRCLE,
        scale=0.55,
        bgcolor=ft.Colors.PRIMARY_CONTAINER,
    )
    word = ft.Text("", size=34)
    clock = ft.Text("", size=20)

    async def run() -> None:
        start = time.monotonic()
        while (elapsed := time.monotonic() - start) < PAUSE_SECONDS:
            in_breath = elapsed % 10 < 4
            part = (elapsed % 10) / 4 if in_breath else ((elapsed % 10) - 4) / 6
            circle.scale = 0.55 + 0.45 * (part if in_breath else 1 - part)
            word.value = "In" if in_breath else "Uit"
            left = math.ceil(PAUSE_SECONDS - elapsed)
            clock.value = f"nog {left // 60}:{left % 60:02d}"
            page.update()
            await asyncio.sleep(NAIVE_TICK)

    page.add(
        ft.Button("Start", on_click=lambda e: page.run_task(run), height=64), circle, word, clock
    )


def counter_app(page) -> None:
    """The smallest round trip Flet has: a button that changes a number."""
    import flet as ft

    count = ft.Text("0", size=30)

    def add(e) -> None:
        count.value = str(int(count.value) + 1)

    page.add(ft.Button("Tel", on_click=add, height=64), count)


def minimal_app(page) -> None:
    """The framework's floor for the first tap: one "Pauze nu" button that shows a phase word."""
    import flet as ft

    word = ft.Text("", size=34)

    def start(e) -> None:
        word.value = "In"

    page.add(ft.Button("Pauze nu", on_click=start, height=64), word)


def serve(kind: str, port: int) -> None:
    import os

    import flet as ft

    os.environ["FLET_FORCE_WEB_SERVER"] = "true"
    target = {"naive": naive_app, "counter": counter_app, "minimal": minimal_app}[kind]
    ft.run(target, host="127.0.0.1", port=port, view=ft.AppView.WEB_BROWSER, no_cdn=True)


# --- measuring ----------------------------------------------------------------------------------


def start_server(
    args: list[str], port: int, renderer: str | None = None
) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "FLET_WEB_RENDERER"}
    if renderer:
        env["FLET_WEB_RENDERER"] = renderer
    proc = subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"server {args} did not come up")


class FrameCounter:
    """Counts server-to-client websocket frames, with the time each arrived."""

    def __init__(self, page) -> None:
        self.times: list[float] = []
        page.on(
            "websocket",
            lambda ws: ws.on("framereceived", lambda payload: self.times.append(time.monotonic())),
        )

    def since(self, start: float, end: float) -> int:
        return sum(1 for t in self.times if start <= t < end)


def open_page(browser, url: str, phone: bool = False, playwright=None):
    """A page on `url`; `phone` gives it an Android user agent, so the app sends haptics."""
    from tests.e2e.browser import enable_semantics

    options = {"viewport": {"width": 390, "height": 844}, "locale": "nl-NL"}
    if phone:
        options["user_agent"] = playwright.devices["Pixel 7"]["user_agent"]
    context = browser.new_context(**options)
    page = context.new_page()
    counter = FrameCounter(page)
    page.goto(url)
    if phone:
        # Flutter's mobile semantics switch wants a tap on the centre of its placeholder.
        page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
        page.wait_for_timeout(500)
        box = page.locator("flt-semantics-placeholder").bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_selector("flt-semantics", state="attached", timeout=60_000)
    else:
        enable_semantics(page)
    return context, page, counter


def tap(page, name: str) -> None:
    page.get_by_role("button", name=name).first.click()


def measure_frames(browser, playwright, app_url: str, naive_url: str) -> dict[str, list[int]]:
    """Run the real pause (desktop, phone) and the naive ticker side by side for 60 s."""
    runs = {
        "desktop": open_page(browser, app_url, playwright=playwright),
        "phone": open_page(browser, app_url, phone=True, playwright=playwright),
        "naive": open_page(browser, naive_url, playwright=playwright),
    }
    for name, (_, page, _) in runs.items():
        button = "Start" if name == "naive" else "Pauze nu"
        page.get_by_role("button", name=button).first.wait_for(timeout=30_000)
    started: dict[str, float] = {}
    for name, (_, page, _) in runs.items():
        started[name] = time.monotonic()
        tap(page, "Start" if name == "naive" else "Pauze nu")
    # wait_for_timeout, not time.sleep: frames are only collected while Playwright's loop turns.
    runs["desktop"][1].wait_for_timeout((PAUSE_SECONDS + 2) * 1000)
    per_phase: dict[str, list[int]] = {}
    for name, (context, _, counter) in runs.items():
        t0 = started[name]
        bounds = [0, 4, 10, 14, 20, 24, 30, 34, 40, 44, 50, 54, PAUSE_SECONDS + 1.5]
        per_phase[name] = [
            counter.since(t0 + a - (0.3 if i else 0), t0 + b - 0.3)
            for i, (a, b) in enumerate(itertools.pairwise(bounds))
        ]
        context.close()
    return per_phase


def measure_latency(page, button: str, appears: str, reset, taps: int) -> list[float]:
    page.evaluate(RECORD_POINTER_JS)
    samples = []
    for _ in range(taps):
        # Start watching before the tap; the promise settles into a global, read after.
        page.evaluate(
            f"(text) => {{ window.__shown = null;"
            f" ({WAIT_FOR_TEXT_JS})(text).then((t) => {{ window.__shown = t; }}); }}",
            appears,
        )
        tap(page, button)
        page.wait_for_function("() => window.__shown !== null", timeout=30_000)
        shown = page.evaluate("() => window.__shown")
        down = page.evaluate("() => window.__down")
        samples.append(shown - down)
        reset(page)
    return samples


def first_tap(browser, url: str, wait_s: float) -> float:
    """One first tap on a fresh page: ms from just before the click to the phase word shown."""
    from tests.e2e.browser import enable_semantics

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(url)
        enable_semantics(page)
        button = page.get_by_role("button", name="Pauze nu").first
        button.wait_for(timeout=60_000)
        if wait_s:
            page.wait_for_timeout(wait_s * 1000)
        page.evaluate(
            f"(text) => {{ window.__shown = null;"
            f" ({WAIT_FOR_TEXT_JS})(text).then((t) => {{ window.__shown = t; }}); }}",
            "In",
        )
        before = page.evaluate("() => performance.now()")
        button.click()
        page.wait_for_function("() => window.__shown !== null", timeout=30_000)
        return float(page.evaluate("() => window.__shown")) - before
    finally:
        context.close()


def measure_first_taps(
    browser, app_url: str, minimal_url: str, runs: int
) -> dict[str, list[float]]:
    """Interleaved, so both apps meet the same machine load: app, minimal, app, minimal, ..."""
    samples: dict[str, list[float]] = {}
    for wait_s in (0.0, 3.0):
        for _ in range(runs):
            for name, url in (("app", app_url), ("minimal", minimal_url)):
                key = f"{name} {'at once' if not wait_s else 'after 3 s'}"
                samples.setdefault(key, []).append(first_tap(browser, url, wait_s))
    return samples


def report_first_taps(samples: dict[str, list[float]]) -> None:
    print("first tap on a fresh page, click to phase word, ms (median / min / max)")
    for key, values in samples.items():
        print(
            f"  {key:18s} {statistics.median(values):6.1f} / {min(values):6.1f} /"
            f" {max(values):6.1f}  (n={len(values)})"
        )
    for when in ("at once", "after 3 s"):
        app = statistics.median(samples[f"app {when}"])
        floor = statistics.median(samples[f"minimal {when}"])
        print(
            f"  {when}: the app's first tap is {app / floor:.2f}x the minimal app's (budget 1.5x)"
        )


def run_first_taps(runs: int, renderer: str | None) -> int:
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import CHROMIUM_ARGS, AppProcess, find_chromium, free_port

    here = str(Path(__file__).resolve())
    port = free_port()
    server = start_server([here, "--serve", "minimal", "--port", str(port)], port, renderer)
    print(f"web renderer: {renderer or 'Flet default'} (both apps)")
    with tempfile.TemporaryDirectory() as data:
        app = AppProcess(data_dir=Path(data) / "data", renderer=renderer).start()
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
                )
                samples = measure_first_taps(browser, app.url, f"http://127.0.0.1:{port}", runs)
                browser.close()
        finally:
            app.stop()
            server.terminate()
            server.wait(timeout=10)
    report_first_taps(samples)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", choices=["naive", "counter", "minimal"])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--taps", type=int, default=15)
    parser.add_argument(
        "--first-tap", type=int, default=0, metavar="RUNS", help="only the first-tap measurement"
    )
    parser.add_argument(
        "--renderer",
        choices=["canvaskit", "skwasm"],
        help="first tap: the web renderer of both apps (default: Flet's own choice)",
    )
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve, args.port)
        return 0
    if args.first_tap:
        return run_first_taps(max(args.first_tap, 7), args.renderer)

    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import CHROMIUM_ARGS, AppProcess, find_chromium, free_port

    here = str(Path(__file__).resolve())
    naive_port, counter_port = free_port(), free_port()
    servers = [
        start_server([here, "--serve", "naive", "--port", str(naive_port)], naive_port),
        start_server([here, "--serve", "counter", "--port", str(counter_port)], counter_port),
    ]
    with tempfile.TemporaryDirectory() as data:
        app = AppProcess(data_dir=Path(data) / "data").start()
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
                )
                frames = measure_frames(browser, pw, app.url, f"http://127.0.0.1:{naive_port}")
                context, page, _ = open_page(browser, app.url, playwright=pw)
                page.get_by_role("button", name="Pauze nu").first.wait_for(timeout=30_000)

                def back_home(p) -> None:
                    tap(p, "Stop pauze")
                    tap(p, "Overslaan")
                    p.get_by_role("button", name="Pauze nu").first.wait_for()

                pause_ms = measure_latency(page, "Pauze nu", "In", back_home, args.taps)
                context.close()
                context, page, _ = open_page(
                    browser, f"http://127.0.0.1:{counter_port}", playwright=pw
                )
                page.get_by_role("button", name="Tel").wait_for(timeout=30_000)
                counter_ms = []
                for n in range(1, args.taps + 1):
                    counter_ms += measure_latency(page, "Tel", str(n), lambda p: None, 1)
                context.close()
                browser.close()
        finally:
            app.stop()
            for server in servers:
                server.terminate()
                server.wait(timeout=10)
    report(frames, pause_ms, counter_ms)
    return 0


def report(frames: dict[str, list[int]], pause_ms: list[float], counter_ms: list[float]) -> None:
    print("messages from server to client per breathing phase (60 s calm pause, 12 phases)")
    for name, counts in frames.items():
        steady = counts[1:-1]
        print(
            f"  {name:8s} first phase {counts[0]:4d}  median {statistics.median(steady):6.1f}"
            f"  max {max(steady):4d}  last phase+end {counts[-1]:4d}  total {sum(counts):5d}"
        )
        print(f"           per phase: {counts}")
    print("tap to visible update, ms (median / min / max over taps)")
    for name, samples in (("Pauze nu -> phase word", pause_ms), ("Flet counter", counter_ms)):
        print(
            f"  {name:24s} {statistics.median(samples):6.1f} / {min(samples):6.1f} /"
            f" {max(samples):6.1f}  (n={len(samples)})"
        )


if __name__ == "__main__":
    raise SystemExit(main())
