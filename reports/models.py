"""The annual analytic report (итоговый аналитический отчёт, 3.4 of the regulation; roadmap stage 7).

The figures come from the records (reports.annual); the curator writes the text parts in the browser
and sends the report to the head, who approves it from the queue or returns it with a comment.
Approval freezes the figures (as JSON) and the PDF, like a registered order: a later change of the
records does not change an approved report."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.files import random_file_name
from core.lifecycle import LifeCycle, Transition

from .roles import APPROVERS, WRITERS


def report_pdf_path(instance, filename: str) -> str:
    return random_file_name("annual-reports", filename)


class AnnualReport(LifeCycle, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Черновик"
        AWAITING_APPROVAL = "awaiting_approval", "На утверждении"
        RETURNED = "returned", "Возвращён с комментарием"
        APPROVED = "approved", "Утверждён"

    S = Status
    TRANSITIONS = {
        (S.DRAFT, S.AWAITING_APPROVAL): Transition("Отправить руководителю", WRITERS),
        (S.RETURNED, S.AWAITING_APPROVAL): Transition("Отправить руководителю снова", WRITERS),
        (S.AWAITING_APPROVAL, S.DRAFT): Transition("Забрать на доработку", WRITERS),
        (S.AWAITING_APPROVAL, S.RETURNED): Transition(
            "Вернуть куратору",
            APPROVERS,
            needs_comment=True,
            consequence="Отчёт вернётся куратору с вашим комментарием и снова станет черновиком, который "
            "куратор исправит и отправит вам.",
        ),
        (S.AWAITING_APPROVAL, S.APPROVED): Transition(
            "Утвердить",
            APPROVERS,
            consequence="Отчёт будет утверждён: его показатели и PDF фиксируются и больше не меняются.",
        ),
    }
    EDITABLE_STATUSES = (S.DRAFT, S.RETURNED)

    start_year = models.PositiveSmallIntegerField(
        "учебный год (год начала)", unique=True, help_text="2025 — это 2025/2026 учебный год (01.09.2025–31.08.2026)."
    )
    status = models.CharField("состояние", max_length=20, choices=Status.choices, default=Status.DRAFT)
    conclusions = models.TextField("выводы", blank=True)
    risks = models.TextField("риски и проблемы", blank=True)
    proposals = models.TextField("предложения на следующий год", blank=True)
    return_comment = models.TextField("комментарий руководителя", blank=True)
    # Frozen at approval: the figures as they were (reports.annual.annual_figures) and the PDF.
    figures = models.JSONField("показатели на момент утверждения", null=True, blank=True)
    pdf = models.FileField("PDF утверждённого отчёта", upload_to=report_pdf_path, blank=True)
    approved_at = models.DateTimeField("утверждён", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="утвердил",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="составил",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("создан", auto_now_add=True)
    updated_at = models.DateTimeField("изменён", auto_now=True)
    history = HistoricalRecords(excluded_fields=["pdf", "figures"])

    class Meta:
        verbose_name = "итоговый аналитический отчёт"
        verbose_name_plural = "итоговые аналитические отчёты"
        ordering = ["-start_year"]

    def __str__(self) -> str:
        return f"Итоговый аналитический отчёт за {self.year_label} учебный год"

    def get_absolute_url(self) -> str:
        return reverse("reports:annual", args=[self.start_year])

    @property
    def year_label(self) -> str:
        return f"{self.start_year}/{self.start_year + 1}"

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def texts(self) -> dict:
        return {"conclusions": self.conclusions, "risks": self.risks, "proposals": self.proposals}


class AnnualReportTransition(models.Model):
    """Every move of an annual report: who, when, from → to, with the comment."""

    report = models.ForeignKey(AnnualReport, verbose_name="отчёт", on_delete=models.CASCADE, related_name="transitions")
    source = models.CharField("из состояния", max_length=20, choices=AnnualReport.Status.choices, blank=True)
    target = models.CharField("в состояние", max_length=20, choices=AnnualReport.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="кто", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField("когда", auto_now_add=True)
    comment = models.TextField("комментарий", blank=True)

    class Meta:
        verbose_name = "переход итогового отчёта"
        verbose_name_plural = "переходы итоговых отчётов"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        source = AnnualReport.Status(self.source).label if self.source else "—"
        return f"{source} → {AnnualReport.Status(self.target).label}"
