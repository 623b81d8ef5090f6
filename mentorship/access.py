"""The permission layer. Every view but login passes through `RoleRequiredMixin`:
no role → 403; objects are scoped in `get_queryset()`, so another's record → 404."""

from django.core.exceptions import PermissionDenied

from .roles import Role, person_of, roles_of


class RoleRequiredMixin:
    """Allow the view to users holding at least one of `allowed_roles`."""

    allowed_roles: frozenset[Role] = frozenset()
    # Only for pages about the user themself (home, own profile): any logged-in user.
    allow_without_role: bool = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

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


def can_see_mentee_difficulties(user, mentee) -> bool:
    """Difficulties and the request: the mentee, their current mentor, the curator and the head.

    Council members will see them for the programs they review (programs issue); the system
    administrator never does.
    """
    roles = roles_of(user)
    if roles & {Role.CURATOR, Role.HEAD}:
        return True
    person = person_of(user)
    if person is None:
        return False
    if mentee.person_id == person.pk:
        return True
    return Role.MENTOR in roles and mentee.pairings.current().filter(mentor__person=person).exists()
