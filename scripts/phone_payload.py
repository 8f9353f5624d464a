"""What a phone build carries: runtime packages and app files, before and after `flet build`'s cleanup.

`flet build apk|ipa` installs `[project].dependencies` into the app's site-packages and deletes
what serious_python's own globs and `[tool.flet.cleanup] package_files` name; it copies the app
folder without the paths in `[tool.flet.app] exclude` and then deletes what
`[tool.flet.cleanup] app_files` names. This applies the same rules to the runtime packages
installed in this venv and to the app folder, and prints file bytes (not disk blocks).

    .venv/bin/python scripts/phone_payload.py             # the phone build as configured
    .venv/bin/python scripts/phone_payload.py --extra web # as if the browser server were packaged

Globs follow Dart's package:glob, which serious_python matches against each path relative to
site-packages (or the app folder): `*` and `?` stop at `/`, `**` crosses folders, and a matching
folder goes with everything in it. Our own patterns must also mean the same to Python's `glob`
(see `portability_problems`), so they read the same here and in `flet build`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000
PACKAGES_BUDGET = 12 * MB
ASSETS_BUDGET = 2 * MB

# serious_python's own cleanup for phone builds (junkFilesMobile in
# src/serious_python/bin/package_command.dart); `flet build` adds the pyproject globs after these.
SERIOUS_PYTHON_JUNK = (
    "**.c",
    "**.h",
    "**.cpp",
    "**.hpp",
    "**.typed",
    "**.pyi",
    "**.pxd",
    "**.pyx",
    "**.a",
    "**.pdb",
    "__pycache__",
    "**/__pycache__",
    "**.exe",
    "**.dll",
    "bin",
    "**/bin",
)
# Markers as a phone evaluates them, so platform-only requirements resolve as on Android.
PHONE_MARKERS = {"sys_platform": "android", "platform_system": "Android", "os_name": "posix"}
# serious_python moves site-packages/flutter (an extension's Dart half) into the Flutter project.
FLUTTER_FOLDER = "flutter"


@dataclass(frozen=True)
class Payload:
    """Files of one part of the phone package: relative path → bytes, before and after cleanup."""

    before: dict[str, int]
    after: dict[str, int]

    @property
    def before_bytes(self) -> int:
        return sum(self.before.values())

    @property
    def after_bytes(self) -> int:
        return sum(self.after.values())


@cache
def pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def flet_list(key: str) -> list[str]:
    """A list under `[tool.flet]` by dotted key (`cleanup.package_files`); empty when unset."""
    tables: dict[str, Any] = pyproject()["tool"]["flet"]
    for platform in ("android", "ios"):
        # flet build would take a phone's own table over the shared one; measure what it reads.
        if lookup(tables.get(platform, {}), key) is not None:
            raise SystemExit(f"[tool.flet.{platform}] sets {key}: measure that table instead")
    found = lookup(tables, key)
    return [str(item) for item in found] if isinstance(found, list) else []


def lookup(table: dict[str, Any], key: str) -> object:
    node: object = table
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def our_package_cleanup() -> list[str]:
    return flet_list("cleanup.package_files")


def our_app_cleanup() -> list[str]:
    return flet_list("cleanup.app_files")


def package_cleanup() -> list[str]:
    """Every glob `flet build` deletes from site-packages: serious_python's, then ours."""
    return [*SERIOUS_PYTHON_JUNK, *our_package_cleanup()]


def app_cleanup() -> list[str]:
    """Globs deleted from the copied app; setting app_files turns serious_python's list on too."""
    ours = our_app_cleanup()
    return [*SERIOUS_PYTHON_JUNK, *ours] if ours else []


def app_excludes() -> list[str]:
    """Paths `flet build` never copies: always `build`, then `[tool.flet.app] exclude`."""
    return ["build", *flet_list("app.exclude")]


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A package:glob pattern as a regular expression over a relative `/` path."""
    out, i = [], 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif char == "*":
            out.append("[^/]*")
            i += 1
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[":
            end = pattern.index("]", i + 2)
            body = pattern[i + 1 : end]
            negated = body[:1] in ("!", "^")
            members = re.escape(body[1:] if negated else body).replace(r"\-", "-")
            out.append(f"[^/{members}]" if negated else f"(?!/)[{members}]")
            i = end + 1
        elif char in "{}\\":
            raise ValueError(f"{pattern!r}: braces and escapes are not supported here")
        else:
            out.append(re.escape(char))
            i += 1
    return re.compile("".join(out))


def portability_problems(pattern: str) -> list[str]:
    """Why a glob would not mean the same to Python's `glob` as to Dart's package:glob."""
    problems = []
    if any(char in pattern for char in "{}\\"):
        problems.append("braces and backslashes mean different things")
    if "[^" in pattern:
        problems.append("write a negated class as [!...]: Python reads [^...] literally")
    segments = pattern.split("/")
    for index, segment in enumerate(segments):
        if "**" in segment and segment != "**":
            problems.append("`**` inside a name crosses folders in Dart but not in Python")
        elif segment == "**" and index < len(segments) - 1:
            problems.append(
                "`**/` matches zero folders in Python but at least one in Dart; "
                "list the depths (`x`, `*/x`, `*/*/x`) instead"
            )
    if pattern.startswith("/") or pattern.endswith("/"):
        problems.append("patterns are relative paths without a trailing /")
    return problems


def is_removed(rel_path: str, patterns: Iterable[re.Pattern[str]]) -> bool:
    """Whether cleanup deletes this path: it, or a folder above it, matches a glob."""
    parts = rel_path.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    return any(rx.fullmatch(prefix) for rx in patterns for prefix in prefixes)


def runtime_requirements(extras: Iterable[str] = ()) -> list[Requirement]:
    project = pyproject()["project"]
    lines = list(project["dependencies"])
    for extra in extras:
        lines += project["optional-dependencies"][extra]
    return [Requirement(line) for line in lines]


def runtime_distributions(extras: Iterable[str] = ()) -> list[Distribution]:
    """The installed distributions `[project].dependencies` pulls in on a phone, each once."""
    found: dict[str, Distribution] = {}
    followed: set[tuple[str, frozenset[str]]] = set()
    queue = [(req, "") for req in runtime_requirements(extras)]
    while queue:
        req, extra = queue.pop()
        if req.marker and not req.marker.evaluate({**PHONE_MARKERS, "extra": extra}):
            continue
        name = canonicalize_name(req.name)
        if (name, frozenset(req.extras)) in followed:
            continue
        followed.add((name, frozenset(req.extras)))
        try:
            dist = found.get(name) or distribution(req.name)
        except PackageNotFoundError:
            raise SystemExit(
                f"{req.name} is not installed: run `make run` or pip install"
            ) from None
        found[name] = dist
        for line in dist.requires or []:
            child = Requirement(line)
            queue += [(child, wanted) for wanted in ("", *sorted(req.extras))]
    return sorted(found.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def distribution_files(dist: Distribution) -> dict[str, int]:
    """A distribution's files inside site-packages (its RECORD), relative path → bytes."""
    site = Path(str(dist.locate_file(""))).resolve()
    files: dict[str, int] = {}
    for entry in dist.files or []:
        path = Path(str(dist.locate_file(entry))).resolve()
        if site not in path.parents or not path.is_file():
            continue  # console scripts land in bin/, which cleanup deletes anyway
        rel = path.relative_to(site).as_posix()
        if rel.split("/", 1)[0] != FLUTTER_FOLDER:
            files[rel] = path.stat().st_size
    return files


def package_payload(extras: Iterable[str] = ()) -> dict[str, Payload]:
    """Per runtime distribution: its files, and those that survive `flet build`'s cleanup."""
    patterns = [glob_regex(p) for p in package_cleanup()]
    payload = {}
    for dist in runtime_distributions(extras):
        before = distribution_files(dist)
        after = {rel: size for rel, size in before.items() if not is_removed(rel, patterns)}
        payload[dist.metadata["Name"]] = Payload(before, after)
    return payload


def walk_app(folder: Path, root: Path, excludes: set[str]) -> Iterator[str]:
    """The app files `flet build` copies, as serious_python's copyDirectory does (links followed)."""
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        rel = Path(entry.path).relative_to(root).as_posix()
        if rel in excludes or entry.name == "__pycache__":
            continue
        if folder == root and entry.name.startswith("."):
            continue  # flet build leaves hidden top-level entries out by default
        if entry.is_dir():
            if (Path(entry.path) / "pyvenv.cfg").exists():
                continue  # and virtual environments
            yield from walk_app(Path(entry.path), root, excludes)
        elif entry.is_file():
            yield rel


def app_payload(root: Path = ROOT) -> Payload:
    """The app's own files as `flet build` copies them, without and with the web-only font rules."""
    web_only = our_app_cleanup()
    unruled = set(app_excludes()) - set(web_only)
    before = {rel: (root / rel).stat().st_size for rel in walk_app(root, root, unruled)}
    patterns = [glob_regex(p) for p in app_cleanup()]
    copied = walk_app(root, root, set(app_excludes()))
    kept = {rel: before[rel] for rel in copied if not is_removed(rel, patterns)}
    return Payload(before, kept)


def assets_only(files: dict[str, int]) -> dict[str, int]:
    return {rel: size for rel, size in files.items() if rel.startswith("assets/")}


def copy_cleaned(dist_name: str, dest: Path) -> Path:
    """Copy one runtime distribution into `dest` as a phone build would keep it."""
    dist = distribution(dist_name)
    site = Path(str(dist.locate_file(""))).resolve()
    patterns = [glob_regex(p) for p in package_cleanup()]
    for rel in distribution_files(dist):
        if not is_removed(rel, patterns):
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / rel, dest / rel)
    return dest


def row(label: str, before: int, after: int) -> str:
    return f"{label:36} {before / MB:7.2f} MB -> {after / MB:6.2f} MB"


def report(extras: list[str]) -> int:
    packages = package_payload(extras)
    app = app_payload()
    before = sum(p.before_bytes for p in packages.values())
    after = sum(p.after_bytes for p in packages.values())
    assets_before = sum(assets_only(app.before).values())
    assets_after = sum(assets_only(app.after).values())
    label = "[project].dependencies" + "".join(f" + [{extra}]" for extra in extras)
    print(f"Phone payload of {label}: file bytes, before -> after flet build's rules")
    for name, part in sorted(packages.items(), key=lambda item: -item[1].before_bytes):
        print(row(f"  {name}", part.before_bytes, part.after_bytes))
    print(row(f"packages ({len(packages)})", before, after))
    print(row("app assets/ (links copied as files)", assets_before, assets_after))
    print(row("app, all packaged files", app.before_bytes, app.after_bytes))
    print(row("total", before + app.before_bytes, after + app.after_bytes))
    over = []
    if after > PACKAGES_BUDGET:
        over.append(f"packages over {PACKAGES_BUDGET // MB} MB")
    if assets_after > ASSETS_BUDGET:
        over.append(f"assets over {ASSETS_BUDGET // MB} MB")
    print("budget: " + ("; ".join(over) if over else "within (packages <= 12 MB, assets <= 2 MB)"))
    return 1 if over else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--extra", action="append", default=[], help="also count an optional-dependencies group"
    )
    sys.exit(report(parser.parse_args().extra))
