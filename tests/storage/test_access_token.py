"""The LAN access token in the data folder: made once, kept, replaced only when asked."""

from __future__ import annotations

import os
import stat

import pytest

from domain.access import is_valid_token
from storage import StorageError
from storage.access_token import TOKEN_FILE, load_or_create_token


def test_a_token_is_made_once_and_kept_for_the_next_start(tmp_path):
    first, made = load_or_create_token(tmp_path)
    again, made_again = load_or_create_token(tmp_path)
    assert made and not made_again
    assert first == again and is_valid_token(first)
    assert (tmp_path / TOKEN_FILE).read_text().strip() == first


def test_new_token_replaces_the_old_one(tmp_path):
    first, _ = load_or_create_token(tmp_path)
    second, made = load_or_create_token(tmp_path, replace=True)
    assert made and second != first
    assert load_or_create_token(tmp_path) == (second, False)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_the_token_file_is_readable_by_its_owner_only(tmp_path):
    load_or_create_token(tmp_path)
    mode = stat.S_IMODE((tmp_path / TOKEN_FILE).stat().st_mode)
    assert mode == 0o600


@pytest.mark.parametrize(
    "content",
    [
        "",  # an empty file
        "short",  # too short to be one we made
        "has spaces in it and is long enough",  # not URL-safe
        "\x00" * 40,  # damaged bytes
    ],
)
def test_a_damaged_token_file_is_replaced_by_a_fresh_token(tmp_path, content):
    (tmp_path / TOKEN_FILE).write_text(content)
    token, made = load_or_create_token(tmp_path)
    assert made and is_valid_token(token) and token != content


@pytest.mark.parametrize("replace", [False, True])  # reading the old one, writing a new one
def test_a_token_that_cannot_be_read_or_written_is_a_storage_error(tmp_path, replace):
    (tmp_path / TOKEN_FILE).mkdir()  # something that is not a file stands in the way
    (tmp_path / TOKEN_FILE / "inside").write_text("x")
    with pytest.raises(StorageError):
        load_or_create_token(tmp_path, replace=replace)
    assert [p.name for p in tmp_path.iterdir()] == [TOKEN_FILE], "no temp file is left behind"
