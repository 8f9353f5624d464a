"""Adempauze's pure logic: models, rules, content and text, with no UI and no database."""
