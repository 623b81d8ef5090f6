"""The library of methodological materials the council publishes to mentors and mentees (3.5 of the
regulation): memos, model lesson notes, checklists, the typical programs — each a file or a link, by
direction and form of mentoring, addressed to mentors, to mentees or to everyone, with who published
it and when. A material that is no longer right is withdrawn, not deleted: its readers stop seeing it,
the council and the head still do, and its history keeps every change."""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.files import random_file_name
from core.text import normalize_for_search
from mentorship.models import Direction, MentoringForm

LINK_INVALID = "Введите адрес страницы целиком, начиная с http:// или https://."


def material_file_path(instance, filename: str) -> str:
    return random_file_name("materials", filename)


class Material(models.Model):
    class Kind(models.TextChoices):
        MEMO = "memo", "Памятка"
        LESSON_NOTES = "lesson_notes", "Конспект занятия"
        CHECKLIST = "checklist", "Чек-лист"
        TYPICAL_PROGRAM = "typical_program", "Типовая программа"
        OTHER = "other", "Другое"

    class Audience(models.TextChoices):
        MENTORS = "mentors", "Наставникам"
        MENTEES = "mentees", "Наставляемым"
        ALL = "all", "Всем"

    title = models.CharField("название", max_length=300)
    kind = models.CharField("вид", max_length=20, choices=Kind.choices)
    description = models.TextField(
        "описание", blank=True, help_text="Для чего материал и как им пользоваться: две-три строки."
    )
    directions = models.ManyToManyField(
        Direction,
        verbose_name="направления наставничества",
        blank=True,
        related_name="materials",
        help_text="Не отмечено — материал подходит для любого направления.",
    )
    forms = models.ManyToManyField(
        MentoringForm,
        verbose_name="формы наставничества",
        blank=True,
        related_name="materials",
        help_text="Не отмечено — материал подходит для любой формы.",
    )
    audience = models.CharField("кому", max_length=10, choices=Audience.choices, default=Audience.ALL)
    file = models.FileField("файл", upload_to=material_file_path, max_length=200, blank=True)
    link = models.URLField(
        "ссылка",
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"], message=LINK_INVALID)],
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="опубликовал", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField("опубликован", default=timezone.now)
    withdrawn_at = models.DateTimeField("снят с публикации", null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="снял с публикации",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The title and the description folded for search (core.text.normalize_for_search), filled on save.
    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["file", "search_text"], m2m_fields=[directions, forms])

    class Meta:
        verbose_name = "методический материал"
        verbose_name_plural = "методические материалы"
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(link="")) | (~Q(file="") & Q(link="")),
                name="material_file_or_link",
                violation_error_message="Приложите файл или укажите ссылку — что-то одно.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = normalize_for_search(f"{self.title} {self.description}")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("materials:detail", args=[self.pk])

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def readers_text(self) -> str:
        """Who reads the material, as the subject of a sentence: «Наставники и наставляемые»."""
        return {
            self.Audience.MENTORS: "Наставники",
            self.Audience.MENTEES: "Наставляемые",
        }.get(self.audience, "Наставники и наставляемые")

    @classmethod
    def audiences_of(cls, *, mentor: bool, mentee: bool) -> list[str]:
        """Whom a reader's materials are addressed to: a mentor's, a mentee's, and everyone's."""
        return [cls.Audience.ALL] + [cls.Audience.MENTORS] * mentor + [cls.Audience.MENTEES] * mentee
