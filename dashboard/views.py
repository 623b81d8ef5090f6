from django.views.generic import TemplateView

from people.access import RoleRequiredMixin
from people.roles import EVERYONE

from .selectors import home_context


class HomeView(RoleRequiredMixin, TemplateView):
    """Everyone's landing page: a section for each role the person holds."""

    allowed_roles = EVERYONE
    allow_without_role = True  # a colleague with a login and no role yet is told so here
    template_name = "dashboard/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**home_context(self.request.user), **kwargs)
