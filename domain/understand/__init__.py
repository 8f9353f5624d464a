"""Begrijpen content and rules: the walk-through (chapters, cards, actions) and the reader's place.

Also the self-check "Herken je dit?": signals and patterns mapped to suggestions."""
