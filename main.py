"""Start Adempauze: `python main.py` serves it at http://127.0.0.1:8550 (see --help)."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import secrets
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from domain.access import access_url, is_loopback, is_wildcard, pick_lan_address
from views.shell import startup

APP_NAME = "Adempauze"
DEFAULT_PORT = 8550
ASSETS_DIR = Path(__file__).resolve().parent / "assets"
# A documentation-only address (RFC 5737). A UDP socket "connected" to it sends nothing at all:
# connect() only asks the operating system which local address would route there.
_PROBE_ADDRESS = ("192.0.2.1", 9)


class StartupError(Exception):
    """A problem the user can fix, said in one line, without a traceback."""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="adempauze", description="Adempauze: a calm pause in one tap, and a lighter week."
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8550)")
    parser.add_argument(
        "--host",
        default=None,
        help="address to listen on (default 127.0.0.1; with --lan 0.0.0.0); "
        "anything but this computer needs the access token",
    )
    parser.add_argument("--data-dir", type=Path, help="folder that holds your data")
    parser.add_argument(
        "--lang", choices=("nl", "en"), help="language (default: saved, else device)"
    )
    parser.add_argument("--desktop", action="store_true", help="open in a native window")
    parser.add_argument("--no-browser", action="store_true", help="serve without opening a browser")
    parser.add_argument(
        "--lan", action="store_true", help="let a phone on the same Wi-Fi connect (with a token)"
    )
    parser.add_argument(
        "--new-token", action="store_true", help="replace the access token for --lan"
    )
    return parser.parse_args(argv)


def resolve_data_dir(flag: Path | None, environ: dict[str, str] | os._Environ[str]) -> Path:
    """`--data-dir`, else Flet's app storage folder when it sets one, else the user data folder."""
    if flag:
        return flag.expanduser()
    if environ.get("FLET_APP_STORAGE_DATA"):
        return Path(environ["FLET_APP_STORAGE_DATA"])
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def ensure_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
            pass
    except OSError as exc:
        raise StartupError(
            f"cannot write to the data folder {folder}: {exc.strerror or exc}"
        ) from None


def ensure_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        # Like the server itself: connections of a previous run lingering in TIME_WAIT
        # must not make a restart fail.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise StartupError(
                    f"port {port} is already in use (is Adempauze already running?); try --port"
                ) from None
            raise StartupError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def choose_host(args: argparse.Namespace) -> str:
    """`--host` when given; else every interface with --lan, else only this computer."""
    if args.host:
        return str(args.host)
    return "0.0.0.0" if args.lan else "127.0.0.1"


def needs_token(args: argparse.Namespace, host: str) -> bool:
    """Anything a phone or another computer could reach needs the token; this computer alone not."""
    return not args.desktop and (args.lan or not is_loopback(host))


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


def shown_host(host: str) -> str:
    """The address a phone should open: the LAN address when listening on every interface."""
    if is_wildcard(host):
        return lan_address() or host
    return host


def print_access(url: str, local_url: str | None) -> None:
    """The link with its token, and the same link as a QR code a phone camera can read."""
    import segno

    print(f"{APP_NAME} is open to your local network. On your phone, open:", flush=True)
    print(f"  {url}", flush=True)
    # A terminal that can't draw the code still has the link above.
    with contextlib.suppress(OSError, ValueError, UnicodeEncodeError):
        segno.make(url, error="m").terminal(compact=True)
    if local_url:
        print(f"On this computer: {local_url}", flush=True)
    print(
        "Keep this link to yourself: anyone with it can read and change your data. "
        "Start with --new-token to make the old link stop working.",
        flush=True,
    )


def keep_token(data_dir: Path, *, needed: bool, replace: bool) -> str | None:
    """The access token when the server needs one; `--new-token` replaces it even when not."""
    if not (needed or replace):
        return None
    from storage import StorageError
    from storage.access_token import load_or_create_token

    try:
        token, _ = load_or_create_token(data_dir, replace=replace)
    except StorageError as exc:
        raise StartupError(f"cannot keep the access token in {data_dir}: {exc}") from None
    return token if needed else None


def prepare_uploads() -> str:
    """A private folder for imported files on their way in, and a key that signs upload links."""
    from domain.settings.backup_size import MAX_BYTES

    folder = tempfile.mkdtemp(prefix="adempauze-import-")
    os.environ["FLET_UPLOAD_DIR"] = folder
    os.environ.setdefault("FLET_SECRET_KEY", secrets.token_urlsafe(32))
    os.environ["FLET_MAX_UPLOAD_SIZE"] = str(MAX_BYTES + 1)
    return folder


def run(args: argparse.Namespace) -> None:
    if args.port < 0 or args.port > 65535:
        raise StartupError(f"--port must be between 0 and 65535, not {args.port}")
    host = choose_host(args)
    # A packaged app (flet build) talks to its own window, like --desktop.
    args.desktop = args.desktop or bool(os.environ.get("FLET_PLATFORM"))
    if args.desktop and (args.lan or not is_loopback(host)):
        raise StartupError("--desktop opens a window on this computer; leave out --lan and --host")
    data_dir = resolve_data_dir(args.data_dir, os.environ)
    ensure_writable(data_dir)
    if not args.desktop:
        ensure_port_free(host, args.port)
    token = keep_token(data_dir, needed=needs_token(args, host), replace=args.new_token)

    import flet as ft

    from storage import StorageError, StoreLocked
    from views.shell.clock import app_clock
    from views.shell.entry import create_app

    try:
        claimed = startup.claim(data_dir)
    except StoreLocked:
        raise StartupError(
            f"Adempauze is already running with the data in {data_dir}; close it first"
        ) from None
    except StorageError as exc:
        raise StartupError(f"cannot open your data in {data_dir}: {exc}") from None

    if args.no_browser or token:
        # Flet opens a browser unless it believes it runs on a server; with a token it would
        # open a page without it, which only says "no access".
        os.environ["FLET_FORCE_WEB_SERVER"] = "true"
    uploads = prepare_uploads()
    # The folder is ours; its data is read once the server listens.
    store = startup.open_after_listening(
        None if args.desktop else host, args.port, data_dir, claimed
    )
    if not args.desktop:
        url = access_url(shown_host(host), args.port, token)
        local = access_url("127.0.0.1", args.port, token) if is_wildcard(host) else None
        print(f"{APP_NAME} is served at {url}  (data: {data_dir})", flush=True)
        if token:
            print_access(url, local)
    try:
        ft.run(
            create_app(store, lang_flag=args.lang, now=app_clock(os.environ), access_token=token),
            name="",
            host=None if args.desktop else host,
            port=0 if args.desktop else args.port,
            view=ft.AppView.FLET_APP if args.desktop else ft.AppView.WEB_BROWSER,
            assets_dir=str(ASSETS_DIR),
            upload_dir=uploads,
            no_cdn=True,
        )
    finally:
        with contextlib.suppress(Exception):
            store.result(timeout=60).close()
        shutil.rmtree(uploads, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    if argv is None and os.environ.get("FLET_PLATFORM"):
        # Inside a phone or desktop build the platform starts us: no command line to read.
        argv = []
    try:
        run(parse_args(argv))
    except StartupError as exc:
        print(f"adempauze: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
