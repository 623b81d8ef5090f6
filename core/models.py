"""Abstract models every app may build on."""

from django.db import models
from simple_history.models import HistoricalRecords


class ReferenceItem(models.Model):
    name = models.CharField("название", max_length=200, unique=True)
    is_active = models.BooleanField(
        "используется", default=True, help_text="Снятые с использования не предлагаются в новых записях."
    )
    sort_order = models.PositiveSmallIntegerField("порядок в списке", default=100)
    # Every list built on this keeps who changed which item and when (its page shows it).
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name
