"""Paperwork around mentors (ТК РФ ст. 351.8): additional agreements, partners' cooperation
agreements, the monthly pay list for the accountant, and DOCX copies of documents for the clerk."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from core.docx import DOCX_CONTENT_TYPE
from core.files import XLSX_CONTENT_TYPE as XLSX
from core.files import file_response
from core.history import Source
from core.http import id_param
from core.views import RecordHistoryView, form_errors
from mentorship.services.pairs import participants
from mentorship.services.paperwork import agreement_update, cooperation_agreement_record
from people.access import ProtectedFileView, RoleRequiredMixin
from people.models import Organization
from people.roles import Role
from people.services import personal_data_exported
from records.docx import docx_name

from ..cooperation import cooperation_docx, cooperation_pdf
from ..documents import agreement_pdf, consent_form_title
from ..docx_documents import agreement_docx, consent_docx
from ..forms import AgreementRequisitesForm, CooperationAgreementForm, PayrollMonthForm
from ..models import CooperationAgreement, MentoringAgreement
from ..payroll import (
    EXPORT_TITLE,
    Compiled,
    month_bounds,
    month_title,
    payroll_for_month,
    payroll_pdf,
    payroll_xlsx,
)
from ..roles import (
    AGREEMENT_CLERKS,
    AGREEMENT_READERS,
    BANK_READERS,
    CONSENT_FORM_READERS,
    COOPERATION_RECORDERS,
    PAIR_READERS,
    PAY_READERS,
)
from ..selectors import (
    agreements_for,
    cooperation_agreements_for,
    cooperation_agreements_of,
    mentors_for,
    pairings_for,
)

# --- additional agreements ------------------------------------------------------------------------


def paperwork_context(user, roles, mentor, *, pairing=None) -> dict:
    """The paperwork behind a mentor for a pair's or a mentor's page: our employees' additional
    agreements (seen by the pay readers and the mentor themself; on a pair's page those of a
    replaced mentor too), and a partner's cooperation agreements when the mentor is a partner's."""
    organization = mentor.person.organization
    agreements = agreements_for(user).filter(**({"pairing": pairing} if pairing else {"mentor": mentor}))
    context = {
        "agreements": list(agreements),
        "can_edit_agreements": bool(roles & AGREEMENT_CLERKS),
        "own_mentor": organization.is_own,
    }
    if not organization.is_own:
        cooperation = list(cooperation_agreements_of(organization))
        if pairing is not None:
            cooperation = [c for c in cooperation if c.covers(pairing.starts_on, pairing.planned_end_on)]
        context.update(
            cooperation=cooperation,
            partner=organization,
            can_record_cooperation=bool(roles & COOPERATION_RECORDERS),
            can_open_cooperation_scan=bool(roles & BANK_READERS),
        )
    return context


class AgreementPdfView(RoleRequiredMixin, View):
    """The agreement to print and sign, rendered from its record on request. The head, the curator
    and the administrator open any; a mentor their own; another mentor's is a 404."""

    allowed_roles = AGREEMENT_READERS

    def get(self, request, pk):
        agreement = get_object_or_404(agreements_for(request.user), pk=pk)
        return file_response(agreement_pdf(agreement), "application/pdf", f"{agreement}.pdf", inline=True)


class AgreementDocxView(RoleRequiredMixin, View):
    allowed_roles = AGREEMENT_READERS

    def get(self, request, pk):
        agreement = get_object_or_404(agreements_for(request.user), pk=pk)
        return file_response(agreement_docx(agreement), DOCX_CONTENT_TYPE, docx_name(str(agreement)))


class AgreementUpdateView(RoleRequiredMixin, FormView):
    """The clerk fills in the requisites; the content stays as the order wrote it."""

    allowed_roles = AGREEMENT_CLERKS
    form_class = AgreementRequisitesForm
    template_name = "mentorship/agreement_form.html"

    @cached_property
    def agreement(self):
        return get_object_or_404(agreements_for(self.request.user), pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.agreement}

    def get_context_data(self, **kwargs):
        return super().get_context_data(agreement=self.agreement, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            outcome = agreement_update(
                agreement=self.agreement,
                number=data["number"],
                date=data["date"],
                contract_number=data["contract_number"],
                contract_date=data["contract_date"],
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Реквизиты соглашения сохранены.")
        for warning in outcome.warnings:
            messages.warning(self.request, warning)
        return redirect(self.agreement.pairing.get_absolute_url())


class AgreementHistoryView(RoleRequiredMixin, RecordHistoryView):
    """Who wrote the agreement and who filled in its requisites, for whoever opens its PDF. Nothing
    is hidden: its every reader (the pay readers, the mentor it is with) reads the whole document,
    its pay too."""

    allowed_roles = AGREEMENT_READERS

    def get_queryset(self):
        return agreements_for(self.request.user)

    def history_sources(self):
        return [Source("Дополнительное соглашение", MentoringAgreement.history.filter(id=self.object.pk))]

    def back_url(self) -> str:
        # The agreement is listed on its pair's page; a mentor replaced on the pair no longer opens
        # it, so her own card (which lists her agreements) is where she came from.
        agreement = self.object
        if self.roles & PAY_READERS or agreement.pairing.mentor_id == agreement.mentor_id:
            return agreement.pairing.get_absolute_url()
        return agreement.mentor.get_absolute_url()


# --- partners' cooperation agreements ----------------------------------------------------------


class CooperationAgreementCreateView(RoleRequiredMixin, FormView):
    """The curator (or the head) records the cooperation agreement with a partner organization.
    Opened from a partner mentor's pair, it returns there."""

    allowed_roles = COOPERATION_RECORDERS
    form_class = CooperationAgreementForm
    template_name = "mentorship/cooperation_form.html"

    @cached_property
    def partner(self) -> Organization:
        return get_object_or_404(Organization.objects.exclude(kind=Organization.Kind.OWN), pk=self.kwargs["pk"])

    @cached_property
    def pairing(self):
        pk = id_param(self.request.GET.get("pairing") or self.request.POST.get("pairing"))
        if pk is None:
            return None
        return pairings_for(self.request.user).filter(pk=pk, mentor__person__organization=self.partner).first()

    def get_context_data(self, **kwargs):
        return super().get_context_data(partner=self.partner, pairing=self.pairing, **kwargs)

    def form_valid(self, form):
        agreement = form.instance
        agreement.partner = self.partner
        try:
            cooperation_agreement_record(agreement=agreement, actor=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Записан {agreement}.")
        return redirect(self.pairing.get_absolute_url() if self.pairing else "people:organization-list")

    def form_invalid(self, form):
        messages.error(self.request, "Договор не записан: исправьте отмеченные поля.")
        return super().form_invalid(form)


class CooperationHistoryView(RoleRequiredMixin, RecordHistoryView):
    """Who recorded a partner's cooperation agreement and what was corrected in it, for whoever reads
    it on a page: the list of organizations, a partner mentor's card or pair. Whether a scan was
    attached is told to those who open the scan only, as the pages do."""

    allowed_roles = PAIR_READERS

    def get_queryset(self):
        return cooperation_agreements_for(self.request.user)

    def history_sources(self):
        hidden = frozenset() if self.roles & BANK_READERS else frozenset({"scan"})
        return [
            Source("Договор о сотрудничестве", CooperationAgreement.history.filter(id=self.object.pk), hidden=hidden)
        ]

    def back_url(self) -> str:
        # No page of its own: the organizations' list for the bank's readers; for a mentor her card,
        # for a mentee her mentor's card or, once the mentor is past, the pair with her.
        if self.roles & BANK_READERS:
            return reverse("people:organization-list")
        user, partner = self.request.user, self.object.partner
        shown_on = (
            mentors_for(user).filter(person__organization=partner).first()
            or pairings_for(user).filter(mentor__person__organization=partner).first()
        )
        return shown_on.get_absolute_url()


class CooperationDraftView(RoleRequiredMixin, View):
    """The cooperation agreement with a partner written from the template (mentorship.cooperation), to
    agree on with the partner before it is signed and recorded; for those who record the agreements."""

    allowed_roles = COOPERATION_RECORDERS
    fmt = "pdf"

    def get(self, request, pk):
        own = Organization.own()
        if own is None:
            raise Http404("Не заданы настройки организации.")
        partner = get_object_or_404(Organization.objects.exclude(pk=own.pk), pk=pk)
        today = timezone.localdate()
        name = f"Проект договора о сотрудничестве с {partner.short_name}"
        if self.fmt == "docx":
            return file_response(cooperation_docx(partner, today=today), DOCX_CONTENT_TYPE, f"{name}.docx")
        return file_response(cooperation_pdf(partner, today=today), "application/pdf", f"{name}.pdf", inline=True)


class CooperationScanView(ProtectedFileView):
    allowed_roles = BANK_READERS
    file_field = "scan"

    def file_title(self, agreement) -> str:
        return f"{agreement} (скан)"

    def get_queryset(self):
        return CooperationAgreement.objects.all()


# --- the monthly pay list ---------------------------------------------------------------------


class PayrollView(RoleRequiredMixin, TemplateView):
    """The month's list for the accountant; the current month unless another is chosen."""

    allowed_roles = PAY_READERS
    template_name = "mentorship/payroll.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        form = PayrollMonthForm(self.request.GET or None, initial={"month": f"{today:%Y-%m}"})
        year, month = today.year, today.month
        if form.is_bound and form.is_valid():
            year, month = form.cleaned_data["month"]
        own = Organization.own()
        return super().get_context_data(
            form=form,
            payroll=payroll_for_month(year, month),
            own=own,
            can_number_agreements=bool(self.roles & AGREEMENT_CLERKS),
            rule_missing=own is None or own.mentor_pay_rule == Organization.PayRule.NONE,
            can_set_rule=bool(self.roles & {Role.HEAD, Role.ADMIN}),
            **kwargs,
        )


class PayrollFileView(RoleRequiredMixin, View):
    """The list as XLSX or PDF; each download goes to the export log (152-ФЗ: salaries, names)."""

    allowed_roles = PAY_READERS
    kind = ""  # "xlsx" or "pdf"

    def get(self, request, year, month):
        try:
            month_bounds(year, month)
        except ValueError as error:
            raise Http404("Нет такого месяца.") from error
        payroll = payroll_for_month(year, month)
        own = Organization.own()
        personal_data_exported(
            what=f"{EXPORT_TITLE} за {month_title(year, month)} ({self.kind.upper()})",
            rows=len(payroll.rows),
            actor=request.user,
        )
        name = f"Доплата наставникам за {month_title(year, month)}.{self.kind}"
        compiled = Compiled.by(request.user, timezone.localdate())
        if self.kind == "xlsx":
            return file_response(payroll_xlsx(payroll, own, compiled), XLSX, name)
        return file_response(payroll_pdf(payroll, own, compiled), "application/pdf", name, inline=True)


# --- DOCX copies of the other documents -----------------------------------------------------------


class PairingConsentDocxView(RoleRequiredMixin, View):
    """A participant's consent form as DOCX; the same rules as its PDF (PairingConsentFormView)."""

    allowed_roles = CONSENT_FORM_READERS

    def get(self, request, pk, person_pk):
        pairing = get_object_or_404(pairings_for(request.user), pk=pk)
        if not self.roles & BANK_READERS and (self.person is None or self.person.pk != person_pk):
            raise Http404("Бланк другого участника недоступен.")
        person = next((p for p in participants(pairing) if p.pk == person_pk), None)
        if person is None:
            raise Http404("Этот сотрудник не участвует в паре.")
        return file_response(consent_docx(pairing, person), DOCX_CONTENT_TYPE, docx_name(consent_form_title(person)))
