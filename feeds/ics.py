"""The feed as iCalendar text (RFC 5545), with standard properties only, so that Google Календарь,
Яндекс Календарь, Outlook and phone calendars read it alike.

Deadlines and end dates are all-day entries (DATE values: a calendar shows them on that day in any
zone); an entry with a time is written in the kindergarten's zone (settings.TIME_ZONE) with its
VTIMEZONE, as the standard asks. Every entry has its stable UID and a DTSTAMP; LAST-MODIFIED where
the record knows when it changed. No SEQUENCE: a subscribed feed is read whole each time (METHOD
PUBLISH), the UID is what ties an entry to its earlier version, and counting revisions would cost a
history query per row.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from .sources import Event

UID_DOMAIN = "nastavnik"
PRODID = "-//Наставник//Календарь наставничества//RU"


def render(events: list[Event], *, name: str, base_url: str) -> bytes:
    """The calendar named `name` holding `events`; `base_url` («https://host») makes their links absolute."""
    zone = ZoneInfo(settings.TIME_ZONE)
    stamp = timezone.now().astimezone(ZoneInfo("UTC")).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)  # what Google and Outlook show as the calendar's name
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(_vevent(event, zone=zone, stamp=stamp, base_url=base_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _vevent(event: Event, *, zone: ZoneInfo, stamp: datetime, base_url: str) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", f"{event.uid}@{UID_DOMAIN}")
    vevent.add("dtstamp", stamp)
    vevent.add("summary", event.summary)
    if isinstance(event.start, datetime):
        vevent.add("dtstart", event.start.astimezone(zone))
        vevent.add("dtend", (event.end or event.start + timedelta(hours=1)).astimezone(zone))
    else:
        # An all-day entry ends (exclusively) the day after its last day.
        last: date = event.end if isinstance(event.end, date) and not isinstance(event.end, datetime) else event.start
        vevent.add("dtstart", event.start)
        if max(last, event.start) < date.max:  # without DTEND a DATE entry is that one day (RFC 5545)
            vevent.add("dtend", max(last, event.start) + timedelta(days=1))
        vevent.add("transp", "TRANSPARENT")  # a deadline does not make its day busy
    if event.description:
        vevent.add("description", event.description)
    if event.location:
        vevent.add("location", event.location)
    if event.url:
        vevent.add("url", base_url + event.url)
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if event.last_modified is not None:
        vevent.add("last-modified", event.last_modified.astimezone(ZoneInfo("UTC")).replace(microsecond=0))
    return vevent
