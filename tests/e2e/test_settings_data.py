"""In Chromium: settings apply at once and survive a restart; export downloads, import uploads."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import expect

from domain.settings.backup import MAX_BYTES
from storage import Store
from storage.settings_repository import SettingsRepository
from tests.e2e.browser import ARTIFACTS, ROOT, AppProcess, open_page, screenshot, type_text


def shown(page, text: str):
    """Text on screen, as its own node or inside a card's merged accessible name."""
    pattern = re.compile(re.escape(text))
    return page.get_by_text(pattern).or_(page.get_by_label(pattern)).first


def open_settings_tab(page) -> None:
    expect(page.get_by_role("button", name="Pauze nu").first).to_be_visible(timeout=30_000)
    page.get_by_role("tab", name="Instellingen", exact=True).click()
    expect(page.get_by_role("textbox", name="Bedtijd")).to_be_visible()


def type_and_enter(page, name: str, text: str) -> None:
    type_text(page, page.get_by_role("textbox", name=name), text, submit=True)


def test_a_refused_time_is_named_beside_it_and_language_switches_everything(browser, tmp_path):
    process = AppProcess(data_dir=tmp_path / "data", lang="nl").start()
    try:
        with open_page(browser, process.url) as (page, outside):
            open_settings_tab(page)
            type_and_enter(page, "Bedtijd", "24:61")
            expect(page.get_by_text(re.compile("Dit is geen tijd"))).to_be_visible()
            screenshot(page, "settings-refused-time")
            type_and_enter(page, "Bedtijd", "22:30")
            expect(page.get_by_text(re.compile("Dit is geen tijd"))).to_have_count(0)

            page.get_by_role("radio", name="English").click()
            expect(page.get_by_role("tab", name="Settings", exact=True)).to_be_visible()
            expect(page.get_by_role("textbox", name="Bedtime")).to_be_visible()
            assert outside.unexpected() == []
    finally:
        process.stop()

    with Store.open(tmp_path / "data") as store:
        saved = SettingsRepository(store).load()
    assert (saved.language, saved.bedtime) == ("en", "22:30")

    # A restart without --lang opens in the saved language, with the saved bedtime.
    again = start_without_lang(tmp_path / "data")
    try:
        with open_page(browser, again.url, locale="nl-NL") as (page, _):
            expect(page.get_by_role("button", name="Pause now").first).to_be_visible(timeout=30_000)
            page.get_by_role("tab", name="Settings", exact=True).click()
            bedtime = page.get_by_role("textbox", name="Bedtime")
            bedtime.focus()  # Flutter fills the input element once it has focus
            expect(bedtime).to_have_value("22:30")
    finally:
        again.stop()


def start_without_lang(data_dir: Path) -> AppProcess:
    """AppProcess always passes --lang; a restart that must use the saved language drops it."""
    process = AppProcess(data_dir=data_dir)
    ARTIFACTS.mkdir(exist_ok=True)
    process.log_path = ARTIFACTS / f"app-{process.port}.log"
    args = [sys.executable, str(ROOT / "main.py"), "--port", str(process.port), "--no-browser"]
    args += ["--data-dir", str(data_dir)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("FLET_APP_STORAGE_DATA", None)
    env["FLET_WEB_RENDERER"] = process.renderer or ""
    with process.log_path.open("ab") as log:
        process.proc = subprocess.Popen(
            args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.proc.poll() is None, process.log()
        try:
            with urllib.request.urlopen(process.url + "/", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.2)
    process.stop()
    raise AssertionError(f"app did not start: {process.log()}")


def test_export_downloads_a_file_and_import_brings_it_back(browser, app, tmp_path):
    with open_page(browser, app.url + "/settings/data") as (page, outside):
        expect(page.get_by_role("button", name="Bewaar mijn gegevens")).to_be_visible(
            timeout=30_000
        )
        with page.expect_download() as download_info:
            page.get_by_role("button", name="Bewaar mijn gegevens").click()
        download = download_info.value
        assert re.fullmatch(r"adempauze-\d{4}-\d\d-\d\d\.json", download.suggested_filename)
        exported = tmp_path / download.suggested_filename
        download.save_as(exported)
        doc = json.loads(exported.read_bytes())
        assert doc["format"] == "adempauze-backup" and doc["app_version"]
        assert outside.unexpected() == []

    # Bring the file back on a later visit (as a person would after a new install), so nothing
    # the download left in this tab plays a part: chosen in the file dialog, uploaded, checked,
    # previewed.
    with open_page(browser, app.url + "/settings/data") as (page, outside):
        expect(page.get_by_role("button", name="Kies een bestand")).to_be_visible(timeout=30_000)
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Kies een bestand").click()
        chooser.value.set_files(str(exported))
        confirm = page.get_by_role("button", name="Vervang mijn gegevens hierdoor")
        expect(confirm).to_be_visible(timeout=30_000)
        expect(shown(page, "Dit staat in het bestand")).to_be_visible()
        screenshot(page, "data-import-preview")
        confirm.click()
        expect(shown(page, "Je gegevens zijn teruggezet.")).to_be_visible(timeout=15_000)

        # A file that is not a backup is refused with the reason, and nothing changes.
        bad = tmp_path / "boodschappen.json"
        bad.write_text('{"melk": 2, "brood": 1}')
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Kies een bestand").click()
        chooser.value.set_files(str(bad))
        expect(shown(page, "format: Dit is geen bewaarbestand")).to_be_visible(timeout=30_000)
        screenshot(page, "data-import-refused")
        assert outside.unexpected() == []


def test_a_file_over_twenty_megabytes_is_refused_before_upload(browser, app, tmp_path):
    big = tmp_path / "groot.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1024)
    with open_page(browser, app.url + "/settings/data") as (page, _):
        with page.expect_file_chooser(timeout=30_000) as chooser:
            page.get_by_role("button", name="Kies een bestand").click()
        chooser.value.set_files(str(big))
        expect(shown(page, "groter dan 20 MB")).to_be_visible(timeout=30_000)
