"""The regulation on mentoring (Положение о наставничестве педагогических работников): the local act the
whole system runs by, annex 1 of the order that introduces it.

The head, the curator or the administrator keep its text while it is a project; the registered
introduction order adopts it (services.orders.regulations_adopted_by), and from then on it is frozen
with the order: a change of the rules is a new regulation (a new edition), adopted by a new order.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.files import random_file_name

DEFAULT_TITLE = "Положение о наставничестве педагогических работников"
BLANK_DATE = "________"
BLANK_NUMBER = "____"


def regulation_annex_path(instance, filename: str) -> str:
    return random_file_name("regulations", filename)


def requisites(on: date | None, number: str) -> str:
    """«от 28.08.2026 № 1» — and where the system does not know one, a line to fill in by hand
    («от ________ № ____»): a document never carries an invented date or number."""
    day = f"{on:%d.%m.%Y}" if on else BLANK_DATE
    return f"от {day} № {number.strip() or BLANK_NUMBER}"


class Regulation(models.Model):
    organization = models.ForeignKey(
        "people.Organization", verbose_name="организация", on_delete=models.PROTECT, related_name="regulations"
    )
    title = models.CharField("название", max_length=300, default=DEFAULT_TITLE)
    text = models.TextField(
        "текст",
        help_text="Разделы и пункты — каждый с новой строки, с их номерами: «1. Общие положения», «1.1. …», "
        "перечисления — с «-» или «1)».",
    )
    council_protocol_date = models.DateField("принято педагогическим советом: дата протокола", null=True, blank=True)
    council_protocol_number = models.CharField("номер протокола педагогического совета", max_length=40, blank=True)
    union_opinion_date = models.DateField(
        "мнение профсоюзной организации: дата",
        null=True,
        blank=True,
        help_text="Мнение выборного органа первичной профсоюзной организации (ст. 372 ТК РФ): Положение "
        "устанавливает доплату наставникам.",
    )
    union_opinion_number = models.CharField(
        "номер протокола (выписки) профсоюзной организации", max_length=40, blank=True
    )
    # The introduction order that adopts it: linked when its project is drafted, the adoption itself
    # when that order is registered.
    order = models.ForeignKey(
        "records.Order",
        verbose_name="приказ об утверждении",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="regulations",
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name="новая редакция Положения",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="editions",
    )
    # The annex exactly as adopted: rendered once, like the order's own PDF.
    annex_pdf = models.FileField("приложение к приказу (PDF)", upload_to=regulation_annex_path, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="внёс",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("внесено", auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["annex_pdf"])

    class Meta:
        verbose_name = "положение о наставничестве"
        verbose_name_plural = "положения о наставничестве"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        if self.is_adopted:
            return f"{self.title} (утверждено приказом {requisites(self.order.date, self.order.number_text)})"
        return f"{self.title} (проект)"

    def get_absolute_url(self) -> str:
        return reverse("mentorship:regulation-detail", args=[self.pk])

    @property
    def is_adopted(self) -> bool:
        """Adopted by a registered order: the local act in force (or once in force), frozen."""
        return self.order_id is not None and self.order.is_registered

    @property
    def status_label(self) -> str:
        if self.is_adopted:
            return "Утверждено"
        if self.order_id is not None:
            return "Проект приказа подготовлен"
        return "Проект"

    @property
    def title_instrumental(self) -> str:
        """«(ознакомлен) с Положением о наставничестве …»; another title in quotes, undeclined."""
        if self.title.startswith("Положение "):
            return "Положением " + self.title.removeprefix("Положение ")
        return f"документом «{self.title}»"

    @property
    def council_protocol(self) -> str:
        return requisites(self.council_protocol_date, self.council_protocol_number)

    @property
    def union_opinion(self) -> str:
        return requisites(self.union_opinion_date, self.union_opinion_number)

    @property
    def adopting_order(self) -> str:
        """«от 28.08.2026 № 45-ОД», or blanks while the order is a project or not drafted."""
        if self.is_adopted:
            return requisites(self.order.date, self.order.number_text)
        return requisites(None, "")

    @property
    def file_title(self) -> str:
        if self.is_adopted:
            return f"Положение о наставничестве (приложение 1 к приказу {self.order.number_text})"
        return "Проект Положения о наставничестве"
