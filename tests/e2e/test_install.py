"""The web app installs from 127.0.0.1 under its own name, with its own icons."""

from __future__ import annotations

import json
import struct
import urllib.request
from pathlib import Path

import flet_web
import pytest
from playwright.sync_api import expect

from tests.e2e.browser import CHROMIUM_ARGS, find_chromium

FLET_WEB_ICONS = Path(flet_web.__file__).parent / "web" / "icons"


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200, url
        return response.read()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_manifest_is_served_with_the_apps_own_icons(app):
    manifest = json.loads(fetch(app.url + "/manifest.json"))
    assert manifest["name"] == "Adempauze" and manifest["short_name"]
    assert manifest["description"] and manifest["display"] == "standalone"
    assert manifest["theme_color"].startswith("#") and manifest["background_color"].startswith("#")
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any")} <= sizes
    assert {("192x192", "maskable"), ("512x512", "maskable")} <= sizes

    defaults = {p.read_bytes() for p in FLET_WEB_ICONS.glob("*.png")}
    for icon in manifest["icons"]:
        data = fetch(f"{app.url}/{icon['src']}")
        side = int(icon["sizes"].split("x")[0])
        assert png_size(data) == (side, side), icon["src"]
        assert data not in defaults, f"{icon['src']} is still Flet's default icon"
    favicon = fetch(app.url + "/favicon.png")
    assert (
        favicon not in defaults and favicon != (FLET_WEB_ICONS.parent / "favicon.png").read_bytes()
    )


@pytest.mark.parametrize("path", ["/", "/settings"])
def test_chromium_reports_the_app_installable_under_its_own_name(browser, app, tmp_path, path):
    # Chromium only offers installation in a persistent, non-incognito profile.
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=find_chromium(),
        headless=True,
        args=CHROMIUM_ARGS,
    )
    try:
        page = context.new_page()
        page.goto(app.url + path)
        page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
        page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
        expect(page.get_by_role("tab", name="Pauze", exact=True)).to_be_visible(timeout=30_000)
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["errors"] == [], manifest["errors"]
        parsed = json.loads(manifest["data"])
        assert parsed["name"] == "Adempauze"
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == [], errors
    finally:
        context.close()
