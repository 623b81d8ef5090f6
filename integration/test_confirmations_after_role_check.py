"""A confirmation page says what an action will do to a record, so it must come after the role
check: in every view that asks first (core.views.ConfirmedActionMixin), people.access's
RoleRequiredMixin stands before it in the view's bases."""

from django.urls import URLPattern, URLResolver, get_resolver

from core.views import ConfirmedActionMixin
from people.access import RoleRequiredMixin


def _views(resolver=None):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from _views(entry)
        elif isinstance(entry, URLPattern) and hasattr(entry.callback, "view_class"):
            yield entry.callback.view_class


def test_every_confirmation_is_shown_only_after_the_role_check():
    asking = [view for view in _views() if issubclass(view, ConfirmedActionMixin)]
    assert asking, "no view asks first: the test looks at nothing"
    wrong = [
        view.__qualname__
        for view in asking
        if not issubclass(view, RoleRequiredMixin)
        or view.__mro__.index(RoleRequiredMixin) > view.__mro__.index(ConfirmedActionMixin)
    ]
    assert wrong == []
