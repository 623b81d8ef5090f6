from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from .forms import LoginForm


class LoginView(auth_views.LoginView):
    """Sign-in; on a shared computer the session ends when the browser closes."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.cleaned_data.get("public_computer"):
            self.request.session.set_expiry(0)
        else:
            self.request.session.set_expiry(settings.SESSION_COOKIE_AGE)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """The user's own password. A one-time password set by the system is replaced here, and the
    must-change mark goes with it (accounts.middleware)."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password-change-done")

    def form_valid(self, form):
        form.user.must_change_password = False  # saved by form.save() with the new password
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(must_change=self.request.user.must_change_password, **kwargs)
