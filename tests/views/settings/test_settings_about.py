"""Over Adempauze: not medical advice, the GP, the 113 line, the version and where data stays."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from domain.settings.backup import APP_VERSION
from storage import Store
from tests.flet_session import open_app


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data")
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        # Dutch first
        (
            "nl",
            [
                "Geen medisch advies",
                "huisarts",
                "113 Zelfmoordpreventie",
                "0800-0113",
                "Geen account, geen netwerk: je gegevens blijven op dit apparaat.",
                f"Versie {APP_VERSION}",
            ],
        ),
        # and English
        (
            "en",
            [
                "Not medical advice",
                "GP (huisarts)",
                "113 Zelfmoordpreventie",
                "0800-0113",
                "No account, no network: your data stays on this device.",
                f"Version {APP_VERSION}",
            ],
        ),
    ],
)
async def test_about_says_what_the_app_is_not_and_where_help_is(store, lang, expected):
    app = await open_app(store=store, route="/about", lang=lang)
    try:
        app.assert_no_crash()
        for text in expected:
            assert app.text_shown(text), text
        assert app.has("app-back")  # back leads to Instellingen
        await app.click("app-back")
        assert app.page.route == "/settings"
    finally:
        await app.close()
