"""How a cold start stays close to a bare Flet app: claim, listen, then read and load.

1. `claim` takes the data folder's lock before anything is served, so a second copy on the same
   data is refused in one line, yet reads nothing: the data is not needed to start listening.
2. main.py starts the server at once. `open_after_listening` waits until it answers, then reads
   the data while the browser downloads and compiles the web client (about a second in which this
   process has little to do; work done before listening would hold up the first page instead).
   The first session waits for the store it returns.
3. Screens load on first use: `views/shell/routes.py` names each screen's module without
   importing it. `warm_up_screens` imports the shell, the Pauze screen and the running pause
   right after the data is read (so the first tap on **Pauze nu** imports nothing), and the
   other screens only a second after the first session's screen has gone out, one at a time
   with a breath between them, so they do not compete with the client drawing **Pauze nu** (the
   two share the CPU) nor hold the interpreter for long while a tap waits.
4. The Pauze screen sends **Pauze nu** first and what lies below it a moment later
   (`AppContext.first_paint_delay`).

Each step was measured with `bench/startup_bench.py`; the numbers are in docs/BENCHMARKS.md.
"""

from __future__ import annotations

import importlib
import os
import socket
import sys
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage import Store
    from storage.lock import FolderLock

# Imported right after the data is read: what the first screen needs (the shell draws the
# recovery nudge of the planner on it too) and what the first tap on Pauze nu opens.
FIRST_SCREEN_MODULES = ("views.shell.app", "views.plan.nudge", "views.plan.reminders")
FIRST_TAP_ROUTE = "/pause/run"
# Imported with the other screens: what the Pauze screen draws below the fold, a moment later,
# and the cue player a pause with Geluid on adds.
LATER_MODULES = ("views.pause.history", "flet_audio")
# How long after the first screen went out the other screens start loading.
SETTLE_SECONDS = 1.0
# The pause between two of those imports, so a tap meanwhile gets the interpreter quickly.
BREATH_SECONDS = 0.03


def claim(data_dir: Path) -> FolderLock:
    """Lock the data folder for this process; raises `StoreLocked` when another one has it."""
    from storage import Store

    return Store.claim(data_dir)


def wait_until_listening(host: str | None, port: int) -> None:
    """Return once the server answers on `port` (at once for a desktop window: no port)."""
    if host is None:
        return
    from domain.access import is_wildcard

    probe_host = "127.0.0.1" if is_wildcard(host) else host
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((probe_host, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.02)


def open_after_listening(
    host: str | None, port: int, data_dir: Path, claimed: FolderLock
) -> Future[Store]:
    """Read the data once the server listens, then warm up the screens; the store to come.

    A failure to read the data is said in one line and ends the process: the server runs in
    the main thread, and there is nothing to serve without the data.
    """
    from storage import StorageError, Store

    opening: Future[Store] = Future()

    def prepare() -> None:
        wait_until_listening(host, port)
        try:
            opening.set_result(Store.open(data_dir, claimed=claimed))
        except StorageError as exc:
            print(f"adempauze: cannot open your data in {data_dir}: {exc}", file=sys.stderr)
            sys.stderr.flush()
            os._exit(2)
        except BaseException as exc:
            opening.set_exception(exc)
            raise
        warm_up_screens()

    threading.Thread(target=prepare, name="prepare-app", daemon=True).start()
    return opening


def warm_up_screens() -> None:
    """Import the first screen's modules now, and the other screens once it has gone out."""
    from views.shell import entry, theme
    from views.shell.routes import HOME, module_of, screen_modules

    first = (*FIRST_SCREEN_MODULES, module_of(HOME), module_of(FIRST_TAP_ROUTE))
    for module in first:
        importlib.import_module(module)
    # Flet loads each control's module on first use; these two only the running pause draws.
    import flet as ft

    _ = (ft.OutlinedButton, ft.Switch)
    theme.build_theme(dark=False)
    entry.FIRST_SCREEN_SENT.wait(timeout=60)
    time.sleep(SETTLE_SECONDS)
    for module in (*LATER_MODULES, *screen_modules()):
        if module not in sys.modules:
            importlib.import_module(module)
            time.sleep(BREATH_SECONDS)
