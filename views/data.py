"""Je gegevens: save everything to one file, bring a file back after a full check, or erase all."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import flet as ft

from domain.backup import (
    COLLECTIONS,
    MAX_BYTES,
    BackupError,
    CheckedBackup,
    Problem,
    backup_file_name,
    encode_backup,
    read_backup,
    with_app_version,
)
from domain.i18n import Translator
from storage import ImportValidationError, StorageError
from storage.settings_repository import SettingsRepository
from views import theme
from views.context import AppContext
from views.theme import GAP
from views.widgets import body_text, card, heading, primary_button, secondary_button, text_button

if TYPE_CHECKING:
    from storage import Store

log = logging.getLogger("adempauze.data")

UPLOAD_WAIT_SECONDS = 120
_STATE = "data.state"
_PICKER = "data.picker"


class YourData:
    """All of the user's data at once: take it out, check a file, bring it back, erase it."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def export_bytes(self) -> bytes:
        return encode_backup(with_app_version(self.store.export_document()))

    def check_file(self, raw: bytes) -> CheckedBackup:
        """Read and check a file completely; raises BackupError, and changes nothing."""
        return read_backup(raw)

    def replace_with(self, checked: CheckedBackup) -> None:
        """Replace everything by a checked backup; the store sets the current data aside first."""
        try:
            self.store.import_document(checked.document)
        except ImportValidationError as exc:
            raise BackupError(
                [Problem(exc.path, "data.error.store", {"reason": exc.reason})]
            ) from exc

    def counts(self) -> dict[str, int]:
        return {name: self.store.collection(name).count() for name in COLLECTIONS}

    def erase_all(self) -> None:
        self.store.delete_all()


@dataclass
class DataScreenState:
    """What the screen shows between rebuilds: a file waiting for a yes, or why one was refused."""

    pending: CheckedBackup | None = None
    problems: list[Problem] = field(default_factory=list)
    busy: bool = False


def _state(ctx: AppContext) -> DataScreenState:
    found = ctx.memory.get(_STATE)
    if found is None:
        found = ctx.memory[_STATE] = DataScreenState()
    return found


# --- the screen -------------------------------------------------------------------------------


def build(ctx: AppContext) -> ft.Control:
    state = _state(ctx)
    read_only = bool(getattr(ctx.store, "read_only", False))
    controls: list[ft.Control] = [
        heading(ctx.t("data.title")),
        body_text(ctx.t("data.intro")),
    ]
    if read_only:
        controls.append(body_text(ctx.t("data.read_only"), size=15))
    controls.append(
        card(
            heading(ctx.t("data.export.title"), size=20),
            body_text(ctx.t("data.export.body"), size=15),
            ft.Row(
                [
                    primary_button(
                        ctx.t("data.export.button"),
                        lambda e: ctx.page.run_task(export_data, ctx),
                        key="data-export",
                        icon=ft.Icons.DOWNLOAD,
                        height=theme.TOUCH + 8,
                    )
                ]
            ),
        )
    )
    import_controls: list[ft.Control] = [
        heading(ctx.t("data.import.title"), size=20),
        body_text(ctx.t("data.import.body"), size=15),
    ]
    if state.pending is not None:
        import_controls.append(_preview(ctx, state.pending))
    else:
        import_controls.append(
            secondary_button(
                ctx.t("data.import.button"),
                None if read_only or state.busy else lambda e: ctx.page.run_task(pick_file, ctx),
                key="data-import",
                icon=ft.Icons.UPLOAD_FILE,
            )
        )
    if state.busy:
        import_controls.append(
            ft.Row([ft.ProgressRing(width=24, height=24), body_text(ctx.t("data.import.reading"))])
        )
    if state.problems:
        import_controls.append(_refusal(ctx, state.problems))
    controls.append(card(*import_controls))
    controls.append(
        card(
            heading(ctx.t("data.delete.title"), size=20),
            body_text(ctx.t("data.delete.body"), size=15),
            secondary_button(
                ctx.t("data.delete.button"),
                None if read_only else lambda e: ask_erase(ctx),
                key="data-delete",
                icon=ft.Icons.DELETE_OUTLINE,
            ),
        )
    )
    return ft.Container(padding=GAP, content=ft.Column(controls, spacing=GAP))


def count_lines(ctx: AppContext, counts: dict[str, int]) -> list[str]:
    """What a set of data holds, in words: "1.204 pauzes", "your settings", …"""
    lines = []
    for name in ("pauses", "agenda_items", "recovery_rules", "boundaries", "selfchecks"):
        if counts.get(name):
            lines.append(ctx.t(f"data.count.{name}", n=_number(ctx, counts[name])))
    for name in ("walkthrough", "settings"):
        if counts.get(name):
            lines.append(ctx.t(f"data.count.{name}"))
    return lines


def _number(ctx: AppContext, n: int) -> str:
    text = f"{n:,}"
    return text.replace(",", ".") if ctx.lang == "nl" else text


def _day(ctx: AppContext, day: date) -> str:
    return day.strftime("%d-%m-%Y") if ctx.lang == "nl" else day.isoformat()


def _preview(ctx: AppContext, checked: CheckedBackup) -> ft.Control:
    preview = checked.preview
    lines = [ctx.t("data.preview.made_by", version=preview.app_version)]
    if preview.exported_at:
        lines.append(ctx.t("data.preview.made_on", when=preview.exported_at[:10]))
    if preview.first_day and preview.last_day:
        lines.append(
            ctx.t(
                "data.preview.span",
                first=_day(ctx, preview.first_day),
                last=_day(ctx, preview.last_day),
            )
        )
    held = count_lines(ctx, preview.counts) or [ctx.t("data.preview.empty")]
    return ft.Container(
        key="data-preview",
        padding=GAP,
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
        border_radius=12,
        content=ft.Column(
            [
                heading(ctx.t("data.preview.title"), size=18),
                *[body_text(line, size=15) for line in lines],
                *[
                    ft.Row([ft.Icon(ft.Icons.CHECK, size=18), body_text(line, expand=True)])
                    for line in held
                ],
                body_text(ctx.t("data.preview.replace_note"), size=15),
                ft.Row(
                    [
                        primary_button(
                            ctx.t("data.preview.replace"),
                            lambda e: confirm_import(ctx),
                            key="data-import-confirm",
                            icon=ft.Icons.RESTORE,
                            height=theme.TOUCH + 8,
                        )
                    ]
                ),
                text_button(
                    ctx.t("data.preview.cancel"),
                    lambda e: cancel_import(ctx),
                    key="data-import-cancel",
                ),
            ],
            spacing=GAP // 2,
        ),
    )


def problem_text(ctx: AppContext, problem: Problem) -> str:
    """One refusal in words, with its field path: "collections.pauses[3].started_at: …"."""
    key = problem.key if ctx.translator.has(problem.key) else "data.error.invalid"
    reason = ctx.t(key, **problem.values)
    if not problem.path:
        return reason
    return ctx.t("data.import.problem", path=problem.path, reason=reason)


def _refusal(ctx: AppContext, problems: list[Problem]) -> ft.Control:
    shown = problems[:5]
    texts = [problem_text(ctx, p) for p in shown]
    if len(problems) > len(shown):
        texts.append(ctx.t("data.import.more"))
    return ft.Container(
        key="data-import-refused",
        padding=GAP,
        bgcolor=ft.Colors.SECONDARY_CONTAINER,
        border_radius=12,
        content=ft.Column(
            [
                ft.Row(
                    [
                        ft.Icon(ft.Icons.INFO_OUTLINE),
                        body_text(
                            ctx.t("data.import.refused"), expand=True, weight=ft.FontWeight.W_600
                        ),
                    ]
                ),
                *[body_text(text, size=15) for text in texts],
            ],
            spacing=GAP // 2,
        ),
    )


# --- export -----------------------------------------------------------------------------------


def _picker(ctx: AppContext) -> ft.FilePicker:
    """One file picker per session, kept referenced so the page keeps it."""
    found = ctx.memory.get(_PICKER)
    if found is None:
        found = ctx.memory[_PICKER] = ft.FilePicker(on_upload=lambda e: _upload_progress(ctx, e))
    return found


async def export_data(ctx: AppContext) -> None:
    name = backup_file_name(ctx.now())
    try:
        raw = YourData(ctx.store).export_bytes()
        saved = await _picker(ctx).save_file(
            dialog_title=ctx.t("data.export.title"), file_name=name, src_bytes=raw
        )
    except (StorageError, OSError) as exc:
        log.exception("export failed")
        ctx.notify(ctx.t("data.failed", reason=str(exc)))
        return
    if saved is None and not ctx.page.web:
        ctx.notify(ctx.t("data.export.cancelled"))
        return
    ctx.notify(ctx.t("data.export.done", name=Path(saved).name if saved else name))


# --- import -----------------------------------------------------------------------------------


class _UploadFailed(Exception):
    pass


async def pick_file(ctx: AppContext) -> None:
    """Let the user choose a file, bring its bytes here, and check it; nothing is written yet."""
    state = _state(ctx)
    picker = _picker(ctx)
    web = bool(ctx.page.web)
    # On the web the bytes come by upload, not inside the websocket, whose messages are capped
    # below our 20 MB limit; elsewhere the picker hands the bytes or a path directly.
    files = await picker.pick_files(
        dialog_title=ctx.t("data.import.title"),
        file_type=ft.FilePickerFileType.CUSTOM,
        allowed_extensions=["json"],
        with_data=not web,
    )
    if not files:
        return
    chosen = files[0]
    state.pending, state.problems = None, []
    if chosen.size > MAX_BYTES:
        state.problems = [Problem("", "data.error.too_large", {"mb": MAX_BYTES // (1024 * 1024)})]
        ctx.refresh()
        return
    state.busy = True
    ctx.refresh()
    try:
        raw = await _bytes_of(ctx, picker, chosen)
    except (OSError, _UploadFailed, TimeoutError) as exc:
        state.busy = False
        state.problems = [Problem("", "data.import.upload_failed", {"reason": str(exc) or "-"})]
        ctx.refresh()
        return
    state.busy = False
    receive_file(ctx, raw)


async def _bytes_of(ctx: AppContext, picker: ft.FilePicker, chosen: ft.FilePickerFile) -> bytes:
    if chosen.bytes is not None:
        return bytes(chosen.bytes)
    if chosen.path:
        with open(chosen.path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    folder = os.environ.get("FLET_UPLOAD_DIR")
    if not folder:
        raise _UploadFailed("no upload folder")
    upload_name = f"import-{secrets.token_hex(8)}.json"
    arrived: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    ctx.memory["data.upload"] = (upload_name, arrived)
    url = ctx.page.get_upload_url(upload_name, UPLOAD_WAIT_SECONDS)
    await picker.upload([ft.FilePickerUploadFile(upload_url=url, method="PUT", id=chosen.id)])
    path = Path(folder) / upload_name
    try:
        await asyncio.wait_for(arrived, UPLOAD_WAIT_SECONDS)
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    finally:
        ctx.memory.pop("data.upload", None)
        path.unlink(missing_ok=True)


def _upload_progress(ctx: AppContext, e: Any) -> None:
    waiting = ctx.memory.get("data.upload")
    if not waiting:
        return
    _name, arrived = waiting
    if arrived.done():
        return
    if e.error:
        arrived.set_exception(_UploadFailed(str(e.error)))
    elif e.progress is not None and e.progress >= 1.0:
        arrived.set_result(None)


def receive_file(ctx: AppContext, raw: bytes) -> None:
    """Check a chosen file completely and show either its preview or why it can't come in."""
    state = _state(ctx)
    try:
        state.pending, state.problems = YourData(ctx.store).check_file(raw), []
    except BackupError as exc:
        state.pending, state.problems = None, exc.problems
    ctx.refresh()


def confirm_import(ctx: AppContext) -> None:
    state = _state(ctx)
    checked = state.pending
    if checked is None:
        return
    try:
        YourData(ctx.store).replace_with(checked)
    except BackupError as exc:
        state.pending, state.problems = None, exc.problems
        ctx.refresh()
        return
    except StorageError as exc:
        log.exception("import failed")
        state.pending = None
        ctx.notify(ctx.t("data.failed", reason=str(exc)))
        ctx.refresh()
        return
    state.pending, state.problems = None, []
    adopt_stored_settings(ctx)
    ctx.notify(ctx.t("data.import.done"))


def cancel_import(ctx: AppContext) -> None:
    state = _state(ctx)
    state.pending, state.problems = None, []
    ctx.refresh()


def adopt_stored_settings(ctx: AppContext) -> None:
    """After the data changed under it, the session takes on the stored settings, without saving."""
    settings = SettingsRepository(ctx.store).load()
    ctx.settings = settings
    if settings.language and settings.language != ctx.lang:
        ctx.translator = Translator(settings.language)
    ctx.page.theme_mode = theme.theme_mode(settings.theme)
    ctx.refresh()


# --- erase ------------------------------------------------------------------------------------


def ask_erase(ctx: AppContext) -> None:
    """A confirm that names what will go, so nobody erases more than they meant to."""
    lines = count_lines(ctx, YourData(ctx.store).counts())
    body: list[ft.Control] = [body_text(ctx.t("data.delete.confirm.body"))]
    body += [
        ft.Row([ft.Icon(ft.Icons.REMOVE, size=18), body_text(line, expand=True)]) for line in lines
    ] or [body_text(ctx.t("data.delete.confirm.nothing"))]
    dialog = ft.AlertDialog(
        modal=True,
        key="data-delete-dialog",
        title=ft.Text(ctx.t("data.delete.confirm.title")),
        # Tight, not scrolling: a scrolling column would stretch the dialog to the full height.
        content=ft.Column(body, tight=True, spacing=GAP // 2),
        actions=[
            text_button(
                ctx.t("data.delete.confirm.no"),
                lambda e: ctx.page.pop_dialog(),
                key="data-delete-no",
            ),
            ft.FilledButton(
                content=ctx.t("data.delete.confirm.yes"),
                key="data-delete-confirm",
                on_click=lambda e: erase_everything(ctx),
                height=theme.TOUCH,
            ),
        ],
    )
    ctx.page.show_dialog(dialog)


def erase_everything(ctx: AppContext) -> None:
    ctx.page.pop_dialog()
    try:
        YourData(ctx.store).erase_all()
    except StorageError as exc:
        log.exception("erase failed")
        ctx.notify(ctx.t("data.failed", reason=str(exc)))
        return
    state = _state(ctx)
    state.pending, state.problems = None, []
    adopt_stored_settings(ctx)
    ctx.notify(ctx.t("data.delete.done"))


ROUTES = {"/settings/data": build}
