"""The Dutch walk-through is written in its own words: no six-word run matches the source article.

The article itself is not part of the project. tests/data/source_six_word_runs.sha256 holds only
the sha256 of every normalised six-word run of it, so this test runs on any clone. To rebuild that
file from a local copy of the article:

    PYTHONPATH=. .venv/bin/python tests/domain/test_own_words.py path/to/article.nl.txt
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from domain.understand.walkthrough import load_walkthrough

RUN = 6
HASHES = Path(__file__).parents[2] / "data" / "source_six_word_runs.sha256"
LOCALE = Path(__file__).parents[3] / "domain" / "locales" / "nl" / "understand.json"
ARTICLE = Path("/work/shared/seed/waarom-ontspannen-niet-lukt.nl.txt")


def normalise_words(text: str) -> list[str]:
    """Lower-case ASCII words: accents folded, apostrophes joined ("zo’n" → "zon"), rest split."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    folded = re.sub(r"['’‘`]", "", folded)
    return re.findall(r"[a-z0-9]+", folded)


def six_word_runs(text: str) -> set[str]:
    words = normalise_words(text)
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def hash_run(run: str) -> str:
    return hashlib.sha256(run.encode("utf-8")).hexdigest()


def load_hashes() -> set[str]:
    return {
        line.strip() for line in HASHES.read_text(encoding="ascii").splitlines() if line.strip()
    }


def dutch_texts() -> list[str]:
    """Every Dutch sentence the walk-through and self-check show."""
    catalogue = json.loads(LOCALE.read_text(encoding="utf-8"))
    return [*load_walkthrough("nl").texts(), *catalogue.values()]


def copied_runs(texts: list[str], hashes: set[str]) -> list[str]:
    return sorted({run for text in texts for run in six_word_runs(text) if hash_run(run) in hashes})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # punctuation, case and line breaks do not matter
        ("Eén, twee!\nDrie vier. Vijf zes", ["een twee drie vier vijf zes"]),
        # typographic apostrophes are joined into the word
        ("zo’n rare dag als 's avonds", ["zon rare dag als s avonds"]),
        # five words make no run at all
        ("een twee drie vier vijf", []),
        # seven words make two overlapping runs
        ("a b c d e f g", ["a b c d e f", "b c d e f g"]),
    ],
)
def test_six_word_runs_normalise(text: str, expected: list[str]) -> None:
    assert sorted(six_word_runs(text)) == sorted(expected)


def test_hash_file_is_there_and_well_formed() -> None:
    hashes = load_hashes()
    # the article has about 1,100 words, so roughly as many runs
    assert len(hashes) > 900
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes)


def test_check_catches_a_copied_run() -> None:
    # a run that is in the hash set must be reported, wherever it sits in a sentence
    own = "dit is een zin die we zelf schreven voor de test"
    hashes = {hash_run("zin die we zelf schreven voor")}
    assert copied_runs([f"Hier staat: {own}."], hashes) == ["zin die we zelf schreven voor"]
    assert copied_runs(["Iets heel anders, in andere woorden gezegd."], hashes) == []


def test_dutch_content_shares_no_six_word_run_with_the_article() -> None:
    assert copied_runs(dutch_texts(), load_hashes()) == []


@pytest.mark.skipif(not ARTICLE.exists(), reason="the source article is only on the build machine")
def test_hash_file_matches_the_article_and_catches_its_sentences() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    assert {hash_run(run) for run in six_word_runs(text)} == load_hashes()
    first_line = text.splitlines()[0]
    assert copied_runs([first_line], load_hashes())


def write_hashes(article: Path) -> int:
    hashes = sorted({hash_run(run) for run in six_word_runs(article.read_text(encoding="utf-8"))})
    HASHES.write_text("\n".join(hashes) + "\n", encoding="ascii")
    return len(hashes)


if __name__ == "__main__":
    print(write_hashes(Path(sys.argv[1])), "runs written to", HASHES)
