"""The backup checks and the store agree on the file: same format name, same newest version."""

from __future__ import annotations

import json

from domain.settings.backup import (
    FORMAT_NAME,
    FORMAT_VERSION,
    check_backup,
    encode_backup,
    with_app_version,
)
from storage import Store
from storage.document import FORMAT
from storage.migrations import MIGRATIONS, latest_version


def test_the_newest_format_is_the_stores_newest_schema():
    # A migration added to the store must be matched here, or new backups would be refused.
    assert latest_version(MIGRATIONS) == FORMAT_VERSION
    assert FORMAT_NAME == FORMAT


def test_an_empty_store_exports_a_backup_that_passes_every_check(tmp_path):
    with Store.open(tmp_path / "data") as store:
        doc = with_app_version(store.export_document())
    checked = check_backup(json.loads(encode_backup(doc)))
    assert checked.preview.total == 0
