"""A phone build can build and stays lean: pure-Python dependencies, cleanup that keeps what runs."""

from __future__ import annotations

import glob
import importlib.util
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from babel.dates import format_date, get_day_names
from babel.numbers import format_decimal
from packaging.utils import canonicalize_name, parse_wheel_filename

from domain.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("phone_payload", ROOT / "scripts/phone_payload.py")
assert spec and spec.loader
payload = importlib.util.module_from_spec(spec)
sys.modules["phone_payload"] = payload
spec.loader.exec_module(payload)

# Flet's mobile package index (pypi.flet.dev) builds these for Flet itself.
FLET_MOBILE_WHEELS = {"msgpack"}
BROWSER_SERVER = {"flet-web", "fastapi", "uvicorn", "starlette", "websockets", "segno"}


@pytest.fixture(scope="module")
def resolved(tmp_path_factory) -> dict[str, str]:
    """What pip installs for `[project].dependencies` on a clean target: name → wheel file name."""
    folder = tmp_path_factory.mktemp("resolve")
    requirements = folder / "requirements.txt"
    requirements.write_text("\n".join(payload.pyproject()["project"]["dependencies"]) + "\n")
    report = folder / "report.json"
    # `flet build` installs with --only-binary :all: for phones; a network hiccup gets one retry.
    command = [
        *(sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed"),
        *("--only-binary", ":all:", "--quiet", "--report", str(report), "-r", str(requirements)),
    ]
    for _ in range(2):
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        if result.returncode == 0:
            break
    assert result.returncode == 0, result.stderr[-3000:]
    return {
        canonicalize_name(item["metadata"]["name"]): item["download_info"]["url"].rsplit("/", 1)[-1]
        for item in json.loads(report.read_text())["install"]
    }


def test_every_runtime_dependency_is_a_pure_python_wheel(resolved):
    compiled = []
    for name, filename in resolved.items():
        _, _, _, tags = parse_wheel_filename(filename)
        pure = all(tag.abi == "none" and tag.platform == "any" for tag in tags)
        if not pure and name not in FLET_MOBILE_WHEELS:
            compiled.append(filename)
    assert compiled == [], "no phone wheels on PyPI for these: keep them out of the phone build"


def test_the_browser_server_is_not_packaged_for_the_phone(resolved):
    assert set(resolved) & BROWSER_SERVER == set()


def test_the_payload_script_measures_what_pip_resolves(resolved):
    measured = {canonicalize_name(d.metadata["Name"]) for d in payload.runtime_distributions()}
    assert measured == set(resolved)


def test_the_phone_payload_fits_its_budget():
    packages = sum(part.after_bytes for part in payload.package_payload().values())
    assert packages <= payload.PACKAGES_BUDGET
    assets = payload.assets_only(payload.app_payload().after)
    assert sum(assets.values()) <= payload.ASSETS_BUDGET


def test_the_browser_fallback_fonts_stay_out_and_the_icons_stay_in():
    kept = payload.app_payload().after
    assert [rel for rel in kept if rel.endswith((".ttf", ".woff2"))] == []
    assert [rel for rel in kept if rel.startswith(("assets/fonts/", "assets/assets/"))] == []
    # flet build draws the launcher icon and splash from these; the app reads the manifest.
    assert {"assets/icon.png", "assets/splash.png", "assets/manifest.json"} <= set(kept)
    assert "main.py" in kept


def test_no_tests_stubs_or_caches_survive_cleanup():
    left = [
        rel
        for part in payload.package_payload().values()
        for rel in part.after
        if {"tests", "test", "testing", "__pycache__"} & set(rel.split("/"))
        or rel.endswith((".pyi", "py.typed", ".pyc"))
    ]
    assert left == [], "add a [tool.flet.cleanup] package_files glob for these"


def test_babel_keeps_only_the_app_languages_and_root():
    babel = payload.package_payload()["babel"].after
    kept = sorted(Path(rel).stem for rel in babel if rel.startswith("babel/locale-data/"))
    assert kept == sorted([*LANGUAGES, "root", "LICENSE"])


SITE_PACKAGES = Path(str(payload.distribution("babel").locate_file("")))
OUR_GLOBS = [(glob, SITE_PACKAGES) for glob in payload.our_package_cleanup()] + [
    (glob, ROOT) for glob in payload.our_app_cleanup()
]


@pytest.mark.parametrize(("pattern", "tree"), OUR_GLOBS, ids=[glob for glob, _ in OUR_GLOBS])
def test_a_cleanup_glob_reads_the_same_in_python_and_dart(pattern, tree):
    assert payload.portability_problems(pattern) == []
    python = {p.rstrip("/") for p in glob.glob(pattern, root_dir=tree, recursive=True)}
    dart = {rel for rel in entries(tree) if payload.glob_regex(pattern).fullmatch(rel)}
    assert python == dart
    assert dart, "a glob that deletes nothing is left over from an old dependency"


def entries(tree: Path) -> set[str]:
    """Every file and folder under `tree` as a `/` path, hidden top-level folders (.venv) aside."""
    found = set()
    for folder, dirs, files in os.walk(tree):
        rel = Path(folder).relative_to(tree).as_posix()
        if rel == ".":
            dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in dirs + files:
            found.add(name if rel == "." else f"{rel}/{name}")
    return found


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("**/tests", "zero folders"),
        ("**.pyi", "inside a name"),
        ("babel/locale-data/{de,fr}.dat", "braces"),
        ("babel/locale-data/[^enr]*.dat", "[!...]"),
    ],
)
def test_globs_that_would_read_differently_are_refused(pattern, problem):
    assert any(problem in text for text in payload.portability_problems(pattern))


@pytest.mark.parametrize(
    ("pattern", "path", "removed"),
    [
        ("*/tests", "icalendar/tests/test_x.py", True),  # a matching folder goes whole
        ("*/tests", "tests", False),  # `*` needs a folder above
        ("**.pyi", "a/b/c.pyi", True),  # serious_python's `**` crosses folders
        ("**/__pycache__", "__pycache__/x.pyc", False),  # hence its separate "__pycache__"
        ("babel/locale-data/en?*.dat", "babel/locale-data/en.dat", False),
        ("babel/locale-data/en?*.dat", "babel/locale-data/en_GB.dat", True),
        ("babel/locale-data/ro[!o]*.dat", "babel/locale-data/root.dat", False),
        ("babel/locale-data/[!enr]*.dat", "babel/locale-data/LICENSE.unicode", False),
    ],
)
def test_globs_match_as_package_glob_does(pattern, path, removed):
    assert payload.is_removed(path, [payload.glob_regex(pattern)]) is removed


FORMAT_CHECK = """
import json, sys
from datetime import date
import babel, babel.localedata
from babel.dates import format_date, get_day_names
from babel.numbers import format_decimal
assert babel.__file__.startswith(sys.argv[1]), babel.__file__
day = date(2026, 3, 2)
print(json.dumps({lang: [
    format_date(day, "EEEE d MMMM", locale=lang),
    format_date(day, "EEE d", locale=lang),
    format_date(day, format="long", locale=lang),
    list(get_day_names("wide", locale=lang).values()),
    list(get_day_names("abbreviated", locale=lang).values()),
    format_decimal(1234.5, format="#,##0.#", locale=lang),
    format_decimal(2.25, format="0.#", locale=lang),
] for lang in sys.argv[2:]} | {"locales": sorted(babel.localedata.locale_identifiers())}))
"""


def expected_formats(lang: str) -> list[object]:
    """The same calls as FORMAT_CHECK, made with the full Babel installed here."""
    day = date(2026, 3, 2)
    return [
        format_date(day, "EEEE d MMMM", locale=lang),
        format_date(day, "EEE d", locale=lang),
        format_date(day, format="long", locale=lang),
        list(get_day_names("wide", locale=lang).values()),
        list(get_day_names("abbreviated", locale=lang).values()),
        format_decimal(1234.5, format="#,##0.#", locale=lang),
        format_decimal(2.25, format="0.#", locale=lang),
    ]


def test_the_cleaned_babel_still_formats_dutch_and_english(tmp_path):
    cleaned = payload.copy_cleaned("babel", tmp_path)
    assert not (cleaned / "babel/locale-data/de.dat").exists()
    # -S: no site-packages, so only the cleaned copy on PYTHONPATH can be imported.
    result = subprocess.run(
        [sys.executable, "-S", "-c", FORMAT_CHECK, str(cleaned), *LANGUAGES],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(cleaned)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    formats = json.loads(result.stdout)
    assert formats.pop("locales") == sorted(LANGUAGES)  # Babel lists root apart
    assert formats == {lang: expected_formats(lang) for lang in LANGUAGES}
    assert formats["nl"][0] == "maandag 2 maart" and formats["nl"][5] == "1.234,5"
    assert formats["en"][0] == "Monday 2 March" and formats["en"][5] == "1,234.5"
