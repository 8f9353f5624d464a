"""Je gegevens in a real Flet session: export, erase, import with preview, and bad files refused.

The browser's side of picking and uploading a file is played by the recording connection: it
answers `pick_files` with the chosen file's name and size, and `upload` by putting the bytes in
the upload folder and reporting progress 1.0, as the Flet web client does.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from domain.pause.record import PauseRecord
from domain.plan.boundaries import new_boundary
from domain.plan.items import new_item
from domain.plan.recurrence import new_rule
from domain.settings.backup import FORMAT_NAME, MAX_BYTES, with_app_version
from domain.settings.preferences import Settings
from domain.understand.selfcheck import ITEMS
from domain.understand.walkthrough import WalkthroughProgress
from storage import Store
from storage.pause_repository import PauseRepository
from storage.planner_repository import PlannerRepository
from storage.settings_repository import SettingsRepository
from storage.walkthrough_repository import WalkthroughRepository
from tests.domain.settings.documents import REMOVE, with_field
from tests.flet_session import AppHarness, RecordingConnection, open_app
from views.settings.data import YourData

NOW = datetime(2026, 11, 25, 9, 30)


# The same two fixtures as tests/storage/conftest.py, whose fixtures don't reach this folder.
@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def browser_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The file the "browser" hands over when the app asks for one: set `chosen["raw"]`."""
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    monkeypatch.setenv("FLET_UPLOAD_DIR", str(uploads))
    chosen: dict[str, Any] = {"raw": b"", "size": None, "saved": []}
    original = RecordingConnection._answer

    # tests/views/test_bad_input_matrix.py answers these calls too, for its fixed files only; this
    # one also takes a claimed size and records what is saved.
    def answer(self: RecordingConnection, control_id: int, call_id: str, name: str, args: Any):
        assert self.session is not None
        if name == "pick_files":
            size = chosen["size"] if chosen["size"] is not None else len(chosen["raw"])
            files = [{"id": 7, "name": "backup.json", "size": size}]
            self.session.handle_invoke_method_results(control_id, call_id, files, None)
            return
        if name == "upload":
            target = args["files"][0]
            assert target.id == 7
            file_name = parse_qs(urlsplit(target.upload_url).query)["f"][0]
            (uploads / file_name).write_bytes(chosen["raw"])
            self.session.handle_invoke_method_results(control_id, call_id, None, None)
            event = {"file_name": "backup.json", "progress": 1.0}
            self.loop.create_task(self.session.dispatch_event(control_id, "upload", event))
            return
        if name == "save_file":
            chosen["saved"].append(dict(args))
        original(self, control_id, call_id, name, args)

    def upload_url(self: RecordingConnection, file_name: str, expires: int) -> str:
        return f"upload?f={file_name}&e=2099-01-01T00:00:00&s=signed"

    monkeypatch.setattr(RecordingConnection, "_answer", answer)
    monkeypatch.setattr(RecordingConnection, "get_upload_url", upload_url, raising=False)
    chosen["uploads"] = uploads
    return chosen


def seed(store: Store) -> None:
    """A bit of everything a person keeps, written through the features' own repositories."""
    SettingsRepository(store).save(Settings(language="en", theme="dark", bedtime="22:45"))
    pauses = PauseRepository(store)
    for n in range(40):
        started = datetime(2026, 1 + n % 11, 1 + n % 27, 8 + n % 10, 15)
        pauses.save(PauseRecord(f"p{n}", "calm", started, 60, 45 + n, n % 3 == 0, n % 11))
    planner = PlannerRepository(store)
    planner.save_item(new_item(title="Tandarts", day=date(2026, 12, 1), start="14:00", minutes=45))
    planner.save_item(new_item(title="Boodschappen", day=date(2026, 12, 2), kind="could"))
    planner.save_boundary(new_boundary(kind="no_work_after", time_text="20:00"))
    planner.save_rule(
        new_rule(title="Even naar buiten", start=date(2026, 11, 2), at_text="10:30", repeat="daily")
    )
    walk = WalkthroughRepository(store)
    walk.save_progress(WalkthroughProgress("c3", datetime(2026, 11, 20, 21, 0)))
    walk.add_selfcheck([ITEMS[0].id, ITEMS[2].id], datetime(2026, 11, 21, 20, 0))


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under the data folder and its bytes (the lock file holds only a pid)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "lock"
    }


async def open_data(store: Store) -> AppHarness:
    app = await open_app(store=store, route="/settings/data", lang="nl", now=lambda: NOW)
    app.assert_no_crash()
    return app


async def settle_long(app: AppHarness) -> None:
    for _ in range(10):
        await app.settle()
        await asyncio.sleep(0.01)


async def import_file(app: AppHarness, raw: bytes, browser_files: dict, size: int | None = None):
    browser_files["raw"], browser_files["size"] = raw, size
    await app.click("data-import")
    await settle_long(app)
    app.assert_no_crash()


async def test_export_erase_import_gives_back_exactly_the_same_data(store, browser_files):
    seed(store)
    before = store.export_document()["collections"]
    app = await open_data(store)
    try:
        await app.click("data-export")
        await settle_long(app)
        (saved,) = browser_files["saved"]
        assert saved["file_name"] == "adempauze-2026-11-25.json"
        raw = bytes(saved["src_bytes"])
        header = json.loads(raw)
        assert header["format"] == FORMAT_NAME and header["app_version"]
        assert header["schema_version"] == 1

        await app.click("data-delete")
        assert app.text_shown("40 pauzes") and app.text_shown("2 dingen in je planning")
        await app.click("data-delete-confirm")
        app.assert_no_crash()
        assert all(not records for records in store.export_document()["collections"].values())

        await import_file(app, raw, browser_files)
        assert app.has("data-preview") and app.text_shown("40 pauzes")
        assert store.collection("pauses").count() == 0  # nothing written before the yes
        await app.click("data-import-confirm")
        app.assert_no_crash()
        assert store.export_document()["collections"] == before
        # The imported settings are in force at once: English, dark.
        assert app.text_shown("Your data") and app.page.theme_mode.value == "dark"
        assert not list(browser_files["uploads"].iterdir())  # the uploaded copy is gone
    finally:
        await app.close()


def bad_document(path: str, value: Any) -> bytes:
    """A one-item backup with one field (dotted path, `[i]` for list items) set or REMOVE'd."""
    doc = with_app_version(
        {
            "format": FORMAT_NAME,
            "schema_version": 1,
            "exported_at": "2026-11-25T09:00:00+00:00",
            "collections": {
                "agenda_items": [
                    {"id": "i1", "title": "Tandarts", "date": "2026-12-01", "minutes": 45}
                ],
            },
        }
    )
    return json.dumps(with_field(doc, path, value)).encode()


ITEM = "collections.agenda_items[0]."
HUNDRED_THOUSAND = [
    {"id": f"i{n}", "title": "x", "date": "2026-12-01", "minutes": 30} for n in range(100_000)
]


@pytest.mark.parametrize(
    ("raw", "size", "shown"),
    [
        # not JSON
        (b"Dit is een boodschappenlijst.", None, "geen JSON"),
        # an empty file
        (b"", None, "Het bestand is leeg"),
        # 50 MB: refused by its size before a byte is sent
        (b"", 50 * 1024 * 1024, "groter dan 20 MB"),
        # 50 MB of real bytes that claim to be small still stop at the size check
        (b"{" + b" " * (MAX_BYTES + 10) + b"}", 100, "groter dan 20 MB"),
        # a future format version
        (
            bad_document("schema_version", 2),
            None,
            "schema_version: Dit bestand komt uit een nieuwere",
        ),
        # a missing field
        (bad_document(ITEM + "title", REMOVE), None, "agenda_items[0].title: Dit veld ontbreekt"),
        # a wrong type
        (bad_document(ITEM + "done", "ja"), None, "agenda_items[0].done: Hier hoort true"),
        # a date that doesn't exist
        (bad_document(ITEM + "date", "2026-02-30"), None, "agenda_items[0].date: Deze datum"),
        # 100,000 items
        (
            bad_document("collections.agenda_items", HUNDRED_THOUSAND),
            None,
            "agenda_items: 100000 records is meer dan",
        ),
        # duplicated ids
        (
            bad_document(
                "collections.agenda_items",
                [
                    {"id": "i1", "title": "a", "date": "2026-12-01", "minutes": 45},
                    {"id": "i1", "title": "b", "date": "2026-12-02", "minutes": 45},
                ],
            ),
            None,
            "agenda_items[1].id: De id i1 komt twee keer voor",
        ),
    ],
)
async def test_a_bad_file_is_refused_clearly_and_changes_no_byte(
    store, data_dir, browser_files, raw, size, shown
):
    seed(store)
    before = folder_bytes(data_dir)
    app = await open_data(store)
    try:
        await import_file(app, raw, browser_files, size)
        assert app.has("data-import-refused"), app.texts()
        assert app.text_shown("Er is niets veranderd")
        assert app.text_shown(shown), [t for t in app.texts() if ":" in t or "MB" in t]
        assert not app.has("data-import-confirm")
    finally:
        await app.close()
    assert folder_bytes(data_dir) == before


async def test_not_now_leaves_the_data_as_it_was(store, data_dir, browser_files):
    seed(store)
    raw = YourData(store).export_bytes()
    before = folder_bytes(data_dir)
    app = await open_data(store)
    try:
        await import_file(app, raw, browser_files)
        assert app.has("data-preview")
        await app.click("data-import-cancel")
        assert not app.has("data-preview") and app.has("data-import")
    finally:
        await app.close()
    assert folder_bytes(data_dir) == before


async def test_erase_can_be_called_off(store, data_dir):
    seed(store)
    before = folder_bytes(data_dir)
    app = await open_data(store)
    try:
        await app.click("data-delete")
        assert app.text_shown("Alles wissen?")
        await app.click("data-delete-no")
        app.assert_no_crash()
    finally:
        await app.close()
    assert folder_bytes(data_dir) == before


def test_export_and_import_through_the_store_round_trip(store):
    seed(store)
    data = YourData(store)
    raw = data.export_bytes()
    before = store.export_document()["collections"]
    data.erase_all()
    data.replace_with(data.check_file(raw))
    assert store.export_document()["collections"] == before


async def test_on_a_phone_the_file_can_be_shared_and_in_a_browser_it_downloads(store):
    seed(store)
    phone = await open_app(
        store=store, route="/settings/data", lang="nl", now=lambda: NOW, web=False
    )
    assert phone.find("data-share").content == "Delen"
    await phone.click("data-share")
    await settle_long(phone)
    phone.assert_no_crash()
    calls = [args for name, args in phone.conn.calls if name == "share_files"]
    assert len(calls) == 1
    shared = calls[0]["files"][0]
    data = shared.data if hasattr(shared, "data") else shared["data"]
    name = shared.name if hasattr(shared, "name") else shared["name"]
    assert name == "adempauze-2026-11-25.json"
    expected = json.loads(YourData(store).export_bytes())
    assert json.loads(data)["collections"] == expected["collections"]
    await phone.close()

    browser = await open_data(store)
    assert browser.has("data-export") and not browser.has("data-share")
    await browser.close()
