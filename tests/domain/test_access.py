"""The LAN access token: random, kept in the data folder, replaced only when asked."""

from __future__ import annotations

import os
import stat

import pytest

from domain.access import (
    TOKEN_FILE,
    access_url,
    is_loopback,
    is_valid_token,
    is_wildcard,
    lan_address,
    load_or_create_token,
    new_token,
    pick_lan_address,
)


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


def test_tokens_are_random_and_url_safe():
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(is_valid_token(t) and len(t) >= 32 for t in tokens)


@pytest.mark.parametrize(
    ("host", "loopback", "wildcard"),
    [
        ("127.0.0.1", True, False),  # the default
        ("127.0.0.2", True, False),  # all of 127/8 stays on this computer
        ("localhost", True, False),
        ("::1", True, False),
        ("0.0.0.0", False, True),  # every interface: the LAN can reach it
        ("::", False, True),
        ("192.168.1.20", False, False),  # one LAN interface
        ("my-laptop.local", False, False),  # a name could resolve anywhere
    ],
)
def test_which_hosts_stay_on_this_computer(host, loopback, wildcard):
    assert is_loopback(host) is loopback
    assert is_wildcard(host) is wildcard


@pytest.mark.parametrize(
    ("candidates", "chosen"),
    [
        (["192.168.1.20"], "192.168.1.20"),  # a home network
        (["127.0.1.1", "10.0.0.5"], "10.0.0.5"),  # Debian's hostname alias is skipped
        (["169.254.3.3", "172.16.4.4"], "172.16.4.4"),  # link-local is a last resort
        (["fe80::1", "not-an-address"], None),  # only IPv6 / junk: nothing to show
        (["0.0.0.0", "127.0.0.1"], None),  # nothing usable at all
        (["203.0.113.9"], "203.0.113.9"),  # no private address: the first usable one
    ],
)
def test_pick_lan_address(candidates, chosen):
    assert pick_lan_address(candidates) == chosen


def test_lan_address_is_an_ipv4_address_or_none():
    found = lan_address()
    assert found is None or found.count(".") == 3


@pytest.mark.parametrize(
    ("host", "port", "token", "url"),
    [
        ("192.168.1.20", 8550, "abc", "http://192.168.1.20:8550/?token=abc"),  # LAN with token
        ("127.0.0.1", 8550, None, "http://127.0.0.1:8550/"),  # local, no token needed
        ("fd00::2", 9000, "t", "http://[fd00::2]:9000/?token=t"),  # IPv6 in brackets
    ],
)
def test_access_url(host, port, token, url):
    assert access_url(host, port, token) == url
