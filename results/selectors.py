"""What the reports' pages and the places they take on lower pages read. A sent report is read by
whoever reads its program (programs.selectors.programs_for); a draft by its author only."""

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from people.roles import person_of, roles_of
from programs.completion import closing_closed, closing_opens_on
from programs.selectors import open_programs_of, programs_for

from .models import Report
from .roles import READERS, RETURNERS, WRITERS
from .services import authors_of, authorship

Kind = Report.Kind


def reports_for(user) -> QuerySet:
    """The reports `user` may open: the sent ones of the programs they read, and their own drafts."""
    base = Report.objects.select_related(
        "author__position", "program__pairing__mentor__person", "program__pairing__direction", "submitted_by__person"
    ).prefetch_related("program__pairing__mentees__person")
    roles = roles_of(user)
    if not roles & READERS:
        return base.none()
    readable = Q(submitted_at__isnull=False, program__in=programs_for(user).values("pk"))
    person = person_of(user)
    if person is not None and roles & WRITERS:
        readable |= Q(author=person)
    return base.filter(readable)


def state_label(report: Report | None) -> str:
    if report is None:
        return "не начат"
    if report.is_submitted:
        return f"отправлен {timezone.localtime(report.submitted_at):%d.%m.%Y}"
    return "возвращён куратором" if report.returned_comment else "черновик"


def program_reports(program, user) -> list[dict]:
    """For each report the program needs (the mentor's, then each mentee's): the report if any, its
    state, and what `user` may do with it now."""
    reports = {(report.kind, report.author_id): report for report in program.reports.all()}
    mine = authorship(program, user) if user is not None else None
    person = person_of(user)
    open_now = closing_closed(program) is None
    returns = user is not None and bool(roles_of(user) & RETURNERS) and program.status not in program.CLOSED_STATUSES
    rows = []
    for who in authors_of(program):
        report = reports.get((who.kind, who.author.pk))
        own = mine is not None and mine.kind == who.kind and person is not None and person.pk == who.author.pk
        submitted = report is not None and report.is_submitted
        rows.append(
            {
                "who": who,
                "label": Kind(who.kind).label,
                "report": report,
                "state": state_label(report),
                "readable": report is not None and (submitted or own),
                "writable": own and open_now and not submitted,
                "returnable": returns and submitted,
            }
        )
    return rows


# --- places on lower pages ---------------------------------------------------------------------------


def program_card(request, program) -> dict | None:
    """The reports' card on a program's page: shown while the program is in work and on a closed program
    that has reports."""
    if request is None or not roles_of(request.user) & READERS:
        return None
    if not program.in_work and not program.reports.exists():
        return None
    return {
        "report_rows": program_reports(program, request.user),
        "reports_closed": closing_closed(program),
        "reports_open_on": closing_opens_on(program),
    }


def program_pdf(request, program) -> dict | None:
    """In the program's PDF: the sent reports, each with its main conclusion."""
    reports = list(program.reports.filter(submitted_at__isnull=False).select_related("author"))
    reports.sort(key=lambda report: (report.kind != Kind.MENTOR, report.author.last_name))
    return {"pdf_reports": reports} if reports else None


def completion_reports(request, program) -> dict | None:
    """On the completion page: the reports the curator reads before writing her conclusion."""
    return {"report_rows": program_reports(program, request.user)} if request is not None else None


def home_tasks(request, person) -> dict | None:
    """«Напишите отчёт наставника…»: the reports this person owes now, in their open programs."""
    if person is None or request is None or not roles_of(request.user) & WRITERS:
        return None
    programs = [program for program in open_programs_of(request, person) if closing_closed(program) is None]
    if not programs:
        return None
    sent = set(
        Report.objects.filter(program__in=programs, author=person, submitted_at__isnull=False).values_list(
            "program_id", "kind"
        )
    )
    returned = set(
        Report.objects.filter(program__in=programs, author=person, submitted_at__isnull=True)
        .exclude(returned_comment="")
        .values_list("program_id", "kind")
    )
    tasks = []
    for program in programs:
        who = next((w for w in authors_of(program) if w.author.pk == person.pk), None)
        if who is None or (program.pk, who.kind) in sent:
            continue
        name = "отчёт наставника" if who.kind == Kind.MENTOR else "отчёт наставляемого"
        verb = "Исправьте возвращённый куратором" if (program.pk, who.kind) in returned else "Напишите"
        tasks.append(
            (
                f"{verb} {name} по программе ({program.pairing}, до {program.ends_on:%d.%m.%Y}).",
                reverse("results:write", args=[program.pk]),
            )
        )
    return {"report_tasks": tasks} if tasks else None
