"""The permission layer. Every view but login passes through `RoleRequiredMixin`:
no role → 403; objects are scoped in `get_queryset()`, so another's record → 404."""

import mimetypes
from pathlib import Path

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.views.generic import DetailView

from core.views import FilteredListView

from .roles import Role, person_of, roles_of


class RoleRequiredMixin:
    """Allow the view to users holding at least one of `allowed_roles`."""

    allowed_roles: frozenset[Role] = frozenset()
    # Only for pages about the user themself (home, own profile): any logged-in user.
    allow_without_role: bool = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.allow_without_role and not (roles_of(request.user) & self.allowed_roles):
            raise PermissionDenied("Эта страница недоступна для вашей роли.")
        return super().dispatch(request, *args, **kwargs)

    @property
    def roles(self) -> frozenset[Role]:
        return roles_of(self.request.user)

    @property
    def person(self):
        return person_of(self.request.user)


class ScopedListView(RoleRequiredMixin, FilteredListView):
    """A list page for `allowed_roles` over a selector that scopes the rows to the user."""


class ProtectedFileView(RoleRequiredMixin, DetailView):
    """Streams an uploaded file to those who may see its object; there is no public URL."""

    file_field = ""

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        stored = getattr(obj, self.file_field)
        if not stored:
            raise Http404("Файл не загружен.")
        try:
            handle = stored.open("rb")
        except FileNotFoundError as error:
            raise Http404("Файл не найден.") from error
        name = Path(stored.name).name
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = FileResponse(handle, content_type=content_type, filename=name)
        response["Cache-Control"] = "private, no-store"
        return response
