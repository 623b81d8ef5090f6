"""Mentors and mentees."""

from django.views.generic import CreateView, DetailView, UpdateView

from core.history import Source
from core.http import id_param
from core.views import RecordHistoryView, ServiceFormMixin
from mentorship.models import Mentee, Mentor
from mentorship.services.bank import mentee_save, mentor_save, mentor_warnings
from people.access import ProtectedFileView, RoleRequiredMixin, ScopedListView
from people.models import Organization
from people.roles import Role

from ..access import can_see_mentee_difficulties
from ..filters import MenteeFilter, MentorFilter
from ..forms import MenteeForm, MenteeProfessionalForm, MentorForm, MentorProfessionalForm
from ..matching import EXPLANATION, suggest_mentors
from ..roles import BANK_KEEPERS, BANK_READERS, MENTOR_CARD_READERS, PAY_READERS, PROFESSIONAL_KEEPERS
from ..selectors import mentees_for, mentors_for
from .paperwork import paperwork_context


class MentorListView(ScopedListView):
    allowed_roles = BANK_READERS
    selector = mentors_for
    filterset_class = MentorFilter
    template_name = "mentorship/mentor_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["own"] = Organization.own()
        return context


class MentorDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = MENTOR_CARD_READERS
    template_name = "mentorship/mentor_detail.html"
    context_object_name = "mentor"

    def get_queryset(self):
        return mentors_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            own=Organization.own(),
            warnings=mentor_warnings(self.object) if self.roles & BANK_READERS else [],
            can_edit=bool(self.roles & BANK_KEEPERS),
            can_edit_professional=bool(self.roles & PROFESSIONAL_KEEPERS) and not self.roles & BANK_KEEPERS,
            can_open_bank=bool(self.roles & BANK_READERS),
            can_see_salary=bool(self.roles & PAY_READERS),
            **paperwork_context(self.request.user, self.roles, self.object),
        )
        return context


class MentorHistoryView(RoleRequiredMixin, RecordHistoryView):
    """The mentor's bank record's history, for whoever reads the record; the salary only for those
    who read it on the record's page."""

    allowed_roles = MENTOR_CARD_READERS

    def get_queryset(self):
        return mentors_for(self.request.user)

    def history_sources(self):
        hidden = frozenset() if self.roles & PAY_READERS else frozenset({"salary"})
        return [Source("Банк наставников", Mentor.history.filter(id=self.object.pk), hidden=hidden)]


class PersonFromLinkMixin:
    """«Включить в банк» from a person's card opens the form with that person chosen."""

    def get_initial(self):
        initial = super().get_initial()
        if person := id_param(self.request.GET.get("person")):
            initial["person"] = person
        return initial


class MentorCreateView(RoleRequiredMixin, PersonFromLinkMixin, ServiceFormMixin, CreateView):
    allowed_roles = BANK_KEEPERS
    form_class = MentorForm
    template_name = "mentorship/mentor_form.html"
    success_message = "Наставник включён в банк."

    def run_service(self, form):
        return mentor_save(mentor=form.instance, directions=form.cleaned_data["directions"], actor=self.request.user)


class MentorUpdateView(RoleRequiredMixin, ServiceFormMixin, UpdateView):
    allowed_roles = BANK_KEEPERS
    form_class = MentorForm
    template_name = "mentorship/mentor_form.html"
    context_object_name = "mentor"
    success_message = "Изменения сохранены."

    def get_queryset(self):
        return mentors_for(self.request.user)

    def run_service(self, form):
        return mentor_save(mentor=form.instance, directions=form.cleaned_data["directions"], actor=self.request.user)


class MentorProfessionalUpdateView(RoleRequiredMixin, ServiceFormMixin, UpdateView):
    """A council member corrects a mentor's directions, competencies and note (3.5); the rest of the
    record is the curator's (mentorship.roles.PROFESSIONAL_KEEPERS says why)."""

    allowed_roles = PROFESSIONAL_KEEPERS
    form_class = MentorProfessionalForm
    template_name = "mentorship/professional_form.html"
    context_object_name = "record"
    success_message = "Изменения сохранены."

    def get_queryset(self):
        return mentors_for(self.request.user)

    def run_service(self, form):
        return mentor_save(mentor=form.instance, directions=form.cleaned_data["directions"], actor=self.request.user)


class MentorConsentScanView(ProtectedFileView):
    allowed_roles = MENTOR_CARD_READERS
    file_field = "consent_scan"

    def file_title(self, mentor) -> str:
        return f"Согласие на обработку ПД — {mentor.person.full_name} (скан)"

    def get_queryset(self):
        return mentors_for(self.request.user)


class MenteeListView(ScopedListView):
    allowed_roles = BANK_READERS
    selector = mentees_for
    filterset_class = MenteeFilter
    template_name = "mentorship/mentee_list.html"


class MenteeDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = MENTOR_CARD_READERS
    template_name = "mentorship/mentee_detail.html"
    context_object_name = "mentee"

    def get_queryset(self):
        return mentees_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.roles & {Role.CURATOR, Role.COUNCIL, Role.HEAD} and self.object.is_active:
            context.update(suggestions=suggest_mentors(self.object), matching_explanation=EXPLANATION)
        context.update(
            can_propose=bool(self.roles & {Role.CURATOR, Role.COUNCIL}),
            show_difficulties=can_see_mentee_difficulties(self.request.user, self.object),
            can_edit=bool(self.roles & BANK_KEEPERS),
            can_edit_professional=bool(self.roles & PROFESSIONAL_KEEPERS) and not self.roles & BANK_KEEPERS,
            can_open_bank=bool(self.roles & BANK_READERS),
        )
        return context


class MenteeHistoryView(RoleRequiredMixin, RecordHistoryView):
    """The mentee's bank record's history, for whoever reads the record; the difficulties and the
    request read «скрыто» to those the record's page does not show them to."""

    allowed_roles = MENTOR_CARD_READERS

    def get_queryset(self):
        return mentees_for(self.request.user)

    def history_sources(self):
        mentee = self.object
        shown = can_see_mentee_difficulties(self.request.user, mentee)
        hidden = frozenset() if shown else frozenset(Mentee.SENSITIVE_FIELDS)
        return [Source("Банк наставляемых", Mentee.history.filter(id=mentee.pk), hidden=hidden)]


class MenteeCreateView(RoleRequiredMixin, PersonFromLinkMixin, ServiceFormMixin, CreateView):
    allowed_roles = BANK_KEEPERS
    form_class = MenteeForm
    template_name = "mentorship/mentee_form.html"
    success_message = "Наставляемый включён в банк."

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.roles & {Role.CURATOR, Role.HEAD}:
            for name in form.instance.SENSITIVE_FIELDS:
                form.fields.pop(name, None)
        return form

    def run_service(self, form):
        return mentee_save(mentee=form.instance, actor=self.request.user)


class MenteeUpdateView(RoleRequiredMixin, ServiceFormMixin, UpdateView):
    allowed_roles = BANK_KEEPERS
    form_class = MenteeForm
    template_name = "mentorship/mentee_form.html"
    context_object_name = "mentee"
    success_message = "Изменения сохранены."

    def get_queryset(self):
        return mentees_for(self.request.user)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # The administrator keeps the bank but never reads a mentee's difficulties.
        if not can_see_mentee_difficulties(self.request.user, self.object):
            for name in self.object.SENSITIVE_FIELDS:
                form.fields.pop(name, None)
        return form

    def run_service(self, form):
        return mentee_save(mentee=form.instance, actor=self.request.user)


class MenteeProfessionalUpdateView(RoleRequiredMixin, ServiceFormMixin, UpdateView):
    """A council member corrects a mentee's strengths and note (3.5); her difficulties and request are
    not theirs to read here, the rest of the record is the curator's."""

    allowed_roles = PROFESSIONAL_KEEPERS
    form_class = MenteeProfessionalForm
    template_name = "mentorship/professional_form.html"
    context_object_name = "record"
    success_message = "Изменения сохранены."

    def get_queryset(self):
        return mentees_for(self.request.user)

    def run_service(self, form):
        return mentee_save(mentee=form.instance, actor=self.request.user)


class MenteeConsentScanView(ProtectedFileView):
    allowed_roles = MENTOR_CARD_READERS
    file_field = "consent_scan"

    def file_title(self, mentee) -> str:
        return f"Согласие на обработку ПД — {mentee.person.full_name} (скан)"

    def get_queryset(self):
        return mentees_for(self.request.user)
