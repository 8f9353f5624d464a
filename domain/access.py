"""Access from beyond this computer: the token a browser must bring, addresses and the link."""

from __future__ import annotations

import ipaddress
import secrets

TOKEN_BYTES = 24  # 32 URL-safe characters: too many to guess, short enough for a QR code
_TOKEN_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def new_token() -> str:
    """A fresh random token."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_valid_token(text: str) -> bool:
    """Whether a stored token still looks like one this app made (a damaged file does not)."""
    return len(text) >= 22 and set(text) <= _TOKEN_CHARS


def is_loopback(host: str) -> bool:
    """Whether `host` only reaches this computer (127.x, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """Whether `host` means "every interface" (0.0.0.0 or ::)."""
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def pick_lan_address(candidates: list[str]) -> str | None:
    """The first private (home-network) IPv4 address, else the first that is not loopback."""
    usable = []
    for text in candidates:
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            continue
        if address.version == 4 and not (address.is_loopback or address.is_unspecified):
            usable.append(address)
    private = [a for a in usable if a.is_private and not a.is_link_local]
    chosen = private or usable
    return str(chosen[0]) if chosen else None


def access_url(host: str, port: int, token: str | None) -> str:
    """The link to open: with `?token=` when the server needs one."""
    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{port}/"
    return f"{base}?token={token}" if token else base
