"""The access token a browser must bring when the app is served beyond this computer."""

from __future__ import annotations

import ipaddress
import os
import secrets
import socket
from pathlib import Path

TOKEN_FILE = "access-token"
TOKEN_BYTES = 24  # 32 URL-safe characters: too many to guess, short enough for a QR code
_TOKEN_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
# A documentation-only address (RFC 5737). A UDP socket "connected" to it sends nothing at all:
# connect() only asks the operating system which local address would route there.
_PROBE_ADDRESS = ("192.0.2.1", 9)


def new_token() -> str:
    """A fresh random token."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_valid_token(text: str) -> bool:
    """Whether a stored token still looks like one this app made (a damaged file does not)."""
    return len(text) >= 22 and set(text) <= _TOKEN_CHARS


def load_or_create_token(data_dir: Path, *, replace: bool = False) -> tuple[str, bool]:
    """The folder's token, made (or replaced) when asked or when none is usable; (token, is_new).

    Kept in the data folder so a bookmarked link keeps working across restarts.
    """
    path = data_dir / TOKEN_FILE
    if not replace:
        try:
            current = path.read_text(encoding="ascii").strip()
        except (FileNotFoundError, UnicodeDecodeError):
            current = ""
        if is_valid_token(current):
            return current, False
    token = new_token()
    _write_private(path, token + "\n")
    return token, True


def _write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read, replacing any old one in one step."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, text.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


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


def lan_address() -> str | None:
    """This computer's address on the local network, found without sending any traffic."""
    candidates: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_PROBE_ADDRESS)
            candidates.append(probe.getsockname()[0])
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            candidates.append(str(info[4][0]))
    except OSError:
        pass
    return pick_lan_address(candidates)


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
