"""Who sees which growth records, and what the lists and cards read. Records are personal data:
the person their own, the head and the curator all, a mentor those of his current mentees
(growth/roles.py says why); the system administrator and the council none but their own."""

from django.db.models import Count, Q, QuerySet

from mentorship.models import Pairing
from people.roles import Role, person_of, roles_of

from .models import GrowthRecord, Kind, RewardProposal, RewardRule
from .roles import KEEPERS, READERS, REWARD_ROLES


def _base() -> QuerySet:
    # The program's pair is named by both sides (Pairing.sides): its mentees come in one prefetch.
    return GrowthRecord.objects.select_related(
        "person__position", "program__pairing__mentor__person", "program__pairing__direction", "order"
    ).prefetch_related("program__pairing__mentees__person")


def records_for(user) -> QuerySet:
    """The records the user may read: all (head, curator), or their own and their current
    mentees' (a mentor), or their own (anyone else with a staff record)."""
    roles = roles_of(user)
    if roles & READERS:
        return _base()
    person = person_of(user)
    if person is None:
        return _base().none()
    scope = Q(person=person)
    if Role.MENTOR in roles:
        mentees = Pairing.objects.current().filter(mentor__person=person).values("mentees__person")
        scope |= Q(person__in=mentees)
    return _base().filter(scope)


def own_records(user) -> QuerySet:
    person = person_of(user)
    if person is None:
        return _base().none()
    return _base().filter(person=person)


def editable_records(user) -> QuerySet:
    """The records the user may correct or delete: the curator any not written by an order; a person
    their own until the curator confirms them."""
    records = records_for(user).filter(order__isnull=True)
    if roles_of(user) & KEEPERS:
        return records
    person = person_of(user)
    if person is None:
        return records.none()
    return records.filter(person=person, status__in=(GrowthRecord.Status.PROPOSED, GrowthRecord.Status.RETURNED))


def awaiting_confirmation() -> QuerySet:
    return GrowthRecord.objects.filter(status=GrowthRecord.Status.PROPOSED)


def counts_by_kind(records) -> list[dict]:
    """[{kind, label, count}] of the records, every kind shown (0 included), one query."""
    counts = dict(records.order_by().values_list("kind").annotate(n=Count("pk")))
    return [{"kind": kind, "label": kind.label, "count": counts.get(kind.value, 0)} for kind in Kind]


def person_card(request, person) -> dict | None:
    """The growth section on a person's card (slot «people.person.card»): for the head and the curator."""
    if not roles_of(request.user) & READERS:
        return None
    records = GrowthRecord.objects.filter(person=person)
    return {
        "growth_counts": counts_by_kind(records),
        "growth_waiting": records.filter(status=GrowthRecord.Status.PROPOSED).count(),
        "growth_person": person,
    }


def home_tasks(request, person) -> dict | None:
    """On the home page, in one query: the curator's records to confirm; a person's records
    returned to them with a comment."""
    keeper = bool(roles_of(request.user) & KEEPERS)
    if person is None and not keeper:
        return None
    wanted = {}
    if keeper:
        wanted["growth_waiting"] = Count("pk", filter=Q(status=GrowthRecord.Status.PROPOSED))
    if person is not None:
        wanted["growth_returned"] = Count("pk", filter=Q(person=person, status=GrowthRecord.Status.RETURNED))
    counts = GrowthRecord.objects.aggregate(**wanted)
    return counts if any(counts.values()) else None


# --- rewards -----------------------------------------------------------------------------------------


def proposals_for(user) -> QuerySet:
    if not roles_of(user) & REWARD_ROLES:
        return RewardProposal.objects.none()
    return (
        RewardProposal.objects.select_related("proposed_by__person", "order")
        .prefetch_related("mentors__person", "programs__pairing__mentor__person", "programs__pairing__mentees__person")
        .all()
    )


def editable_proposals(user) -> QuerySet:
    """The proposals the user may correct and send again: the curator's returned ones."""
    return proposals_for(user).filter(status__in=RewardProposal.editable_states(roles_of(user)))


def rules_for(user) -> QuerySet:
    if not roles_of(user) & REWARD_ROLES:
        return RewardRule.objects.none()
    return RewardRule.objects.select_related("created_by")
