"""Every write of the annual report: validated, atomic, with the author recorded (core.services) and
every move through its life cycle table (core.lifecycle). Approval freezes the figures and the PDF."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core.lifecycle import guard, move
from core.services import Outcome, validated_save
from people.roles import roles_of

from .annual import annual_figures, report_data
from .models import AnnualReport, report_pdf_path
from .period import Period
from .roles import WRITERS

S = AnnualReport.Status
TEXT_FIELDS = ("conclusions", "risks", "proposals")


def _require_writer(actor) -> None:
    if not roles_of(actor) & WRITERS:
        raise PermissionDenied("Итоговый аналитический отчёт составляет куратор (3.4 Положения).")


@transaction.atomic
def annual_report_start(*, start_year: int, actor) -> Outcome:
    """The year's report, begun by the curator (or the one already begun)."""
    _require_writer(actor)
    existing = AnnualReport.objects.filter(start_year=start_year).first()
    if existing is not None:
        return Outcome(existing)
    if not 2000 <= start_year <= timezone.localdate().year:
        raise ValidationError("Отчёт составляют за прошедший или текущий учебный год.")
    report = AnnualReport(start_year=start_year, created_by=actor)
    validated_save(report, actor=actor)
    report.log_transition("", S.DRAFT, actor)
    return Outcome(report)


@transaction.atomic
def annual_report_save(*, report: AnnualReport, data: dict, actor) -> Outcome:
    """The curator's texts (conclusions, risks, proposals), while the report is a draft or returned."""
    _require_writer(actor)
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_editable:
        raise ValidationError(f"Отчёт «{report.get_status_display().lower()}»: текст меняют в черновике.")
    for name in TEXT_FIELDS:
        if name in data:
            setattr(report, name, (data[name] or "").strip())
    validated_save(report, actor=actor)
    return Outcome(report)


@transaction.atomic
def annual_report_move(*, report: AnnualReport, target: str, actor, comment: str = "") -> Outcome:
    """A move of the table. To the head: the conclusions must be written. Approved: the figures of the
    records as they are now and the PDF are frozen with the report."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    roles = roles_of(actor)
    guard(report, target, roles=roles, comment=comment)
    fields = {}
    if target == S.AWAITING_APPROVAL:
        if not report.conclusions.strip():
            raise ValidationError("Напишите выводы: без них отчёт не отправляют руководителю.")
        fields["return_comment"] = ""
    elif target == S.RETURNED:
        fields["return_comment"] = comment.strip()
    elif target == S.APPROVED:
        fields.update(
            figures=annual_figures(Period.academic(report.start_year)), approved_at=timezone.now(), approved_by=actor
        )
    move(report, target, actor=actor, roles=roles, comment=comment, checked=True, **fields)
    if target == S.APPROVED:
        _freeze_pdf(report)
    return Outcome(report)


def _freeze_pdf(report: AnnualReport) -> None:
    """The approved report's PDF, rendered once from its frozen figures and kept with it (the file is
    not part of the report's history, like a registered order's PDF)."""
    from .documents import annual_pdf, file_name  # the documents import the figures, not the services

    data = report_data(report)
    name = report.pdf.storage.save(report_pdf_path(report, file_name(data, "pdf")), ContentFile(annual_pdf(data)))
    AnnualReport.objects.filter(pk=report.pk).update(pdf=name)
    report.pdf.name = name
