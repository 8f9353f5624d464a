"""Pauze: a calming micro-pause in one tap, and the kind history of pauses taken.

Screens: `home` (`/`, Pauze nu, the kinds, `history`) and `run` (`/pause/run`: `guide` with its
`circle`, then `rating`); `state` is what both keep for the session.
"""
