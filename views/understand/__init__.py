"""Begrijpen: why relaxing fails after long stress, one card at a time, and the self-check.

Screens: `walkthrough` (`/understand`), `selfcheck` (`/understand/selfcheck`)."""
