from django.http import JsonResponse
from django.views import View
from django.views.generic import TemplateView

from people.access import RoleRequiredMixin
from people.roles import EVERYONE

from .selectors import centre, count_now, remember_count


class CentreView(RoleRequiredMixin, TemplateView):
    """«Уведомления»: what the user must act on, grouped by kind, each linking to its page. Opening it
    also refreshes the bell's count."""

    allowed_roles = EVERYONE
    allow_without_role = True  # someone with no role yet is told there is nothing
    template_name = "notices/centre.html"

    def get_context_data(self, **kwargs):
        groups = centre(self.request.user)
        remember_count(self.request.session, sum(len(group["items"]) for group in groups))
        return super().get_context_data(groups=groups, **kwargs)


class BellCountView(RoleRequiredMixin, View):
    """The bell's number for static/js/bell.js, counted now and remembered in the session."""

    allowed_roles = EVERYONE
    allow_without_role = True

    def get(self, request):
        return JsonResponse({"count": count_now(request.session, request.user)})
