"""Separate consents to publish personal data on the website (152-ФЗ, ст. 10.1)."""

from django.shortcuts import get_object_or_404
from django.views.generic import CreateView, UpdateView

from core.views import ServiceFormMixin
from mentorship.services.bank import publication_consent_save, publication_consent_withdraw
from people.access import ProtectedFileView, RoleRequiredMixin
from people.selectors import people_for

from ..forms import PublicationConsentForm, PublicationWithdrawForm
from ..models import PublicationConsent
from ..roles import BANK_KEEPERS, BANK_READERS


class PublicationConsentCreateView(RoleRequiredMixin, ServiceFormMixin, CreateView):
    allowed_roles = BANK_KEEPERS
    form_class = PublicationConsentForm
    template_name = "mentorship/publication_consent_form.html"
    success_message = "Согласие на публикацию записано."

    def get_person(self):
        if not hasattr(self, "_person"):
            self._person = get_object_or_404(people_for(self.request.user), pk=self.kwargs["person_pk"])
        return self._person

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = PublicationConsent(person=self.get_person())
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.get_person(), **kwargs)

    def run_service(self, form):
        return publication_consent_save(consent=form.instance, actor=self.request.user)

    def get_success_url(self):
        return self.get_person().get_absolute_url()


class PublicationConsentWithdrawView(RoleRequiredMixin, ServiceFormMixin, UpdateView):
    allowed_roles = BANK_KEEPERS
    form_class = PublicationWithdrawForm
    template_name = "mentorship/publication_consent_withdraw.html"
    context_object_name = "consent"
    success_message = "Согласие отозвано: с этого дня данные не публикуются."

    def get_queryset(self):
        return PublicationConsent.objects.filter(
            person__in=people_for(self.request.user), withdrawn_on__isnull=True
        ).select_related("person")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        return kwargs

    def run_service(self, form):
        return publication_consent_withdraw(
            consent=self.object, withdrawn_on=form.cleaned_data["withdrawn_on"], actor=self.request.user
        )

    def get_success_url(self):
        return self.object.person.get_absolute_url()


class PublicationConsentScanView(ProtectedFileView):
    allowed_roles = BANK_READERS
    file_field = "scan"

    def file_title(self, consent) -> str:
        return f"Согласие на публикацию — {consent.person.full_name} от {consent.given_on:%d.%m.%Y} (скан)"

    def get_queryset(self):
        return PublicationConsent.objects.filter(person__in=people_for(self.request.user))
