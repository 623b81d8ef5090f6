"""Reads. Each selector scopes to what the user may see and owns the joins, so every page
built on it shows the same rows with a constant number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from core.dates import add_months
from people.models import Organization, Person
from people.roles import Role, person_of, roles_of
from records.models import Order

from .models import BankRefresh, CooperationAgreement, Mentee, Mentor, MentoringAgreement, Pairing, PublicationConsent
from .roles import BANK_READERS, PAY_READERS


def _current_pairings() -> QuerySet:
    return Pairing.objects.current().select_related("mentor__person", "direction")


def scoped(
    base: QuerySet, user, *, as_mentor, as_mentee, distinct: bool = False, readers: frozenset = BANK_READERS
) -> QuerySet:
    """The one rule of record scoping: `readers` (the bank's, unless another app names its own,
    as the programs' log overseers) see everything; a mentor or a mentee only what
    `as_mentor(person)` / `as_mentee(person)` select; anyone else nothing."""
    roles = roles_of(user)
    if roles & readers:
        return base
    person = person_of(user)
    if person is None:
        return base.none()
    scope = Q()
    if Role.MENTOR in roles:
        scope |= as_mentor(person)
    if Role.MENTEE in roles:
        scope |= as_mentee(person)
    if not scope:
        return base.none()
    return base.filter(scope).distinct() if distinct else base.filter(scope)


def mentors_for(user) -> QuerySet:
    """Mentors with their load. Readers of the bank see all; a mentor sees themself; a mentee their mentor."""
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
    return scoped(
        base,
        user,
        as_mentor=lambda person: Q(person=person),
        as_mentee=lambda person: Q(pk__in=Pairing.objects.current().filter(mentees__person=person).values("mentor")),
    )


def mentees_for(user) -> QuerySet:
    """Mentees with their current mentor. Readers see all; a mentor their own mentees; a mentee themself."""
    base = (
        Mentee.objects.select_related("person__organization", "person__position", "category")
        .prefetch_related(Prefetch("pairings", queryset=_current_pairings(), to_attr="current_pairings"))
        .annotate(has_mentor=Exists(Pairing.objects.current().filter(mentees=OuterRef("pk"))))
    )
    return scoped(
        base,
        user,
        as_mentor=lambda person: Q(pk__in=Pairing.objects.current().filter(mentor__person=person).values("mentees")),
        as_mentee=lambda person: Q(person=person),
    )


def publication_consents_of(person) -> QuerySet:
    return PublicationConsent.objects.filter(person=person).order_by("-given_on", "-pk")


def publishable_data_by_person(on: date | None = None) -> dict[int, frozenset[str]]:
    """What each person lets the website publish on `on` (today): person id → the PublishableData
    values of their latest consent in force (PublicationConsent.is_in_force, as a query). A person
    absent from the map has no consent in force — nothing of theirs is published. One query; read at
    every request, so a withdrawal takes effect at once."""
    on = on or timezone.localdate()
    in_force = (
        PublicationConsent.objects.filter(given_on__lte=on)
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on))
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        .order_by("person_id", "-given_on", "-pk")
        .values_list("person_id", "data")
    )
    allowed: dict[int, frozenset[str]] = {}
    for person_id, data in in_force:
        allowed.setdefault(person_id, frozenset(data or ()))
    return allowed


# Who should have a mentor (DOMAIN.md: mentee categories): young specialists, newcomers, new in the post.
YOUNG_SPECIALIST_MONTHS = 36
NEWCOMER_MONTHS = 12
REFRESH_EVERY_MONTHS = 12


@dataclass
class RefreshCandidate:
    person: Person
    reasons: list[str]
    category_name: str


def refresh_candidates(*, today: date | None = None) -> list[RefreshCandidate]:
    """Our working pedagogical staff who should be mentees and are not, each with the reasons.

    Young specialists (≤ 3 years of teaching), hired in the last 12 months, or moved to a new
    post in the last 12 months — and not in the mentee bank nor mentored now.
    """
    today = today or timezone.localdate()
    young_since = add_months(today, -YOUNG_SPECIALIST_MONTHS)
    recent = add_months(today, -NEWCOMER_MONTHS)
    people = (
        Person.objects.working()
        .filter(organization__kind=Organization.Kind.OWN, position__is_pedagogical=True)
        .filter(Q(teaching_since__gte=young_since) | Q(hired_on__gte=recent) | Q(position_since__gte=recent))
        .exclude(mentee__is_active=True)
        .exclude(pk__in=Pairing.objects.current().values("mentees__person"))
        .select_related("position")
        .order_by("last_name", "first_name", "pk")
    )
    candidates = []
    for person in people:
        reasons, category = [], None
        if person.teaching_since and person.teaching_since >= young_since:
            reasons.append(f"педстаж {person.teaching_experience} — до 3 лет")
            category = "Молодой специалист"
        if person.hired_on and person.hired_on >= recent:
            reasons.append(f"{person.gendered('принят', 'принята')} {person.hired_on:%d.%m.%Y}")
            category = category or "Новый сотрудник детского сада"
        new_post = person.position_since and person.position_since >= recent
        if new_post and (person.hired_on is None or person.position_since > person.hired_on):
            reasons.append(f"в должности «{person.position}» с {person.position_since:%d.%m.%Y}")
            category = category or "Назначен на новую должность"
        if reasons:
            candidates.append(RefreshCandidate(person, reasons, category))
    return candidates


def last_refresh(organization) -> BankRefresh | None:
    return BankRefresh.objects.filter(organization=organization).select_related("done_by__person").first()


def refresh_is_due(latest: BankRefresh | None, *, today: date | None = None) -> bool:
    """3.4: the list of staff who need a mentor is refreshed at least once a year."""
    today = today or timezone.localdate()
    return latest is None or timezone.localdate(latest.done_at) <= add_months(today, -REFRESH_EVERY_MONTHS)


def pairings_for(user) -> QuerySet:
    """Pairs with everything their pages show. Readers of the bank see all; a mentor and a mentee theirs."""
    base = (
        Pairing.objects.select_related("mentor__person__position", "mentor__person__organization", "direction")
        .prefetch_related("mentees__person__position", "mentees__category", "forms", "consents")
        .order_by("-starts_on", "-pk")
    )
    return scoped(
        base,
        user,
        as_mentor=lambda person: Q(mentor__person=person),
        as_mentee=lambda person: Q(mentees__person=person),
        distinct=True,
    )


def approval_queue() -> QuerySet:
    """Pairs awaiting the head (the pairs section of the queue in queue.py)."""
    return (
        Pairing.objects.filter(status=Pairing.Status.AWAITING_APPROVAL)
        .select_related("mentor__person__position", "mentor__person__organization", "direction", "proposed_by__person")
        .prefetch_related("mentees__person__position", "mentees__category", "forms", "consents__person")
        .order_by("starts_on", "pk")
    )


def agreements_for(user) -> QuerySet:
    """Additional agreements (ТК РФ ст. 351.8): the pay readers see all; a mentor their own."""
    base = MentoringAgreement.objects.select_related(
        "mentor__person", "pairing", "order__organization", "amends", "amended_by"
    ).order_by("date", "pk")
    roles = roles_of(user)
    if roles & PAY_READERS:
        return base
    person = person_of(user)
    if Role.MENTOR in roles and person is not None:
        return base.filter(mentor__person=person)
    return base.none()


def cooperation_agreements_for(user) -> QuerySet:
    """Partners' cooperation agreements, as the pages that show them are scoped: the bank's readers
    see all (the list of organizations); a mentor from a partner its agreements (her card and her
    pairs show them); a mentee those of the partners whose people mentor or mentored her."""
    return scoped(
        CooperationAgreement.objects.select_related("partner"),
        user,
        as_mentor=lambda person: Q(partner__people=person),
        as_mentee=lambda person: Q(partner__people__mentor__pairings__mentees__person=person),
        distinct=True,
    )


def cooperation_agreements_of(organization) -> QuerySet:
    return CooperationAgreement.objects.filter(partner=organization).order_by("-signed_on", "-pk")


def agreements_in_month(first: date, last: date) -> QuerySet:
    """Agreements in force on at least one day of [first, last] for pairs under order: the rows
    of the monthly pay list. Only the last of a chain of term changes counts (it has the whole term);
    an agreement that ends another sets no pay, the one it ends does, to its last day."""
    return (
        MentoringAgreement.objects.filter(
            Q(amended_by__isnull=True) | Q(amended_by__kind=MentoringAgreement.Kind.END),
            starts_on__lte=last,
            ends_on__gte=first,
            pairing__status__in=Pairing.UNDER_ORDER_STATUSES,
        )
        .exclude(kind=MentoringAgreement.Kind.END)
        .exclude(ended_on__lt=first)
        .exclude(pairing__ended_on__lt=first)
        .select_related("mentor__person__position", "pairing__direction", "order")
        .prefetch_related("pairing__mentees__person")
        .order_by("mentor__person__last_name", "mentor__person__first_name", "mentor_id", "starts_on", "pk")
    )


def pairings_under_order_in_month(first: date, last: date) -> QuerySet:
    """Pairs under order on at least one day of the month, each knowing whether its current mentor
    has an agreement on it (for the pay list's warnings and its partners' section)."""
    return (
        Pairing.objects.filter(status__in=Pairing.UNDER_ORDER_STATUSES, starts_on__lte=last, planned_end_on__gte=first)
        .exclude(ended_on__lt=first)
        .annotate(
            has_agreement=Exists(MentoringAgreement.objects.filter(pairing=OuterRef("pk"), mentor=OuterRef("mentor")))
        )
        .select_related("mentor__person__organization", "direction")
        .prefetch_related("mentees__person")
        .order_by("mentor__person__last_name", "mentor__person__first_name", "pk")
    )


def pairings_in_force_for_register(day: date) -> QuerySet:
    """The rows of the register of pairs and groups on `day` (реестр наставнических пар): pairs under
    order that work on `day` and whose term has not run out, with everything the register prints —
    the people and their posts, the forms, the numbered orders and the agreements — in a constant
    number of queries however many pairs there are."""
    return (
        Pairing.objects.in_force_on(day)
        .filter(planned_end_on__gte=day)
        .select_related("mentor__person__position", "mentor__person__organization", "direction")
        .prefetch_related(
            "mentees__person__position",
            "forms",
            Prefetch(
                "orders",
                queryset=Order.objects.exclude(number_text="").order_by("date", "number", "pk"),
                to_attr="numbered_orders",
            ),
            Prefetch(
                "agreements",
                queryset=MentoringAgreement.objects.filter(amended_by__isnull=True).order_by("date", "pk"),
                to_attr="last_agreements",
            ),
        )
        .order_by("mentor__person__last_name", "mentor__person__first_name", "starts_on", "pk")
    )
