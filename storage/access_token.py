"""The access token kept in the data folder, so a bookmarked link works across restarts."""

from __future__ import annotations

from pathlib import Path

from domain.access import is_valid_token, new_token
from storage.atomic import write_atomic
from storage.errors import StorageError

TOKEN_FILE = "access-token"


def load_or_create_token(data_dir: Path, *, replace: bool = False) -> tuple[str, bool]:
    """The folder's token, made (or replaced) when asked or when none is usable; (token, is_new).

    Raises `StorageError` when the token can be neither read nor written.
    """
    path = data_dir / TOKEN_FILE
    if not replace:
        try:
            current = path.read_text(encoding="ascii").strip()
        except (FileNotFoundError, UnicodeDecodeError):
            current = ""
        except OSError as exc:
            raise StorageError(f"could not read {TOKEN_FILE}: {exc.strerror or exc}") from exc
        if is_valid_token(current):
            return current, False
    token = new_token()
    # Written readable by its owner only: anyone holding it can read and change the data.
    write_atomic(str(path), (token + "\n").encode("ascii"))
    return token, True
