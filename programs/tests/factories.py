from datetime import timedelta

import factory

from mentorship.models import Direction
from mentorship.tests.factories import PairingFactory

from ..models import ActivityForm, ActivityRecord, PlanItem, Program


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    pairing = factory.SubFactory(PairingFactory)
    starts_on = factory.LazyAttribute(lambda program: program.pairing.starts_on)
    ends_on = factory.LazyAttribute(lambda program: program.pairing.planned_end_on)
    difficulties = "Затрудняется в организации режимных моментов"
    strengths = "Доброжелательна, легко находит контакт с детьми"
    goal = "Освоить организацию режимных моментов в группе раннего возраста"
    tasks = "1. Изучить режим дня группы.\n2. Освоить приёмы организации умывания и прогулки."
    expected_results = "Самостоятельно организует режимные моменты"


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    program = factory.SubFactory(ProgramFactory)
    position = factory.Sequence(lambda n: n + 1)
    direction = factory.LazyFunction(lambda: Direction.objects.order_by("pk").first())
    activity = factory.Sequence(lambda n: f"Консультация по теме № {n + 1}")
    form = factory.LazyFunction(lambda: ActivityForm.objects.order_by("pk").first())
    deadline = factory.LazyAttribute(lambda item: item.program.starts_on.replace(day=28))
    responsible = "Наставник"
    expected_result = "Конспект консультации"


def program_with_plan(pairing, status=Program.Status.DRAFT, *, items: int = 3, done: int = 0, **fields) -> Program:
    """A program of `pairing` in `status` with `items` plan lines spread over its term, `done` of them
    marked; in review it is agreed by the curator (and the council: pass council_agreed_at=None to leave
    that out)."""
    from django.utils import timezone

    if status in (Program.Status.REVIEW, Program.Status.APPROVED, *Program.IN_WORK_STATUSES, *Program.CLOSED_STATUSES):
        fields.setdefault("curator_agreed_at", timezone.now())
        fields.setdefault("council_agreed_at", timezone.now())
    program = ProgramFactory(pairing=pairing, status=status, **fields)
    span = (program.ends_on - program.starts_on).days
    for n in range(items):
        deadline = program.starts_on + timedelta(days=span * (n + 1) // (items + 1))
        PlanItemFactory(
            program=program,
            position=n + 1,
            deadline=deadline,
            done_on=deadline if n < done else None,
            done_note="Проведено" if n < done else "",
        )
    return program


# --- the log (logging helper) ---------------------------------------------------------------------


def program_in_work(pairing, *, done: int = 0, due: int = 0, overdue: int = 0, status=Program.Status.RUNNING):
    """A running program of `pairing` whose plan has exactly `done` items marked, `due` items with a
    deadline ahead and `overdue` items past their deadline, counted from today."""
    from django.utils import timezone

    today = timezone.localdate()
    program = program_with_plan(pairing, status, items=0)
    position = 0
    for kind, count in (("done", done), ("overdue", overdue), ("due", due)):
        for n in range(count):
            position += 1
            deadline = today + timedelta(days=10 + n) if kind == "due" else today - timedelta(days=1 + n)
            PlanItemFactory(
                program=program,
                position=position,
                deadline=deadline,
                done_on=deadline if kind == "done" else None,
                done_note="Проведено" if kind == "done" else "",
            )
    return program


class ActivityRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityRecord

    program = factory.SubFactory(ProgramFactory, status=Program.Status.RUNNING)
    done_on = factory.LazyAttribute(lambda record: record.program.starts_on)
    description = factory.Sequence(lambda n: f"Консультация «Режим дня» № {n + 1}")
    result = "Составлен план режимных моментов"
    logged_by = factory.LazyAttribute(lambda record: record.program.pairing.mentor.person.user)
