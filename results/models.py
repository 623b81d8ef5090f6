"""The reports that close a personalized program (DOMAIN.md): the mentor's report (отчёт наставника)
and each mentee's report (отчёт наставляемого).

A report is written by its author in the program's closing stage (programs.completion.closing_closed),
prefilled from the records (the plan, the diagnostics) and edited freely; saved as a draft it is read
by its author only; sent, it is frozen and joins the program's documents, read by those who read the
program (programs.selectors.programs_for). The curator may return a sent report with a comment while
the program is open; completing the program needs every report sent (results/apps.py)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

SATISFACTION_MIN, SATISFACTION_MAX = 1, 10


class Report(models.Model):
    class Kind(models.TextChoices):
        MENTOR = "mentor", "Отчёт наставника"
        MENTEE = "mentee", "Отчёт наставляемого"

    class Recommendation(models.TextChoices):
        COMPLETE = "complete", "завершить наставничество: наставляемый готов работать самостоятельно"
        EXTEND = "extend", "продлить наставничество"
        COURSES = "courses", "направить на курсы повышения квалификации"

    program = models.ForeignKey(
        "programs.Program", verbose_name="программа", on_delete=models.CASCADE, related_name="reports"
    )
    kind = models.CharField("отчёт", max_length=10, choices=Kind.choices)
    author = models.ForeignKey(
        "people.Person", verbose_name="автор", on_delete=models.PROTECT, related_name="program_reports"
    )
    period_from = models.DateField("период с")
    period_to = models.DateField("период по")
    # Both reports.
    remaining_difficulties = models.TextField("сохраняющиеся затруднения", blank=True)
    # The mentor's report.
    activities = models.TextField("мероприятия: запланировано и выполнено", blank=True)
    growth = models.TextField("рост профессиональных компетенций", blank=True)
    characterization = models.TextField("характеристика наставляемого", blank=True)
    self_assessment = models.TextField("самооценка работы наставника", blank=True)
    mentee_opinion = models.TextField("мнение наставляемого о наставничестве", blank=True)
    recommendation = models.CharField("рекомендация", max_length=10, choices=Recommendation.choices, blank=True)
    recommendation_note = models.TextField("пояснение к рекомендации", blank=True)
    # The mentee's report.
    learned = models.TextField("чему я научился(ась)", blank=True)
    products = models.TextField("продукты: конспекты, разработки, портфолио", blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        "удовлетворённость наставничеством, от 1 до 10",
        null=True,
        blank=True,
        validators=[MinValueValidator(SATISFACTION_MIN), MaxValueValidator(SATISFACTION_MAX)],
    )
    proposals = models.TextField("предложения", blank=True)

    submitted_at = models.DateTimeField("отправлен", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="отправил",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    returned_comment = models.TextField("комментарий куратора при возврате", blank=True)
    created_at = models.DateTimeField("начат", auto_now_add=True)
    updated_at = models.DateTimeField("изменён", auto_now=True)
    history = HistoricalRecords()

    # What each kind holds, in the document's order, and what must be filled before it is sent.
    FIELDS = {
        Kind.MENTOR: (
            "activities",
            "growth",
            "characterization",
            "remaining_difficulties",
            "self_assessment",
            "mentee_opinion",
            "recommendation",
            "recommendation_note",
        ),
        Kind.MENTEE: ("learned", "products", "remaining_difficulties", "satisfaction", "proposals"),
    }
    OPTIONAL = frozenset({"recommendation_note", "proposals"})

    class Meta:
        verbose_name = "отчёт по программе"
        verbose_name_plural = "отчёты по программам"
        ordering = ["program", "kind", "author__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "kind", "author"],
                name="report_once_per_program_kind_author",
                violation_error_message="Этот отчёт по программе уже начат.",
            ),
            models.CheckConstraint(
                condition=models.Q(satisfaction__isnull=True)
                | models.Q(satisfaction__gte=SATISFACTION_MIN, satisfaction__lte=SATISFACTION_MAX),
                name="report_satisfaction_on_the_scale",
                violation_error_message="Удовлетворённость — от 1 до 10.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.author.short_name})"

    def get_absolute_url(self) -> str:
        return reverse("results:report", args=[self.pk])

    @property
    def file_title(self) -> str:
        """«Отчёт наставника — Новикова О.П. за 01.09.2026-30.11.2026»."""
        period = f"{self.period_from:%d.%m.%Y}-{self.period_to:%d.%m.%Y}"
        return f"{self.get_kind_display()} — {self.author.short_name} за {period}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def is_mentor_report(self) -> bool:
        return self.kind == self.Kind.MENTOR

    @property
    def fields(self) -> tuple[str, ...]:
        return self.FIELDS[self.Kind(self.kind)]

    def sections(self) -> list[tuple[str, str]]:
        """(heading, text) for the page, the PDF and the DOCX, in the document's order."""
        sections = []
        for name in self.fields:
            if name == "recommendation_note":
                continue
            field = self._meta.get_field(name)
            if name == "recommendation":
                text = str(self.get_recommendation_display()).capitalize() if self.recommendation else ""
                if self.recommendation_note:
                    text = f"{text}. {self.recommendation_note}" if text else self.recommendation_note
            elif name == "satisfaction":
                text = f"{self.satisfaction} из {SATISFACTION_MAX}" if self.satisfaction else ""
            else:
                text = getattr(self, name)
            sections.append((str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:], text))
        return sections
