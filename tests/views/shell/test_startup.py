"""The cold start: light to begin with, the data read after listening, every screen warmed up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run_python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_starting_imports_neither_flet_nor_the_data_layer_before_it_must():
    loaded = run_python(
        "import sys, main, views.shell.entry\n"
        "print(sorted(m for m in ('flet', 'storage', 'tinydb', 'views.shell.app') if m in sys.modules))"
    )
    assert loaded == "[]"


def test_the_data_is_read_once_listening_and_every_screen_is_then_loaded(tmp_path):
    out = run_python(
        "import sys\n"
        "from pathlib import Path\n"
        "from views.shell import entry, startup\n"
        "from views.shell.routes import screen_modules\n"
        "startup.SETTLE_SECONDS = 0\n"
        "entry.FIRST_SCREEN_SENT.set()  # as if the first screen had gone out\n"
        f"folder = Path({str(tmp_path)!r})\n"
        "claimed = startup.claim(folder)\n"
        "store = startup.open_after_listening(None, 0, folder, claimed).result(30)\n"
        "print(type(store).__name__)\n"
        "import time\n"
        "deadline = time.monotonic() + 60\n"
        "while time.monotonic() < deadline and not all(m in sys.modules for m in screen_modules()):\n"
        "    time.sleep(0.05)\n"
        "print(all(m in sys.modules for m in screen_modules()))\n"
        "store.close()\n"
    )
    assert out.splitlines() == ["Store", "True"]
