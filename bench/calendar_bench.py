"""Calendar benchmark: importing a 5 MB work calendar, and opening its weeks, next to the plain way.

    .venv/bin/python bench/calendar_bench.py               # 5 MB calendar, 60 weeks opened
    .venv/bin/python bench/calendar_bench.py --weeks 20    # fewer weeks

The calendar looks like an Outlook export of three years of work (2024–2026): 2,000 single
meetings, 150 weekly and daily series (some still going, some ended) with 300 moved or changed
occurrences and 50 cancelled ones, in two time zones ("W. Europe Standard Time" and "Pacific
Standard Time", as Outlook names them), with Outlook-length descriptions and guest lists.

Import is `read_calendar(bytes)`: decoding, parsing, checking each event and keeping the series.
Its budget is 1.5x what icalendar alone takes to parse the same bytes, timed in the same run.

Opening a week is everything the week screen asks of the domain for it: the source's events of
that week (expanded on demand, the first visit of each week included), as agenda items, weighed
in the load with ways out, boundaries, rhythm flags and buffer hints (`Agenda.plan`), and the
advice on imported events for full days. Budget: median under 50 ms. The plain way, in the same
run, asks recurring-ical-events for the week over the whole parsed calendar each time; both must
find the same occurrences, or the script fails.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import recurring_ical_events  # noqa: E402
from icalendar import Calendar  # noqa: E402

from domain.plan.boundaries import new_boundary  # noqa: E402
from domain.plan.calendar.advice import calendar_ways_out  # noqa: E402
from domain.plan.calendar.agenda import source_events, to_agenda_items  # noqa: E402
from domain.plan.calendar.expand import CalendarWeeks, recurrence_id_text, to_local  # noqa: E402
from domain.plan.calendar.parse import ParsedCalendar, read_calendar  # noqa: E402
from domain.plan.calendar.series import CalendarData  # noqa: E402
from domain.plan.calendar.sources import new_source  # noqa: E402
from domain.plan.load import capacity_minutes  # noqa: E402
from domain.plan.overview import Agenda  # noqa: E402
from domain.plan.rhythm import Rhythm  # noqa: E402

LOCAL = ZoneInfo("Europe/Amsterdam")
FIRST = date(2024, 1, 1)
LAST = date(2026, 12, 31)
ZONES = ("W. Europe Standard Time", "Pacific Standard Time")
VTIMEZONES = """BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VTIMEZONE
TZID:Pacific Standard Time
BEGIN:STANDARD
DTSTART:16010101T020000
TZOFFSETFROM:-0700
TZOFFSETTO:-0800
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:-0800
TZOFFSETTO:-0700
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
"""
WORDS = [
    "overleg",
    "begroting",
    "planning",
    "sprint",
    "review",
    "klant",
    "project",
    "team",
    "afstemming",
    "kwartaal",
    "roadmap",
    "architectuur",
    "release",
    "demo",
    "retrospective",
    "werkgroep",
    "stuurgroep",
]
TEAMS = (
    "________________________________________________________________________________\\n"
    "Microsoft Teams-vergadering\\nDeelnemen op uw computer\\, mobiele app of ruimteapparaat\\n"
    "Klik hier om deel te nemen aan de vergadering<https://teams.microsoft.com/l/meetup-join/"
    "19%3ameeting_{id}%40thread.v2/0?context=%7b%22Tid%22%3a%22{id}%22%7d>\\n"
    "Vergadering-id: {num}\\nWachtwoordcode: {code}\\nTeams downloaden<https://www.microsoft.com/"
    "microsoft-teams/download-app> | Deelnemen op het web<https://www.microsoft.com/microsoft-teams/"
    "join-a-meeting>\\nOf bel in (alleen audio)\\n+31 20 123 4567\\,\\,{num}# Netherlands\\, "
    "Amsterdam\\nTelefonische vergadering-id: {num}#\\nLokaal nummer zoeken<https://dialin."
    "teams.microsoft.com/{id}>\\nPincode opnieuw instellen<https://dialin.teams.microsoft.com/usp/"
    "pstnconferencing>\\nMeer informatie<https://aka.ms/JoinTeamsMeeting>\\nOpties voor "
    "vergadering<https://teams.microsoft.com/meetingOptions/?organizerId={id}>\\n"
    "________________________________________________________________________________\\n"
)


def fold(line: str) -> str:
    """Fold a content line at 74 characters, as exporters do."""
    parts = [line[:74]] + [" " + line[i : i + 73] for i in range(74, len(line), 73)]
    return "\r\n".join(parts) + "\r\n"


def vevent(rng: random.Random, uid: str, lines: list[str]) -> str:
    guests = [
        f'ATTENDEE;CN="{rng.choice(WORDS).title()} {n}";RSVP=TRUE:mailto:p{n}@example.com'
        for n in range(rng.randint(1, 6))
    ]
    description = (
        f"DESCRIPTION:{' '.join(rng.choices(WORDS, k=rng.randint(10, 40)))}\\n\\n"
        + TEAMS.format(id=uid[-12:], num=rng.randint(10**11, 10**12), code=uid[:6])
    )
    body = [
        f"UID:{uid}",
        "DTSTAMP:20261101T120000Z",
        f"SUMMARY;LANGUAGE=nl:{' '.join(rng.choices(WORDS, k=3)).capitalize()}",
        *lines,
        description,
        f"LOCATION:Vergaderzaal {rng.randint(1, 30)}",
        'ORGANIZER;CN="Sam de Vries":mailto:sam@example.com',
        *guests,
        "CLASS:PUBLIC",
        "TRANSP:OPAQUE",
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
        "X-MICROSOFT-CDO-IMPORTANCE:1",
    ]
    alarm = (
        "BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nEND:VALARM\r\n"
    )
    return "BEGIN:VEVENT\r\n" + "".join(fold(line) for line in body) + alarm + "END:VEVENT\r\n"


def stamp(zone: str, when: datetime) -> str:
    return f'TZID="{zone}":{when:%Y%m%dT%H%M%S}'


def build_work_calendar(seed: int = 7) -> bytes:
    """A realistic Outlook export of three years of work, about 5 MB."""
    rng = random.Random(seed)
    events: list[str] = []
    span = (LAST - FIRST).days
    for n in range(2000):
        zone = ZONES[0] if rng.random() < 0.85 else ZONES[1]
        start = datetime.combine(
            FIRST + timedelta(days=rng.randrange(span)),
            clock(rng.randint(8, 17), rng.choice((0, 30))),
        )
        end = start + timedelta(minutes=rng.choice((30, 45, 60, 90, 120)))
        lines = [f"DTSTART;{stamp(zone, start)}", f"DTEND;{stamp(zone, end)}"]
        events.append(vevent(rng, f"single-{n:05d}-{rng.getrandbits(64):016x}", lines))
    exceptions, cancellations = 300, 50
    for n in range(150):
        zone = ZONES[0] if rng.random() < 0.8 else ZONES[1]
        begin = FIRST + timedelta(days=rng.randrange(200))
        at = datetime.combine(begin, clock(rng.randint(8, 16), rng.choice((0, 15, 30))))
        length = timedelta(minutes=rng.choice((15, 30, 60)))
        if rng.random() < 0.3:
            rule, step = "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", timedelta(days=1)
            while at.weekday() > 4:
                at += timedelta(days=1)
        else:
            interval = rng.choice((1, 1, 2))
            rule, step = f"FREQ=WEEKLY;INTERVAL={interval}", timedelta(weeks=interval)
        if rng.random() < 0.5:  # ended before the end of the three years
            until = datetime.combine(LAST - timedelta(days=rng.randrange(400)), clock(23, 59))
            rule += f";UNTIL={until:%Y%m%dT%H%M%S}Z"
        uid = f"series-{n:03d}-{rng.getrandbits(64):016x}"
        lines = [
            f"DTSTART;{stamp(zone, at)}",
            f"DTEND;{stamp(zone, at + length)}",
            f"RRULE:{rule}",
        ]
        events.append(vevent(rng, uid, lines))
        moved = exceptions // (150 - n) if n < 149 else exceptions
        cancelled = cancellations // (150 - n) if n < 149 else cancellations
        exceptions -= moved
        cancellations -= cancelled
        for k in range(moved + cancelled):
            original = at + step * (7 * (k + 1) + rng.randrange(5))
            while "DAILY" in rule and original.weekday() > 4:
                original += timedelta(days=1)
            new = original + timedelta(hours=rng.choice((-2, 1, 3)))
            extra = [f"RECURRENCE-ID;{stamp(zone, original)}", "SEQUENCE:1"]
            if k >= moved:
                extra.append("STATUS:CANCELLED")
            extra += [f"DTSTART;{stamp(zone, new)}", f"DTEND;{stamp(zone, new + length)}"]
            events.append(vevent(rng, uid, extra))
    head = (
        "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
        "VERSION:2.0\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Werk-agenda\r\n"
        + VTIMEZONES.replace("\n", "\r\n")
    )
    text = head + "".join(events) + "END:VCALENDAR\r\n"
    return text.encode("utf-8")


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(run, repeat: int) -> tuple[list[float], object]:
    samples, result = [], None
    for _ in range(repeat):
        begin = time.perf_counter()
        result = run()
        samples.append(time.perf_counter() - begin)
    return samples, result


def plain_week(query, monday: date) -> set[tuple[str, str, datetime]]:
    """The plain way: recurring-ical-events over the whole parsed calendar, for one week."""
    begin = datetime.combine(monday, clock.min)
    end = begin + timedelta(days=7)
    found = set()
    for e in query.between(begin.replace(tzinfo=LOCAL), end.replace(tzinfo=LOCAL)):
        if str(e.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = to_local(e["DTSTART"].dt, LOCAL)
        if begin <= start < end:
            uid = str(e["UID"])
            rid = recurrence_id_text(e["RECURRENCE-ID"].dt) if uid.startswith("series") else ""
            found.add((uid, rid, start))
    return found


def open_week(weeks: CalendarWeeks, source, monday: date, boundaries, capacity, rhythm):
    """Everything the week screen asks of the domain for one week of the imported calendar."""
    days = [monday + timedelta(days=n) for n in range(7)]
    events = source_events(weeks, source, {}, {}, days[0], days[-1] + timedelta(days=7))
    items = to_agenda_items(events, days[0], days[-1] + timedelta(days=7))
    plans = Agenda(items, []).plan(days, boundaries, capacity, rhythm)
    loads = {p.day: p.load for p in plans}
    advice = [calendar_ways_out(p.day, events, p.load, capacity, loads) for p in plans if p.over]
    return events, plans, advice


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--weeks", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    data = build_work_calendar()
    print(f"calendar: {len(data) / 1e6:.1f} MB")

    text = data.decode("utf-8")
    parse_s, calendar = timed(lambda: Calendar.from_ical(text), args.runs)
    import_s, parsed = timed(lambda: read_calendar(data), args.runs)
    assert isinstance(parsed, ParsedCalendar)
    ratio = statistics.median(import_s) / statistics.median(parse_s)
    print(
        f"import: {median_ms(import_s):.0f} ms (read_calendar) vs {median_ms(parse_s):.0f} ms "
        f"(icalendar's parse alone) = {ratio:.2f}x (budget 1.5x)"
    )
    print(f"  {parsed.summary.events} events in, skipped: {parsed.summary.skipped}")

    record = parsed.data.to_record()
    stored_s, stored = timed(lambda: CalendarData.from_record(record), args.runs)
    assert isinstance(stored, CalendarData)
    print(f"reading the stored series back (app start): {median_ms(stored_s):.1f} ms")

    source = new_source(
        file_name="werk.ics",
        calendar_name=parsed.name,
        imported_at=datetime(2026, 11, 1),
        events=parsed.summary.events,
        skipped={},
        data_id="d",
    )
    boundaries = [
        new_boundary(kind="no_work_after", time_text="20:00"),
        new_boundary(kind="max_evening_appointments", n=2),
        new_boundary(kind="recovery_after_hours", n=3),
    ]
    capacity, rhythm = capacity_minutes(6), Rhythm()
    rng = random.Random(11)
    mondays = [FIRST + timedelta(weeks=rng.randrange(156)) for _ in range(args.weeks)]
    mondays += [date(2031, 3, 3), date(2035, 6, 4) - timedelta(days=date(2035, 6, 4).weekday())]

    weeks = CalendarWeeks(source.id, stored, LOCAL)
    first_s, _ = timed(
        lambda: open_week(weeks, source, mondays[0], boundaries, capacity, rhythm), 1
    )
    ours = []
    found = {}
    for monday in mondays:
        begin = time.perf_counter()
        events, _plans, _advice = open_week(weeks, source, monday, boundaries, capacity, rhythm)
        ours.append(time.perf_counter() - begin)
        found[monday] = {
            (e.uid, e.recurrence_id, e.start)
            for e in events
            if monday <= e.start.date() < monday + timedelta(days=7)
        }
    again = []
    for monday in mondays:
        begin = time.perf_counter()
        open_week(weeks, source, monday, boundaries, capacity, rhythm)
        again.append(time.perf_counter() - begin)

    query = recurring_ical_events.of(calendar)
    plain = []
    for monday in mondays:
        begin = time.perf_counter()
        expected = plain_week(query, monday)
        plain.append(time.perf_counter() - begin)
        if expected != found[monday]:
            print(f"MISMATCH in the week of {monday}", file=sys.stderr)
            return 1
    print(
        f"opening a week ({len(mondays)} weeks, 2024–2026 plus 2031 and 2035, first visits): "
        f"median {median_ms(ours):.1f} ms, max {max(ours) * 1000:.1f} ms (budget: median < 50 ms)"
    )
    print(f"  the very first week after start: {first_s[0] * 1000:.1f} ms")
    print(f"  the same weeks again (kept per week): median {median_ms(again):.1f} ms")
    print(
        f"plain way, recurring-ical-events over the whole calendar per week: "
        f"median {median_ms(plain):.1f} ms (its parse of the file once: {median_ms(parse_s):.0f} ms)"
    )
    print("both found the same occurrences in every week")
    over = [ratio > 1.5, median_ms(ours) >= 50]
    return 1 if any(over) else 0


if __name__ == "__main__":
    sys.exit(main())
