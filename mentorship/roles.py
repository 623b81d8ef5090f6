"""Who a user is in the mentoring system. Roles follow from records, so there is one truth:

- руководитель — the person is the head of our organization (its settings);
- куратор — the person holds the current curator appointment;
- член МО — the person is in the council's current composition;
- наставник / наставляемый — the person is in the bank of mentors / mentees (active);
- системный администратор — the login is a superuser (assigned, not derived).
"""

from django.db import models
from django.db.models import Exists, OuterRef


class Role(models.TextChoices):
    HEAD = "head", "Руководитель"
    CURATOR = "curator", "Куратор"
    COUNCIL = "council", "Член методического объединения"
    MENTOR = "mentor", "Наставник"
    MENTEE = "mentee", "Наставляемый"
    ADMIN = "admin", "Системный администратор"


# Who may open the bank (lists and cards of people, mentors, mentees).
BANK_READERS = frozenset({Role.HEAD, Role.CURATOR, Role.COUNCIL, Role.ADMIN})
# The curator keeps the bank together with the system administrator (3.4).
BANK_KEEPERS = frozenset({Role.CURATOR, Role.ADMIN})
# Who may read the history of changes of bank records.
HISTORY_READERS = frozenset({Role.HEAD, Role.CURATOR, Role.ADMIN})
EVERYONE = frozenset(Role)


def roles_of(user) -> frozenset[Role]:
    """The user's roles, computed in one query and remembered for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_mentorship_roles", None)
    if cached is not None:
        return cached
    from mentorship.models import (
        CouncilMembership,
        CuratorAppointment,
        Mentee,
        Mentor,
        Organization,
        Person,
    )

    roles = set()
    if user.is_superuser:
        roles.add(Role.ADMIN)
    person = (
        Person.objects.filter(user=user)
        .annotate(
            _is_head=Exists(Organization.objects.filter(kind=Organization.Kind.OWN, head=OuterRef("pk"))),
            _is_curator=Exists(CuratorAppointment.objects.filter(person=OuterRef("pk"), ended_on__isnull=True)),
            _is_council=Exists(
                CouncilMembership.objects.filter(person=OuterRef("pk"), status=CouncilMembership.Status.MEMBER)
            ),
            _is_mentor=Exists(Mentor.objects.filter(person=OuterRef("pk"), is_active=True)),
            _is_mentee=Exists(Mentee.objects.filter(person=OuterRef("pk"), is_active=True)),
        )
        .select_related("position", "organization")
        .first()
    )
    if person is not None and person.is_working:
        flags = {
            Role.HEAD: person._is_head,
            Role.CURATOR: person._is_curator,
            Role.COUNCIL: person._is_council,
            Role.MENTOR: person._is_mentor,
            Role.MENTEE: person._is_mentee,
        }
        roles.update(role for role, held in flags.items() if held)
    user._mentorship_person = person
    user._mentorship_roles = frozenset(roles)
    return user._mentorship_roles


def person_of(user):
    """The bank record of the logged-in user, or None (loaded together with the roles)."""
    if not user.is_authenticated:
        return None
    roles_of(user)
    return user._mentorship_person


def ordered_roles(roles) -> list[Role]:
    return [role for role in Role if role in roles]
