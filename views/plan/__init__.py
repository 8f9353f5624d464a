"""Plannen: a lighter agenda with a daily capacity, boundaries, recovery moments and "not today".

Screens: `agenda` (`/plan`, today and the week), `boundaries` (`/plan/boundaries`); `nudge` is the recovery-moment bar the shell shows everywhere."""
