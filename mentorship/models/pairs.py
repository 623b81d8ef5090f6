"""Pairs and groups. This holds who mentors whom; their life cycle, consents and orders
are built on top of it (the pairs-and-orders issue)."""

from django.db import models
from simple_history.models import HistoricalRecords


class PairingQuerySet(models.QuerySet):
    def current(self):
        """Pairs that bind a mentor and mentees now: fixed by order or running."""
        return self.filter(status__in=Pairing.CURRENT_STATUSES)


class Pairing(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "Предложена"
        AWAITING_CONSENTS = "awaiting_consents", "Ожидает согласий"
        AWAITING_APPROVAL = "awaiting_approval", "На утверждении"
        RETURNED = "returned", "Возвращена с комментарием"
        FIXED = "fixed", "Закреплена приказом"
        ACTIVE = "active", "Активна"
        COMPLETED = "completed", "Завершена"
        TERMINATED = "terminated", "Прекращена досрочно"

    CURRENT_STATUSES = (Status.FIXED, Status.ACTIVE)

    mentor = models.ForeignKey(
        "mentorship.Mentor", verbose_name="наставник", on_delete=models.PROTECT, related_name="pairings"
    )
    mentees = models.ManyToManyField("mentorship.Mentee", verbose_name="наставляемые", related_name="pairings")
    direction = models.ForeignKey(
        "mentorship.Direction", verbose_name="направление", on_delete=models.PROTECT, related_name="pairings"
    )
    forms = models.ManyToManyField("mentorship.MentoringForm", verbose_name="формы", related_name="pairings")
    status = models.CharField("состояние", max_length=20, choices=Status.choices, default=Status.PROPOSED)
    starts_on = models.DateField("начало")
    planned_end_on = models.DateField("плановое окончание")
    created_at = models.DateTimeField("создана", auto_now_add=True)
    history = HistoricalRecords()

    objects = PairingQuerySet.as_manager()

    class Meta:
        verbose_name = "наставническая пара (группа)"
        verbose_name_plural = "наставнические пары и группы"
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.mentor} — {self.direction}"
