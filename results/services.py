"""Every write of the reports: validated, atomic, with the author recorded (core.services). Who may
write is decided here, from the actor's place in the pair (programs.services.program.roles_on)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core.services import Outcome, validated_save
from people.roles import Role, person_of, roles_of
from programs.completion import closing_closed
from programs.models import Program
from programs.services.program import roles_on

from .models import Report
from .prefill import report_period
from .roles import RETURNERS

Kind = Report.Kind


@dataclass(frozen=True)
class Authorship:
    """A report the user writes in a program: its kind and its author (the user's staff record)."""

    kind: str
    author: object


def authorship(program, user) -> Authorship | None:
    """The report `user` writes in `program`: the pair's mentor the mentor's report, a mentee her own;
    None for anybody else."""
    roles = roles_on(program, user, among={Role.MENTOR, Role.MENTEE})
    person = person_of(user)
    if Role.MENTOR in roles:
        return Authorship(Kind.MENTOR, person)
    if Role.MENTEE in roles:
        return Authorship(Kind.MENTEE, person)
    return None


def authors_of(program) -> list[Authorship]:
    """Everyone who owes a report in `program`: the mentor, then each mentee (the pair prefetched)."""
    pairing = program.pairing
    return [Authorship(Kind.MENTOR, pairing.mentor.person)] + [
        Authorship(Kind.MENTEE, mentee.person) for mentee in pairing.mentees.all()
    ]


def _missing_fields(report: Report) -> dict[str, str]:
    missing = {}
    for name in report.fields:
        if name in Report.OPTIONAL:
            continue
        value = getattr(report, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            missing[name] = "Заполните перед отправкой."
    return missing


@transaction.atomic
def report_save(*, program: Program, data: dict, submit: bool, actor) -> Outcome:
    """Save the actor's report in `program` as a draft, or send it (`submit`): a sent report is frozen
    and must have every field but the optional ones. Only in the program's closing stage."""
    who = authorship(program, actor)
    if who is None:
        raise PermissionDenied("Отчёт по программе пишут её наставник и наставляемые.")
    if reason := closing_closed(program):
        raise ValidationError(reason)
    report = Report.objects.select_for_update().filter(program=program, kind=who.kind, author=who.author).first()
    if report is None:
        report = Report(program=program, kind=who.kind, author=who.author, **report_period(program))
    if report.is_submitted:
        raise ValidationError(
            f"Отчёт отправлен {timezone.localtime(report.submitted_at):%d.%m.%Y}: его не изменить. "
            "Если нужно исправить, попросите куратора вернуть его."
        )
    for name in ("period_from", "period_to", *report.fields):
        if name in data:
            setattr(report, name, data[name])
    if report.period_from is None or report.period_to is None:
        raise ValidationError({"period_from" if report.period_from is None else "period_to": "Укажите дату."})
    if report.period_from > report.period_to:
        raise ValidationError({"period_to": "Конец периода раньше его начала."})
    if submit:
        if missing := _missing_fields(report):
            raise ValidationError(missing)
        report.submitted_at, report.submitted_by = timezone.now(), actor
        report.returned_comment = ""
    validated_save(report, actor=actor)
    return Outcome(report)


@transaction.atomic
def report_return(*, report: Report, comment: str, actor) -> Outcome:
    """The curator returns a sent report to its author with a comment, while the program is open; the
    author corrects it and sends it again."""
    if not roles_of(actor) & RETURNERS:
        raise PermissionDenied("Вернуть отчёт может куратор.")
    report = Report.objects.select_for_update().select_related("program").get(pk=report.pk)
    if report.program.status in Program.CLOSED_STATUSES:
        raise ValidationError("Программа закрыта: её отчёты больше не меняются.")
    if not report.is_submitted:
        raise ValidationError("Отчёт ещё не отправлен: вернуть нечего.")
    if not comment.strip():
        raise ValidationError({"comment": "Напишите, что исправить: автор увидит комментарий."})
    report.submitted_at, report.submitted_by, report.returned_comment = None, None, comment.strip()
    validated_save(report, actor=actor)
    return Outcome(report)


def missing_reports(program) -> list[str]:
    """programs.completion: the mentor's report and each mentee's report, sent; each sentence names who
    must write it."""
    sent = set(Report.objects.filter(program=program, submitted_at__isnull=False).values_list("kind", "author_id"))
    missing = []
    for who in authors_of(program):
        if (who.kind, who.author.pk) in sent:
            continue
        if who.kind == Kind.MENTOR:
            missing.append(f"Отчёт наставника не отправлен: его пишет наставник ({who.author.short_name}).")
        else:
            missing.append(f"Отчёт наставляемого не отправлен: его пишет наставляемый ({who.author.short_name}).")
    return missing
