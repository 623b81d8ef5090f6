"""Reads. Each selector scopes to what the user may see and owns the joins, so every page
built on it shows the same rows with a constant number of queries."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from .models import Mentee, Mentor, Pairing, Person, PublicationConsent
from .roles import BANK_READERS, Role, person_of, roles_of


def _current_pairings() -> QuerySet:
    return Pairing.objects.current().select_related("mentor__person", "direction")


def people_for(user) -> QuerySet:
    """People in the bank; only the bank's readers see anyone."""
    if not roles_of(user) & BANK_READERS:
        return Person.objects.none()
    return Person.objects.select_related("organization", "position", "mentor", "mentee")


def mentors_for(user) -> QuerySet:
    """Mentors with their load. Readers of the bank see all; a mentor sees themself; a mentee their mentor."""
    roles = roles_of(user)
    base = (
        Mentor.objects.select_related("person__organization", "person__position")
        .prefetch_related("directions")
        .annotate(
            current_mentees=Count(
                "pairings__mentees", filter=Q(pairings__status__in=Pairing.CURRENT_STATUSES), distinct=True
            )
        )
        # A grouped query drops Meta.ordering; pages must not shuffle between requests.
        .order_by("person__last_name", "person__first_name", "pk")
    )
    if roles & BANK_READERS:
        return base
    person = person_of(user)
    if person is None:
        return base.none()
    scope = Q()
    if Role.MENTOR in roles:
        scope |= Q(person=person)
    if Role.MENTEE in roles:
        scope |= Q(pk__in=Pairing.objects.current().filter(mentees__person=person).values("mentor"))
    return base.filter(scope) if scope else base.none()


def mentees_for(user) -> QuerySet:
    """Mentees with their current mentor. Readers see all; a mentor their own mentees; a mentee themself."""
    roles = roles_of(user)
    base = (
        Mentee.objects.select_related("person__organization", "person__position", "category")
        .prefetch_related(Prefetch("pairings", queryset=_current_pairings(), to_attr="current_pairings"))
        .annotate(has_mentor=Exists(Pairing.objects.current().filter(mentees=OuterRef("pk"))))
    )
    if roles & BANK_READERS:
        return base
    person = person_of(user)
    if person is None:
        return base.none()
    scope = Q()
    if Role.MENTOR in roles:
        scope |= Q(pk__in=Pairing.objects.current().filter(mentor__person=person).values("mentees"))
    if Role.MENTEE in roles:
        scope |= Q(person=person)
    return base.filter(scope) if scope else base.none()


def publication_consents_of(person) -> QuerySet:
    return PublicationConsent.objects.filter(person=person).order_by("-given_on", "-pk")
