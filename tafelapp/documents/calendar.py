"""Calendar invitations (.ics, RFC 5545) for the next meeting or an evaluation date."""

from __future__ import annotations

import datetime as dt


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def ics_event(uid: str, day: dt.date, summary: str, description: str, location: str,
              stamp: dt.datetime, start: dt.time | None = None,
              minutes: int = 90) -> bytes:
    """One VEVENT: all-day when no start time is known; times are local (floating)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tafelapp//NL", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "BEGIN:VEVENT", f"UID:{uid}",
             f"DTSTAMP:{stamp.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"]
    if start is None:
        lines += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}"]
    else:
        begin = dt.datetime.combine(day, start)
        lines += [f"DTSTART:{begin:%Y%m%dT%H%M%S}",
                  f"DTEND:{begin + dt.timedelta(minutes=minutes):%Y%m%dT%H%M%S}"]
    lines += [f"SUMMARY:{_escape(summary)}", f"DESCRIPTION:{_escape(description)}",
              f"LOCATION:{_escape(location)}", "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
