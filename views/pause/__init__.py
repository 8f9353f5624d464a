"""Pauze: a calming micro-pause in one tap, and the kind history of pauses taken.

Screens: `home` (`/`, Pauze nu and the kinds), `run` (`/pause/run`, the running guide); `history` is a part of home."""
