"""The admin site of «Наставник». Its own module: `admin.site` is built from this class the first
time it is used, while core.admin registers models on `admin.site` as it is imported."""

from functools import wraps

from django.contrib import admin
from django.core.exceptions import SuspiciousOperation


class NulInQuery(SuspiciousOperation):
    """A query value with the NUL character, which PostgreSQL refuses in any text."""


def refuse_nul(view):
    """Answer 400 to a query string with NUL in a name or a value, before the view builds a query
    from it: on PostgreSQL a search `q`, a filter value or an autocomplete `term` with NUL would
    otherwise end in a 500."""

    @wraps(view)
    def inner(request, *args, **kwargs):
        if any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()):
            raise NulInQuery("Символ NUL в параметрах запроса к администрированию.")
        return view(request, *args, **kwargs)

    return inner


class AdminSite(admin.AdminSite):
    """The admin of «Наставник» (config.apps.AdminConfig makes it the default `admin.site`): every
    view of every registered model, ours or a library's, refuses NUL in its query."""

    site_header = "Наставник: администрирование"
    site_title = "Наставник"
    index_title = "Данные системы"

    def admin_view(self, view, cacheable=False):
        return super().admin_view(refuse_nul(view), cacheable)
