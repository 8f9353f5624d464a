"""One process per data folder, and a lock that dies with its process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storage import Store, StoreLocked

ROOT = Path(__file__).resolve().parents[2]


def _run_child(code: str, data_dir: Path, **kwargs) -> subprocess.Popen:
    script = textwrap.dedent(code)
    return subprocess.Popen(
        [sys.executable, "-c", script, str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


OPEN_AND_REPORT = """
import sys
from storage import Store, StoreLocked
try:
    Store.open(sys.argv[1]).close()
    print("opened")
except StoreLocked as exc:
    print("locked:", exc)
"""

OPEN_AND_HOLD = """
import sys, time
from storage import Store
store = Store.open(sys.argv[1])
store.collection("settings").put({"id": "s", "lang": "en"})
print("holding", flush=True)
time.sleep(60)
"""


def test_second_open_in_the_same_process_is_refused(data_dir: Path) -> None:
    with Store.open(data_dir), pytest.raises(StoreLocked):
        Store.open(data_dir)
    Store.open(data_dir).close()  # closing released it


def test_second_process_is_refused_with_a_clear_message(data_dir: Path) -> None:
    with Store.open(data_dir):
        out, _err = _run_child(OPEN_AND_REPORT, data_dir).communicate(timeout=30)
    assert out.startswith("locked: Adempauze is already running with this data folder")
    assert f"process {os.getpid()}" in out
    out, _err = _run_child(OPEN_AND_REPORT, data_dir).communicate(timeout=30)
    assert out.strip() == "opened"


def test_lock_of_a_killed_process_is_gone(data_dir: Path) -> None:
    holder = _run_child(OPEN_AND_HOLD, data_dir)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    with pytest.raises(StoreLocked):
        Store.open(data_dir)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    holder.stdout.close()
    holder.stderr.close()
    with Store.open(data_dir) as store:
        assert store.collection("settings").get("s") == {"id": "s", "lang": "en"}


def test_a_claimed_folder_is_refused_to_others_before_its_data_is_read(tmp_path):
    claimed = Store.claim(tmp_path / "data")
    assert (tmp_path / "data").is_dir()
    with pytest.raises(StoreLocked):
        Store.open(tmp_path / "data")
    with pytest.raises(StoreLocked):
        Store.claim(tmp_path / "data")
    store = Store.open(tmp_path / "data", claimed=claimed)
    store.collection("settings").insert({"id": "s", "language": "nl"})
    store.close()  # the store owned the claimed lock and let it go
    with Store.open(tmp_path / "data") as again:
        assert again.collection("settings").count() == 1
