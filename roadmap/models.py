"""The roadmap (дорожная карта, план мероприятий) of one academic year: stages, activities with
dates, the responsible, the expected result and the execution mark.

The curator drafts it, the head approves it by order (3.3, 3.4 of the regulation). Once approved
it is frozen: only the execution marks change.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.dates import academic_start_year
from core.files import random_file_name
from core.lifecycle import LifeCycle, Transition

from .roles import APPROVERS, DRAFTERS

__all__ = ["Activity", "Roadmap", "RoadmapTransition", "Stage", "academic_start_year", "year_label"]


def year_label(start_year: int) -> str:
    return f"{start_year}/{start_year + 1}"


def roadmap_annex_path(instance, filename: str) -> str:
    return random_file_name("roadmaps", filename)


class Roadmap(LifeCycle, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Черновик"
        AWAITING_APPROVAL = "awaiting_approval", "На утверждении"
        RETURNED = "returned", "Возвращена с комментарием"
        APPROVED = "approved", "Утверждена"

    S = Status
    # The whole life cycle in one table: (from, to) → who may move it and what the button says.
    # The move to APPROVED happens only when the order of roadmap_approve (a project) is registered.
    TRANSITIONS = {
        (S.DRAFT, S.AWAITING_APPROVAL): Transition("Отправить руководителю", DRAFTERS),
        (S.RETURNED, S.AWAITING_APPROVAL): Transition("Отправить руководителю снова", DRAFTERS),
        (S.AWAITING_APPROVAL, S.DRAFT): Transition("Забрать на доработку", DRAFTERS),
        (S.AWAITING_APPROVAL, S.RETURNED): Transition(
            "Вернуть куратору",
            APPROVERS,
            needs_comment=True,
            consequence="Дорожная карта вернётся куратору с вашим комментарием; приказ не издаётся, пока "
            "куратор не исправит её и не отправит снова.",
        ),
        (S.AWAITING_APPROVAL, S.APPROVED): Transition(
            "Утвердить приказом",
            APPROVERS,
            consequence="Будет подготовлен проект приказа об утверждении дорожной карты. Когда вы его "
            "зарегистрируете, дорожная карта утверждается: её план фиксируется приложением к приказу и дальше "
            "не редактируется, только отмечается выполнение.",
        ),
    }
    # The curator's buttons on the roadmap's page; the head decides with the approve/return forms.
    BUTTON_TARGETS = (S.AWAITING_APPROVAL, S.DRAFT)
    EDITABLE_STATUSES = (S.DRAFT, S.RETURNED)
    # Returning without a comment leaves the curator guessing.
    COMMENT_REQUIRED = "Напишите комментарий: без него куратору непонятно, что исправить."

    organization = models.ForeignKey(
        "people.Organization", verbose_name="организация", on_delete=models.PROTECT, related_name="roadmaps"
    )
    start_year = models.PositiveSmallIntegerField(
        "учебный год (год начала)", help_text="2026 — это 2026/2027 учебный год (01.09.2026–31.08.2027)."
    )
    status = models.CharField("состояние", max_length=20, choices=Status.choices, default=Status.DRAFT)
    copied_from = models.ForeignKey(
        "self",
        verbose_name="составлена на основе",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    order = models.ForeignKey(
        "records.Order",
        verbose_name="приказ об утверждении",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roadmaps",
    )
    # The annex to the order exactly as approved: rendered once, like the order's own PDF.
    annex_pdf = models.FileField("приложение к приказу (PDF)", upload_to=roadmap_annex_path, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="составил",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("создана", auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["annex_pdf"])

    class Meta:
        verbose_name = "дорожная карта"
        verbose_name_plural = "дорожные карты"
        ordering = ["-start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "start_year"],
                name="one_roadmap_per_year",
                violation_error_message="Дорожная карта на этот учебный год уже есть.",
            ),
            models.CheckConstraint(
                condition=models.Q(start_year__gte=2000, start_year__lte=2100),
                name="roadmap_year_sane",
                violation_error_message="Учебный год указан неверно.",
            ),
        ]

    def __str__(self) -> str:
        return f"Дорожная карта на {self.year_label} учебный год"

    def get_absolute_url(self) -> str:
        return reverse("roadmap:detail", args=[self.pk])

    @property
    def year_label(self) -> str:
        return year_label(self.start_year)

    @property
    def starts_on(self) -> date:
        return date(self.start_year, 9, 1)

    @property
    def ends_on(self) -> date:
        return date(self.start_year + 1, 8, 31)

    def refusal(self, target) -> str:
        """A refused approval says which roadmap the head may approve."""
        if target == self.Status.APPROVED:
            return (
                f"Дорожная карта «{self.get_status_display().lower()}»: утвердить можно только ту, что на утверждении."
            )
        return super().refusal(target)

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_deletable(self) -> bool:
        """A draft the head has never seen; one sent even once stays (uses prefetched transitions)."""
        return self.status == self.Status.DRAFT and not any(
            step.target == self.Status.AWAITING_APPROVAL for step in self.transitions.all()
        )


class Stage(models.Model):
    """A stage of the roadmap: local acts, the bank of mentees, …, informing (numbered 1, 2, …)."""

    roadmap = models.ForeignKey(Roadmap, verbose_name="дорожная карта", on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField("№ этапа")
    title = models.CharField("этап", max_length=300)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "этап дорожной карты"
        verbose_name_plural = "этапы дорожной карты"
        ordering = ["number", "pk"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Activity(models.Model):
    """An activity of a stage: what, when, who is responsible, what should come out of it,
    and — after approval — when it was done."""

    stage = models.ForeignKey(Stage, verbose_name="этап", on_delete=models.CASCADE, related_name="activities")
    number = models.PositiveSmallIntegerField("№ в этапе")
    text = models.TextField("мероприятие")
    starts_on = models.DateField("начало", null=True, blank=True, help_text="Пусто — срок «до» даты окончания.")
    ends_on = models.DateField("срок (окончание)")
    responsible = models.CharField("ответственные", max_length=300)
    expected_result = models.TextField("ожидаемый результат")
    done_on = models.DateField("выполнено", null=True, blank=True)
    done_note = models.TextField("отметка о выполнении", blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="кто отметил",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    marked_at = models.DateTimeField("когда отмечено", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "мероприятие дорожной карты"
        verbose_name_plural = "мероприятия дорожной карты"
        ordering = ["number", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True) | models.Q(starts_on__lte=models.F("ends_on")),
                name="roadmap_activity_ends_after_start",
                violation_error_message="Окончание раньше начала.",
            ),
            models.CheckConstraint(
                condition=models.Q(done_on__isnull=False) | models.Q(done_note=""),
                name="roadmap_activity_note_needs_date",
                violation_error_message="Отметка о выполнении ставится с датой.",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    @property
    def is_late(self) -> bool:
        """Done, but after the end date: counts against plan fulfilment in the monitoring."""
        return self.done_on is not None and self.done_on > self.ends_on

    @property
    def period(self) -> str:
        """«01.09.2026–15.09.2026», «до 15.09.2026» or «в течение учебного года»."""
        if self.starts_on is None:
            return f"до {self.ends_on:%d.%m.%Y}"
        start_year = academic_start_year(self.starts_on)
        if (self.starts_on, self.ends_on) == (date(start_year, 9, 1), date(start_year + 1, 8, 31)):
            return "в течение учебного года"
        return f"{self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"

    def is_overdue(self, today: date | None = None) -> bool:
        """Past its end date without an execution mark; only an approved plan can be overdue."""
        today = today or timezone.localdate()
        return self.done_on is None and self.ends_on < today


class RoadmapTransition(models.Model):
    """Every move of a roadmap: who, when, from → to, with the comment (e.g. why it was returned)."""

    roadmap = models.ForeignKey(
        Roadmap, verbose_name="дорожная карта", on_delete=models.CASCADE, related_name="transitions"
    )
    source = models.CharField("из состояния", max_length=20, choices=Roadmap.Status.choices, blank=True)
    target = models.CharField("в состояние", max_length=20, choices=Roadmap.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="кто", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField("когда", default=timezone.now)
    comment = models.TextField("комментарий", blank=True)

    class Meta:
        verbose_name = "смена состояния дорожной карты"
        verbose_name_plural = "смены состояний дорожных карт"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_source_display() or '—'} → {self.get_target_display()}"
