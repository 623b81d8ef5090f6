"""Reports for tests: a program in its closing stage (every plan item marked), and a report as sent."""

from django.utils import timezone

from programs.models import Program
from programs.tests.factories import program_with_plan

from ..models import Report

MENTOR_FIELDS = {
    "activities": "Выполнено всё.",
    "growth": "Выросла.",
    "characterization": "Старательна.",
    "remaining_difficulties": "Нет.",
    "self_assessment": "Справилась.",
    "mentee_opinion": "Довольна.",
    "recommendation": Report.Recommendation.COMPLETE,
}
MENTEE_FIELDS = {
    "learned": "Планировать.",
    "products": "Конспект.",
    "remaining_difficulties": "Нет.",
    "satisfaction": 9,
}


def closing_program(pairing, **fields) -> Program:
    """A running program whose whole plan is marked: its closing stage is open whatever the date."""
    return program_with_plan(pairing, Program.Status.RUNNING, items=2, done=2, **fields)


def report(program, kind, author, *, sent: bool = True, **fields) -> Report:
    values = {**(MENTOR_FIELDS if kind == Report.Kind.MENTOR else MENTEE_FIELDS), **fields}
    return Report.objects.create(
        program=program,
        kind=kind,
        author=author,
        period_from=program.starts_on,
        period_to=program.ends_on,
        submitted_at=timezone.now() if sent else None,
        **values,
    )
