"""Records a portfolio is built from, written the way the other apps' tests write them: a pair under
order with its registered order, a program with its plan, diagnostics at the start and at the end, the
mentee's end survey, her growth records before and after the start, and an evidence file."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.base import ContentFile

from core.tests.files import tiny_pdf
from diagnostics.models import Diagnostic
from diagnostics.tests.factories import sent
from growth.models import GrowthRecord, Kind, Level
from mentorship.models import Pairing
from mentorship.tests.factories import MenteeFactory, PairingFactory, PersonFactory
from people.models import Organization
from programs.models import Evidence, Program
from programs.tests.factories import ActivityRecordFactory, program_with_plan
from records.models import Order
from surveys.models import Response
from surveys.tests.factories import written_answer

Stage, Author = Diagnostic.Stage, Diagnostic.Author


@dataclass
class Pair:
    pairing: Pairing
    program: Program
    order: Order
    mentee_person: object
    evidence: Evidence


def registered_order(pairing, *, number: int, day: date, author) -> Order:
    """A registered order «О закреплении…» linked to the pair, as the order services leave it."""
    order = Order.objects.create(
        organization=Organization.own(),
        kind="pairing",
        status=Order.Status.REGISTERED,
        date=day,
        year=day.year,
        number=number,
        number_text=f"{number}-ОД",
        heading="О закреплении наставнических пар (групп)",
        preamble="В соответствии с Положением о наставничестве",
        clauses=["Закрепить пары."],
        signer_position="Заведующий",
        signer_name="Е.В. Соколова",
        created_by=author,
    )
    pairing.orders.add(order)
    return order


def growth_record(person, **fields) -> GrowthRecord:
    """A confirmed record (as the curator leaves it), written directly: dates are the test's own."""
    fields.setdefault("status", GrowthRecord.Status.CONFIRMED)
    return GrowthRecord.objects.create(person=person, **fields)


def full_pair(world, *, pairing=None, number: int = 1, score_end: int = 4, survey_score: int = 8) -> Pair:
    """A pair of the world's mentor (the world's own pair by default, else a new one with a new mentee)
    with everything each section of the portfolio reads."""
    if pairing is None:
        pairing = PairingFactory(mentor=world.mentor, mentees=[MenteeFactory()])
    mentee = pairing.mentees.get().person
    order = registered_order(
        pairing, number=number, day=pairing.starts_on - timedelta(days=3), author=world.users["head"]
    )
    program = program_with_plan(pairing, Program.Status.RUNNING, items=3, done=2)
    mentor_user = world.mentor.person.user
    sent(program, Stage.START, Author.MENTEE, mentee, [2])
    sent(program, Stage.END, Author.MENTEE, mentee, [score_end])
    sent(program, Stage.START, Author.MENTOR, mentee, [2], by=mentor_user)
    sent(program, Stage.END, Author.MENTOR, mentee, [3], by=mentor_user)
    written_answer(program, Response.Stage.END, mentee, score=survey_score)
    written_answer(program, Response.Stage.END, world.mentor.person, score=1)  # the mentor's own: not counted
    growth_record(
        mentee,
        kind=Kind.CONTEST,
        title=f"Педагогический дебют — {number}",
        level=Level.MUNICIPAL,
        result="Победитель",
        date=program.starts_on + timedelta(days=40),
    )
    growth_record(
        mentee,
        kind=Kind.PUBLICATION,
        title=f"Статья до наставничества — {number}",
        organizer="Сборник",
        date=program.starts_on - timedelta(days=40),
    )
    record = ActivityRecordFactory(program=program, item=program.items.first(), logged_by=mentor_user)
    evidence = Evidence.objects.create(
        record=record,
        file=ContentFile(tiny_pdf(), name="konspekt.pdf"),
        original_name=f"Конспект консультации {number}.pdf",
        kind=Evidence.Kind.DOCUMENT,
        size=len(tiny_pdf()),
        uploaded_by=mentor_user,
    )
    return Pair(pairing, program, order, mentee, evidence)


def former_mentee_pair(world, *, left_on: date | None = None) -> Pairing:
    """A completed pair of last year with a mentee who has since left (or still works)."""
    person = PersonFactory(last_name="Ёлкина", first_name="Вера", teaching_since=date(2024, 9, 1))
    if left_on is not None:
        person.status, person.left_on = person.Status.LEFT, left_on
        person.save()
    return PairingFactory(
        mentor=world.mentor,
        mentees=[MenteeFactory(person=person)],
        status=Pairing.Status.COMPLETED,
        starts_on=date(2025, 9, 1),
        planned_end_on=date(2026, 5, 31),
        ended_on=date(2026, 5, 31),
    )
