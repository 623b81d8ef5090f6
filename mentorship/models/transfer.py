from django.conf import settings
from django.db import models


class ImportBatch(models.Model):
    """An uploaded staff spreadsheet between its preview and its import (all rows or none)."""

    class Status(models.TextChoices):
        PREVIEW = "preview", "Проверен, ждёт загрузки"
        APPLIED = "applied", "Загружен"

    organization = models.ForeignKey("mentorship.Organization", verbose_name="организация", on_delete=models.CASCADE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="кто загрузил", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("загружен", auto_now_add=True)
    file_name = models.CharField("файл", max_length=255)
    # The file itself, so that the import re-checks exactly what was previewed.
    content = models.BinaryField("содержимое")
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.PREVIEW)
    applied_at = models.DateTimeField("применён", null=True, blank=True)
    created_count = models.PositiveIntegerField("добавлено", default=0)
    updated_count = models.PositiveIntegerField("обновлено", default=0)
    unchanged_count = models.PositiveIntegerField("без изменений", default=0)

    class Meta:
        verbose_name = "загрузка списка сотрудников"
        verbose_name_plural = "загрузки списка сотрудников"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name
