"""What a mentor's portfolio reads: everything comes from the records other apps keep (the bank, pairs
and their orders, programs and their plan, diagnostics, surveys, growth records, the log's evidence),
nothing is typed twice. `portfolio_of` reads it all in a fixed number of queries, whatever the number
of pairs, programs and records (portfolio/tests/test_queries.py pins it).

What the portfolio leaves out on purpose: the mentees' professional difficulties and requests, their
diagnostics competency by competency, and any single survey answer (only averages over at least
`roles.MIN_RESPONDENTS` mentees).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Min, Prefetch, QuerySet

from diagnostics.growth import COLUMNS, growth_of
from diagnostics.models import Diagnostic, Rating
from growth.models import GrowthRecord, Kind
from mentorship.models import Mentee, Mentor, Pairing
from people.roles import person_of, roles_of
from programs.models import Evidence, Program
from programs.progress import progress_for
from records.models import Order
from surveys.models import Answer, Questionnaire, Response
from surveys.selectors import scale_averages

from .roles import MIN_RESPONDENTS, OWNERS, READERS

# A portfolio shows what was fixed and done: pairs under order, programs from their approval on.
PAIR_STATUSES = Pairing.UNDER_ORDER_STATUSES
PROGRAM_STATUSES = tuple(s for s in Program.Status if s not in (Program.Status.DRAFT, Program.Status.REVIEW))
CLOSED_PAIR_STATUSES = (Pairing.Status.COMPLETED, Pairing.Status.TERMINATED)


def mentors_for(user) -> QuerySet:
    """The mentors whose portfolio the user may open: any (the head, the curator), her own (a mentor),
    none (anyone else). A mentor who left the bank keeps her portfolio."""
    base = Mentor.objects.select_related("person__position", "person__organization").prefetch_related("directions")
    roles = roles_of(user)
    if roles & READERS:
        return base
    person = person_of(user)
    if roles & OWNERS and person is not None:
        return base.filter(person=person)
    return base.none()


def can_read(user, person) -> bool:
    """Whether a link to `person`'s portfolio makes sense for the user, before knowing that she is a
    mentor (the caller checks that): the head and the curator, or the person herself as a mentor."""
    roles = roles_of(user)
    if roles & READERS:
        return True
    own = person_of(user)
    return bool(roles & OWNERS) and own is not None and own.pk == person.pk


# --- the sections -------------------------------------------------------------------------------------


@dataclass
class MenteeGrowth:
    """One mentee's diagnostics in one program, as averages over the competencies rated (scale 1–5)."""

    program: Program
    person: object
    competencies: int
    self_start: float | None
    self_end: float | None
    mentor_start: float | None
    mentor_end: float | None
    grew_self: int
    grew_mentor: int


@dataclass
class Satisfaction:
    """The mentees' end-survey answers about this mentor's programs: averages per scale question, shown
    only when at least MIN_RESPONDENTS mentees answered (and per question, as many answered it)."""

    respondents: int
    rows: list = field(default_factory=list)  # {question, average, count, shown}
    minimum: int = MIN_RESPONDENTS

    @property
    def enough(self) -> bool:
        return self.respondents >= self.minimum


@dataclass
class Portfolio:
    mentor: Mentor
    pairs: list
    programs: list
    growth: list
    satisfaction: Satisfaction
    later_results: list
    retention: list
    own_records: list  # [{kind, label, records, hours}]
    evidence: list

    @property
    def person(self):
        return self.mentor.person

    @property
    def still_working(self) -> int:
        return sum(1 for row in self.retention if row["person"].is_working)


def _average(values) -> float | None:
    numbers = [value for value in values if value is not None]
    return round(sum(numbers) / len(numbers), 1) if numbers else None


_COLUMN = {(stage, author): index for index, (stage, author, _label, _colour) in enumerate(COLUMNS)}


def _growth_rows(programs: list[Program]) -> list[MenteeGrowth]:
    """diagnostics.growth's rows of each mentee of each program, summed up: two queries in all."""
    by_program = defaultdict(list)
    diagnostics = Diagnostic.objects.filter(program__in=[program.pk for program in programs]).prefetch_related(
        Prefetch("ratings", queryset=Rating.objects.select_related("competency"))
    )
    for diagnostic in diagnostics:
        by_program[diagnostic.program_id].append(diagnostic)
    columns = {
        name: _COLUMN[(stage, author)]
        for name, stage, author in (
            ("self_start", Diagnostic.Stage.START, Diagnostic.Author.MENTEE),
            ("self_end", Diagnostic.Stage.END, Diagnostic.Author.MENTEE),
            ("mentor_start", Diagnostic.Stage.START, Diagnostic.Author.MENTOR),
            ("mentor_end", Diagnostic.Stage.END, Diagnostic.Author.MENTOR),
        )
    }
    result = []
    for program in programs:
        mentees = [mentee.person for mentee in program.pairing.mentees.all()]
        for growth in growth_of(program, mentees, by_program[program.pk]):
            if not growth.rows:
                continue
            averages = {name: _average(row.scores[index] for row in growth.rows) for name, index in columns.items()}
            result.append(
                MenteeGrowth(
                    program=program,
                    person=growth.person,
                    competencies=len(growth.rows),
                    grew_self=sum(1 for row in growth.rows if (row.self_growth or 0) > 0),
                    grew_mentor=sum(1 for row in growth.rows if (row.mentor_growth or 0) > 0),
                    **averages,
                )
            )
    return result


def _satisfaction(program_ids: list[int]) -> Satisfaction:
    """Averages of the mentees' end surveys of these programs, per question (by its text: each year's
    questionnaire is a copy, the same question in another year is the same question). One query; the
    mentees counted are those whose scale answers are averaged (a refusal or a draft is no answer)."""
    answers = Answer.objects.filter(
        response__program__in=program_ids,
        response__stage=Response.Stage.END,
        response__questionnaire__audience=Questionnaire.Audience.MENTEE,
    )
    rows = list(
        scale_averages(answers, by=("question__text",))
        .annotate(position=Min("question__position"))
        .order_by("position", "question__text")
    )
    respondents = max((row["respondents"] for row in rows), default=0)
    if respondents < MIN_RESPONDENTS:
        return Satisfaction(respondents=respondents)  # the averages stay here: not even in the context
    return Satisfaction(
        respondents=respondents,
        rows=[
            {
                "question": row["question__text"],
                "average": round(row["average"], 1) if row["average"] is not None else None,
                "count": row["respondents"],
                "shown": row["respondents"] >= MIN_RESPONDENTS,
            }
            for row in rows
        ],
    )


def _own_records(person) -> list[dict]:
    records = defaultdict(list)
    for record in GrowthRecord.objects.filter(person=person, status=GrowthRecord.Status.CONFIRMED).order_by(
        "date", "pk"
    ):
        records[record.kind].append(record)
    return [
        {
            "kind": kind,
            "label": kind.label,
            "records": records[kind.value],
            "hours": sum(record.hours or 0 for record in records[kind.value]) if kind == Kind.COURSE else None,
        }
        for kind in Kind
        if records[kind.value]
    ]


def portfolio_of(mentor: Mentor) -> Portfolio:
    """Everything the portfolio shows about `mentor` (from `mentors_for`, person and directions joined)."""
    pairs = list(
        Pairing.objects.filter(mentor=mentor, status__in=PAIR_STATUSES)
        .select_related("direction")
        .prefetch_related(
            Prefetch("mentees", queryset=Mentee.objects.select_related("person__position")),
            "forms",
            Prefetch(
                "orders",
                queryset=Order.objects.exclude(number=None).order_by("date", "number"),
                to_attr="registered_orders",
            ),
        )
        .order_by("starts_on", "pk")
    )
    programs = list(
        Program.objects.filter(pairing__mentor=mentor, status__in=PROGRAM_STATUSES)
        .select_related("pairing__direction")
        .prefetch_related(Prefetch("pairing__mentees", queryset=Mentee.objects.select_related("person")))
        .order_by("starts_on", "pk")
    )
    program_ids = [program.pk for program in programs]
    progress = progress_for(program_ids)
    for program in programs:
        program.progress = progress[program.pk]

    # Since when each mentee has been with her: the start of their first program together, or of the
    # pair where there is no program yet. Later results count from that day.
    since: dict[int, date] = {}
    mentees: dict[int, object] = {}
    for program in programs:
        for mentee in program.pairing.mentees.all():
            since[mentee.person_id] = min(since.get(mentee.person_id, program.starts_on), program.starts_on)
    for pair in pairs:
        for mentee in pair.mentees.all():
            mentees[mentee.person_id] = mentee.person
            since.setdefault(mentee.person_id, pair.starts_on)
    later_results = [
        record
        for record in GrowthRecord.objects.filter(person__in=list(since), status=GrowthRecord.Status.CONFIRMED)
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "date", "pk")
        if record.date >= since[record.person_id]
    ]

    # Retention: each former mentee (her pair with them closed and none current) and whether she still works.
    current = {
        mentee.person_id for pair in pairs if pair.status in Pairing.CURRENT_STATUSES for mentee in pair.mentees.all()
    }
    ended: dict[int, date] = {}
    for pair in pairs:
        if pair.status in CLOSED_PAIR_STATUSES:
            for mentee in pair.mentees.all():
                if mentee.person_id not in current:
                    day = pair.ended_on or pair.planned_end_on
                    ended[mentee.person_id] = max(ended.get(mentee.person_id, day), day)
    retention = sorted(
        ({"person": mentees[pk], "ended_on": day} for pk, day in ended.items()),
        key=lambda row: (row["person"].last_name, row["person"].first_name),
    )

    evidence = list(
        Evidence.objects.filter(record__program__in=program_ids)
        .select_related("record__item")
        .order_by("record__done_on", "uploaded_at", "pk")
    )
    return Portfolio(
        mentor=mentor,
        pairs=pairs,
        programs=programs,
        growth=_growth_rows(programs),
        satisfaction=_satisfaction(program_ids),
        later_results=later_results,
        retention=retention,
        own_records=_own_records(mentor.person),
        evidence=evidence,
    )


# --- links on lower pages (core.extensions) ---------------------------------------------------------


def person_card(request, person) -> dict | None:
    """A link on the person's card (slot «people.person.card») when she is, or was, a mentor and the
    user may read her portfolio: one query, for those readers only."""
    if not can_read(request.user, person) or not Mentor.objects.filter(person=person).exists():
        return None
    return {"portfolio_person": person}


def mentor_row(request, mentor) -> dict | None:
    """A link in the bank of mentors' row (slot «mentorship.mentor.row»): no query, the row has the mentor."""
    if not can_read(request.user, mentor.person):
        return None
    return {"portfolio_person": mentor.person}
