"""Your data: a chosen file is checked and waits for a yes; refused files say why; erase all."""

from __future__ import annotations

from typing import Any

from domain.settings.backup import CheckedBackup, encode_backup, read_backup
from domain.settings.backup_size import MAX_BYTES
from domain.settings.your_data import YourDataState
from tests.domain.settings.documents import good_document


class KeptDocument:
    """All data as one backup document in memory, replaced or erased as the store would."""

    def __init__(self) -> None:
        self.document: dict[str, Any] | None = None

    def check_file(self, raw: bytes) -> CheckedBackup:
        return read_backup(raw)

    def replace_with(self, checked: CheckedBackup) -> None:
        self.document = checked.document

    def erase_all(self) -> None:
        self.document = None


def test_a_good_file_waits_for_a_yes_then_replaces_everything() -> None:
    kept = KeptDocument()
    state = YourDataState(kept)
    assert state.choose_file(1_000) and state.busy
    state.receive(encode_backup(good_document()))
    assert state.pending is not None and not state.busy and state.problems == []
    assert kept.document is None  # nothing written before the yes
    assert state.confirm_import()
    assert kept.document == good_document()
    assert (state.pending, state.problems) == (None, [])
    assert not state.confirm_import()  # nothing waits any more


def test_a_bad_or_too_large_file_is_refused_with_its_reason() -> None:
    state = YourDataState(KeptDocument())
    assert not state.choose_file(MAX_BYTES + 1)
    assert [p.key for p in state.problems] == ["data.error.too_large"]
    assert not state.busy
    state.choose_file(10)
    state.receive(b"{not json")
    assert state.pending is None
    assert [p.key for p in state.problems] == ["data.error.not_json_at"]
    state.reading_failed("")
    assert [(p.key, p.values) for p in state.problems] == [
        ("data.import.upload_failed", {"reason": "-"})
    ]


def test_not_now_and_erase_leave_nothing_waiting() -> None:
    kept = KeptDocument()
    state = YourDataState(kept)
    state.receive(encode_backup(good_document()))
    state.cancel_import()
    assert (state.pending, kept.document) == (None, None)
    kept.document = good_document()
    state.receive(b"")
    state.erase_all()
    assert (state.pending, state.problems, kept.document) == (None, [], None)
