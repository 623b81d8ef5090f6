"""Reads of the log: how far each program has got, what is overdue, the records, meetings and releases.

Progress comes from the plan alone (PlanItem): done — the item has its completion date; overdue —
the deadline has passed and it is not done; due — the rest. It is counted by the database for any
number of programs at once (subqueries, no join that would multiply rows), so a page with ten or a
hundred programs costs the same queries.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from mentorship.models import Mentee
from people.roles import Role, person_of, roles_of

from .models import ActivityRecord, Evidence, Meeting, PlanItem, Program, ReleaseRequest
from .roles import EVIDENCE_READERS, LOG_OVERSEERS, PARTICIPANTS, RELEASE_OVERSEERS
from .selectors import _own_scope, programs_for
from .services.program import roles_on


@dataclass(frozen=True)
class Progress:
    done: int
    due: int
    overdue: int

    @property
    def total(self) -> int:
        return self.done + self.due + self.overdue

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def overdue_percent(self) -> int:
        return round(100 * self.overdue / self.total) if self.total else 0


def _count(items: QuerySet) -> Coalesce:
    counted = items.filter(program=OuterRef("pk")).order_by().values("program").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_progress(programs: QuerySet, *, today: date | None = None) -> QuerySet:
    """Annotate `items_done`, `items_overdue`, `items_total` and `records_unconfirmed` in the same query."""
    today = today or timezone.localdate()
    return programs.annotate(
        items_total=_count(PlanItem.objects.all()),
        items_done=_count(PlanItem.objects.filter(done_on__isnull=False)),
        items_overdue=_count(PlanItem.objects.filter(done_on__isnull=True, deadline__lt=today)),
        records_unconfirmed=_count(ActivityRecord.objects.filter(confirmed_at__isnull=True)),
    )


def progress_of(program) -> Progress:
    """The progress of a program annotated by `with_progress`."""
    overdue = program.items_overdue
    return Progress(done=program.items_done, due=program.items_total - program.items_done - overdue, overdue=overdue)


def progress_for(programs, *, today: date | None = None) -> dict[int, Progress]:
    """Progress of many programs (objects or ids) in one query: {program id: Progress}."""
    today = today or timezone.localdate()
    ids = [getattr(program, "pk", program) for program in programs]
    rows = (
        PlanItem.objects.filter(program__in=ids)
        .order_by()
        .values("program")
        .annotate(
            total=Count("pk"),
            done=Count("pk", filter=Q(done_on__isnull=False)),
            overdue=Count("pk", filter=Q(done_on__isnull=True, deadline__lt=today)),
        )
    )
    result = {pk: Progress(0, 0, 0) for pk in ids}
    for row in rows:
        result[row["program"]] = Progress(
            done=row["done"], due=row["total"] - row["done"] - row["overdue"], overdue=row["overdue"]
        )
    return result


def overdue_items_by_program(program_ids, *, today: date | None = None) -> dict[int, list[PlanItem]]:
    """Overdue plan items of many programs in one query, earliest deadline first."""
    today = today or timezone.localdate()
    grouped = defaultdict(list)
    items = PlanItem.objects.filter(program__in=list(program_ids), done_on__isnull=True, deadline__lt=today).order_by(
        "deadline", "position", "pk"
    )
    for item in items:
        grouped[item.program_id].append(item)
    return grouped


# The head's and the curator's home page shows this many programs in work (those with overdue items
# first, then those ending soonest); the rest are counted by the database and are one link away.
HOME_PROGRAMS_SHOWN = 10


def _listed_programs(queryset: QuerySet, today: date, *, limit: int | None = None) -> list[Program]:
    ordered = (
        with_progress(queryset, today=today)
        .select_related("pairing__mentor__person", "pairing__direction")
        .prefetch_related(Prefetch("pairing__mentees", queryset=Mentee.objects.select_related("person")))
        .order_by("-items_overdue", "ends_on", "pk")
    )
    programs = list(ordered[:limit] if limit is not None else ordered)
    overdue = overdue_items_by_program([program.pk for program in programs], today=today) if programs else {}
    for program in programs:
        program.progress = progress_of(program)
        program.overdue_items = overdue.get(program.pk, [])
    return programs


def _in_work_counts(in_work: QuerySet, today: date) -> dict[str, int]:
    """How many programs are in work and how many of them have an overdue item: one query."""
    late = PlanItem.objects.filter(program=OuterRef("pk"), done_on__isnull=True, deadline__lt=today)
    return in_work.annotate(late=Exists(late)).aggregate(
        all_count=Count("pk"), all_overdue=Count("pk", filter=Q(late=True))
    )


def home_programs(user, *, today: date | None = None, limit: int = HOME_PROGRAMS_SHOWN) -> dict:
    """Programs in work for the home page, each with `.progress` and `.overdue_items`:
    `all` for the head and the curator — the first `limit` of them, overdue first, with
    `all_count` and `all_overdue` counted over every program in work —, `mine` where the user is the
    mentor, `as_mentee` where the mentee. A fixed number of queries whatever the number of programs:
    four for the head and the curator, three for a participant (seven for a curator who also mentors)."""
    today = today or timezone.localdate()
    roles = roles_of(user)
    person = person_of(user)
    in_work = Program.objects.filter(status__in=Program.IN_WORK_STATUSES)
    result = {"all": [], "all_count": 0, "all_overdue": 0, "mine": [], "as_mentee": []}
    if roles & LOG_OVERSEERS:
        result["all"] = _listed_programs(in_work, today, limit=limit)
        result.update(_in_work_counts(in_work, today))
    if not (PARTICIPANTS & roles and person is not None):
        return result
    scope = _own_scope(user, mentor_path="pairing__mentor__person", mentee_path="pairing__mentees__person")
    programs = _listed_programs(in_work.filter(pk__in=Program.objects.filter(scope).values("pk")), today)
    if Role.MENTOR in roles:
        result["mine"] = [p for p in programs if p.pairing.mentor.person_id == person.pk]
    if Role.MENTEE in roles:
        result["as_mentee"] = [p for p in programs if any(m.person_id == person.pk for m in p.pairing.mentees.all())]
    return result


def awaiting_confirmation(user) -> list[ActivityRecord]:
    """Records of the mentee's programs that the mentee has not confirmed yet (one query)."""
    person = person_of(user)
    if person is None or Role.MENTEE not in roles_of(user):
        return []
    return list(
        ActivityRecord.objects.filter(program__pairing__mentees__person=person, confirmed_at__isnull=True)
        .select_related("program", "item")
        .order_by("done_on", "pk")
        .distinct()
    )


# --- the log itself ----------------------------------------------------------------------------


def records_for(user) -> QuerySet:
    """Logged activities of the programs the user may open (programs_for), with what a page prints."""
    return ActivityRecord.objects.filter(program__in=programs_for(user).values("pk")).select_related(
        "program__pairing__mentor__person", "item", "confirmed_by", "logged_by__person"
    )


def is_mentor_of(user, program: Program) -> bool:
    return Role.MENTOR in roles_on(program, user, among={Role.MENTOR})


def is_mentee_of(user, program: Program) -> bool:
    return Role.MENTEE in roles_on(program, user, among={Role.MENTEE})


def is_participant(user, program: Program) -> bool:
    return is_mentor_of(user, program) or is_mentee_of(user, program)


def can_see_evidence(user, program: Program) -> bool:
    """Evidence files: those running the program (the council and the administrator do not)."""
    return bool(roles_of(user) & EVIDENCE_READERS) or is_participant(user, program)


def can_edit_record(user, record: ActivityRecord) -> bool:
    """The mentor who logged it, while the program is in work and the mentee has not confirmed."""
    return (
        record.logged_by_id == user.pk
        and record.confirmed_at is None
        and record.program.in_work
        and is_mentor_of(user, record.program)
    )


def program_log_context(program: Program, user, *, items: list[PlanItem] | None = None) -> dict:
    """What `programs/log/program_section.html` needs, under one key for the program's page:
    `{"log": program_log_context(program, request.user)}`. Five queries; three when the page has
    already loaded the plan and passes it as `items` (progress and what is overdue come from it)."""
    records = list(
        ActivityRecord.objects.filter(program=program)
        .select_related("item", "confirmed_by", "logged_by__person")
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "pk")))
    )
    mentor = is_mentor_of(user, program)
    for record in records:
        record.editable = mentor and record.logged_by_id == user.pk and record.confirmed_at is None and program.in_work
    participant = mentor or is_mentee_of(user, program)
    releases = []
    if participant or roles_of(user) & RELEASE_OVERSEERS:
        releases = list(
            ReleaseRequest.objects.filter(program=program).select_related("person", "substitute", "order", "item")
        )
    if items is None:
        progress = progress_for([program])[program.pk]
        overdue = overdue_items_by_program([program.pk]).get(program.pk, [])
    else:
        today = timezone.localdate()
        overdue = sorted((i for i in items if i.is_overdue(today)), key=lambda i: (i.deadline, i.position, i.pk))
        done = sum(1 for item in items if item.is_done)
        progress = Progress(done=done, due=len(items) - done - len(overdue), overdue=len(overdue))
    return {
        "program": program,
        "records": records,
        "progress": progress,
        "overdue_items": overdue,
        "can_log": mentor and program.in_work,
        "can_respond": is_mentee_of(user, program),
        "can_see_evidence": can_see_evidence(user, program),
        "can_request_release": participant and program.in_work,
        "releases": releases,
        "unconfirmed": sum(1 for record in records if record.confirmed_at is None),
    }


def meetings_for(user) -> QuerySet:
    """One-off meetings: the head and the curator see all, a mentor their own."""
    roles = roles_of(user)
    base = Meeting.objects.select_related("mentor__person", "form", "logged_by").prefetch_related("participants")
    if roles & LOG_OVERSEERS:
        return base
    person = person_of(user)
    if person is None or Role.MENTOR not in roles:
        return base.none()
    return base.filter(mentor__person=person)


def releases_for(user) -> QuerySet:
    """Requests for release from duty: the head and the curator see all; a mentor or a mentee those
    of their own programs (their colleagues in the pair should know who is away for the event)."""
    base = ReleaseRequest.objects.select_related(
        "program__pairing__mentor__person", "person", "substitute", "order", "item", "requested_by"
    ).order_by("-requested_at", "-pk")
    if roles_of(user) & RELEASE_OVERSEERS:
        return base
    scope = _own_scope(
        user, mentor_path="program__pairing__mentor__person", mentee_path="program__pairing__mentees__person"
    )
    if scope is None:
        return base.none()
    return base.filter(pk__in=ReleaseRequest.objects.filter(scope).values("pk"))
