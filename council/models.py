"""The methodological council at work (regulation 3.5): its meetings, their agenda and the protocols.

A meeting is scheduled by the chair of the council or by the curator; at the meeting the secretary
records who attended and, for each item, «Слушали / Выступили / Решили» with the vote. Signing gives
the protocol its number within the academic year (1 September – 31 August) from a counter row locked
for the transaction, and freezes it: its PDF is rendered once and stored, nothing is edited after.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.files import random_file_name
from core.lifecycle import LifeCycle, Transition


def academic_year(day: date) -> int:
    """The year the academic year of `day` starts in: 15.10.2026 → 2026, 15.03.2027 → 2026."""
    return day.year if day.month >= 9 else day.year - 1


def protocol_pdf_path(instance, filename: str) -> str:
    return random_file_name("council-protocols", filename)


class ProtocolCounter(models.Model):
    """The next number of the council's protocols in an academic year; locked while a protocol is signed."""

    academic_year = models.PositiveSmallIntegerField("учебный год (год начала)", unique=True)
    next_number = models.PositiveIntegerField("следующий номер", default=1)

    class Meta:
        verbose_name = "нумерация протоколов МО"
        verbose_name_plural = "нумерация протоколов МО"

    def __str__(self) -> str:
        return f"Протоколы МО {self.academic_year}/{self.academic_year + 1}: следующий № {self.next_number}"


class Meeting(LifeCycle, models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Запланировано"
        SIGNED = "signed", "Протокол подписан"

    S = Status
    # Signing numbers the protocol and freezes it; the service lets the chair of the council or the
    # curator sign (the chair is a council member with a flag, not a role of its own).
    TRANSITIONS = {
        (S.SCHEDULED, S.SIGNED): Transition(
            "Подписать протокол",
            frozenset({"council", "curator"}),
            consequence="Протокол получит номер, его PDF будет сохранён, и изменить протокол больше будет нельзя.",
        ),
    }

    date = models.DateField("дата заседания")
    place = models.CharField("место проведения", max_length=200)
    status = models.CharField("состояние", max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    attendees = models.ManyToManyField(
        "mentorship.CouncilMembership", verbose_name="присутствовали", blank=True, related_name="meetings_attended"
    )
    secretary = models.ForeignKey(
        "mentorship.CouncilMembership",
        verbose_name="секретарь",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    academic_year = models.PositiveSmallIntegerField("учебный год", null=True, blank=True)
    number = models.PositiveIntegerField("номер протокола", null=True, blank=True)
    # Who signed as the chair and the secretary, as printed: the composition may change later.
    chair_name = models.CharField("председатель", max_length=200, blank=True)
    secretary_name = models.CharField("секретарь (подпись)", max_length=200, blank=True)
    pdf = models.FileField("PDF протокола", upload_to=protocol_pdf_path, blank=True)
    signed_at = models.DateTimeField("подписан", null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="подписал",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="запланировал", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("запланировано", auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["pdf"])

    class Meta:
        verbose_name = "заседание методического объединения"
        verbose_name_plural = "заседания методического объединения"
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["academic_year", "number"],
                condition=models.Q(number__isnull=False),
                name="council_protocol_number_unique_within_year",
                violation_error_message="Протокол с таким номером в этом учебном году уже есть.",
            )
        ]

    def __str__(self) -> str:
        if self.number:
            return f"Протокол № {self.number} заседания МО от {self.date:%d.%m.%Y}"
        return f"Заседание МО {self.date:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("council:meeting-detail", args=[self.pk])

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED

    @property
    def academic_year_text(self) -> str:
        year = self.academic_year or academic_year(self.date)
        return f"{year}/{year + 1}"

    @property
    def file_title(self) -> str:
        """The name its PDF is saved under: «Протокол МО 2 от 15.10.2026» (no «№»)."""
        if self.number:
            return f"Протокол МО {self.number} от {self.date:%d.%m.%Y}"
        return f"Проект протокола МО от {self.date:%d.%m.%Y}"


class AgendaItem(models.Model):
    """A question of the meeting's agenda with what was heard and decided about it."""

    class Kind(models.TextChoices):
        # A new kind (an appeal for mediation, say) is one more line here and, where it needs an
        # object, one more nullable link below.
        PROGRAM = "program", "Согласование программы наставничества"
        PAIRING = "pairing", "Предложение пары (группы)"
        REPORT = "report", "Заслушивание отчёта"
        LOCAL_ACT = "local_act", "Проект локального акта"
        OTHER = "other", "Другой вопрос"

    meeting = models.ForeignKey(Meeting, verbose_name="заседание", on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField("№ вопроса", default=1)
    kind = models.CharField("вид вопроса", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField("вопрос", max_length=500)
    program = models.ForeignKey(
        "programs.Program",
        verbose_name="программа",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_items",
    )
    pairing = models.ForeignKey(
        "mentorship.Pairing",
        verbose_name="пара (группа)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="council_items",
    )
    heard = models.TextField("Слушали", blank=True)
    spoke = models.TextField("Выступили", blank=True)
    decided = models.TextField("Решили", blank=True)
    votes_for = models.PositiveSmallIntegerField("за", default=0)
    votes_against = models.PositiveSmallIntegerField("против", default=0)
    votes_abstained = models.PositiveSmallIntegerField("воздержались", default=0)
    # For a program: the council agrees it by this decision (its «СОГЛАСОВАНО» then names the protocol).
    agrees_program = models.BooleanField("решение: согласовать программу", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "вопрос повестки"
        verbose_name_plural = "повестка заседания"
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.kind == self.Kind.PROGRAM and self.program_id is None:
            raise ValidationError({"program": "Выберите программу, которую рассматривает заседание."})
        if self.kind == self.Kind.PAIRING and self.pairing_id is None:
            raise ValidationError({"pairing": "Выберите пару (группу), которую предлагает заседание."})
        if self.kind != self.Kind.PROGRAM:
            self.program = None
            self.agrees_program = False
        if self.kind != self.Kind.PAIRING:
            self.pairing = None

    @property
    def has_vote(self) -> bool:
        return bool(self.votes_for or self.votes_against or self.votes_abstained)

    @property
    def passed(self) -> bool:
        return self.votes_for > self.votes_against


class ProgramReview(LifeCycle, models.Model):
    """A council member's review (рецензия) of a program, assigned by the chair: written in the browser
    as a draft, then sent — and frozen — to go with the program to the meeting."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Пишется"
        SENT = "sent", "Отправлена"

    S = Status
    TRANSITIONS = {
        (S.DRAFT, S.SENT): Transition(
            "Отправить рецензию",
            frozenset({"council"}),
            consequence="Рецензию увидят читатели программы и заседание МО; изменить её после отправки нельзя.",
        ),
    }

    program = models.ForeignKey(
        "programs.Program", verbose_name="программа", on_delete=models.CASCADE, related_name="council_reviews"
    )
    reviewer = models.ForeignKey(
        "mentorship.CouncilMembership", verbose_name="рецензент", on_delete=models.PROTECT, related_name="reviews"
    )
    status = models.CharField("состояние", max_length=10, choices=Status.choices, default=Status.DRAFT)
    text = models.TextField("текст рецензии", blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="назначил", on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField("назначена", auto_now_add=True)
    sent_at = models.DateTimeField("отправлена", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "рецензия на программу"
        verbose_name_plural = "рецензии на программы"
        ordering = ["program", "assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "reviewer"],
                name="one_review_per_program_and_reviewer",
                violation_error_message="Этот член МО уже рецензирует программу.",
            )
        ]

    def __str__(self) -> str:
        return f"Рецензия {self.reviewer.person.short_name} на программу {self.program.pairing.sides}"

    def get_absolute_url(self) -> str:
        return reverse("council:review-detail", args=[self.pk])

    @property
    def is_sent(self) -> bool:
        return self.status == self.Status.SENT
