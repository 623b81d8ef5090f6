"""The permission layer. Every view but login passes through `RoleRequiredMixin`:
no role → 403; objects are scoped in `get_queryset()`, so another's record → 404."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.views.generic import DetailView

from core.files import stored_file_response
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
    """Sends an uploaded file to those who may see its object, as a download (core.files.stored_file_response);
    there is no public URL."""

    file_field = ""

    def file_title(self, obj) -> str:
        """The readable name the file is saved under, without its extension: «Приказ 5-ОД от 30.11.2026»."""
        return str(obj)

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        return stored_file_response(getattr(obj, self.file_field), name=self.file_title(obj))
