"""A Begrijpen screen in a real Flet session, closed with its store when the test is done."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path

from storage import Store
from tests.flet_session import AppHarness, open_app


@asynccontextmanager
async def opened(
    data_dir: Path, route: str, now: datetime, lang: str = "nl", *, read_only: bool = False
) -> AsyncIterator[AppHarness]:
    """The screen at `route`; `read_only` as when the data comes from a newer app version."""
    store = Store.open(data_dir)
    if read_only:
        store.read_only = True
    app = await open_app(store=store, route=route, lang=lang, now=lambda: now)
    try:
        app.assert_no_crash()
        yield app
    finally:
        await app.close()
        store.close()
