"""What the user is told about their data: a repaired file on start, a save that cannot happen."""

from __future__ import annotations

import resource
import signal

from storage import Store
from storage.settings_repository import SettingsRepository
from tests.flet_session import open_app


def current_generation(data_dir):
    return data_dir / (data_dir / "CURRENT").read_text().strip()


async def test_a_damaged_file_is_repaired_and_said_kindly(tmp_path):
    store = Store.open(tmp_path)
    repo = SettingsRepository(store)
    repo.save(repo.load().with_changes(bedtime="22:45"))
    store.close()
    core = current_generation(tmp_path) / "core.json"
    core.write_text(core.read_text()[:-7] + "garbage")  # a torn write, hand-edited or worse

    app = await open_app(tmp_path)
    assert app.text_shown("Er was iets mis met een bestand met je gegevens")
    assert list(tmp_path.rglob("core.json.corrupt-*")), "the damaged file is kept aside"
    # The offer to import another backup leads to the data screen.
    await app.click("app-recovered-import")
    assert app.page.route == "/settings/data"
    # "Got it" puts the notice away for this session.
    await app.click("app-recovered-ok")
    assert not app.text_shown("Er was iets mis met een bestand met je gegevens")
    app.assert_no_crash()
    app.store.close()


async def test_a_full_disk_is_said_in_the_ui_and_the_last_good_data_stays(tmp_path):
    app = await open_app(tmp_path, route="/settings")
    store = app.store
    before = SettingsRepository(store).load()
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    try:
        # No file may grow past 16 bytes: every save now fails the way a full disk does.
        resource.setrlimit(resource.RLIMIT_FSIZE, (16, hard))
        await app.type_into("settings-theme", "dark")
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    app.assert_no_crash()
    assert app.text_shown("Het apparaat heeft geen ruimte meer")
    store.close()
    reopened = Store.open(tmp_path)
    assert SettingsRepository(reopened).load() == before
    reopened.close()
