"""The planner's dates, hours, durations, boundaries and broken boundaries, in the user's words."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from domain.numbers import format_hours
from domain.plan.boundaries import Boundary, Violation
from domain.plan.items import AgendaItem
from domain.plan.times import format_hhmm
from views.shell.context import AppContext


def day_words(ctx: AppContext, day: date) -> str:
    """ "woensdag 25 november" / "Wednesday 25 November"."""
    return format_date(day, "EEEE d MMMM", locale=ctx.lang)


def short_day(ctx: AppContext, day: date) -> str:
    """ "wo 25" / "Wed 25" for the week picture."""
    return format_date(day, "EEE d", locale=ctx.lang)


def hours_words(ctx: AppContext, minutes: float) -> str:
    """Minutes as hours with at most one decimal, in the user's language ("3,5" / "3.5")."""
    return format_hours(minutes / 60, ctx.lang)


def duration_words(ctx: AppContext, minutes: int) -> str:
    """ "45 min", "2 u", "1 u 30 min"."""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return ctx.t("plan.duration.min", m=rest)
    if rest == 0:
        return ctx.t("plan.duration.h", h=hours)
    return ctx.t("plan.duration.hm", h=hours, m=rest)


def item_summary(ctx: AppContext, item: AgendaItem) -> str:
    """An item's line on its card (its own or an imported event's): when, how long, its weight."""
    t = ctx.t
    return t(
        "plan.item.summary",
        when=format_hhmm(item.start) if item.start else t("plan.item.no_time"),
        duration=duration_words(ctx, item.minutes),
        kind=t(f"plan.kind.{item.kind}"),
        energy=t(f"plan.energy.{item.energy}"),
        area=t(f"plan.area.{item.area}"),
    )


def boundary_words(ctx: AppContext, boundary: Boundary) -> str:
    """A boundary as a short sentence."""
    return ctx.t(
        f"plan.boundary.{boundary.kind}",
        time=format_hhmm(boundary.time) if boundary.time else "",
        n=boundary.n if boundary.n is not None else "",
        text=boundary.text,
    )


def violation_words(ctx: AppContext, violation: Violation, boundaries: list[Boundary]) -> str:
    """What a broken boundary means, in a calm sentence."""
    boundary = next((b for b in boundaries if b.id == violation.boundary_id), None)
    if boundary is None:
        return ""
    return ctx.t(
        f"plan.violation.{violation.kind}",
        time=format_hhmm(boundary.time) if boundary.time else "",
        n=boundary.n if boundary.n is not None else "",
    )
