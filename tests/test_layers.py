"""The layer rule, read from every module's imports: views → domain and storage → domain → nothing.

`domain` is pure: no Flet, no TinyDB, nothing of storage or views, and no file or socket I/O.
`storage` draws nothing (no Flet, no views). `views` reach the data only through storage (no TinyDB).
Imports are read with `ast`, so those inside functions and under `if TYPE_CHECKING` count too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What each layer may not import, and why (said in the failure).
FORBIDDEN: dict[str, dict[str, str]] = {
    "domain": {
        "flet": "draws nothing",
        "tinydb": "reaches no database",
        "storage": "depends on nothing of ours",
        "views": "depends on nothing of ours",
        "main": "depends on nothing of ours",
        "os": "does no file I/O",
        "io": "does no file I/O",
        "shutil": "does no file I/O",
        "tempfile": "does no file I/O",
        "socket": "does no socket I/O",
        "ssl": "does no socket I/O",
        "http": "does no socket I/O",
        "urllib.request": "does no socket I/O",
        "subprocess": "starts no processes",
    },
    "storage": {
        "flet": "draws nothing",
        "views": "depends only on domain models",
        "main": "depends only on domain models",
    },
    "views": {"tinydb": "reach the data only through storage"},
}
# Calls that touch files: `open(...)` and pathlib's reading, writing and listing methods.
FILE_CALLS = {
    "open",
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "iterdir",
    "glob",
    "rglob",
    "mkdir",
    "rmdir",
    "unlink",
    "touch",
    "exists",
    "is_file",
    "is_dir",
    "stat",
}
# The only file reads domain may do: its own content, shipped inside the package.
PACKAGE_DATA_READS: dict[str, tuple[set[str], str]] = {
    "domain.i18n": (
        {"iterdir", "read_text"},
        "the app's message catalogues, read as package data through importlib.resources",
    ),
    "domain.understand.walkthrough": (
        {"read_text"},
        "the walk-through's own texts, shipped in the package; tests hand it a changed copy",
    ),
}


def imported_names(tree: ast.AST, module: str) -> Iterator[tuple[int, str]]:
    """Every module name `module` imports, wherever in its code, with its line."""
    package = module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            if node.module:
                yield node.lineno, base
            else:  # `from . import x`: the names are the modules
                for alias in node.names:
                    yield node.lineno, f"{base}.{alias.name}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def file_calls(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id == "open":
            yield node.lineno, "open"
        elif isinstance(node.func, ast.Attribute) and node.func.attr in FILE_CALLS:
            yield node.lineno, node.func.attr


def violations(module: str, source: str) -> list[str]:
    """What in `source` (the code of `module`) breaks its layer's rule, one line each."""
    layer = module.split(".")[0]
    tree = ast.parse(source)
    found: set[tuple[int, str]] = set()
    for line, name in imported_names(tree, module):
        for forbidden, why in FORBIDDEN.get(layer, {}).items():
            if name == forbidden or name.startswith(forbidden + "."):
                found.add((line, f"imports {name} ({layer} {why})"))
                break
    if layer == "domain":
        allowed, _why = PACKAGE_DATA_READS.get(module, (set(), ""))
        for line, call in file_calls(tree):
            if call not in allowed:
                found.add((line, f"calls {call}() ({layer} does no file I/O)"))
    return [f"{module}:{line} {what}" for line, what in sorted(found)]


def modules() -> Iterator[tuple[str, Path]]:
    for layer in FORBIDDEN:
        for path in sorted((ROOT / layer).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


def test_every_module_keeps_its_layers_rule():
    found = [v for module, path in modules() for v in violations(module, path.read_text())]
    assert not found, "layer rule broken:\n" + "\n".join(found)


def test_every_layer_is_read():
    names = {module for module, _ in modules()}
    assert {"domain.access", "domain.i18n", "storage.store", "views.shell.app"} <= names


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        (
            "domain.sample",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from storage import Store\n",
            ["domain.sample:3 imports storage (domain depends on nothing of ours)"],
        ),
        (
            "domain.sample",
            "def f():\n    import flet as ft\n",
            ["domain.sample:2 imports flet (domain draws nothing)"],
        ),
        (
            "domain.sample",
            "import socket.socket\n",
            ["domain.sample:1 imports socket.socket (domain does no socket I/O)"],
        ),
        (
            "domain.sample",
            "def f(path):\n    with open(path) as fh:\n        path.write_text(fh.read())\n",
            [
                "domain.sample:2 calls open() (domain does no file I/O)",
                "domain.sample:3 calls write_text() (domain does no file I/O)",
            ],
        ),
        (
            "domain.i18n",  # its allowance covers reading its catalogues, not writing
            "def f(folder):\n    folder.read_text()\n    folder.write_text('x')\n",
            ["domain.i18n:3 calls write_text() (domain does no file I/O)"],
        ),
        (
            "storage.sample",
            "import flet as ft\n",
            ["storage.sample:1 imports flet (storage draws nothing)"],
        ),
        (
            "views.sample",
            "from tinydb import TinyDB\n",
            ["views.sample:1 imports tinydb (views reach the data only through storage)"],
        ),
        (
            "views.sample",
            "import importlib\nimportlib.import_module('tinydb.storages')\n",
            ["views.sample:2 imports tinydb.storages (views reach the data only through storage)"],
        ),
        ("views.sample", "import flet as ft\nfrom storage import Store\n", []),
    ],
)
def test_the_check_catches_a_violation(module, source, expected):
    assert violations(module, source) == expected
