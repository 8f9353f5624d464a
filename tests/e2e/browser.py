"""Start the real app as a process and drive it in headless Chromium, the way a person would.

Controls are found by role and accessible name (Flutter's semantics tree), never by Flet keys,
which don't reach the DOM. Every request that tries to leave 127.0.0.1 is blocked and recorded.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
# The Flet web client (1.0.5) asks a CDN for this file even with no_cdn; it fails harmlessly.
KNOWN_CLIENT_REQUESTS = ("rive_native.js",)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find_chromium() -> str | None:
    """Debian's Chromium, or the one named by ADEMPAUZE_CHROMIUM."""
    candidates = [os.environ.get("ADEMPAUZE_CHROMIUM"), "/usr/bin/chromium"]
    candidates += [shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")]
    return next((c for c in candidates if c and Path(c).exists()), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class AppProcess:
    """`python main.py` on a free port with its own data folder; can be stopped and restarted."""

    data_dir: Path
    lang: str = "nl"
    extra_args: list[str] = field(default_factory=list)
    # The web client's renderer. People get Flet's default (skwasm: faster to start, drawn on a
    # worker thread); journeys use CanvasKit, which draws on the page's own thread. In headless
    # Chromium on 2 busy cores, skwasm's page and worker threads sometimes spun at 100 % for good
    # (seen in 3 of 5 full runs, each time in a different journey, the page never drawing again).
    # The first journey and the cold-start benchmark keep the default renderer.
    renderer: str | None = "canvaskit"
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> AppProcess:
        ARTIFACTS.mkdir(exist_ok=True)
        self.log_path = ARTIFACTS / f"app-{self.port}.log"
        args = [sys.executable, str(ROOT / "main.py"), "--port", str(self.port), "--no-browser"]
        args += ["--data-dir", str(self.data_dir), "--lang", self.lang, *self.extra_args]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("FLET_APP_STORAGE_DATA", None)
        env.pop("FLET_WEB_RENDERER", None)
        if self.renderer:
            env["FLET_WEB_RENDERER"] = self.renderer
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app exited with {self.proc.returncode}: {self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"app did not answer within {timeout}s: {self.log()}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self) -> AppProcess:
        self.stop()
        return self.start()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:] if self.log_path else ""


@dataclass
class OutsideRequests:
    """Requests the page tried to send anywhere but 127.0.0.1 (all blocked)."""

    urls: list[str] = field(default_factory=list)

    def unexpected(self) -> list[str]:
        return [u for u in self.urls if not any(k in u for k in KNOWN_CLIENT_REQUESTS)]


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob") or parts.hostname in ("127.0.0.1", "localhost")


@contextmanager
def open_page(
    browser,
    url: str,
    *,
    width: int = 390,
    height: int = 844,
    dark: bool = False,
    reduced_motion: bool = False,
    has_touch: bool = False,
    locale: str = "nl-NL",
    text_scale: int = 100,
) -> Iterator[tuple[object, OutsideRequests]]:
    """A fresh browser context on the app with semantics on; yields (page, outside requests)."""
    outside = OutsideRequests()
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme="dark" if dark else "light",
        reduced_motion="reduce" if reduced_motion else "no-preference",
        has_touch=has_touch,
        locale=locale,
    )

    def guard(route) -> None:
        if _is_local(route.request.url):
            route.continue_()
        else:
            outside.urls.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    if text_scale != 100:
        set_text_scale(context, text_scale)
    page = context.new_page()
    try:
        page.goto(url)
        enable_semantics(page)
        yield page, outside
    except BaseException:
        keep_evidence(page)
        raise
    finally:
        context.close()


def keep_evidence(page) -> None:
    """On a failed journey: what the page showed and its accessibility tree, in artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / f"failure-{time.strftime('%H%M%S')}-{os.getpid()}"
    try:
        snapshot = page.locator("body").aria_snapshot(timeout=5_000)
        Path(f"{stem}.txt").write_text(f"{page.url}\n\n{snapshot}\n", encoding="utf-8")
        # Shown by pytest beside the failure, where a CI log is all there is to read.
        print(f"page at failure: {page.url}\n{snapshot}", file=sys.stderr)
        # Last: a page that stopped drawing cannot be photographed.
        page.screenshot(path=f"{stem}.png", full_page=True, timeout=5_000)
    except Exception as exc:  # the evidence is a help, never a second failure
        print(f"evidence of the failed journey incomplete: {exc}", file=sys.stderr)


def enable_semantics(page, timeout_ms: int = 60_000) -> None:
    """Flutter draws on a canvas; clicking its hidden placeholder builds the accessible DOM."""
    page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=timeout_ms)
    page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
    page.wait_for_selector("flt-semantics", state="attached", timeout=timeout_ms)


def screenshot(page, name: str) -> Path:
    """Save what the user sees; semantics are ready a moment before the canvas is painted."""
    page.wait_for_timeout(1500)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


# Roles a person can act on; each needs an accessible name and a thumb-sized target.
INTERACTIVE_ROLES = {
    "button",
    "tab",
    "checkbox",
    "switch",
    "radio",
    "slider",
    "link",
    "textbox",
    "combobox",
    "menuitem",
    "option",
    "spinbutton",
}

_SEMANTICS_JS = """() => {
  const nodes = Array.from(document.querySelectorAll('flt-semantics'));
  const out = [];
  for (const e of nodes) {
    const r = e.getBoundingClientRect();
    const input = e.querySelector(':scope > input, :scope > textarea');
    let role = e.getAttribute('role') || (input ? 'textbox' : null);
    if (input && input.getAttribute('type') === 'checkbox') role = 'checkbox';
    const name = (e.getAttribute('aria-label') || (input && input.getAttribute('aria-label')) ||
                  e.innerText || '').trim();
    const leaf = e.querySelectorAll('flt-semantics').length === 0;
    out.push({role, name, leaf, x: r.x, y: r.y, w: r.width, h: r.height,
              hidden: r.width === 0 || r.height === 0});
  }
  return out;
}"""


def semantics_nodes(page) -> list[dict]:
    """Every node of Flutter's semantics tree with its role, name and box on the screen."""
    return page.evaluate(_SEMANTICS_JS)


def set_text_scale(context_or_page, percent: int) -> None:
    """Browser text zoom the way a person sets it: a larger root font size (16 px is 100 %)."""
    size = 16 * percent // 100
    context_or_page.add_init_script(
        f"document.addEventListener('DOMContentLoaded', () => "
        f"document.documentElement.style.fontSize = '{size}px');"
    )


def type_text(page, field, text: str, *, submit: bool = False) -> None:
    """Type into a Flutter text field like a person who looks before pressing Enter.

    The web client attaches its text input a moment after focus and then writes the field's
    current value into it: keys typed before that show for a moment and are then overwritten.
    A redraw after a save can land mid-typing too. So the text is checked after a short look,
    and retyped when it did not stay.
    """
    from playwright.sync_api import expect

    # Said with the page's accessibility tree when the field is not there at all.
    expect(field).to_be_editable()
    for _ in range(5):
        field.focus()
        page.keyboard.press("Control+A")
        page.keyboard.type(text)
        # Long enough for Flutter's own editing state to take the keys (or to overwrite them).
        page.wait_for_timeout(250)
        # Enter goes wherever the focus is: only into this field, with this text in it.
        if field.input_value() == text and field.evaluate("e => e === document.activeElement"):
            break
    expect(field).to_have_value(text)
    expect(field).to_be_focused()
    if submit:
        page.keyboard.press("Enter")
