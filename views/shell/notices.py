"""What the shell tells the user about their data: read-only or repaired data, a failed save."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

import flet as ft

from storage import ReadOnlyError, StorageError, StorageFullError
from views.shell import theme
from views.shell.context import AppContext
from views.shell.widgets import text_button

log = logging.getLogger("adempauze")

# Store notices that mean a damaged file was repaired at start (see storage.StoreNotice).
RECOVERY_NOTICE_KINDS = ("recovered", "restored_backup", "reset")


@dataclass
class RepairNoticeState:
    """Whether the user put away the notice about repaired data for this session."""

    seen: bool = False


def standing_notices(ctx: AppContext) -> list[ft.Control]:
    """Calm banners about the data itself: read-only data, or a file that was repaired."""
    t, store, banners = ctx.t, ctx.store, []
    if store.read_only:
        banners.append(banner(t("app.read_only")))
    repaired = [n for n in store.notices if n.kind in RECOVERY_NOTICE_KINDS]
    state = ctx.state(RepairNoticeState, RepairNoticeState)
    if repaired and not state.seen:
        kinds = sorted({n.kind for n in repaired})
        lines = [t("app.recovered")] + [t(f"app.recovered.{kind}") for kind in kinds]

        def dismiss(e: ft.Event[ft.TextButton]) -> None:
            state.seen = True
            ctx.refresh()

        def to_import(e: ft.Event[ft.TextButton]) -> None:
            ctx.navigate("/settings/data")

        actions = [
            text_button(t("app.recovered.import"), to_import, key="app-recovered-import"),
            text_button(t("app.recovered.ok"), dismiss, key="app-recovered-ok"),
        ]
        banners.append(banner(" ".join(lines), actions=actions))
    return banners


def banner(text: str, actions: list[ft.Control] | None = None) -> ft.Control:
    return ft.Container(
        content=ft.Column(
            [
                ft.Row(
                    [ft.Icon(ft.Icons.INFO_OUTLINE), ft.Text(text, expand=True, size=16)],
                    vertical_alignment=ft.CrossAxisAlignment.START,
                ),
                *(
                    [ft.Row(actions, wrap=True, alignment=ft.MainAxisAlignment.END)]
                    if actions
                    else []
                ),
            ],
            tight=True,
        ),
        padding=theme.GAP,
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
    )


def save_failed_text(ctx: AppContext, exc: StorageError) -> str:
    """A failed save said kindly: a full disk, read-only data, or the reason itself."""
    if isinstance(exc, StorageFullError):
        return ctx.t("app.disk_full")
    if isinstance(exc, ReadOnlyError):
        return ctx.t("app.read_only")
    return ctx.t("app.save_failed", reason=str(exc))


def catch_storage_errors(page: ft.Page, context: Callable[[], AppContext | None]) -> None:
    """Say kindly when a save fails (a full disk, read-only data) instead of crashing.

    Flet reports an exception raised by any event handler through `Session.error`, called
    while the exception is being handled; one hook here covers every screen's handlers.
    `context` gives the session's context once it has one.
    """
    session = page.session
    report_crash = session.error

    def on_handler_error(message: str) -> None:
        exc, ctx = sys.exc_info()[1], context()
        if not isinstance(exc, StorageError) or ctx is None:
            report_crash(message)
            return
        log.warning("a save failed: %s", exc)
        ctx.notify(save_failed_text(ctx, exc))
        page.update()

    # Flet's session has no hook of its own for this; its reporting method is replaced.
    session.error = on_handler_error  # type: ignore[method-assign]
