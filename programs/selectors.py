"""Who sees which program. A program carries the mentee's professional difficulties, so it is seen
only by the mentee, their mentor, the curator, the head and the council that reviews programs
(152-ФЗ; DOMAIN.md) — not by the system administrator. Evidence files are seen only by those
running the program: its mentor and mentees, the curator and the head."""

from collections.abc import Callable
from contextlib import contextmanager

from django.db.models import Q, QuerySet

from people.roles import Role, person_of, roles_of

from .models import Evidence, Program
from .roles import EVIDENCE_READERS, PROGRAM_READERS, PROGRAM_ROLES


def _own_scope(user, *, mentor_path: str, mentee_path: str) -> Q | None:
    roles = roles_of(user)
    person = person_of(user)
    if person is None:
        return None
    scope = Q()
    if Role.MENTOR in roles:
        scope |= Q(**{mentor_path: person})
    if Role.MENTEE in roles:
        scope |= Q(**{mentee_path: person})
    return scope or None


# role → (user) -> Q over Program: the programs a role of PROGRAM_READERS reads, narrowed by a higher
# app that knows more (the council's reviews and meetings: the mentee's consent promises the program
# only to the members who review it). A reader whose role has no scope registered reads every program.
_SCOPES: dict[Role, Callable] = {}


def register_scope(role: Role, scope: Callable) -> None:
    """`scope(user) -> Q` over Program: the programs the holder of `role` reads (besides their own pairs')."""
    _SCOPES[role] = scope


@contextmanager
def scopes_suspended():
    """Programs' own tests see programs alone: every reader reads every program."""
    saved = dict(_SCOPES)
    _SCOPES.clear()
    try:
        yield
    finally:
        _SCOPES.update(saved)


def reads_every_program(user) -> bool:
    """The user's roles let them read every program (no higher app narrows any of them)."""
    return any(role not in _SCOPES for role in roles_of(user) & PROGRAM_READERS)


def programs_for(user) -> QuerySet:
    """Programs with what their lists print: the head and the curator see all, the council all or the
    ones its scope names (a registered scope); a mentor or mentee the programs of their own pairs;
    anyone else none."""
    base = Program.objects.select_related("pairing__mentor__person", "pairing__direction").prefetch_related(
        "pairing__mentees__person"
    )
    if reads_every_program(user):
        return base
    scope = _own_scope(user, mentor_path="pairing__mentor__person", mentee_path="pairing__mentees__person")
    for role in roles_of(user) & PROGRAM_READERS:
        scope = (scope or Q()) | _SCOPES[role](user)
    if scope is None:
        return base.none()
    return base.filter(pk__in=Program.objects.filter(scope).values("pk"))


def evidence_for(user) -> QuerySet:
    """Evidence files the user may open: those running the program only (the council does not)."""
    base = Evidence.objects.select_related("record__program")
    if roles_of(user) & EVIDENCE_READERS:
        return base
    scope = _own_scope(
        user,
        mentor_path="record__program__pairing__mentor__person",
        mentee_path="record__program__pairing__mentees__person",
    )
    if scope is None:
        return base.none()
    return base.filter(pk__in=Evidence.objects.filter(scope).values("pk"))


def pair_programs(request, pairing) -> dict | None:
    """The programs of a pair, for the pair's page (the slot «mentorship.pairing.side»)."""
    if not roles_of(request.user) & PROGRAM_ROLES:
        return None
    return {"pair_programs": pairing.programs.all()}


def open_programs_of_person(person) -> QuerySet:
    """The programs not yet closed in which `person` is the mentor or a mentee, with their pair's people
    and plan, oldest first."""
    return (
        Program.objects.exclude(status__in=Program.CLOSED_STATUSES)
        .filter(Q(pairing__mentor__person=person) | Q(pairing__mentees__person=person))
        .distinct()
        .select_related("pairing__mentor__person", "pairing__direction")
        .prefetch_related("pairing__mentees__person", "items")
        .order_by("starts_on", "pk")
    )


def open_programs_of(request, person) -> list[Program]:
    """`open_programs_of_person`, read once per request: what the home page's tasks of several apps
    (diagnostics, surveys, reports…) look through."""
    cached = getattr(request, "_open_programs_of", None)
    if cached is not None and cached[0] == person.pk:
        return cached[1]
    programs = list(open_programs_of_person(person))
    if request is not None:
        request._open_programs_of = (person.pk, programs)
    return programs
