from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import FormView, TemplateView

from core.views import form_errors, show_outcome
from people.access import RoleRequiredMixin
from people.roles import EVERYONE

from .forms import PreferencesForm
from .models import Notice
from .selectors import centre, count_now, remember_count
from .services import address_of, email_stop, notice_read, preference_of, preferences_save, user_of_stop_token
from .sources import kinds_for


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


class NoticeReadView(RoleRequiredMixin, View):
    """A decision about the user, opened from the centre or a letter: marked read, then its page.
    Reading is the act the notice asks for, so a GET marks it; another's notice is a 404."""

    allowed_roles = EVERYONE
    allow_without_role = True

    def get(self, request, pk):
        notice = get_object_or_404(Notice.objects.filter(user=request.user), pk=pk)
        notice_read(notice=notice, actor=request.user)
        return redirect(notice.url)


class PreferencesView(RoleRequiredMixin, FormView):
    """«Письма на почту»: whether the daily letter comes and which kinds it brings; one's own only."""

    allowed_roles = EVERYONE
    allow_without_role = True
    template_name = "notices/preferences.html"
    form_class = PreferencesForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        preference = preference_of(self.request.user)
        offered = [kind for kind, _label in kinds_for(self.request.user)]
        return {
            "wants_email": preference.wants_email,
            "email_kinds": [kind for kind in offered if kind not in preference.muted_kinds],
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(address=address_of(self.request.user), **kwargs)

    def form_valid(self, form):
        try:
            outcome = preferences_save(
                user=self.request.user,
                email_kinds=form.cleaned_data["email_kinds"],
                wants_email=form.cleaned_data["wants_email"],
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        show_outcome(self.request, outcome, "Настройки писем сохранены")
        return redirect("notices:preferences")


@method_decorator(login_not_required, name="dispatch")
class StopView(TemplateView):
    """The link in every letter: stops all letters without logging in. Public, so it asks first (a
    mail scanner that opens links stops nothing) and answers 404 for a damaged or forged link."""

    template_name = "notices/stop.html"

    def dispatch(self, request, *args, **kwargs):
        self.owner = user_of_stop_token(kwargs["token"])
        if self.owner is None:
            raise Http404("Ссылка повреждена или не наша.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("stopped", not preference_of(self.owner).wants_email)
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        email_stop(user=self.owner)
        return self.render_to_response(self.get_context_data(stopped=True, just_stopped=True))
