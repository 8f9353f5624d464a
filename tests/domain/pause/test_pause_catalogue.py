"""The pause catalogue, custom-pattern checks and the lengths a kind allows."""

import pytest

from domain.i18n import Translator, load_catalogue
from domain.pause.kinds import (
    CATALOGUE,
    CUSTOM,
    KIND_IDS,
    CustomPattern,
    custom_kind,
    fit_seconds,
    kind_for,
    length_words,
    parse_custom,
    validate_custom,
)


def _values(**changes):
    values = {"inhale": "4", "hold_in": "0", "exhale": "6", "hold_out": "0", "total": "60"}
    values.update(changes)
    return values


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # a sound pattern has no messages
        ({}, {}),
        # numbers may also come in as ints
        ({"inhale": 4, "total": 1200}, {}),
        # holds may be zero, steps may be twenty
        ({"hold_in": "20", "hold_out": "0", "exhale": "20"}, {}),
        # an in-breath must last at least a second
        ({"inhale": "0"}, {"inhale": "pause.custom.error.breath_min"}),
        # so must the out-breath
        ({"exhale": "0"}, {"exhale": "pause.custom.error.breath_min"}),
        # no step above twenty seconds
        ({"hold_in": "21"}, {"hold_in": "pause.custom.error.step_range"}),
        # no negative steps
        ({"hold_out": "-1"}, {"hold_out": "pause.custom.error.step_range"}),
        # text that is not a whole number
        ({"inhale": "vier"}, {"inhale": "pause.custom.error.number"}),
        # an empty field
        ({"exhale": ""}, {"exhale": "pause.custom.error.number"}),
        # a decimal is not accepted either
        ({"hold_in": "1.5"}, {"hold_in": "pause.custom.error.number"}),
        # a pause shorter than ten seconds
        ({"total": "9"}, {"total": "pause.custom.error.total_range"}),
        # a pause longer than twenty minutes
        ({"total": "1201"}, {"total": "pause.custom.error.total_range"}),
        # every wrong field gets its own message at once
        (
            {"inhale": "0", "exhale": "25", "total": "5"},
            {
                "inhale": "pause.custom.error.breath_min",
                "exhale": "pause.custom.error.step_range",
                "total": "pause.custom.error.total_range",
            },
        ),
        # a missing field
        ({"total": None}, {"total": "pause.custom.error.number"}),
    ],
)
def test_validate_custom(changes, expected):
    assert validate_custom(_values(**changes)) == expected


def test_parse_custom_gives_numbers():
    assert parse_custom(_values(hold_in="2")) == CustomPattern(4, 2, 6, 0, 60)


def test_parse_custom_refuses_bad_values():
    with pytest.raises(ValueError, match="inhale"):
        parse_custom(_values(inhale="0"))


@pytest.mark.parametrize(
    ("kind_id", "seconds", "expected"),
    [
        # no length asked: the kind's default
        ("calm", None, 60),
        # an allowed length is kept
        ("box", 300, 300),
        # an odd length goes to the nearest choice
        ("sigh", 100, 120),
        # a tie goes to the shorter choice
        ("calm", 90, 60),
        # the pause between tasks stays within 30-60 s
        ("between", 300, 60),
        # and never below 30
        ("between", 5, 30),
        # the quiet sit allows five minutes
        ("quiet", 299, 300),
    ],
)
def test_fit_seconds(kind_id, seconds, expected):
    assert fit_seconds(kind_for(kind_id), seconds) == expected


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        # custom keeps any length in range
        (95, 95),
        # but not below ten seconds
        (3, 10),
        # nor above twenty minutes
        (5000, 1200),
    ],
)
def test_fit_seconds_custom(seconds, expected):
    kind = custom_kind(CustomPattern(4, 0, 6, 0, 60))
    assert fit_seconds(kind, seconds) == expected


def test_catalogue_has_every_kind():
    assert KIND_IDS == ("calm", "box", "sigh", "quiet", "between", "shoulders", CUSTOM)


@pytest.mark.parametrize("kind_id", list(CATALOGUE))
def test_every_default_length_is_a_choice(kind_id):
    kind = CATALOGUE[kind_id]
    assert kind.default_seconds in kind.durations


@pytest.mark.parametrize(
    ("kind_id", "expected"),
    [
        # calm breathing: out longer than in
        ("calm", (4, 6)),
        # box breathing: four equal sides
        ("box", (4, 4, 4, 4)),
        # cyclic sighing: two breaths in, a long one out
        ("sigh", (3, 1, 6)),
    ],
)
def test_breathing_patterns(kind_id, expected):
    assert tuple(step.seconds for step in CATALOGUE[kind_id].pattern.steps) == expected


def test_unknown_kind_falls_back_to_calm():
    assert kind_for("no-such-kind").id == "calm"


def test_custom_without_pattern_falls_back_to_calm():
    assert kind_for(CUSTOM).id == "calm"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_phase_and_kind_has_its_words(lang):
    texts = load_catalogue(lang)
    step_names = {step.name for kind in CATALOGUE.values() for step in kind.pattern.steps}
    step_names |= {s.name for s in custom_kind(CustomPattern(4, 2, 6, 2, 60)).pattern.steps}
    missing = [f"pause.phase.{name}" for name in step_names if f"pause.phase.{name}" not in texts]
    for kind_id in KIND_IDS:
        missing += [
            key
            for key in (f"pause.kind.{kind_id}.name", f"pause.kind.{kind_id}.desc")
            if key not in texts
        ]
    assert missing == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_custom_error_has_its_words(lang):
    texts = load_catalogue(lang)
    bad = {"inhale": "0", "hold_in": "99", "exhale": "x", "hold_out": "-1", "total": "3"}
    assert all(key in texts for key in validate_custom(bad).values())


@pytest.mark.parametrize(
    ("lang", "seconds", "words"),
    [
        # whole minutes are said in minutes
        ("nl", 60, "1 min"),
        ("en", 300, "5 min"),
        # anything else in seconds, even past a minute
        ("nl", 45, "45 s"),
        ("en", 90, "90 s"),
    ],
)
def test_length_words(lang, seconds, words):
    assert length_words(Translator(lang), seconds) == words
