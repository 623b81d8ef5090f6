"""Monitoring and the annual analytic report in the browser.

The monitoring page: every indicator of the chosen period with last year's value beside it, the
breakdowns and the charts; the names behind each number only for the head and the curator. The annual
report: the figures of the year, the curator's texts, its way to the head and back, and its downloads
(an approved report's from its frozen figures and PDF)."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.dates import academic_start_year
from core.docx import DOCX_CONTENT_TYPE
from core.files import XLSX_CONTENT_TYPE, file_response
from core.http import text_param
from core.views import Confirmation, ConfirmedActionMixin, move_confirmation, report_errors
from people.access import RoleRequiredMixin

from .annual import report_data
from .charts import COLOURS, Series, bars_svg, indicators_chart
from .indicators import Records, indicators
from .models import AnnualReport
from .period import Period
from .roles import APPROVERS, NAME_READERS, READERS, WRITERS
from .services import annual_report_move, annual_report_save, annual_report_start

FIRST_YEAR = 2020


def years(today: date) -> list[int]:
    """The academic years one may choose: from the earliest with records (or 2020) to the current one."""
    return list(range(academic_start_year(today), FIRST_YEAR - 1, -1))


def _year(value, today: date) -> int | None:
    """An academic year one may choose, from a parameter («2025»), or None."""
    text = value if isinstance(value, str) else ""
    if len(text) == 4 and text.isascii() and text.isdigit() and int(text) in years(today):
        return int(text)
    return None


def _date(value) -> date | None:
    try:
        day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None
    return day if day and date(2000, 1, 1) <= day <= date(2100, 12, 31) else None


def chosen_period(params, today: date) -> tuple[Period, str | None]:
    """`?year=2025` or `?from=…&to=…` (ISO dates); anything else → the current year to date, and why."""
    start, end = _date(params.get("from")), _date(params.get("to"))
    if params.get("from") or params.get("to"):
        if start and end and start <= end:
            return Period(start, end), None
        return Period.current(today), "Проверьте даты периода: показан текущий учебный год."
    if params.get("year"):
        start_year = _year(params.get("year"), today)
        if start_year is not None:
            if start_year == academic_start_year(today):
                return Period.current(today), None
            return Period.academic(start_year), None
        return Period.current(today), "Нет такого учебного года: показан текущий."
    return Period.current(today), None


class MonitoringView(RoleRequiredMixin, TemplateView):
    allowed_roles = READERS
    template_name = "reports/monitoring.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        period, problem = chosen_period(self.request.GET, today)
        if problem:
            messages.warning(self.request, problem)
        records = Records.load(period)
        current = indicators(records)
        previous = {indicator.key: indicator for indicator in indicators(Records.load(period.previous()))}
        show_names = bool(self.roles & NAME_READERS)
        names = {}
        if show_names:
            ids = {pk for indicator in current for pk in (*indicator.numerator_people, *indicator.denominator_people)}
            names = {pk: records.people[pk].name for pk in ids}
        rows = []
        for indicator in current:
            before = previous[indicator.key]
            change = None if indicator.value is None or before.value is None else indicator.value - before.value
            rows.append(
                {
                    "indicator": indicator,
                    "previous": before,
                    "change": change,
                    "numerator_names": sorted(names[pk] for pk in indicator.numerator_people) if show_names else [],
                    "denominator_names": sorted(names[pk] for pk in indicator.denominator_people) if show_names else [],
                }
            )
        chart = indicators_chart(
            [
                {
                    "title": row["indicator"].title,
                    "kind": row["indicator"].kind,
                    "value": row["indicator"].value,
                    "previous_value": row["previous"].value,
                }
                for row in rows
            ],
            period.label,
            period.previous().label,
        )
        directions = records.by_direction()
        direction_chart = bars_svg(
            [(name, [pairs, mentees]) for name, pairs, mentees, _completed in directions],
            [Series("пар и групп", COLOURS[2]), Series("наставляемых", COLOURS[3])],
            title=f"Пары, группы и наставляемые по направлениям, {period.label}",
        )
        start_year = academic_start_year(period.start)
        return super().get_context_data(
            period=period,
            rows=rows,
            show_names=show_names,
            chart=chart,
            direction_chart=direction_chart,
            directions=directions,
            forms=records.by_form(),
            categories=records.by_category(),
            staff=len(records.staff()),
            mentors=len(records.mentors()),
            mentees=len(records.mentees()),
            pairs=len(records.pairings),
            years=years(today),
            chosen_year=start_year if period.is_academic_year or period == Period.current(today) else None,
            annual=AnnualReport.objects.filter(start_year=start_year).first(),
            can_interim=bool(self.roles & NAME_READERS),
            **kwargs,
        )


class InterimPdfView(RoleRequiredMixin, View):
    """The справка по итогам промежуточного мониторинга (roadmap stage 6): the current year to date."""

    allowed_roles = NAME_READERS

    def get(self, request):
        from .annual import interim_figures
        from .documents import file_name, interim_pdf

        data = interim_figures(Period.current(timezone.localdate()))
        return file_response(interim_pdf(data), "application/pdf", file_name(data, "pdf"), inline=True)


class AnnualListView(RoleRequiredMixin, TemplateView):
    allowed_roles = READERS
    template_name = "reports/annual_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        reports = {report.start_year: report for report in AnnualReport.objects.all()}
        return super().get_context_data(
            rows=[(year, reports.get(year)) for year in years(today)],
            can_start=bool(self.roles & WRITERS),
            **kwargs,
        )


class AnnualStartView(RoleRequiredMixin, View):
    allowed_roles = WRITERS

    def post(self, request):
        year = _year(request.POST.get("year"), timezone.localdate())
        if year is None:
            messages.error(request, "Выберите учебный год из списка.")
            return redirect("reports:annual-list")
        try:
            outcome = annual_report_start(start_year=year, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
            return redirect("reports:annual-list")
        return redirect(outcome.obj.get_absolute_url())


def _report(start_year) -> AnnualReport:
    return get_object_or_404(
        AnnualReport.objects.select_related("approved_by__person__position"), start_year=start_year
    )


class AnnualDetailView(RoleRequiredMixin, TemplateView):
    """The year's report: its figures as they print, the curator's texts (a form while editable), the
    moves, the downloads. POST: the curator saves the texts (what she typed stays on an error)."""

    allowed_roles = READERS
    template_name = "reports/annual_detail.html"

    def get_context_data(self, **kwargs):
        report = _report(self.kwargs["year"])
        data = report_data(report)
        roles = self.roles
        texts = kwargs.pop("texts", None) or report.texts
        return super().get_context_data(
            report=report,
            data=data,
            figures=data["figures"],
            computed_on=date.fromisoformat(data["figures"]["computed_on"]),
            texts=texts,
            can_edit=report.is_editable and bool(roles & WRITERS),
            buttons=report.buttons(roles),
            can_decide=report.status == AnnualReport.Status.AWAITING_APPROVAL and bool(roles & APPROVERS),
            chart=indicators_chart(
                data["figures"]["indicators"], data["figures"]["period"]["label"], data["figures"]["previous_label"]
            ),
            transitions=report.transitions.select_related("actor__person"),
            **kwargs,
        )

    def post(self, request, year):
        if not self.roles & WRITERS:
            raise PermissionDenied("Текст отчёта пишет куратор.")
        report = _report(year)
        data = {name: text_param(request.POST.get(name), limit=20000) for name in ("conclusions", "risks", "proposals")}
        try:
            annual_report_save(report=report, data=data, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
            return self.render_to_response(self.get_context_data(texts=data))
        messages.success(request, "Текст отчёта сохранён.")
        return redirect(report.get_absolute_url())


class AnnualMoveView(RoleRequiredMixin, ConfirmedActionMixin, View):
    """A move of the report; returning and approving are done from the page that says what happens."""

    allowed_roles = WRITERS | APPROVERS

    def confirmation(self) -> Confirmation | None:
        report = _report(self.kwargs["year"])
        return move_confirmation(
            report,
            text_param(self.request.POST.get("target") or self.request.GET.get("target"), limit=30),
            title=str(report),
            cancel_url=report.get_absolute_url(),
            comment=text_param(self.request.POST.get("comment"), limit=2000),
        )

    def post(self, request, year):
        report = _report(year)
        target = text_param(request.POST.get("target"), limit=30)
        if target not in AnnualReport.Status.values:
            messages.error(request, "Нет такого действия с отчётом.")
            return redirect(report.get_absolute_url())
        try:
            annual_report_move(
                report=report,
                target=target,
                actor=request.user,
                comment=text_param(request.POST.get("comment"), limit=2000),
            )
        except ValidationError as error:
            report_errors(request, error)
            return redirect(report.get_absolute_url())
        done = {
            AnnualReport.Status.AWAITING_APPROVAL: "Отчёт отправлен руководителю.",
            AnnualReport.Status.DRAFT: "Отчёт возвращён в черновик.",
            AnnualReport.Status.RETURNED: "Отчёт возвращён куратору с комментарием.",
            AnnualReport.Status.APPROVED: "Отчёт утверждён: его показатели и PDF зафиксированы.",
        }
        messages.success(request, done[AnnualReport.Status(target)])
        return redirect(report.get_absolute_url())


class AnnualDownloadView(RoleRequiredMixin, View):
    """PDF, XLSX or DOCX of the year's report: an approved one from its frozen PDF and figures."""

    allowed_roles = READERS

    def get(self, request, year, fmt):
        from .documents import annual_docx, annual_pdf, annual_xlsx, file_name

        report = _report(year)
        data = report_data(report)
        if fmt == "pdf" and report.is_approved and report.pdf:
            with report.pdf.open("rb") as frozen:
                return file_response(frozen.read(), "application/pdf", file_name(data, "pdf"), inline=True)
        render = {
            "pdf": (annual_pdf, "application/pdf"),
            "xlsx": (annual_xlsx, XLSX_CONTENT_TYPE),
            "docx": (annual_docx, DOCX_CONTENT_TYPE),
        }.get(fmt)
        if render is None:
            raise Http404("Нет такого формата.")
        function, content_type = render
        return file_response(function(data), content_type, file_name(data, fmt), inline=fmt == "pdf")
