"""Plannen rules: agenda items, the day's load against capacity, boundaries, rhythm and buffers.

Also recovery moments that repeat (rrule), the reminder plan, quick add from text and .ics export."""
