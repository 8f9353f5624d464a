"""Accessibility audit of every screen in real Chromium: names, touch targets, 200 % text, themes.

Grid (kept small for CI): light and dark at 360×740, and 200 % text at 1280×800.
Screenshots of each screen in each configuration land in artifacts/ (not committed).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import INTERACTIVE_ROLES, open_page, screenshot, semantics_nodes

SCREENS = [
    "/",
    "/pause/run",
    "/understand",
    "/understand/selfcheck",
    "/plan",
    "/plan/boundaries",
    "/settings",
    "/settings/rhythm",
    "/settings/data",
    "/about",
]
CONFIGS = {
    # name: (width, height, dark, text scale %)
    "light-360": (360, 740, False, 100),
    "dark-360": (360, 740, True, 100),
    "text200-1280": (1280, 800, False, 200),
}
TOLERANCE = 0.5  # px: Flutter positions semantics boxes on fractional pixels


def _visible(node: dict, height: int) -> bool:
    return not node["hidden"] and node["y"] < height and node["y"] + node["h"] > 0


def _overlap(a: dict, b: dict) -> float:
    w = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
    h = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
    return w * h if w > 1 and h > 1 else 0.0


def _is_chrome(node: dict, height: int) -> bool:
    """Fixed parts that content scrolls beneath: the app bar, navigation, the floating pause."""
    in_app_bar = node["y"] + node["h"] <= 57
    floating_pause = node["name"] == "Pauze nu" and node["y"] > height / 2
    return node["role"] == "tab" or in_app_bar or floating_pause


def audit(nodes: list[dict], width: int, height: int) -> list[str]:
    """Every problem a person would meet on this screen, said in one line each.

    Overlap is checked within the scrolling content and within the fixed chrome, not between
    them: content passing beneath the navigation bar while scrolling is not a layout fault.
    """
    problems = []
    # Content scrolls between the app bar and the navigation bar; a node there is cut to what
    # shows, so its size is judged only when it is wholly in view.
    tabs = [n for n in nodes if n["role"] == "tab" and not n["hidden"]]
    bottom = min((n["y"] for n in tabs), default=height)
    shown = [
        n for n in nodes if _visible(n, height) and (_is_chrome(n, height) or n["y"] < bottom - 1)
    ]
    for n in shown:
        if n["role"] in INTERACTIVE_ROLES:
            if not n["name"]:
                problems.append(f"unnamed {n['role']} at ({n['x']:.0f},{n['y']:.0f})")
            whole = _is_chrome(n, height) or n["y"] + n["h"] < bottom - 1
            if whole and (n["w"] + TOLERANCE < 48 or n["h"] + TOLERANCE < 48):
                problems.append(
                    f"small target {n['role']} {n['name']!r}: {n['w']:.0f}×{n['h']:.0f}"
                )
    leaves = [n for n in shown if n["leaf"] and (n["name"] or n["role"])]
    for n in leaves:
        if n["x"] < -TOLERANCE or n["x"] + n["w"] > width + TOLERANCE:
            problems.append(f"outside the screen: {n['name']!r} x={n['x']:.0f} w={n['w']:.0f}")
    for i, a in enumerate(leaves):
        for b in leaves[i + 1 :]:
            if _is_chrome(a, height) != _is_chrome(b, height):
                continue
            if _overlap(a, b):
                problems.append(f"overlap: {a['name']!r} and {b['name']!r}")
    return problems


@pytest.mark.parametrize("config", list(CONFIGS))
def test_every_screen_is_named_sized_and_readable(browser, app, config):
    width, height, dark, scale = CONFIGS[config]
    found: dict[str, list[str]] = {}
    for screen in SCREENS:
        with open_page(
            browser, app.url + screen, width=width, height=height, dark=dark, text_scale=scale
        ) as (page, outside):
            # Wait for the screen's content, not just the shell.
            page.wait_for_function(
                "document.querySelectorAll('flt-semantics').length > 3", timeout=30_000
            )
            page.wait_for_timeout(800)
            problems = audit(semantics_nodes(page), width, height)
            if problems:
                found[screen] = problems
            screenshot(page, f"a11y-{config}-{screen.strip('/').replace('/', '-') or 'home'}")
            assert outside.unexpected() == []
    assert found == {}, "\n".join(f"{s}: {p}" for s, ps in found.items() for p in ps)


# The names users, screen readers and tests rely on (PRODUCT.md), exactly as listed.
PRODUCT_NAMES = [
    ("/", "button", "Pauze nu"),
    ("/understand", "button", "Pauze nu"),
    ("/plan", "button", "Pauze nu"),
    ("/understand", "button", "Volgende"),
    ("/plan", "button", "Toevoegen"),
    ("/plan", "textbox", "Snel toevoegen"),
    ("/pause/run", "button", "Stop pauze"),
]


def test_product_names_are_exact(browser, app):
    for screen in sorted({s for s, _, _ in PRODUCT_NAMES}):
        with open_page(browser, app.url + screen) as (page, _):
            for tab in ("Begrijpen", "Pauze", "Plannen", "Instellingen"):
                if screen != "/pause/run":
                    expect(page.get_by_role("tab", name=tab, exact=True)).to_be_visible(
                        timeout=30_000
                    )
            for s, role, name in PRODUCT_NAMES:
                if s == screen:
                    expect(page.get_by_role(role, name=name, exact=True).first).to_be_attached(
                        timeout=30_000
                    )
