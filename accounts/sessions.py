"""Sign-out after a time without requests. Django counts a session's age from its last save; saving
on every request (SESSION_SAVE_EVERY_REQUEST) would write to the database on every page. Instead the
session remembers when it was last seen and is saved again only when that was a few minutes ago, so
the idle limit (SESSION_COOKIE_AGE) holds within those few minutes at one write per few minutes."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

SEEN = "_seen"
# How stale «last seen» may get before a request saves the session again.
REFRESH_AFTER_SECONDS = 5 * 60


@receiver(user_logged_in, dispatch_uid="accounts-session-seen-at-login")
def seen_at_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SEEN] = int(time.time())


class IdleTimeoutMiddleware:
    """Inside SessionMiddleware: a signed-in request seen long enough after the last save marks the
    session modified, so SessionMiddleware saves it with a new expiry on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is None or user is None or not user.is_authenticated or session.get_expire_at_browser_close():
            return response
        now = int(time.time())
        if now - session.get(SEEN, 0) > REFRESH_AFTER_SECONDS:
            session[SEEN] = now
        return response
