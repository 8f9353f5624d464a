"""Start Adempauze: `python main.py` serves it at http://127.0.0.1:8550 (see --help)."""

from __future__ import annotations

import argparse
import errno
import ipaddress
import os
import socket
import sys
import tempfile
from pathlib import Path

APP_NAME = "Adempauze"
DEFAULT_PORT = 8550
ASSETS_DIR = Path(__file__).resolve().parent / "assets"


class StartupError(Exception):
    """A problem the user can fix, said in one line, without a traceback."""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="adempauze", description="Adempauze: a calm pause in one tap, and a lighter week."
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default 8550)")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
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


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def ensure_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise StartupError(
                    f"port {port} is already in use (is Adempauze already running?); try --port"
                ) from None
            raise StartupError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace) -> None:
    if args.port < 0 or args.port > 65535:
        raise StartupError(f"--port must be between 0 and 65535, not {args.port}")
    if (args.lan or not is_loopback(args.host)) and not _access_token_supported():
        raise StartupError(
            "serving beyond this computer needs an access token, which this version cannot issue yet"
        )
    data_dir = resolve_data_dir(args.data_dir, os.environ)
    ensure_writable(data_dir)
    if not args.desktop:
        ensure_port_free(args.host, args.port)

    import flet as ft

    from storage import StorageError, Store, StoreLocked
    from views.app import create_app

    try:
        store = Store.open(data_dir)
    except StoreLocked:
        raise StartupError(
            f"Adempauze is already running with the data in {data_dir}; close it first"
        ) from None
    except StorageError as exc:
        raise StartupError(f"cannot open your data in {data_dir}: {exc}") from None

    if args.no_browser:
        # Flet opens a browser unless it believes it runs on a server.
        os.environ["FLET_FORCE_WEB_SERVER"] = "true"
    url = f"http://{args.host}:{args.port}"
    if not args.desktop:
        print(f"{APP_NAME} is served at {url}  (data: {data_dir})", flush=True)
    try:
        ft.run(
            create_app(store, lang_flag=args.lang),
            name="",
            host=None if args.desktop else args.host,
            port=0 if args.desktop else args.port,
            view=ft.AppView.FLET_APP if args.desktop else ft.AppView.WEB_BROWSER,
            assets_dir=str(ASSETS_DIR),
            no_cdn=True,
        )
    finally:
        store.close()


def _access_token_supported() -> bool:
    return False


def main(argv: list[str] | None = None) -> int:
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
