"""Printed forms about a pair, rendered on request from the records (nothing is stored)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views import View

from core.docx import DOCX_CONTENT_TYPE
from core.files import file_response
from core.letters import letter_docx, letter_pdf
from mentorship.services.pairs import participants
from people.access import RoleRequiredMixin

from ..documents import consent_form_pdf, consent_form_title
from ..letters import KINDS, pair_letter
from ..roles import BANK_READERS, CONSENT_FORM_READERS
from ..selectors import pairings_for


class PairingConsentFormView(RoleRequiredMixin, View):
    """The prefilled consent form of one participant of a pair, as PDF to print and sign.

    The bank's readers print anyone's; a mentor or a mentee only their own, in their own pair:
    another pair, or another participant's form, is a 404.
    """

    allowed_roles = CONSENT_FORM_READERS

    def get(self, request, pk, person_pk):
        pairing = get_object_or_404(pairings_for(request.user), pk=pk)
        if not self.roles & BANK_READERS and (self.person is None or self.person.pk != person_pk):
            raise Http404("Бланк другого участника недоступен.")
        person = next((p for p in participants(pairing) if p.pk == person_pk), None)
        if person is None:
            raise Http404("Этот сотрудник не участвует в паре.")
        pdf = consent_form_pdf(pairing, person)
        return file_response(pdf, "application/pdf", f"{consent_form_title(person)}.pdf", inline=True)


class PairingLetterView(RoleRequiredMixin, View):
    """A letter about a pair (mentorship.letters) as PDF or DOCX: the mentor's notice, the employer's
    notice to the mentor, a mentee's application. The bank's readers print any participant's; a mentor
    or a mentee only their own, and never the employer's notice: another pair, another participant's
    letter or a letter the person does not write is a 404."""

    allowed_roles = CONSENT_FORM_READERS
    fmt = "pdf"

    def get(self, request, pk, slug, person_pk):
        pairing = get_object_or_404(pairings_for(request.user), pk=pk)
        kind = KINDS.get(slug)
        if kind is None:
            raise Http404("Нет такого письма.")
        if not self.roles & BANK_READERS and (
            self.person is None or self.person.pk != person_pk or kind.side == "employer"
        ):
            raise Http404("Письмо другого участника недоступно.")
        person = next((p for p in participants(pairing) if p.pk == person_pk), None)
        if person is None:
            raise Http404("Этот сотрудник не участвует в паре.")
        try:
            letter = pair_letter(pairing, person, slug)
        except ValueError as error:
            raise Http404(str(error)) from error
        if self.fmt == "docx":
            return file_response(letter_docx(letter), DOCX_CONTENT_TYPE, f"{letter.title}.docx")
        return file_response(letter_pdf(letter), "application/pdf", f"{letter.title}.pdf", inline=True)
