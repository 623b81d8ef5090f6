from django.db import transaction
from django.utils import timezone

from core.services import validated_save

from .models import CalendarFeed, new_token


@transaction.atomic
def feed_renew(*, user, actor) -> CalendarFeed:
    """Give `user` a new secret address of their calendar (the first one, or in place of the old one,
    which answers 404 from this moment: a leaked address is closed this way)."""
    feed = CalendarFeed.objects.select_for_update().filter(user=user).first() or CalendarFeed(user=user)
    feed.token = new_token()
    feed.created_at = timezone.now()
    validated_save(feed, actor=actor)
    return feed
