"""Links to a day or week of the planner: `/plan?day=YYYY-MM-DD` and `/plan?week=YYYY-Www`.

Every turn to another day or week goes through such a link, so the address can be bookmarked and
the browser's back button returns to what was shown before. A value that can't be read opens
today, quietly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from domain.plan.times import date_in_range, monday_of, parse_iso_date
from views.plan.state import Mode, PlanScreen
from views.shell.context import AppContext

WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclass
class FollowedLink:
    """The route the planner last drew: a link is followed once, not again on every rebuild."""

    route: str | None = None


def parse_week(text: str) -> date | None:
    """The Monday of an ISO week written "2026-W10"; None when there is no such week."""
    found = WEEK.match(text.strip())
    if found is None:
        return None
    try:
        monday = date.fromisocalendar(int(found[1]), int(found[2]), 1)
    except ValueError:
        return None
    return monday if date_in_range(monday) else None


def link_to(day: date, mode: Mode) -> str:
    """The planner's address for `day` (or, in the week view, its ISO week)."""
    if mode == "week":
        year, week, _ = day.isocalendar()
        return f"/plan?week={year}-W{week:02d}"
    return f"/plan?day={day.isoformat()}"


def follow_link(ctx: AppContext, screen: PlanScreen, today: date) -> None:
    """Turn the screen to the day or week the route names, the first time it is drawn."""
    followed = ctx.state(FollowedLink, FollowedLink)
    if ctx.route == followed.route:
        return  # a rebuild: what the user did since (a saved item's day, say) stays
    followed.route = ctx.route
    params = ctx.params
    if "week" in params:
        monday = parse_week(params["week"])
        if monday is None:
            screen.show(day=today, mode="week")
            return
        shown = screen.shown_day(today)
        # the day chosen before stays chosen when its own week is opened
        screen.show(day=shown if monday_of(shown) == monday else monday, mode="week")
    elif "day" in params:
        screen.show(day=parse_iso_date(params["day"]) or today, mode="day")
