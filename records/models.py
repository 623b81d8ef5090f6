"""Orders (приказы): the head's numbered documents. Once registered, an order never changes:
its PDF is frozen; a correction is a new order. Which kinds exist is for the issuing apps to say
(records.kinds); what an order is about (pairs, a roadmap, a release) they link from their side."""

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.files import random_file_name, validate_scan
from core.lifecycle import LifeCycle, Transition

from . import kinds


def order_pdf_path(instance, filename: str) -> str:
    return random_file_name("orders", filename)


def order_scan_path(instance, filename: str) -> str:
    return random_file_name("orders-signed", filename)


class OrderJournal(models.Model):
    """The kindergarten's journal of orders on main activity: «45-ОД», numbered within a year."""

    organization = models.OneToOneField(
        "people.Organization", verbose_name="организация", on_delete=models.CASCADE, related_name="order_journal"
    )
    suffix = models.CharField("окончание номера", max_length=20, default="-ОД", blank=True)
    year = models.PositiveSmallIntegerField("год журнала")
    next_number = models.PositiveIntegerField(
        "следующий номер", default=1, help_text="Делопроизводитель может поставить номер по бумажному журналу."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "журнал приказов"
        verbose_name_plural = "журналы приказов"

    def __str__(self) -> str:
        return f"Журнал приказов {self.year}: следующий № {self.next_number}{self.suffix}"


class Executor(NamedTuple):
    name: str
    phone: str


class Order(LifeCycle, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Проект"
        REGISTERED = "registered", "Зарегистрирован"
        SIGNED = "signed", "Подписан, скан приложен"
        VOIDED = "voided", "Отозван"

    S = Status
    # Registration numbers the order and freezes its PDF; the signed paper's scan completes it (and
    # may be replaced by a better scan). An issuing app registers through the same move. A project the
    # head will not register is withdrawn, saying why: it keeps no number, stays in the register with
    # its reason, and what it held returns to the issuing app (its kind's `on_void`).
    TRANSITIONS = {
        (S.DRAFT, S.REGISTERED): Transition("Зарегистрировать", frozenset({"head"})),
        (S.DRAFT, S.VOIDED): Transition(
            "Отозвать проект",
            frozenset({"head"}),
            needs_comment=True,
            consequence="Проект не будет зарегистрирован и останется в реестре с причиной отзыва; "
            "то, что он решал, вернётся на рассмотрение.",
        ),
        (S.REGISTERED, S.SIGNED): Transition("Приложить скан", frozenset({"head", "curator", "admin"})),
        (S.SIGNED, S.SIGNED): Transition("Заменить скан", frozenset({"head", "curator", "admin"})),
    }
    REFUSED = "Приказ «{source}»: так с ним поступить нельзя."
    COMMENT_REQUIRED = "Напишите, почему проект отозван: причина останется в реестре приказов."

    organization = models.ForeignKey("people.Organization", verbose_name="организация", on_delete=models.PROTECT)
    kind = models.CharField("вид", max_length=20, choices=kinds.choices)
    status = models.CharField("состояние", max_length=12, choices=Status.choices, default=Status.DRAFT)
    date = models.DateField("дата")
    year = models.PositiveSmallIntegerField("год", null=True, blank=True)
    number = models.PositiveIntegerField("номер", null=True, blank=True)
    number_text = models.CharField("номер с окончанием", max_length=40, blank=True)
    place = models.CharField("место издания", max_length=200, blank=True)
    heading = models.CharField("заголовок", max_length=500)
    preamble = models.TextField("преамбула")
    clauses = models.JSONField("пункты", default=list)
    # Rows of the order's table as they were when it was written (names in the nominative).
    table = models.JSONField("таблица", default=list, blank=True)
    # The names as the acquaintance sheet prints them (frozen with the text), and the same people as
    # records: each of them reads the order once it is registered and is told to read and sign it.
    acquaintance = models.JSONField("лист ознакомления", default=list, blank=True)
    acquainted = models.ManyToManyField(
        "people.Person", verbose_name="знакомятся под подпись", blank=True, related_name="+"
    )
    signer_position = models.CharField("должность подписывающего", max_length=200)
    signer_name = models.CharField("подписывает", max_length=200)
    pdf = models.FileField("PDF", upload_to=order_pdf_path, blank=True)
    signed_scan = models.FileField(
        "скан подписанного приказа", upload_to=order_scan_path, blank=True, validators=[validate_scan]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="подготовил", on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField("зарегистрирован", null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="зарегистрировал",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Why the head registered it against the journal's rules (records.journal); empty when it broke none.
    journal_reason = models.TextField("причина отступления от журнала", blank=True)
    voided_at = models.DateTimeField("отозван", null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="отозвал",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    void_reason = models.TextField("причина отзыва проекта", blank=True)
    history = HistoricalRecords(excluded_fields=["pdf"])

    class Meta:
        verbose_name = "приказ"
        verbose_name_plural = "приказы"
        ordering = ["-date", "-number", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "number"],
                condition=models.Q(number__isnull=False),
                name="order_number_unique_within_year",
                violation_error_message="Приказ с таким номером в этом году уже есть.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="voided") | (models.Q(number__isnull=True) & ~models.Q(void_reason="")),
                name="order_voided_unnumbered_with_reason",
                violation_error_message="Отозванный проект не имеет номера, а причина отзыва указывается.",
            ),
        ]

    def __str__(self) -> str:
        number = f"№ {self.number_text}" if self.number_text else "отозванный проект" if self.is_voided else "проект"
        return f"Приказ {number} от {self.date:%d.%m.%Y} «{self.heading}»"

    def get_absolute_url(self) -> str:
        return reverse("records:order-detail", args=[self.pk])

    @property
    def file_title(self) -> str:
        """The name its files are saved under (no extension): «Приказ 5-ОД от 30.11.2026», a draft
        «Проект приказа от 30.11.2026» — without «№», which some file systems show badly."""
        if self.number_text:
            return f"Приказ {self.number_text} от {self.date:%d.%m.%Y}"
        if self.is_voided:
            return f"Отозванный проект приказа от {self.date:%d.%m.%Y}"
        return f"Проект приказа от {self.date:%d.%m.%Y}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_voided(self) -> bool:
        """A project withdrawn by the head: never registered, kept with its reason."""
        return self.status == self.Status.VOIDED

    @property
    def is_registered(self) -> bool:
        return self.status in (self.Status.REGISTERED, self.Status.SIGNED)

    @property
    def executor(self) -> "Executor":
        """The отметка об исполнителе (ГОСТ Р 7.0.97-2016, п. 5.26) printed under the order: who drafted
        it — the staff record of the account if it has one, else the account's name — and their phone."""
        user = self.created_by
        person = getattr(user, "person", None)  # a reverse one-to-one: None when the account has no record
        if person is not None:
            return Executor(person.full_name, person.phone)
        return Executor(user.get_full_name() or user.get_username(), "")
