"""Pauze rules: the kinds of pause, their breathing schedule, a running session and its record.

Also the history: recovery moments and minutes per week, and the tension trend (no streaks)."""
