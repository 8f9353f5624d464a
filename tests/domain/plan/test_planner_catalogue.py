"""Every message the planner's domain can hand to a screen exists in Dutch and in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from domain.i18n import Translator, load_catalogue
from domain.plan.boundaries import DAY_CHECKS, TEMPLATES
from domain.plan.items import AREAS, ENERGIES, KINDS
from domain.plan.saying_no import saying_no_keys

PLANNER = Path(__file__).resolve().parents[3] / "domain" / "plan"
# message keys written literally in the domain code ("plan.error.time", "plan.quick.error.empty")
LITERAL_KEYS = sorted(
    {
        key
        for path in PLANNER.rglob("*.py")  # the calendar's reasons for refusing or skipping too
        for key in re.findall(r'"(plan\.[a-z_.]+[a-z_])"', path.read_text(encoding="utf-8"))
    }
)
DERIVED_KEYS = [
    *[f"plan.kind.{k}" for k in KINDS],
    *[f"plan.energy.{e}" for e in ENERGIES],
    *[f"plan.area.{a}" for a in AREAS],
    *[f"plan.template.{t}" for t in TEMPLATES],
    *[f"plan.boundary.{t}" for t in TEMPLATES],
    *[f"plan.violation.{k}" for k in [*DAY_CHECKS, "free_evening_per_week"]],
    *saying_no_keys(),
]


def test_the_domain_names_its_messages():
    # the scan above must find the error keys, or the next test proves nothing
    assert "plan.error.title_empty" in LITERAL_KEYS and "plan.quick.error.no_title" in LITERAL_KEYS
    assert "plan.calendar.skipped.no_start" in LITERAL_KEYS


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("key", LITERAL_KEYS + DERIVED_KEYS)
def test_every_planner_message_exists(lang, key):
    assert Translator(lang).has(key), f"{lang}: {key}"


def test_saying_no_phrases_differ_and_stay_short():
    for lang in ("nl", "en"):
        phrases = [load_catalogue(lang)[key] for key in saying_no_keys()]
        assert len(set(phrases)) == len(phrases) >= 5
        assert all(len(p) <= 140 for p in phrases)
