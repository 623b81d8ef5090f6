"""A login given a password by the system (a new login, a reset) leads to the password change until
its user sets their own: the one-time password was seen by whoever handed it over."""

from django.shortcuts import redirect
from django.urls import reverse


class MustChangePasswordMiddleware:
    """After AuthenticationMiddleware: every page but the password change itself, sign-out and static
    files redirects there while `user.must_change_password` is set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            allowed = (reverse("accounts:password-change"), reverse("accounts:logout"))
            if request.path not in allowed and not request.path.startswith("/static/"):
                return redirect("accounts:password-change")
        return self.get_response(request)
