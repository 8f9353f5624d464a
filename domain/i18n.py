"""Message catalogues: every text the app shows, per language, merged from one file per feature."""

from __future__ import annotations

import json
import string
from collections.abc import Iterable
from functools import cache
from importlib import resources

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"


class CatalogueError(ValueError):
    """A catalogue file is unreadable, or a key is defined twice."""


@cache
def load_catalogue(lang: str) -> dict[str, str]:
    """Merge every `locales/<lang>/*.json` into one flat key → text mapping."""
    if lang not in LANGUAGES:
        raise CatalogueError(f"unknown language {lang!r}")
    merged: dict[str, str] = {}
    # The catalogues ship inside the package: read as package data, wherever it is installed.
    folder = resources.files("domain") / "locales" / lang
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".json")), key=lambda f: f.name)
    for path in files:
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise CatalogueError(f"{path.name}: {exc}") from exc
        if not isinstance(entries, dict):
            raise CatalogueError(f"{path.name}: expected an object of key → text")
        for key, text in entries.items():
            if key in merged:
                raise CatalogueError(f"{path.name}: key {key!r} is defined twice")
            if not isinstance(text, str):
                raise CatalogueError(f"{path.name}: {key!r} is not text")
            merged[key] = text
    return merged


def placeholders(text: str) -> set[str]:
    """The `{name}` fields a text expects, so translations can be checked against each other."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


class Translator:
    """Looks up texts for one language; a missing key shows itself instead of crashing."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self._texts = load_catalogue(self.lang)

    def __call__(self, key: str, **values: object) -> str:
        text = self._texts.get(key)
        if text is None:
            return f"[{key}]"
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in self._texts


def choose_language(flag: str | None, saved: str | None, device_locales: Iterable[str] = ()) -> str:
    """The flag wins, then the saved setting, then the device language when it is nl or en."""
    for candidate in (flag, saved):
        if candidate in LANGUAGES:
            return candidate
    for locale in device_locales:
        code = locale.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
