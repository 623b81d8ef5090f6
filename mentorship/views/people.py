from django.urls import reverse
from django.views.generic import CreateView, DetailView, UpdateView

from ..access import RoleRequiredMixin, can_see_mentee_difficulties
from ..filters import PersonFilter
from ..forms import PersonForm
from ..history import person_history
from ..roles import BANK_KEEPERS, BANK_READERS, HISTORY_READERS
from ..selectors import people_for, publication_consents_of
from ..services import mentor_warnings, person_save
from .base import BankListView, ServiceFormMixin


class PersonListView(BankListView):
    allowed_roles = BANK_READERS
    selector = people_for
    filterset_class = PersonFilter
    template_name = "mentorship/person_list.html"


class PersonDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = BANK_READERS
    template_name = "mentorship/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return people_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        mentor = getattr(person, "mentor", None)
        mentee = getattr(person, "mentee", None)
        context.update(
            mentor=mentor,
            mentee=mentee,
            mentor_warnings=mentor_warnings(mentor) if mentor else [],
            show_difficulties=mentee is not None and can_see_mentee_difficulties(self.request.user, mentee),
            publication_consents=publication_consents_of(person),
            can_edit=bool(self.roles & BANK_KEEPERS),
            can_read_history=bool(self.roles & HISTORY_READERS),
        )
        return context


class PersonCreateView(RoleRequiredMixin, ServiceFormMixin, CreateView):
    allowed_roles = BANK_KEEPERS
    form_class = PersonForm
    template_name = "mentorship/person_form.html"
    success_message = "Сотрудник добавлен."

    def run_service(self, form):
        return person_save(person=form.instance, actor=self.request.user)


class PersonUpdateView(RoleRequiredMixin, ServiceFormMixin, UpdateView):
    allowed_roles = BANK_KEEPERS
    form_class = PersonForm
    template_name = "mentorship/person_form.html"
    context_object_name = "person"
    success_message = "Изменения сохранены."

    def get_queryset(self):
        return people_for(self.request.user)

    def run_service(self, form):
        return person_save(person=form.instance, actor=self.request.user)


class PersonHistoryView(RoleRequiredMixin, DetailView):
    allowed_roles = HISTORY_READERS
    template_name = "mentorship/person_history.html"
    context_object_name = "person"

    def get_queryset(self):
        return people_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mentee = getattr(self.object, "mentee", None)
        show = mentee is None or can_see_mentee_difficulties(self.request.user, mentee)
        context["entries"] = person_history(self.object, show_sensitive=show)
        context["back_url"] = reverse("mentorship:person-detail", args=[self.object.pk])
        return context
