from django.urls import reverse

from .selectors import bell_count


def bell(request):
    """The bell in the navbar (base.html) from the session only: it adds no query to any page. When the
    session has no fresh count, the bell says nothing yet and static/js/bell.js asks notices:bell-count,
    which counts and remembers (at most once per a few minutes); the centre page counts too."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    count = bell_count(request.session)
    return {"bell": {"count": count, "stale": count is None, "refresh_url": reverse("notices:bell-count")}}
