"""Draw Adempauze's icons and splash: a breathing circle on a calm sea-green, as plain PNG files.

Pure Python (zlib + struct), so it runs anywhere without an imaging library:

    python scripts/draw_icons.py            # writes into assets/
    python scripts/draw_icons.py --check    # exits 1 when the committed files differ

The mark is a soft ring (the breath at its fullest) around a quieter disc (the breath held in);
edges are anti-aliased from each pixel's distance to the circle.
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "assets"

SEA = (0x4E, 0x7D, 0x7D)  # a touch deeper than the app's seed colour, for contrast with the mark
CREAM = (0xF4, 0xF0, 0xE6)
Colour = tuple[int, int, int]
Pixel = tuple[float, float, float, float]  # straight (not premultiplied) RGBA, 0..1


def png_bytes(width: int, height: int, pixel: Callable[[float, float], Pixel]) -> bytes:
    """Encode an RGBA image; `pixel(x, y)` is sampled at each pixel's centre."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            r, g, b, a = pixel(x + 0.5, y + 0.5)
            rows += bytes(round(max(0.0, min(1.0, c)) * 255) for c in (r, g, b, a))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def coverage(distance_outside: float) -> float:
    """How much of a pixel a shape covers, given how far (in pixels) its centre lies outside."""
    return max(0.0, min(1.0, 0.5 - distance_outside))


def over(top: Pixel, bottom: Pixel) -> Pixel:
    """Porter-Duff "over" for straight-alpha colours."""
    ta, ba = top[3], bottom[3]
    out = ta + ba * (1 - ta)
    if out == 0:
        return (0.0, 0.0, 0.0, 0.0)
    mix = [(top[i] * ta + bottom[i] * ba * (1 - ta)) / out for i in range(3)]
    return (mix[0], mix[1], mix[2], out)


def rgb(colour: Colour, alpha: float = 1.0) -> Pixel:
    return (colour[0] / 255, colour[1] / 255, colour[2] / 255, alpha)


def mark_pixel(
    size: int, *, background: str, ink: Colour, scale: float = 1.0
) -> Callable[[float, float], Pixel]:
    """The mark on a `background` of "square" (full bleed), "circle" or "none" (transparent)."""
    centre = size / 2
    ring_r, ring_w = 0.30 * size * scale, 0.05 * size * scale
    disc_r = 0.165 * size * scale

    def pixel(x: float, y: float) -> Pixel:
        d = math.hypot(x - centre, y - centre)
        if background == "square":
            base = rgb(SEA)
        elif background == "circle":
            base = rgb(SEA, coverage(d - size / 2))
        else:
            base = (0.0, 0.0, 0.0, 0.0)
        ring = coverage(abs(d - ring_r) - ring_w / 2)
        disc = coverage(d - disc_r)
        out = over(rgb(ink, 0.55 * disc), base)
        return over(rgb(ink, ring), out)

    return pixel


# name → (size, background, ink, scale); maskable icons keep the mark inside the 80 % safe zone.
ICONS: dict[str, tuple[int, str, Colour, float]] = {
    "icons/icon-192.png": (192, "circle", CREAM, 1.0),
    "icons/icon-512.png": (512, "circle", CREAM, 1.0),
    "icons/icon-maskable-192.png": (192, "square", CREAM, 1.0),
    "icons/icon-maskable-512.png": (512, "square", CREAM, 1.0),
    "icons/apple-touch-icon-192.png": (192, "square", CREAM, 1.0),
    "icons/loading-animation.png": (256, "none", SEA, 1.4),
    "favicon.png": (64, "circle", CREAM, 1.0),
    # For `flet build`: the app icon (iOS wants 1024 px and no transparency) and the splash.
    "icon.png": (1024, "square", CREAM, 1.0),
    "splash.png": (512, "none", SEA, 1.4),
}


def draw_all() -> dict[str, bytes]:
    return {
        name: png_bytes(size, size, mark_pixel(size, background=bg, ink=ink, scale=scale))
        for name, (size, bg, ink, scale) in ICONS.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    drawn = draw_all()
    stale = [
        n
        for n, data in drawn.items()
        if not (ASSETS / n).exists() or (ASSETS / n).read_bytes() != data
    ]
    if args.check:
        for name in stale:
            print(f"out of date: assets/{name}", file=sys.stderr)
        return 1 if stale else 0
    for name, data in drawn.items():
        path = ASSETS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote assets/{name} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
