"""The mentor's journal of a pair or group for a period (programs.journal): a page to choose the
period and read the entries, and the same journal as PDF and DOCX to print and file."""

from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import TemplateView

from core.docx import DOCX_CONTENT_TYPE
from core.files import file_response
from people.access import RoleRequiredMixin

from ..forms.journal import JournalPeriodForm
from ..journal import (
    JOURNAL_ROLES,
    default_period,
    journal_context,
    journal_docx,
    journal_pairings_for,
    journal_pdf,
    journal_title,
    only_meetings_of,
)


class JournalMixin(RoleRequiredMixin):
    """The pair from the reader's scope (another pair is a 404) and the period from the query."""

    allowed_roles = JOURNAL_ROLES

    def pairing_and_period(self):
        pairing = get_object_or_404(journal_pairings_for(self.request.user), pk=self.kwargs["pairing_pk"])
        data = self.request.GET if {"first", "last"} & set(self.request.GET) else None
        form = JournalPeriodForm(data, default=default_period(pairing))
        return pairing, form, form.period()


class JournalView(JournalMixin, TemplateView):
    template_name = "programs/journal.html"

    def get(self, request, *args, **kwargs):
        pairing, form, period = self.pairing_and_period()
        context = {"pairing": pairing, "form": form, "period": period}
        if period is not None:
            first, last = period
            context.update(journal_context(pairing, first, last, only_with=only_meetings_of(request.user, pairing)))
        return self.render_to_response(self.get_context_data(**context), status=200 if period else 400)


class JournalFileView(JournalMixin, View):
    """The journal as PDF or DOCX; a wrong period gives back the page with the error instead of a file."""

    kind = ""  # "pdf" or "docx"

    def get(self, request, pairing_pk):
        pairing, _, period = self.pairing_and_period()
        if period is None:
            return JournalView.as_view()(request, pairing_pk=pairing_pk)
        first, last = period
        only_with = only_meetings_of(request.user, pairing)
        name = f"{journal_title(pairing, first, last)}.{self.kind}"
        if self.kind == "docx":
            return file_response(journal_docx(pairing, first, last, only_with=only_with), DOCX_CONTENT_TYPE, name)
        return file_response(
            journal_pdf(pairing, first, last, only_with=only_with), "application/pdf", name, inline=True
        )
