"""Who a user is in the mentoring system. Roles follow from records, so there is one truth:

- руководитель — the person is the head of our organization (its settings; this app);
- куратор, член МО, наставник, наставляемый — registered by mentorship from its records (the current
  curator appointment, the council's composition, the banks of mentors and mentees);
- системный администратор — the login is a superuser (assigned, not derived).

A role rule is a subquery «does this person hold the role» (`register_rule`), so all roles come in
one query, remembered for the request. Each app keeps its own sets of roles (who reads, who keeps
what) in its own `roles` module; these are the staff registry's.
"""

from collections.abc import Callable

from django.db import models
from django.db.models import Exists, OuterRef

from .models import Organization, Person


class Role(models.TextChoices):
    HEAD = "head", "Руководитель"
    CURATOR = "curator", "Куратор"
    COUNCIL = "council", "Член методического объединения"
    MENTOR = "mentor", "Наставник"
    MENTEE = "mentee", "Наставляемый"
    ADMIN = "admin", "Системный администратор"


EVERYONE = frozenset(Role)
# Who may open the staff registry (lists and cards of people) and the bank built on it.
STAFF_READERS = frozenset({Role.HEAD, Role.CURATOR, Role.COUNCIL, Role.ADMIN})
# The curator keeps the records together with the system administrator (3.4).
STAFF_KEEPERS = frozenset({Role.CURATOR, Role.ADMIN})
# Who may read the history of changes of people's records (and what left the system).
HISTORY_READERS = frozenset({Role.HEAD, Role.CURATOR, Role.ADMIN})
# The organization's requisites, its head and settings.
SETTINGS_KEEPERS = frozenset({Role.HEAD, Role.ADMIN})

# role → (person's pk as an OuterRef) → an Exists expression: «the person holds the role».
_RULES: dict[Role, Callable] = {}


def register_rule(role: Role, held_by: Callable) -> None:
    """`held_by(OuterRef("pk"))` must return an `Exists` over the app's records."""
    _RULES[role] = held_by


def _head_rule(person):
    return Exists(Organization.objects.filter(kind=Organization.Kind.OWN, head=person))


register_rule(Role.HEAD, _head_rule)


def roles_of(user) -> frozenset[Role]:
    """The user's roles, computed in one query and remembered for the request."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_roles", None)
    if cached is not None:
        return cached
    roles = set()
    if user.is_superuser:
        roles.add(Role.ADMIN)
    flags = {f"_holds_{role.value}": rule(OuterRef("pk")) for role, rule in _RULES.items()}
    person = Person.objects.filter(user=user).annotate(**flags).select_related("position", "organization").first()
    if person is not None and person.is_working:
        roles.update(role for role in _RULES if getattr(person, f"_holds_{role.value}"))
    user._person = person
    user._roles = frozenset(roles)
    return user._roles


def roles_held(person: Person) -> frozenset[Role]:
    """The roles the records give `person` (none when dismissed), whether or not they have a login;
    the system administrator's is not among them (it is a login's, not a record's)."""
    flags = {f"_holds_{role.value}": rule(OuterRef("pk")) for role, rule in _RULES.items()}
    held = Person.objects.filter(pk=person.pk).annotate(**flags).values(*flags, "status").first()
    if held is None or held["status"] != Person.Status.WORKING:
        return frozenset()
    return frozenset(role for role in _RULES if held[f"_holds_{role.value}"])


def person_of(user):
    """The staff record of the logged-in user, or None (loaded together with the roles)."""
    if user is None or not user.is_authenticated:
        return None
    roles_of(user)
    return user._person


def ordered_roles(roles) -> list[Role]:
    return [role for role in Role if role in roles]
