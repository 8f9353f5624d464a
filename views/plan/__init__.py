"""Plannen: a lighter agenda with a daily capacity, boundaries, recovery moments and "not today".

Screens: `agenda` (`/plan`, today and the week) and `boundaries` (`/plan/boundaries`); `state`
holds what they remember between rebuilds; `nudge` is the recovery-moment bar the shell shows
everywhere, and `reminders` the one reminder plan it follows, handed to a phone as notifications.
`calendar_session`, `calendar_import` and `calendar_sources` bring in the user's own calendars
(read-only beside their items, see `imported`); `links` turns `/plan?day=` and `?week=` into
what is shown. The other modules are the pieces these screens are drawn from.
"""
