"""Instellingen: language, look, pauses, rhythm, your data, and what the app is.

Screens: `preferences` (`/settings`, `/settings/rhythm`), `reminders` (`/settings/reminders`), `data` (`/settings/data`), `about` (`/about`)."""
