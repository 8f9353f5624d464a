"""Je echte agenda: calendars brought in from .ics files, weighed beside the user's own items."""
