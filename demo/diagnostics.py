"""Demo diagnostics, on the programs of demo/programs.py:

- Петрова → Ёлкина («ИКТ», завершена): start and end, the mentee's and the mentor's, all sent — the
  growth chart on the program's page and in its PDF;
- Петрова → Иванова («Режимные моменты», реализуется): the start diagnostics sent by Иванова and rated by
  Петрова, through the services as they would do it; the end is not due yet;
- Новикова → Зайцева («Взаимодействие с семьями», корректировка): Зайцева's start self-diagnostics sent,
  so «Перенести в затруднения программы» and «Предложить мероприятия» have something to offer.

Loading is idempotent: a program that has diagnostics is left as it is.
"""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from diagnostics.models import Diagnostic, Rating
from diagnostics.selectors import competencies_for
from diagnostics.services import Answer, diagnostic_save
from programs.models import Program

Stage, Author = Diagnostic.Stage, Diagnostic.Author


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(15)))


def _scores(competencies, pattern) -> list[tuple]:
    """Scores for the program's competencies in turn from `pattern` (the first ones are the weakest)."""
    return [(competency, pattern[index % len(pattern)]) for index, competency in enumerate(competencies)]


def _write(program, stage, author, person, scores, *, day, by) -> None:
    """A sent diagnostic written directly: for closed programs (the services refuse them) and people
    with no login."""
    diagnostic = Diagnostic.objects.create(
        program=program, stage=stage, author=author, person=person, submitted_at=_at(day), submitted_by=by
    )
    Rating.objects.bulk_create(
        Rating(diagnostic=diagnostic, competency=competency, score=score) for competency, score in scores
    )


def _program(mentor: str, direction: str, status) -> Program | None:
    return (
        Program.objects.filter(
            pairing__mentor__person__personnel_number=mentor, pairing__direction__name=direction, status=status
        )
        .select_related("pairing__mentor__person__user")
        .prefetch_related("pairing__mentees__person__user")
        .first()
    )


@transaction.atomic
def load(today: date | None = None) -> int:
    """Add the demo diagnostics that are missing; return how many programs got them."""
    today = today or timezone.localdate()
    made = 0
    S = Program.Status

    completed = _program("004", "ИКТ", S.COMPLETED)
    if completed is not None and not completed.diagnostics.exists():
        mentor = completed.pairing.mentor.person
        competencies = competencies_for(completed)
        for mentee in completed.pairing.mentees.all():
            start_day, end_day = completed.starts_on + timedelta(days=5), completed.ends_on - timedelta(days=10)
            _write(
                completed,
                Stage.START,
                Author.MENTEE,
                mentee.person,
                _scores(competencies, [1, 2, 2, 3]),
                day=start_day,
                by=mentee.person.user,
            )
            _write(
                completed,
                Stage.START,
                Author.MENTOR,
                mentee.person,
                _scores(competencies, [2, 2, 1, 3]),
                day=start_day + timedelta(days=1),
                by=mentor.user,
            )
            _write(
                completed,
                Stage.END,
                Author.MENTEE,
                mentee.person,
                _scores(competencies, [4, 4, 3, 4]),
                day=end_day,
                by=mentee.person.user,
            )
            _write(
                completed,
                Stage.END,
                Author.MENTOR,
                mentee.person,
                _scores(competencies, [4, 3, 3, 5]),
                day=end_day + timedelta(days=1),
                by=mentor.user,
            )
        made += 1

    running = _program("004", "Режимные моменты", S.RUNNING)
    if running is not None and not running.diagnostics.exists():
        mentor_user = running.pairing.mentor.person.user
        competencies = competencies_for(running)
        for mentee in running.pairing.mentees.all():
            for user, pattern in ((mentee.person.user, [2, 1, 3, 2, 3]), (mentor_user, [2, 2, 3, 3, 2])):
                if user is None:
                    continue
                answers = [Answer(c, score) for c, score in _scores(competencies, pattern)]
                outcome = diagnostic_save(
                    program=running, stage=Stage.START, person=mentee.person, answers=answers, submit=True, actor=user
                )
                Diagnostic.objects.filter(pk=outcome.obj.pk).update(
                    submitted_at=_at(running.starts_on + timedelta(days=3))
                )
        made += 1

    corrected = _program("008", "Взаимодействие с семьями воспитанников", S.CORRECTION)
    if corrected is not None and not corrected.diagnostics.exists():
        competencies = competencies_for(corrected)
        for mentee in corrected.pairing.mentees.all():
            _write(
                corrected,
                Stage.START,
                Author.MENTEE,
                mentee.person,
                _scores(competencies, [2, 1, 3]),
                day=corrected.starts_on + timedelta(days=4),
                by=mentee.person.user,
            )
        made += 1
    return made
