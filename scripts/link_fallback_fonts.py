"""Serve the web client's fallback fonts from the app itself, so emoji and Hebrew/Arabic text
render offline instead of as empty boxes.

With no CDN, the Flutter web client asks the app's server for glyphs it lacks at
`/assets/fonts/<family>/<version>/<subset>.woff2` (names fixed in flet-web's main.dart.js).
Flet serves `assets/` at the root, so each such path is linked here to one bundled Noto font
(OFL, from Debian's fonts-noto-core and fonts-noto-color-emoji). Run it again after upgrading
flet-web; tests/test_fallback_fonts.py fails when a link is missing.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "assets" / "fonts"
LINKS = ROOT / "assets" / "assets" / "fonts"
# Web-client family → bundled font file.
FAMILIES = {
    "notocoloremoji": "NotoColorEmoji.ttf",
    "notosanshebrew": "NotoSansHebrew-Regular.ttf",
    "notosansarabic": "NotoSansArabic-Regular.ttf",
    "notosanssymbols": "NotoSansSymbols-Regular.ttf",
    "notosanssymbols2": "NotoSansSymbols2-Regular.ttf",
    "notosansmath": "NotoSansMath-Regular.ttf",
}


def fallback_paths(main_dart_js: str) -> list[str]:
    """The fallback font paths the web client may request for the families we bundle."""
    names = "|".join(FAMILIES)
    return sorted(set(re.findall(rf"\b(?:{names})/v\d+/[A-Za-z0-9_.-]+\.woff2", main_dart_js)))


def client_script() -> str:
    import flet_web

    return (Path(flet_web.__file__).parent / "web" / "main.dart.js").read_text(errors="replace")


def link_all() -> int:
    paths = fallback_paths(client_script())
    for rel in paths:
        link = LINKS / rel
        target = FONTS / FAMILIES[rel.split("/", 1)[0]]
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(os.path.relpath(target, link.parent))
    return len(paths)


if __name__ == "__main__":
    print(f"linked {link_all()} fallback font paths under {LINKS.relative_to(ROOT)}")
    sys.exit(0)
