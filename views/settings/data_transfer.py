"""Moving a file (a backup, a calendar) from the person's device to the app: the picker, the upload.

On the web the bytes come by upload, not inside the websocket, whose messages are capped below
the 20 MB limit; elsewhere the picker hands over the bytes or a path.
"""

from __future__ import annotations

import asyncio
import os
import secrets
from pathlib import Path

import flet as ft

from domain.settings.backup_size import MAX_BYTES
from views.shell.context import AppContext

UPLOAD_WAIT_SECONDS = 120


class UploadFailed(Exception):
    """The file did not arrive (the upload failed or was refused)."""


async def choose_files(
    ctx: AppContext, title: str, extension: str, *, multiple: bool = False
) -> list[ft.FilePickerFile]:
    """The files the person chose (none when they cancelled); on the web without their bytes."""
    return await ctx.services.file_picker.pick_files(
        dialog_title=title,
        file_type=ft.FilePickerFileType.CUSTOM,
        allowed_extensions=[extension],
        allow_multiple=multiple,
        with_data=not ctx.page.web,
    )


async def bytes_of(ctx: AppContext, picker: ft.FilePicker, chosen: ft.FilePickerFile) -> bytes:
    """The chosen file's bytes (at most one past the limit): handed over, read, or uploaded."""
    if chosen.bytes is not None:
        return bytes(chosen.bytes)
    if chosen.path:
        with open(chosen.path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    folder = os.environ.get("FLET_UPLOAD_DIR")
    if not folder:
        raise UploadFailed("no upload folder")
    upload_name = f"import-{secrets.token_hex(8)}.json"
    arrived: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def note_progress(e: ft.FilePickerUploadEvent) -> None:
        if arrived.done():
            return
        if e.error:
            arrived.set_exception(UploadFailed(str(e.error)))
        elif e.progress is not None and e.progress >= 1.0:
            arrived.set_result(None)

    # The session shares one picker: this upload's progress comes to this upload's handler.
    picker.on_upload = note_progress
    picker.update()
    url = ctx.page.get_upload_url(upload_name, UPLOAD_WAIT_SECONDS)
    await picker.upload([ft.FilePickerUploadFile(upload_url=url, method="PUT", id=chosen.id)])
    path = Path(folder) / upload_name
    try:
        await asyncio.wait_for(arrived, UPLOAD_WAIT_SECONDS)
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    finally:
        path.unlink(missing_ok=True)
