"""The reports' pages: writing one's own report (a draft, then sent), reading a report, its PDF and
DOCX, and the curator's return of a sent report.

The program comes through programs_for(user) and a report through reports_for(user) (selectors): a
report of another pair is a 404, a role that never reads programs (the system administrator) a 403.
The services decide the rest."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from core.docx import DOCX_CONTENT_TYPE
from core.files import file_response
from core.http import text_param
from core.views import Confirmation, ConfirmedActionMixin, form_errors, report_errors
from people.access import RoleRequiredMixin
from programs.completion import closing_closed
from programs.models import Program
from programs.selectors import programs_for

from . import prefill
from .documents import report_docx, report_pdf
from .forms import ReportForm, ReturnForm
from .models import Report
from .roles import READERS, RETURNERS, WRITERS
from .selectors import reports_for, state_label
from .services import authorship, report_return, report_save


class ReportWriteView(RoleRequiredMixin, FormView):
    """The user's own report in a program: prefilled from the records the first time, «Сохранить
    черновик» or «Отправить». A sent report opens for reading instead."""

    allowed_roles = WRITERS
    template_name = "results/write.html"

    @cached_property
    def program(self) -> Program:
        return get_object_or_404(programs_for(self.request.user).prefetch_related("items"), pk=self.kwargs["pk"])

    @cached_property
    def who(self):
        who = authorship(self.program, self.request.user)
        if who is None:
            raise Http404("Отчёт по этой программе пишут её наставник и наставляемые.")
        return who

    @cached_property
    def report(self) -> Report | None:
        return Report.objects.filter(program=self.program, kind=self.who.kind, author=self.who.author).first()

    @cached_property
    def closed(self) -> str | None:
        return closing_closed(self.program)

    def get(self, request, *args, **kwargs):
        if self.report is not None and self.report.is_submitted:
            messages.info(request, "Отчёт уже отправлен: вот он.")
            return redirect(self.report.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "kind": self.who.kind, "disabled": bool(self.closed)}
        if self.report is not None:
            kwargs["instance"] = self.report
        return kwargs

    def get_form_class(self):
        return ReportForm

    def get_initial(self):
        if self.report is not None:
            return {}
        return prefill.initial(self.program, self.who.kind, self.who.author, timezone.localdate())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            program=self.program,
            pairing=self.program.pairing,
            kind=Report.Kind(self.who.kind),
            report=self.report,
            closed=self.closed,
            **kwargs,
        )

    def form_valid(self, form):
        submit = self.request.POST.get("submit") == "1"
        data = {name: form.cleaned_data[name] for name in form.fields}
        try:
            outcome = report_save(program=self.program, data=data, submit=submit, actor=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        if submit:
            messages.success(self.request, "Отчёт отправлен: его прочтут куратор и руководитель.")
            return redirect(outcome.obj.get_absolute_url())
        messages.success(self.request, "Черновик сохранён: его видите только вы.")
        return redirect("results:write", self.program.pk)

    def form_invalid(self, form):
        messages.error(self.request, "Не сохранено: исправьте отмеченное.")
        return super().form_invalid(form)


class ReportDetailView(RoleRequiredMixin, TemplateView):
    allowed_roles = READERS
    template_name = "results/detail.html"

    def get_context_data(self, **kwargs):
        report = get_object_or_404(
            reports_for(self.request.user).prefetch_related("program__pairing__mentees__person"), pk=self.kwargs["pk"]
        )
        program = report.program
        own = self.person is not None and report.author_id == self.person.pk
        return super().get_context_data(
            report=report,
            program=program,
            state=state_label(report),
            can_edit=own and not report.is_submitted and not closing_closed(program),
            can_return=bool(self.roles & RETURNERS)
            and report.is_submitted
            and program.status not in Program.CLOSED_STATUSES,
            return_form=ReturnForm(),
            **kwargs,
        )


class ReportPdfView(RoleRequiredMixin, View):
    allowed_roles = READERS

    def get(self, request, pk):
        report = get_object_or_404(
            reports_for(request.user).prefetch_related("program__pairing__mentees__person"), pk=pk
        )
        return file_response(report_pdf(report), "application/pdf", f"{report.file_title}.pdf", inline=True)


class ReportDocxView(RoleRequiredMixin, View):
    allowed_roles = READERS

    def get(self, request, pk):
        report = get_object_or_404(
            reports_for(request.user).prefetch_related("program__pairing__mentees__person"), pk=pk
        )
        return file_response(report_docx(report), DOCX_CONTENT_TYPE, f"{report.file_title}.docx")


class ReportReturnView(RoleRequiredMixin, ConfirmedActionMixin, View):
    """The curator returns a sent report with a comment; the author sees it and sends it again. Done
    from the page that says what happens."""

    allowed_roles = RETURNERS

    def confirmation(self) -> Confirmation:
        report = get_object_or_404(reports_for(self.request.user), pk=self.kwargs["pk"])
        comment = text_param(self.request.POST.get("comment"), limit=2000)
        return Confirmation(
            title=f"Вернуть отчёт: {report}",
            consequences=[
                f"Отчёт снова станет черновиком автора ({report.author.full_name}): вы перестанете его видеть, "
                "пока автор не исправит его и не отправит снова; автор увидит ваш комментарий.",
                *([f"Комментарий: «{comment}»."] if comment else []),
            ],
            button="Вернуть отчёт",
            cancel_url=report.get_absolute_url(),
        )

    def post(self, request, pk):
        report = get_object_or_404(reports_for(request.user), pk=pk)
        try:
            report_return(
                report=report, comment=text_param(request.POST.get("comment"), limit=2000), actor=request.user
            )
        except ValidationError as error:
            report_errors(request, error)
            return redirect(report.get_absolute_url())
        messages.success(request, f"Отчёт возвращён автору ({report.author.short_name}) с комментарием.")
        return redirect(report.program.get_absolute_url())
