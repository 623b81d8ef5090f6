"""Reads of the staff registry, scoped to the user and owning their joins."""

from django.db.models import QuerySet

from core import extensions

from .models import Person
from .roles import STAFF_READERS, roles_of

# The staff list's slot: the badges higher apps show beside a name (and the joins they need).
PERSON_BADGES = "people.person.badges"


def people_for(user) -> QuerySet:
    """People in the registry; only the staff readers see anyone."""
    if not roles_of(user) & STAFF_READERS:
        return Person.objects.none()
    return extensions.prepare(PERSON_BADGES, Person.objects.select_related("organization", "position"))
