"""Run a function in a forked child and get its JSON result back (for limits and kills)."""

from __future__ import annotations

import json
import os
import traceback
from collections.abc import Callable
from typing import Any


def run_forked(fn: Callable[[], Any]) -> Any:
    """fn() runs in a child process; its return value (JSON) comes back, its errors too."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never return into pytest
        os.close(read_fd)
        try:
            payload = {"ok": fn()}
        except BaseException:
            payload = {"error": traceback.format_exc()}
        with os.fdopen(write_fd, "w") as out:
            out.write(json.dumps(payload))
        os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd) as source:
        text = source.read()
    _, status = os.waitpid(pid, 0)
    if not text:  # the child ended itself (os._exit) before returning
        assert os.waitstatus_to_exitcode(status) == 0, status
        return None
    payload = json.loads(text)
    if "error" in payload:
        raise AssertionError(f"child failed:\n{payload['error']}")
    return payload["ok"]
