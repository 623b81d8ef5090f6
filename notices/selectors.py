"""Reads of the notification centre: the items grouped by kind, and the bell's count kept in the
session so that no page but the centre (and the bell's own refresh) asks the sources anything."""

import time
from datetime import date

from django.urls import reverse
from django.utils import timezone

from .models import Notice
from .sources import Item, items_for, sources

BELL = "_notices_bell"  # (count, when it was counted, seconds since the epoch)
BELL_FRESH_SECONDS = 5 * 60


def centre(user, today: date | None = None) -> list[dict]:
    """The centre's groups: each kind with its label and items, in the sources' order, empty kinds left out."""
    items = items_for(user, today or timezone.localdate())
    labels = {source.kind: source.label for source in sources()}
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(item.kind, []).append(item)
    return [{"kind": kind, "label": labels.get(kind, kind), "items": group} for kind, group in groups.items()]


def remember_count(session, count: int) -> None:
    session[BELL] = (count, int(time.time()))


def bell_count(session) -> int | None:
    """The count the session remembers, or None when there is none or it is older than a few minutes."""
    remembered = session.get(BELL)
    if not remembered:
        return None
    count, counted_at = remembered
    return count if time.time() - counted_at <= BELL_FRESH_SECONDS else None


def count_now(session, user) -> int:
    """Ask the sources and remember the answer in the session."""
    count = len(items_for(user, timezone.localdate()))
    remember_count(session, count)
    return count


def stored(kind: str):
    """The source function of a kind of stored notices (notices.decisions.tell): the user's notices of
    that kind not opened yet. The item leads through notices:read, which marks it read on the way to
    its page."""

    def unread(user, today: date) -> list[Item]:
        return [
            Item(key=f"notice:{notice.pk}", text=notice.text, url=reverse("notices:read", args=[notice.pk]), kind=kind)
            for notice in Notice.objects.filter(user=user, kind=kind, read_at__isnull=True)
        ]

    unread.__name__ = f"unread_{kind}".replace("-", "_")
    return unread
