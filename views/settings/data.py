"""Je gegevens: save everything to one file, bring a file back after a full check, or erase all."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import flet as ft

from domain.i18n import Translator
from domain.settings.backup import (
    COLLECTIONS,
    BackupError,
    CheckedBackup,
    Problem,
    backup_file_name,
    encode_backup,
    read_backup,
    with_app_version,
)
from domain.settings.your_data import YourDataState
from storage import ImportValidationError, StorageError
from storage.settings_repository import SettingsRepository
from views.settings.data_preview import count_lines, preview, refusal
from views.settings.data_transfer import UploadFailed, bytes_of, choose_files
from views.shell import theme
from views.shell.context import AppContext
from views.shell.theme import GAP
from views.shell.widgets import (
    body_text,
    card,
    heading,
    primary_button,
    secondary_button,
    text_button,
)

if TYPE_CHECKING:
    from storage import Store

log = logging.getLogger("adempauze.data")


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


def _state(ctx: AppContext) -> YourDataState:
    """The session's one data screen state: a file waiting for a yes survives a rebuild."""
    return ctx.state(YourDataState, lambda: YourDataState(YourData(ctx.store)))


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
            *(
                # On a phone the file can go straight to mail, a chat or a cloud folder.
                [
                    secondary_button(
                        ctx.t("data.export.share"),
                        lambda e: ctx.page.run_task(share_data, ctx),
                        key="data-share",
                        icon=ft.Icons.SHARE,
                    )
                ]
                if on_phone(ctx.page)
                else []
            ),
        )
    )
    import_controls: list[ft.Control] = [
        heading(ctx.t("data.import.title"), size=20),
        body_text(ctx.t("data.import.body"), size=15),
    ]
    if state.pending is not None:
        import_controls.append(
            preview(ctx, state.pending, lambda: confirm_import(ctx), lambda: cancel_import(ctx))
        )
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
        import_controls.append(refusal(ctx, state.problems))
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


# --- export -----------------------------------------------------------------------------------


async def export_data(ctx: AppContext) -> None:
    name = backup_file_name(ctx.now())
    try:
        raw = YourData(ctx.store).export_bytes()
        saved = await ctx.services.file_picker.save_file(
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


def on_phone(page: ft.Page) -> bool:
    """The app itself on Android or iOS (not a phone's browser, which downloads instead)."""
    return not page.web and page.platform in (ft.PagePlatform.ANDROID, ft.PagePlatform.IOS)


async def share_data(ctx: AppContext) -> None:
    name = backup_file_name(ctx.now())
    try:
        raw = YourData(ctx.store).export_bytes()
        result = await ctx.services.share.share_files(
            [ft.ShareFile.from_bytes(raw, mime_type="application/json", name=name)],
            subject=ctx.t("data.export.share.subject"),
        )
    except (StorageError, OSError) as exc:
        log.exception("share failed")
        ctx.notify(ctx.t("data.failed", reason=str(exc)))
        return
    if result.status == ft.ShareResultStatus.DISMISSED:
        ctx.notify(ctx.t("data.export.cancelled"))


# --- import -----------------------------------------------------------------------------------


async def pick_file(ctx: AppContext) -> None:
    """Let the user choose a file, bring its bytes here, and check it; nothing is written yet."""
    state = _state(ctx)
    picker = ctx.services.file_picker
    files = await choose_files(ctx, ctx.t("data.import.title"), "json")
    if not files:
        return
    chosen = files[0]
    ready = state.choose_file(chosen.size)
    ctx.refresh()
    if not ready:
        return
    try:
        raw = await bytes_of(ctx, picker, chosen)
    except (OSError, UploadFailed, TimeoutError) as exc:
        state.reading_failed(str(exc))
        ctx.refresh()
        return
    receive_file(ctx, raw)


def receive_file(ctx: AppContext, raw: bytes) -> None:
    """Check a chosen file completely and show either its preview or why it can't come in."""
    _state(ctx).receive(raw)
    ctx.refresh()


def confirm_import(ctx: AppContext) -> None:
    try:
        replaced = _state(ctx).confirm_import()
    except StorageError as exc:
        log.exception("import failed")
        ctx.notify(ctx.t("data.failed", reason=str(exc)))
        ctx.refresh()
        return
    if not replaced:
        ctx.refresh()
        return
    adopt_stored_settings(ctx)
    ctx.notify(ctx.t("data.import.done"))


def cancel_import(ctx: AppContext) -> None:
    _state(ctx).cancel_import()
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
        _state(ctx).erase_all()
    except StorageError as exc:
        log.exception("erase failed")
        ctx.notify(ctx.t("data.failed", reason=str(exc)))
        return
    adopt_stored_settings(ctx)
    ctx.notify(ctx.t("data.delete.done"))
