"""The catalogues are complete in both languages, and the language is chosen as promised."""

from __future__ import annotations

import pytest

from domain.i18n import LANGUAGES, Translator, choose_language, load_catalogue, placeholders


def test_dutch_and_english_have_the_same_keys():
    nl, en = load_catalogue("nl"), load_catalogue("en")
    assert sorted(set(nl) ^ set(en)) == []


def test_translations_expect_the_same_placeholders():
    nl, en = load_catalogue("nl"), load_catalogue("en")
    different = [k for k in nl if placeholders(nl[k]) != placeholders(en[k])]
    assert different == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_is_empty(lang):
    assert [k for k, v in load_catalogue(lang).items() if not v.strip()] == []


@pytest.mark.parametrize(
    ("flag", "saved", "device", "expected"),
    [
        ("en", "nl", ["nl-NL"], "en"),  # the --lang flag wins
        (None, "en", ["nl-NL"], "en"),  # then the saved setting
        (None, None, ["en-GB", "nl"], "en"),  # then the device's first nl/en language
        (None, None, ["de-DE", "nl_BE"], "nl"),  # an unsupported first choice is passed over
        (None, None, ["fr-FR"], "nl"),  # nothing usable: Dutch
        (None, None, [], "nl"),  # nothing known: Dutch
        ("de", "fr", [], "nl"),  # unknown values are ignored, not trusted
    ],
)
def test_choose_language(flag, saved, device, expected):
    assert choose_language(flag, saved, device) == expected


def test_translator_formats_and_shows_missing_keys():
    t = Translator("nl")
    assert t("nav.pause") == "Pauze"
    assert t("app.save_failed", reason="x").startswith("Opslaan lukte niet: x")
    assert t("no.such.key") == "[no.such.key]"
