"""What diagnostics adds to lower apps, registered from the app config: its reference lists, the
completion condition of a program, a card on the program's page, a button in its plan, a section of
the program PDF and the tasks on the home page."""

from collections import defaultdict

from django.urls import reverse

from core import extensions
from people.references import register_reference_list
from people.roles import roles_of
from programs.completion import register_condition
from programs.selectors import open_programs_of
from programs.services.program import roles_on

from .models import Competency, Diagnostic, TypicalActivity
from .roles import KEEPERS, PLAN_WRITERS, RATERS, READERS
from .services import mentees_of, missing_sentences, stage_closed

Stage, Author = Diagnostic.Stage, Diagnostic.Author


def _program_card(request, program) -> dict | None:
    from .views import overview  # views import this module's neighbours; keep the import local

    if request is None or not roles_of(request.user) & READERS:
        return None
    return {"diagnostics": overview(program, request.user)}


def _program_pdf(request, program) -> dict | None:
    from .views import overview

    data = overview(program, None)
    if not any(growth.has_start or growth.has_end for growth in data["growths"]):
        return None
    return {"diagnostics": data}


def _plan_tools(request, program) -> dict | None:
    if request is None or not program.is_editable or not roles_on(program, request.user) & PLAN_WRITERS:
        return None
    return {"suggest_url": reverse("diagnostics:suggest", args=[program.pk])}


def home_tasks(request, person) -> dict | None:
    """«Заполните входную самодиагностику…» for a mentee, «Оцените компетенции…» for her mentor: the
    diagnostics this person has to send now, in their open programs (a fixed number of queries)."""
    if person is None or request is None or not roles_of(request.user) & RATERS:
        return None
    programs = open_programs_of(request, person)
    sent_by_program = defaultdict(set)
    for diagnostic in Diagnostic.objects.filter(program__in=programs, submitted_at__isnull=False):
        sent_by_program[diagnostic.program_id].add((diagnostic.stage, diagnostic.author, diagnostic.person_id))
    tasks = []
    for program in programs:
        sent = sent_by_program[program.pk]
        is_mentor = program.pairing.mentor.person_id == person.pk
        for stage in (Stage.START, Stage.END):
            if stage_closed(program, stage):
                continue
            for mentee in mentees_of(program):
                url = reverse("diagnostics:fill", args=[program.pk]) + f"?stage={stage}&person={mentee.pk}"
                word = "входную" if stage == Stage.START else "итоговую"
                if mentee.pk == person.pk and (stage, Author.MENTEE, mentee.pk) not in sent:
                    tasks.append(
                        (
                            f"Заполните {word} самодиагностику по программе наставничества "
                            f"({program.pairing.mentor.person.short_name}, с {program.starts_on:%d.%m.%Y}).",
                            url,
                        )
                    )
                elif is_mentor and (stage, Author.MENTOR, mentee.pk) not in sent:
                    tasks.append(
                        (
                            f"Оцените компетенции наставляемого {mentee.short_name} "
                            f"({'входная' if stage == Stage.START else 'итоговая'} диагностика).",
                            url,
                        )
                    )
    return {"diagnostic_tasks": tasks} if tasks else None


def register() -> None:
    register_reference_list("competencies", Competency, order=60, keepers=KEEPERS)
    register_reference_list("typical-activities", TypicalActivity, order=70, keepers=KEEPERS)
    register_condition("diagnostics.end", missing_sentences, order=10)
    extensions.register(
        extensions.Extension(
            slot="programs.program.main", template="diagnostics/snippets/program_card.html", context=_program_card
        )
    )
    extensions.register(
        extensions.Extension(
            slot="programs.plan.tools", template="diagnostics/snippets/plan_tools.html", context=_plan_tools
        )
    )
    extensions.register(
        extensions.Extension(slot="programs.program.pdf", template="diagnostics/pdf/section.html", context=_program_pdf)
    )
    extensions.register(
        extensions.Extension(
            slot="dashboard.home.tasks", template="diagnostics/snippets/home_tasks.html", context=home_tasks
        )
    )
