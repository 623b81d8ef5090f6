"""The pages of mediation: a side of a pair writes an appeal, the chair names the members who take
it up, its readers follow it to the decision; its author may withdraw it until it is heard."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import CreateView, DetailView, FormView, ListView

from core.views import Confirmation, ConfirmedActionMixin, form_errors, report_errors, show_outcome
from mentorship.models import Pairing
from people.access import RoleRequiredMixin
from people.roles import Role

from .forms import AppealForm, AppealMembersForm
from .models import Appeal
from .roles import APPEAL_AUTHORS, APPEAL_READERS, is_chair
from .selectors import appeal_page, appeals_for, reads_appeals_by_office
from .services import appeal_members_assign, appeal_submit, appeal_withdraw


class AppealListView(RoleRequiredMixin, ListView):
    """The curator and the chair: every appeal; a member: those named to them; a mentor or a mentee:
    their own and those the other side shared."""

    allowed_roles = APPEAL_READERS
    template_name = "council/appeal_list.html"
    context_object_name = "appeals"
    paginate_by = 50

    def get_queryset(self):
        return appeals_for(self.request.user).distinct().order_by("status", "-created_at", "-pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(by_office=reads_appeals_by_office(self.request.user), **kwargs)


class AppealCreateView(RoleRequiredMixin, CreateView):
    """A side of a running pair writes to the council (from the pair's page)."""

    allowed_roles = APPEAL_AUTHORS
    form_class = AppealForm
    template_name = "council/appeal_form.html"

    @cached_property
    def pairing(self) -> Pairing:
        person = self.person
        sides = Q(mentor__person=person) | Q(mentees__person=person)
        return get_object_or_404(
            Pairing.objects.filter(sides, status__in=Pairing.CURRENT_STATUSES).distinct(), pk=self.kwargs["pairing_pk"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(pairing=self.pairing, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            outcome = appeal_submit(
                pairing=self.pairing,
                text=data["text"],
                wish=data["wish"],
                shared_with_pair=data["shared_with_pair"],
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        show_outcome(self.request, outcome, "Обращение передано куратору и председателю методического объединения.")
        return redirect(outcome.obj)


class AppealDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = APPEAL_READERS
    template_name = "council/appeal_detail.html"
    context_object_name = "appeal"

    def get_queryset(self):
        return appeal_page(self.request.user)

    def get_context_data(self, **kwargs):
        appeal = self.object
        person = self.person
        is_author = person is not None and appeal.author_id == person.pk
        return super().get_context_data(
            is_author=is_author,
            can_withdraw=is_author and appeal.is_open,
            can_name_members=appeal.is_open and is_chair(self.request.user) and not is_author,
            by_office=reads_appeals_by_office(self.request.user),
            **kwargs,
        )


class AppealWithdrawView(RoleRequiredMixin, ConfirmedActionMixin, View):
    allowed_roles = APPEAL_AUTHORS

    @cached_property
    def appeal(self) -> Appeal:
        return get_object_or_404(
            appeals_for(self.request.user).filter(author=self.person, status=Appeal.Status.SUBMITTED),
            pk=self.kwargs["pk"],
        )

    def confirmation(self):
        return Confirmation(
            title=f"Отозвать {self.appeal.title.lower()}",
            consequences=[Appeal.transition("submitted", "withdrawn").consequence],
            button="Отозвать обращение",
            cancel_url=self.appeal.get_absolute_url(),
        )

    def post(self, request, pk):
        try:
            outcome = appeal_withdraw(appeal=self.appeal, actor=request.user)
            show_outcome(request, outcome, "Обращение отозвано.")
        except ValidationError as error:
            report_errors(request, error)
        return redirect(self.appeal)


class AppealMembersView(RoleRequiredMixin, FormView):
    """The chair names the members of the council who take the appeal up."""

    allowed_roles = frozenset({Role.COUNCIL})
    form_class = AppealMembersForm
    template_name = "council/appeal_members.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.roles & self.allowed_roles and not is_chair(request.user):
            raise PermissionDenied("Членов МО для обращения называет председатель методического объединения.")
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def appeal(self) -> Appeal:
        return get_object_or_404(
            appeal_page(self.request.user).filter(status=Appeal.Status.SUBMITTED).exclude(author=self.person),
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "appeal": self.appeal}

    def get_context_data(self, **kwargs):
        return super().get_context_data(appeal=self.appeal, **kwargs)

    def form_valid(self, form):
        try:
            outcome = appeal_members_assign(
                appeal=self.appeal, members=form.cleaned_data["members"], actor=self.request.user
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        show_outcome(self.request, outcome, "Сохранено: обращение поручено выбранным членам МО.")
        messages.info(self.request, "Они видят обращение в разделе «Обращения в МО».")
        return redirect(self.appeal)
