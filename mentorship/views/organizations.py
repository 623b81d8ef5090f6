"""Partner organizations: schools, colleges, universities, culture and sports institutions, employers."""

from django.db.models import Count, Q
from django.urls import reverse
from django.views.generic import CreateView, ListView, UpdateView

from core.views import ServiceFormMixin
from people.access import RoleRequiredMixin
from people.models import Organization
from people.services import organization_save

from ..forms import PartnerOrganizationForm
from ..roles import BANK_KEEPERS, BANK_READERS, COOPERATION_RECORDERS


def organizations_with_counts():
    return Organization.objects.annotate(
        working=Count("people", filter=Q(people__status="working")),
        mentors=Count("people__mentor", filter=Q(people__mentor__is_active=True)),
    ).order_by("kind", "short_name")


class OrganizationListView(RoleRequiredMixin, ListView):
    allowed_roles = BANK_READERS
    template_name = "mentorship/organization_list.html"
    context_object_name = "organizations"

    def get_queryset(self):
        return organizations_with_counts().prefetch_related("cooperation_agreements")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_edit=bool(self.roles & BANK_KEEPERS),
            can_record_cooperation=bool(self.roles & COOPERATION_RECORDERS),
            **kwargs,
        )


class PartnerFormMixin(RoleRequiredMixin, ServiceFormMixin):
    allowed_roles = BANK_KEEPERS
    form_class = PartnerOrganizationForm
    template_name = "mentorship/organization_form.html"

    def get_queryset(self):
        return Organization.objects.exclude(kind=Organization.Kind.OWN)

    def run_service(self, form):
        return organization_save(organization=form.instance, actor=self.request.user)

    def get_success_url(self):
        return reverse("mentorship:organization-list")


class PartnerCreateView(PartnerFormMixin, CreateView):
    success_message = "Организация-партнёр добавлена."


class PartnerUpdateView(PartnerFormMixin, UpdateView):
    success_message = "Изменения сохранены."
