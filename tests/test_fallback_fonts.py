"""Every fallback font the web client may ask for (emoji, Hebrew, Arabic, symbols) is served."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("link_fonts", ROOT / "scripts/link_fallback_fonts.py")
assert spec and spec.loader
link_fonts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(link_fonts)


def test_every_fallback_path_of_the_installed_client_is_linked():
    paths = link_fonts.fallback_paths(link_fonts.client_script())
    # Emoji alone come in a dozen subsets; far fewer means the client changed its scheme.
    assert len([p for p in paths if p.startswith("notocoloremoji/")]) >= 10
    missing = [p for p in paths if not (link_fonts.LINKS / p).resolve().is_file()]
    assert missing == [], "run scripts/link_fallback_fonts.py after upgrading flet-web"


def test_links_stay_inside_the_assets_folder():
    # The static server refuses files outside its folders; a link must resolve inside assets/.
    assets = (ROOT / "assets").resolve()
    for link in link_fonts.LINKS.rglob("*.woff2"):
        assert assets in link.resolve().parents
