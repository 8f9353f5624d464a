"""`flet build apk|ipa` can't run here (it needs Flutter); this checks what it reads is complete."""

from __future__ import annotations

import importlib.util
import json
import re
import struct
import tomllib
import zlib
from pathlib import Path

import pytest

from domain.settings.backup import APP_VERSION

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
FLET = PYPROJECT["tool"]["flet"]
ASSETS = ROOT / "assets"
HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def read_png(path: Path) -> tuple[int, int, int, bytes]:
    """(width, height, colour type, raw scanlines) of a non-interlaced 8-bit PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and interlace == 0
    return width, height, colour, zlib.decompress(idat)


def alpha_values(width: int, rows: bytes) -> set[int]:
    """The alpha bytes of an RGBA image whose rows use no filter (as our script writes them)."""
    stride = 1 + width * 4
    found: set[int] = set()
    for start in range(0, len(rows), stride):
        assert rows[start] == 0, "expected unfiltered rows"
        found |= set(rows[start + 4 : start + stride : 4])
    return found


def test_the_app_is_named_and_identified_for_both_stores():
    assert FLET["product"] == "Adempauze"
    assert re.fullmatch(r"[a-z]+(\.[a-z0-9_]+)+", FLET["org"])
    for section in (FLET, FLET["android"], FLET["ios"]):
        assert section["bundle_id"] == "nl.adempauze.app"
    assert isinstance(FLET["build_number"], int) and FLET["build_number"] >= 1


def test_the_version_is_one_everywhere():
    # flet build takes [project].version; backups and the about page say APP_VERSION.
    assert PYPROJECT["project"]["version"] == APP_VERSION
    assert re.fullmatch(r"\d+\.\d+\.\d+", APP_VERSION)


def test_the_entry_point_exists_and_tests_stay_out_of_the_package():
    app = FLET["app"]
    assert (ROOT / app["path"] / f"{app['module']}.py").exists()
    assert {"tests", "bench", ".venv", "artifacts"} <= set(app["exclude"])
    assert "assets" not in app["exclude"]  # the app needs its icons and manifest


def test_the_browser_fallback_fonts_stay_out_of_a_phone_build():
    # The folders scripts/link_fallback_fonts.py fills, as relative paths: excluded from the copy
    # and, for hosts whose separator is not `/`, deleted after it.
    spec = importlib.util.spec_from_file_location(
        "link_fonts", ROOT / "scripts/link_fallback_fonts.py"
    )
    assert spec and spec.loader
    link_fonts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(link_fonts)
    # assets/assets holds nothing but the links, so the whole folder can go.
    assert [entry.name for entry in link_fonts.LINKS.parent.iterdir()] == [link_fonts.LINKS.name]
    web_only = {p.relative_to(ROOT).as_posix() for p in (link_fonts.FONTS, link_fonts.LINKS.parent)}
    assert web_only == {"assets/fonts", "assets/assets"}
    assert web_only <= set(FLET["app"]["exclude"])
    assert web_only <= set(FLET["cleanup"]["app_files"])


def test_the_browser_server_is_an_extra_that_make_and_the_readme_install():
    project = PYPROJECT["project"]
    names = {re.split(r"[=<>\[; ]", line, maxsplit=1)[0] for line in project["dependencies"]}
    assert "flet-web" not in names and "flet" in names
    flet_pin = next(line for line in project["dependencies"] if line.startswith("flet=="))
    # flet refuses a flet-web of another version, so the extra follows flet's pin.
    assert project["optional-dependencies"]["web"][0] == flet_pin.replace("flet", "flet-web", 1)
    assert "-e '.[web,test]'" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "'.[web]'" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("permission", "why"),
    [
        ("android.permission.VIBRATE", "haptic cues while breathing"),
        ("android.permission.WAKE_LOCK", "the screen stays on during a pause"),
        ("android.permission.POST_NOTIFICATIONS", "reminders at recovery moments"),
        ("android.permission.RECEIVE_BOOT_COMPLETED", "reminders still come after a restart"),
    ],
)
def test_android_asks_only_for_what_the_app_needs(permission, why):
    asked = FLET["android"]["permission"]
    assert asked.get(permission) is True, why
    assert all(value is True for value in asked.values())
    # No exact alarms: reminders are scheduled inexact, and nothing else is asked for.
    assert set(asked) == {
        "android.permission.VIBRATE",
        "android.permission.WAKE_LOCK",
        "android.permission.POST_NOTIFICATIONS",
        "android.permission.RECEIVE_BOOT_COMPLETED",
    }


def test_ios_info_lets_backups_reach_the_files_app():
    info = FLET["ios"]["info"]
    assert info["UIFileSharingEnabled"] is True
    assert info["ITSAppUsesNonExemptEncryption"] is False


def test_the_splash_has_light_and_dark_colours():
    splash = FLET["splash"]
    assert HEX.match(splash["color"]) and HEX.match(splash["dark_color"])


@pytest.mark.parametrize(
    ("name", "side", "opaque"),
    [
        ("icon.png", 1024, True),  # flet build's app icon; iOS wants no transparency
        ("splash.png", 512, False),  # the mark alone, on the splash colour
        ("favicon.png", 64, False),
        ("icons/icon-192.png", 192, False),
        ("icons/icon-512.png", 512, False),
        ("icons/icon-maskable-192.png", 192, True),  # maskable icons fill their square
        ("icons/icon-maskable-512.png", 512, True),
        ("icons/apple-touch-icon-192.png", 192, True),
    ],
)
def test_icon_files_have_the_right_size(name, side, opaque):
    width, height, colour, rows = read_png(ASSETS / name)
    assert (width, height) == (side, side)
    assert colour == 6  # RGBA
    if opaque:
        assert alpha_values(width, rows) == {255}


def test_the_manifest_names_only_icons_that_exist_at_their_stated_size():
    manifest = json.loads((ASSETS / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["name"] == "Adempauze"
    for icon in manifest["icons"]:
        width, height, _, _ = read_png(ASSETS / icon["src"])
        assert f"{width}x{height}" == icon["sizes"]
