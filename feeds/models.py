import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def new_token() -> str:
    """43 URL-safe characters (256 bits): the only key to the feed, so not guessable."""
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's private calendar feed: whoever knows the token reads it without logging in (calendar
    applications cannot log in), so the token is the secret, and a new one ends the old at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="учётная запись", on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField("секрет адреса", max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField("адрес выпущен", default=timezone.now)

    class Meta:
        verbose_name = "календарь"
        verbose_name_plural = "календари"

    def __str__(self) -> str:
        return f"Календарь {self.user}"
