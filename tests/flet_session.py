"""Drive the real app in a real Flet Session on a connection that records what it would send.

This leans on Flet internals (Session, Connection, the msgpack encoder) and is pinned to flet 1.0.5:
keep every such detail in this one file.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import flet as ft
import msgpack
from flet.controls.base_control import BaseControl
from flet.controls.context import _context_page
from flet.messaging.connection import Connection
from flet.messaging.protocol import Message, MessageAction, configure_encode_object_for_msgpack
from flet.messaging.session import Session
from flet.pubsub.pubsub_hub import PubSubHub

if TYPE_CHECKING:
    from views.shell.context import AppContext

_encode = configure_encode_object_for_msgpack(BaseControl)


def _method_parts(message: Message) -> tuple[int, str, str, Any]:
    body = message.body
    if isinstance(body, dict):
        return body["control_id"], body["call_id"], body["name"], body.get("args")
    return body.control_id, body.call_id, body.name, body.args


class RecordingConnection(Connection):
    """Encodes every message the way the web server does, keeps it, and answers client calls."""

    def __init__(self, device_languages: list[str]) -> None:
        super().__init__()
        self.page_url = "http://127.0.0.1:8550/"
        self.messages: list[Message] = []
        self.calls: list[tuple[str, Any]] = []
        self.device_languages = device_languages
        self.session: Session | None = None
        # What the client answers to a method by name (a phone granting a permission, say).
        self.answers: dict[str, Any] = {}

    def send_message(self, message: Message) -> None:
        msgpack.packb([message.action, message.body], default=_encode)
        self.messages.append(message)
        if message.action == MessageAction.INVOKE_METHOD:
            control_id, call_id, name, args = _method_parts(message)
            self.calls.append((name, args))
            self.loop.call_soon(self._answer, control_id, call_id, name, args)

    def _answer(self, control_id: int, call_id: str, name: str, args: Any) -> None:
        assert self.session is not None
        result: Any = self.answers.get(name)
        if name == "share_files":
            result = {"status": "success", "raw": "shared"}
        if name == "get_device_info":
            result = {
                "browser_name": "chrome",
                "language": self.device_languages[0] if self.device_languages else None,
                "languages": self.device_languages,
                "locales": [],
            }
        self.session.handle_invoke_method_results(control_id, call_id, result, None)
        if name == "push_route":
            route = (args or {}).get("route", "/")
            self.session.apply_page_patch({"route": route})
            self.loop.create_task(
                self.session.dispatch_event(self.session.page._i, "route_change", {"route": route})
            )


class AppHarness:
    """One user's session of the real app: find controls by key or text, tap, type, read."""

    def __init__(self, session: Session, conn: RecordingConnection, shell: Any = None) -> None:
        self.session = session
        self.conn = conn
        self.shell = shell

    @property
    def page(self) -> ft.Page:
        return self.session.page

    @property
    def ctx(self) -> AppContext:
        """The session's context, for a test that hands a screen's state a clock to turn."""
        assert self.shell is not None and self.shell.ctx is not None, "no session context"
        return self.shell.ctx

    # --- finding ----------------------------------------------------------------------------

    def controls(self) -> Iterator[BaseControl]:
        return iter(list(self.session.index.values()))

    def find_all(self, key: str | None = None, *, kind: type | None = None) -> list[Any]:
        found = []
        for control in self.controls():
            if kind is not None and not isinstance(control, kind):
                continue
            if key is not None and _key_of(control) != key:
                continue
            found.append(control)
        return found

    def find(self, key: str) -> Any:
        matches = self.find_all(key)
        assert matches, f"no control with key {key!r} on {self.page.route}"
        assert len(matches) == 1, f"{len(matches)} controls share key {key!r}"
        return matches[0]

    def has(self, key: str) -> bool:
        return bool(self.find_all(key))

    def texts(self) -> list[str]:
        """Every visible string in the current UI: Text values, button contents, labels."""
        out: list[str] = []
        for control in self.controls():
            for attr in ("value", "content", "label", "text", "semantics_label", "hint_text"):
                value = getattr(control, attr, None)
                if isinstance(value, str) and value:
                    out.append(value)
        return out

    def text_shown(self, fragment: str) -> bool:
        return any(fragment in text for text in self.texts())

    # --- acting -----------------------------------------------------------------------------

    async def fire(self, target: str | BaseControl, event: str, data: Any = None) -> None:
        control = self.find(target) if isinstance(target, str) else target
        await self.session.dispatch_event(control._i, event, data)
        await self.settle()

    async def click(self, target: str | BaseControl) -> None:
        await self.fire(target, "click")

    async def type_into(
        self, target: str | BaseControl, text: str, *, submit: bool = False
    ) -> None:
        control = self.find(target) if isinstance(target, str) else target
        self.session.apply_patch(control._i, {"value": text})
        await self.fire(control, "change", text)
        if submit:
            await self.fire(control, "submit", text)

    async def go(self, route: str) -> None:
        await self.page.push_route(route)
        await self.settle()

    async def settle(self, turns: int = 20) -> None:
        for _ in range(turns):
            await asyncio.sleep(0)

    # --- checking ---------------------------------------------------------------------------

    def calls_to(self, control: BaseControl) -> list[tuple[str, Any]]:
        """The methods invoked on one control or service, in order, with their arguments."""
        found = []
        for message in self.conn.messages:
            if message.action == MessageAction.INVOKE_METHOD:
                control_id, _, name, args = _method_parts(message)
                if control_id == control._i:
                    found.append((name, args))
        return found

    def crashes(self) -> list[str]:
        return [
            str(getattr(m.body, "message", m.body))
            for m in self.conn.messages
            if m.action == MessageAction.SESSION_CRASHED
        ]

    def assert_no_crash(self) -> None:
        assert not self.crashes(), self.crashes()

    async def close(self) -> None:
        await self.session.dispatch_event(self.page._i, "disconnect", None)
        await self.settle()


def _key_of(control: BaseControl) -> Any:
    key = getattr(control, "key", None)
    return getattr(key, "value", key)


async def open_app(
    data_dir: Path | None = None,
    *,
    store: Any = None,
    route: str = "/",
    lang: str | None = None,
    device_languages: tuple[str, ...] = ("nl-NL",),
    now: Callable[[], datetime] = datetime.now,
    width: int = 390,
    height: int = 844,
    access_token: str | None = None,
    web: bool = True,
    platform: str = "android",
    answers: dict[str, Any] | None = None,
) -> AppHarness:
    """Start one session of the real app on `store` (or a store opened on `data_dir`).

    `web=False` is the app itself on a phone (a `flet build apk`, or `ipa` with
    `platform="ios"`), not a browser. `answers` are the client's answers to methods by name.
    """
    from storage import Store
    from views.shell.entry import create_app

    if store is None:
        assert data_dir is not None
        store = Store.open(data_dir)
    conn = RecordingConnection(list(device_languages))
    conn.answers.update(answers or {})
    conn.loop = asyncio.get_running_loop()
    conn.executor = ThreadPoolExecutor(max_workers=2)
    conn.pubsubhub = PubSubHub(loop=conn.loop, executor=conn.executor)
    session = Session(conn)
    conn.session = session
    _context_page.set(session.page)
    session.apply_page_patch(
        {"route": route, "width": width, "height": height, "web": web, "platform": platform}
    )
    msgpack.packb(session.get_page_patch(), default=_encode)
    # No client draws here, so nothing needs to wait for a first paint.
    shell = await create_app(
        store, lang_flag=lang, now=now, access_token=access_token, first_paint_delay=0
    )(session.page)
    harness = AppHarness(session, conn, shell)
    await harness.settle()
    harness.store = store  # type: ignore[attr-defined]
    return harness
