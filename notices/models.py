"""What a person chose to get by e-mail, and what has been sent to them, item by item."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Preference(models.Model):
    """One per user, made when they first change anything; without it every kind comes by e-mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="учётная запись", on_delete=models.CASCADE, related_name="+"
    )
    # Kinds of notices (notices.sources) the person does not want by e-mail; the centre shows them all.
    muted_kinds = models.JSONField("не присылать на почту", default=list, blank=True)
    stopped_at = models.DateTimeField("письма остановлены", null=True, blank=True)

    class Meta:
        verbose_name = "настройка уведомлений"
        verbose_name_plural = "настройки уведомлений"

    def __str__(self) -> str:
        return f"Уведомления: {self.user}"

    @property
    def wants_email(self) -> bool:
        return self.stopped_at is None


class Delivery(models.Model):
    """An item (by its key) sent to a user in a digest: never sent to them again. Recorded only after
    the letter went out, so a failed send is retried on the next run."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="учётная запись", on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField("ключ уведомления", max_length=255)
    # What the letter said, as the person read it (the key is the system's own code).
    text = models.CharField("что сообщено", max_length=500, blank=True)
    sent_at = models.DateTimeField("отправлено", default=timezone.now)

    class Meta:
        verbose_name = "отправленное уведомление"
        verbose_name_plural = "отправленные уведомления"
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notice_sent_once_per_user")]

    def __str__(self) -> str:
        return f"{self.text or self.key} — {timezone.localtime(self.sent_at):%d.%m.%Y %H:%M}"


class Notice(models.Model):
    """Something told to the user once, stored when it happened (a decision about them, a mentee's
    comment on the mentor's record): shown in their centre and sent in the next letter until they open it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="кому", on_delete=models.CASCADE, related_name="+")
    # The source (notices.sources) that shows it: the person chooses by kind what comes by e-mail.
    kind = models.CharField("вид", max_length=40, default="decisions")
    text = models.CharField("текст", max_length=500)
    url = models.CharField("страница", max_length=300)
    created_at = models.DateTimeField("создано", default=timezone.now)
    read_at = models.DateTimeField("прочитано", null=True, blank=True)

    class Meta:
        verbose_name = "уведомление"
        verbose_name_plural = "уведомления"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text
