from django.views.generic import TemplateView

from people.access import RoleRequiredMixin
from people.roles import EVERYONE

from ..selectors import mentees_for, mentors_for, publication_consents_of


class MyProfileView(RoleRequiredMixin, TemplateView):
    """What the bank holds about me: my card, my mentor or mentee record, my consents."""

    allowed_roles = EVERYONE
    allow_without_role = True
    template_name = "mentorship/my_profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.person
        context["person"] = person
        if person is not None:
            context["mentor"] = mentors_for(self.request.user).filter(person=person).first()
            context["mentee"] = mentees_for(self.request.user).filter(person=person).first()
            context["publication_consents"] = publication_consents_of(person)
        return context
