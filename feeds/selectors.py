import re

from .models import CalendarFeed


def feed_of(user) -> CalendarFeed | None:
    """The user's calendar feed, if they have taken its address."""
    return CalendarFeed.objects.filter(user=user).first()


# secrets.token_urlsafe: the URL-safe base64 alphabet.
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,128}")


def feed_by_token(token: str) -> CalendarFeed | None:
    """The feed behind a secret address, with its owner; None for an unknown secret or an owner who
    can no longer log in (a deactivated login reads nothing). Only the characters a secret is made of
    reach the database: PostgreSQL refuses a NUL in a query, and nothing else can match anyway."""
    if not _SECRET.fullmatch(token):
        return None
    return CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()
