"""Printed forms about a pair, rendered on request from the records (nothing is stored)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views import View

from core.files import file_response
from mentorship.services.pairs import participants
from people.access import RoleRequiredMixin

from ..documents import consent_form_pdf, consent_form_title
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
