from .models import CalendarFeed


def feed_of(user) -> CalendarFeed | None:
    """The user's calendar feed, if they have taken its address."""
    return CalendarFeed.objects.filter(user=user).first()


def feed_by_token(token: str) -> CalendarFeed | None:
    """The feed behind a secret address, with its owner; None for an unknown secret or an owner who
    can no longer log in (a deactivated login reads nothing)."""
    return CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()
