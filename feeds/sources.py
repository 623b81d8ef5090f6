"""The registry of calendar event sources. `feeds` knows no domain app: each app above registers,
from its AppConfig.ready(), a function `source(user) -> list[Event]` that reads through the app's own
selectors (what the user may open in the application, and nothing more) and keeps a fixed number of
queries whatever the number of rows. The feed is the concatenation of all sources.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone


@dataclass(frozen=True)
class Event:
    """One calendar entry. `uid` is stable per object («plan-item-12»; the feed adds «@nastavnik»), so a
    calendar moves the entry when its date changes instead of adding a second one. A `start` date is an
    all-day entry (its `end`, if any, the last day, inclusive); a datetime must be aware."""

    uid: str
    summary: str
    start: date | datetime
    end: date | datetime | None = None
    description: str = ""
    location: str = ""
    url: str = ""  # a path of the application («/programs/3/»); the feed makes it absolute
    cancelled: bool = False
    last_modified: datetime | None = None

    @property
    def day(self) -> date:
        """The day it starts (a timed entry's in the kindergarten's zone)."""
        return _day(self.start)


Source = Callable[[object], list[Event]]

_SOURCES: dict[str, Source] = {}


def register(name: str, source: Source) -> None:
    """Add `source` under `name`; registering the same name again replaces it."""
    _SOURCES[name] = source


def unregister(name: str) -> None:
    _SOURCES.pop(name, None)


def names() -> list[str]:
    return sorted(_SOURCES)


def events_for(user) -> list[Event]:
    """Every source's events for `user`, in date order."""
    events = [event for name in names() for event in _SOURCES[name](user)]
    return sorted(events, key=lambda event: (event.day, event.uid))


def _day(value: date | datetime) -> date:
    return timezone.localtime(value).date() if isinstance(value, datetime) else value
