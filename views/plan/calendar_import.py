"""Bringing in the user's calendars: pick .ics files, store each at once, say calmly how it went.

No confirm step: every file is stored as it arrives, then one snack bar (never a dialog that
blocks the screen) names what came in and what was left out, with **Ongedaan maken**.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import flet as ft

from domain.plan.calendar.advice import EventAnswer
from domain.plan.calendar.parse import ImportSummary, ParsedCalendar, read_calendar, refusal_by_size
from domain.plan.calendar.sources import CalendarSource
from storage.calendar_repository import CalendarRepository, ImportUndo
from views.plan.calendar_session import session_calendars
from views.settings.data_transfer import UploadFailed, bytes_of, choose_files
from views.shell.context import AppContext

log = logging.getLogger("adempauze.calendar")

SNACK_MS = 10_000  # long enough to read two lines and reach Ongedaan maken


def summary_words(ctx: AppContext, source: CalendarSource, summary: ImportSummary) -> str:
    """ "12 afspraken uit Werk; 3 zonder begintijd overgeslagen"."""
    if summary.events == 1:
        text = ctx.t("plan.calendar.imported.one", name=source.label)
    else:
        text = ctx.t("plan.calendar.imported", n=summary.events, name=source.label)
    for key, n in sorted(summary.skipped.items()):
        reason = key if ctx.translator.has(key) else "plan.calendar.skipped.bad_time"
        text += "; " + ctx.t(reason, n=n)
    return text


def refused_words(ctx: AppContext, name: str, key: str) -> str:
    return ctx.t("plan.calendar.refused", name=name, reason=ctx.t(key))


async def import_calendars(ctx: AppContext, replacing: CalendarSource | None = None) -> None:
    """Let the user choose .ics files and store each one; `replacing` takes one file for a source."""
    picker = ctx.services.file_picker
    files = await choose_files(
        ctx, ctx.t("plan.calendar.import"), "ics", multiple=replacing is None
    )
    if not files:
        return
    repo = CalendarRepository(ctx.store)
    lines: list[str] = []
    undos: list[ImportUndo] = []
    for chosen in files if replacing is None else files[:1]:
        refused = refusal_by_size(chosen.size)
        if refused is not None:  # said before a byte is sent
            lines.append(refused_words(ctx, chosen.name, refused.key))
            continue
        try:
            raw = await bytes_of(ctx, picker, chosen)
        except (OSError, UploadFailed, TimeoutError):
            log.warning("a calendar file did not arrive", exc_info=True)
            lines.append(ctx.t("plan.calendar.failed", name=chosen.name))
            continue
        # A large calendar takes a moment to read: not on the loop every session shares.
        parsed = await asyncio.to_thread(read_calendar, raw)
        if not isinstance(parsed, ParsedCalendar):
            lines.append(refused_words(ctx, chosen.name, parsed.key))
            continue
        file_name = replacing.file_name if replacing is not None else chosen.name
        undo = repo.import_calendar(file_name, parsed, ctx.now())
        undos.append(undo)
        lines.append(summary_words(ctx, undo.source, parsed.summary))
    # Answers the new import shows carried out (moved, gone) have done their work.
    forgotten = session_calendars(ctx).forget_stale_answers() if undos else []
    ctx.refresh()
    if not lines:
        return
    take_back = (lambda: undo_imports(ctx, undos, forgotten)) if undos else None
    show_snack(ctx, "\n".join(lines), take_back, key="plan-calendar-done")


def undo_imports(ctx: AppContext, undos: list[ImportUndo], forgotten: list[EventAnswer]) -> None:
    """Take the imports back out, newest first, with the answers they had let go."""
    repo = CalendarRepository(ctx.store)
    for undo in reversed(undos):
        repo.undo_import(undo)
    for answer in forgotten:
        if repo.source(answer.source_id) is not None:
            repo.save_answer(answer)
    ctx.refresh()
    ctx.notify(ctx.t("plan.calendar.undone"))


def remove_source(ctx: AppContext, source: CalendarSource) -> None:
    """Remove a source with all of it; the snack bar can bring it back."""
    repo = CalendarRepository(ctx.store)
    removed = repo.remove_source(source.id)
    ctx.refresh()
    if removed is None:
        return

    def restore() -> None:
        repo.restore_source(removed)
        ctx.refresh()

    show_snack(
        ctx,
        ctx.t("plan.calendar.source.removed", name=source.label),
        restore,
        key="plan-calendar-removed",
    )


def show_snack(ctx: AppContext, text: str, undo: Callable[[], None] | None, *, key: str) -> None:
    """A calm message at the bottom, with **Ongedaan maken** when something can be taken back."""

    def on_action(e: ft.Event[ft.SnackBar]) -> None:
        if undo is not None:
            undo()

    ctx.page.show_dialog(
        ft.SnackBar(
            content=ft.Text(text, size=16, no_wrap=False),
            action=ctx.t("plan.undo") if undo is not None else None,
            on_action=on_action,
            duration=SNACK_MS,
            key=key,
        )
    )
