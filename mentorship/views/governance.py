"""Who runs the system (3.3–3.5): the curator appointed by the head, the council proposed by the
curator and approved by the head, the organization's settings, and the curator's yearly refresh."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from core.views import Confirmation, ConfirmedActionMixin, report_errors, show_outcome
from mentorship.services.bank import (
    bank_refresh_complete,
    council_decide,
    council_propose,
    council_remove,
    curator_appoint,
)
from people.access import RoleRequiredMixin
from people.roles import Role
from people.views import OwnOrganizationMixin

from ..forms import CouncilProposeForm, CuratorAppointForm, RefreshForm
from ..models import CouncilMembership, CuratorAppointment
from ..roles import BANK_READERS, COUNCIL_PROPOSERS, DECIDERS, REFRESHERS
from ..selectors import last_refresh, refresh_candidates, refresh_is_due


class GovernanceView(RoleRequiredMixin, OwnOrganizationMixin, TemplateView):
    allowed_roles = BANK_READERS
    template_name = "mentorship/governance.html"

    def get_context_data(self, **kwargs):
        organization = self.get_organization()
        memberships = CouncilMembership.objects.select_related("person__position").order_by(
            "-is_chair", "person__last_name"
        )
        return super().get_context_data(
            organization=organization,
            appointments=CuratorAppointment.objects.filter(organization=organization).select_related(
                "person__position"
            ),
            members=[m for m in memberships if m.status == CouncilMembership.Status.MEMBER],
            proposals=[m for m in memberships if m.status == CouncilMembership.Status.PROPOSED],
            is_head=Role.HEAD in self.roles,
            is_curator=Role.CURATOR in self.roles,
            propose_form=CouncilProposeForm() if Role.CURATOR in self.roles else None,
            **kwargs,
        )


class CuratorAppointView(RoleRequiredMixin, OwnOrganizationMixin, FormView):
    allowed_roles = DECIDERS
    form_class = CuratorAppointForm
    template_name = "mentorship/curator_appoint.html"

    def form_valid(self, form):
        try:
            outcome = curator_appoint(
                organization=self.get_organization(),
                person=form.cleaned_data["person"],
                appointed_on=form.cleaned_data["appointed_on"],
                actor=self.request.user,
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
            return self.form_invalid(form)
        person = outcome.obj.person
        show_outcome(self.request, outcome, f"Куратором {person.gendered('назначен', 'назначена')} {person.full_name}")
        return redirect("mentorship:governance")


class CouncilProposeView(RoleRequiredMixin, View):
    allowed_roles = COUNCIL_PROPOSERS

    def post(self, request):
        form = CouncilProposeForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Выберите сотрудника из списка.")
            return redirect("mentorship:governance")
        try:
            outcome = council_propose(person=form.cleaned_data["person"], actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            show_outcome(request, outcome, "Предложение отправлено руководителю на утверждение.")
        return redirect("mentorship:governance")


class CouncilDecisionView(RoleRequiredMixin, ConfirmedActionMixin, View):
    """The head approves or declines a proposal, or takes a member out of the council; declining and
    taking out are done from the page that says what happens."""

    allowed_roles = DECIDERS

    @cached_property
    def membership(self) -> CouncilMembership:
        return get_object_or_404(CouncilMembership.objects.select_related("person"), pk=self.kwargs["pk"])

    def confirmation(self) -> Confirmation | None:
        name = self.membership.person.full_name
        consequences = {
            "decline": (
                f"Отклонить кандидатуру: {name}",
                f"{name} не войдёт в наставнический совет; предложение останется в истории как отклонённое.",
                "Отклонить",
            ),
            "remove": (
                f"Вывести из состава совета: {name}",
                f"{name} выводится из наставнического совета с сегодняшнего дня и больше не предлагает пары "
                "как член совета. Вернуть в совет можно только новым предложением куратора и вашим утверждением.",
                "Вывести из состава",
            ),
        }
        action = self.request.POST.get("action") or self.request.GET.get("action")
        if action not in consequences:
            return None
        title, text, button = consequences[action]
        return Confirmation(
            title=title, consequences=[text], button=button, cancel_url=reverse("mentorship:governance")
        )

    def post(self, request, pk):
        membership = self.membership
        person = membership.person
        actions = {
            "approve": (
                lambda: council_decide(membership=membership, approve=True, actor=request.user),
                person.gendered("утверждён", "утверждена"),
            ),
            "decline": (
                lambda: council_decide(membership=membership, approve=False, actor=request.user),
                f"не {person.gendered('утверждён', 'утверждена')}",
            ),
            "remove": (
                lambda: council_remove(membership=membership, actor=request.user),
                f"{person.gendered('выведен', 'выведена')} из состава",
            ),
        }
        if request.POST.get("action") not in actions:
            messages.error(request, "Неизвестное действие.")
            return redirect("mentorship:governance")
        run, text = actions[request.POST["action"]]
        try:
            outcome = run()
        except ValidationError as error:
            report_errors(request, error)
        else:
            show_outcome(request, outcome, f"{person.full_name}: {text}")
        return redirect("mentorship:governance")


class RefreshView(RoleRequiredMixin, OwnOrganizationMixin, FormView):
    """The curator's yearly duty (3.4): who should have a mentor and does not."""

    allowed_roles = REFRESHERS
    form_class = RefreshForm
    template_name = "mentorship/refresh.html"

    def get_form_kwargs(self):
        if not hasattr(self, "_candidates"):
            self._candidates = refresh_candidates()
        return {**super().get_form_kwargs(), "candidates": self._candidates}

    def get_context_data(self, **kwargs):
        latest = last_refresh(self.get_organization())
        return super().get_context_data(last=latest, due=refresh_is_due(latest), **kwargs)

    def form_valid(self, form):
        additions = form.additions()
        bank_refresh_complete(
            organization=self.get_organization(),
            additions=additions,
            reviewed=len(self._candidates),
            actor=self.request.user,
        )
        if additions:
            names = ", ".join(person.short_name for person, _ in additions)
            messages.success(self.request, f"Включены в банк наставляемых: {names}. Осталось получить их согласия.")
        else:
            messages.success(self.request, "Актуализация отмечена: включать в банк некого.")
        return redirect("mentorship:refresh")
