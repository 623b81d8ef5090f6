"""What each person must act on, gathered from every app: the registry behind the notification
centre (the bell) and the daily e-mail digest.

This app knows no domain app. Each app registers its sources from its AppConfig.ready(), like the
head's queue (mentorship/queue.py) and core.extensions: a source names its kind (what a person may
choose to get by e-mail), the roles it speaks to, and a function `(user, today) -> list[Item]`. A
source shows only what the user may open in the application (it reads through the app's own
selectors) and never a mentee's difficulties. An item disappears («read») when it is acted on,
because its source no longer yields it.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from people.roles import roles_of


@dataclass(frozen=True)
class Item:
    # Stable and unique for the thing and its state («record-confirm:123»): the digest never sends
    # the same key twice, so a thing that changes state (returned, a new date) gets a new key.
    key: str
    text: str
    url: str
    kind: str


@dataclass(frozen=True)
class Source:
    kind: str
    label: str
    roles: frozenset
    items: Callable[..., list[Item]]  # (user, today) -> list[Item]
    order: int = 100


_SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    """Add a source; registering the same kind again replaces it."""
    _SOURCES[source.kind] = source


def unregister(kind: str) -> None:
    _SOURCES.pop(kind, None)


def sources() -> list[Source]:
    return sorted(_SOURCES.values(), key=lambda source: (source.order, source.kind))


def kinds() -> list[tuple[str, str]]:
    """(kind, label) of every source, in the centre's order: the choices of the e-mail preferences."""
    return [(source.kind, source.label) for source in sources()]


def kinds_for(user) -> list[tuple[str, str]]:
    """(kind, label) of the sources that speak to the roles `user` holds."""
    held = roles_of(user)
    return [(source.kind, source.label) for source in sources() if held & source.roles]


def items_for(user, today: date) -> list[Item]:
    """Everything `user` must act on today, from the sources of the roles they hold, each key once."""
    held = roles_of(user)
    seen, result = set(), []
    for source in sources():
        if not held & source.roles:
            continue
        for item in source.items(user, today):
            if item.key not in seen:
                seen.add(item.key)
                result.append(item)
    return result


def shorten(text: str, limit: int = 90) -> str:
    """A long activity or description cut for a one-line notice, with «…» where it was cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def reader(user) -> SimpleNamespace:
    """What the home page's task functions (`home_tasks(request, person)` of several apps) read from a
    request: the user, and room for their per-request cache (programs.selectors.open_programs_of). A
    source reuses those functions through it instead of writing the same rule twice."""
    return SimpleNamespace(user=user)


def from_tasks(kind: str, tasks) -> list[Item]:
    """Items from a home page's tasks, given as (text, url) pairs. The task's words carry its state (a
    report returned for corrections, a new date), so the key names the page and a digest of the words."""
    items = []
    for text, url in tasks:
        digest = hashlib.sha1(text.encode()).hexdigest()[:10]
        items.append(Item(key=f"{kind}:{url}:{digest}", text=text, url=url, kind=kind))
    return items
