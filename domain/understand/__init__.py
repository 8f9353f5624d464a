"""Begrijpen content and rules: the walk-through (chapters, cards, actions, progress).

Also the self-check "Herken je dit?": signals and patterns mapped to suggestions."""
