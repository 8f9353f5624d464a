"""Time zones of imported events: the zone database first, a file's own VTIMEZONE only if needed."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

from icalendar import Component
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from domain.plan.calendar.series import Moment, RecurringSeries

ZONED_PROPERTIES = ("DTSTART", "DTEND", "RDATE", "EXDATE", "RECURRENCE-ID")


@lru_cache(maxsize=512)
def database_zone(tzid: str) -> zoneinfo.ZoneInfo | None:
    """The zone database's zone for a TZID: an Olson name, Outlook's Windows name, or a
    "/vendor/Olson" name; None for a zone only the file's own VTIMEZONE defines.

    Known zones are read from the database rather than from the file's VTIMEZONE: the same
    rules, and far quicker, since a VTIMEZONE's RRULEs are walked from 1601 for every offset.
    """
    cleaned = tzid.strip().strip('"').strip("/")
    parts = cleaned.split("/")
    names = [cleaned, WINDOWS_TO_OLSON.get(cleaned, "")]
    names += ["/".join(parts[n:]) for n in range(1, len(parts))]
    for name in names:
        if not name:
            continue
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue
    return None


def custom_zones(series: Iterable[RecurringSeries]) -> set[str]:
    """The TZIDs of the series that no zone database knows, so their VTIMEZONE must be kept."""
    return {tzid for s in series for tzid in s.tzids if database_zone(tzid) is None}


def in_database_zone(value: Moment, component: Component, name: str) -> Moment:
    """A zoned time in the database's zone of its TZID, at the same wall-clock time."""
    if not isinstance(value, datetime) or value.tzinfo is None:
        return value
    if isinstance(value.tzinfo, zoneinfo.ZoneInfo):
        return value
    tzid = getattr(component.get(name), "params", {}).get("TZID")
    zone = database_zone(str(tzid)) if tzid else None
    return value if zone is None else value.replace(tzinfo=zone)


def known_zone(value: object) -> str | None:
    """An X-WR-TIMEZONE the zone database knows, else None (an unknown one is ignored)."""
    if value is None:
        return None
    name = str(value).strip()
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name


def use_database_zones(component: Component) -> None:
    """Name each known TZID by its database name, so it is read back from the database."""
    for params in _zoned_params(component):
        zone = database_zone(str(params["TZID"]))
        if zone is not None:
            params["TZID"] = zone.key


def tzids(components: Iterable[Component]) -> tuple[str, ...]:
    """The TZIDs the components name, so their VTIMEZONEs are kept beside them."""
    found = {str(params["TZID"]) for c in components for params in _zoned_params(c)}
    return tuple(sorted(found))


def _zoned_params(component: Component) -> Iterator[Any]:
    """The parameters of each of the component's times that names a TZID."""
    for name in ZONED_PROPERTIES:
        value = component.get(name)
        for prop in value if isinstance(value, list) else [value]:
            params = getattr(prop, "params", None)
            if params and "TZID" in params:
                yield params
