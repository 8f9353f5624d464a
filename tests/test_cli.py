"""Starting the app: clear one-line errors, the data folder, and one process per data folder."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

import main
from tests.e2e.browser import AppProcess, free_port

ROOT = Path(__file__).resolve().parents[1]


def run_main(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--no-browser", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


@pytest.mark.parametrize(
    ("flag", "env", "expected"),
    [
        ("/tmp/x", {"FLET_APP_STORAGE_DATA": "/data/app"}, "/tmp/x"),  # the flag wins
        (None, {"FLET_APP_STORAGE_DATA": "/data/app"}, "/data/app"),  # then Flet's folder
    ],
)
def test_data_folder_choice(flag, env, expected):
    assert main.resolve_data_dir(Path(flag) if flag else None, env) == Path(expected)


def test_data_folder_falls_back_to_the_user_data_folder():
    folder = main.resolve_data_dir(None, {})
    assert folder.name == "Adempauze" and folder.is_absolute()


def test_port_in_use_is_one_clear_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_main("--port", str(port), "--data-dir", str(tmp_path))
    assert result.returncode != 0
    assert "already in use" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_unwritable_data_folder_is_one_clear_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_main("--port", str(free_port()), "--data-dir", str(blocker / "data"))
    assert result.returncode != 0
    assert "cannot write to the data folder" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.e2e
def test_a_second_process_on_the_same_data_is_refused(tmp_path):
    first = AppProcess(data_dir=tmp_path / "data").start()
    try:
        result = run_main("--port", str(free_port()), "--data-dir", str(tmp_path / "data"))
        assert result.returncode != 0
        assert "already running" in result.stderr
        assert "Traceback" not in result.stderr
        # The first one is unharmed and still serving.
        assert first.proc is not None and first.proc.poll() is None
    finally:
        first.stop()
    # And after the first one is gone (even killed), a new start succeeds.
    again = AppProcess(data_dir=tmp_path / "data").start()
    assert again.proc is not None
    again.proc.kill()
    again.proc.wait()
    AppProcess(data_dir=tmp_path / "data").start().stop()


def test_data_that_cannot_be_read_is_one_clear_line_and_the_server_stops(tmp_path):
    from storage import Store

    data = tmp_path / "data"
    with Store.open(data) as store:
        store.collection("settings").insert({"id": "s", "language": "nl"})
    core = next(data.glob("gen-*/core.json"))
    core.unlink()
    core.mkdir()  # the settings file is now something no one can read as a file
    result = run_main("--port", str(free_port()), "--data-dir", str(data))
    assert result.returncode == 2
    assert "cannot open your data" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("flags", [("--new-token",), ("--new-token", "--lan")])
def test_a_token_that_cannot_be_kept_is_one_clear_line(tmp_path, flags):
    from storage.access_token import TOKEN_FILE

    (tmp_path / TOKEN_FILE).mkdir()  # a folder where the token file should be
    (tmp_path / TOKEN_FILE / "inside").write_text("x")
    result = run_main("--port", str(free_port()), "--data-dir", str(tmp_path), *flags)
    assert result.returncode == 2
    assert "cannot keep the access token" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_lan_address_is_an_ipv4_address_or_none():
    found = main.lan_address()
    assert found is None or found.count(".") == 3
