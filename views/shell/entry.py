"""The Flet entry point, light to import: the server listens before the screens are loaded.

The shell and its screens are imported by the warm-up in `views/shell/startup.py` while the
browser loads the client, so by the time the first session starts they are ready.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import flet as ft

    from storage import Store
    from views.shell.app import AppShell

# Set once the first session's first screen has gone out to its client; the warm-up waits for
# it before loading the other screens.
FIRST_SCREEN_SENT = threading.Event()
# How long the first screen waits before sending what lies below Pauze nu. Someone who opens
# the app to pause taps within about a second; at 0.5 s the history and catalogue reached the
# client just then, and the tap waited while it laid them out (docs/BENCHMARKS.md, first tap).
FIRST_PAINT_DELAY = 1.5


def create_app(
    store: Store | Future[Store],
    *,
    lang_flag: str | None = None,
    now: Callable[[], datetime] = datetime.now,
    access_token: str | None = None,
    first_paint_delay: float = FIRST_PAINT_DELAY,
) -> Callable[[ft.Page], Any]:
    """One shell per session, all sharing the process's single store.

    `store` may still be opening (a Future): sessions wait for it, so the server can answer the
    browser while the data is read. With `access_token`, a session must open with
    `?token=<it>` or it sees only "no access".
    """

    async def main(page: ft.Page) -> AppShell:
        from views.shell.app import AppShell

        opened = await asyncio.wrap_future(store) if isinstance(store, Future) else store
        shell = AppShell(
            page,
            opened,
            lang_flag=lang_flag,
            now=now,
            access_token=access_token,
            first_paint_delay=first_paint_delay,
        )
        await shell.start()
        FIRST_SCREEN_SENT.set()
        # Flet ignores it; the view tests reach the session's context through it.
        return shell

    return main
