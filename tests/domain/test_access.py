"""Access from the LAN: random tokens, which hosts stay on this computer, and the link."""

from __future__ import annotations

import pytest

from domain.access import (
    access_url,
    is_loopback,
    is_valid_token,
    is_wildcard,
    new_token,
    pick_lan_address,
)


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
