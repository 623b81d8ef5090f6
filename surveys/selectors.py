"""Who sees which survey. A single answer: its author, the curator and the head (roles.ANSWER_READERS);
the other member of the pair never, the council only the averages (`summary`), the system
administrator nothing. The cards and the tasks other apps show come from here too."""

from collections import defaultdict

from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from core.dates import academic_start_year
from mentorship.models import Mentee, Pairing
from people.models import Organization, Person
from people.roles import person_of, roles_of
from programs.models import Program
from programs.selectors import open_programs_of, open_programs_of_person

from . import standard
from .due import is_open, opens_on, participants, plan_progress
from .models import Answer, Question, Questionnaire, Response
from .roles import ANSWER_READERS, KEEPERS, PAIR_RESPONDENTS, QUESTIONNAIRE_READERS


def responses_for(user) -> QuerySet:
    """The answers the user may read in full: the head and the curator all, anyone else their own."""
    base = Response.objects.select_related(
        "questionnaire", "respondent__position", "program__pairing__mentor__person", "recorded_by"
    ).prefetch_related(
        Prefetch("answers", queryset=Answer.objects.select_related("question")),
        "program__pairing__mentees__person",  # the program's pair is named by both sides
    )
    if roles_of(user) & ANSWER_READERS:
        return base
    person = person_of(user)
    if person is None:
        return base.none()
    return base.filter(respondent=person)


def questionnaires_for(user) -> QuerySet:
    if not roles_of(user) & QUESTIONNAIRE_READERS:
        return Questionnaire.objects.none()
    return Questionnaire.objects.annotate(
        question_count=Count("questions", distinct=True),
        answered=Count("responses", filter=Q(responses__submitted_at__isnull=False), distinct=True),
        declined=Count("responses", filter=Q(responses__declined_at__isnull=False), distinct=True),
        sent=Count("responses", filter=Q(responses__program__isnull=True), distinct=True),
    )


def program_for_respondent(user, pk) -> Program | None:
    person = person_of(user)
    if person is None or not roles_of(user) & PAIR_RESPONDENTS:
        return None
    return open_programs_of_person(person).filter(status__in=Program.IN_WORK_STATUSES, pk=pk).first()


# --- the card on the program's page -----------------------------------------------------------------


def program_card(request, program) -> dict | None:
    """For each participant and stage: «не заполнено / заполнено (дата) / отказ»; the answer opens only
    for those who may read it. Shown from the middle of the term, and on closed programs that have
    answers."""
    user = request.user
    roles = roles_of(user)
    person = person_of(user)
    today = timezone.localdate()
    responses = {
        (response.respondent_id, response.stage): response
        for response in Response.objects.filter(program=program).only(
            "pk", "respondent_id", "stage", "submitted_at", "declined_at", "decline_reason"
        )
    }
    if not responses and not program.in_work:
        return None
    progress = plan_progress(program)
    stages = [(stage, is_open(program, stage, today, progress=progress)) for stage in Response.Stage]
    if not responses and not any(open_ for _, open_ in stages):
        return {
            "survey_rows": [],
            "survey_opens": opens_on(program, Response.Stage.MID),
            "survey_program": program,
        }
    reads_all = bool(roles & ANSWER_READERS)
    rows = []
    for participant in participants(program):
        own = person is not None and participant.person.pk == person.pk
        cells = []
        for stage, open_ in stages:
            response = responses.get((participant.person.pk, stage.value))
            cells.append(
                {
                    "stage": stage,
                    "response": response,
                    "readable": response is not None and (reads_all or own),
                    "can_answer": own and response is None and open_,
                    "can_record_refusal": bool(roles & KEEPERS) and response is None and open_,
                }
            )
        rows.append({"participant": participant, "own": own, "cells": cells})
    return {"survey_rows": rows, "survey_program": program, "survey_stages": Response.Stage}


def program_pdf(request, program) -> dict | None:
    """In the program's PDF: who answered and when, never what."""
    # «mid» after «end» in the alphabet, before it in time.
    responses = sorted(
        Response.objects.filter(program=program).select_related("respondent"),
        key=lambda response: (response.stage != Response.Stage.MID, response.respondent.last_name),
    )
    return {"survey_responses": responses} if responses else None


# --- missing for completion ---------------------------------------------------------------------------


def missing_end_surveys(program) -> list[str]:
    """programs.completion: the end survey of the mentor and of each mentee, answered or declined."""
    done = set(
        Response.objects.filter(program=program, stage=Response.Stage.END).values_list("respondent_id", flat=True)
    )
    missing = []
    for participant in participants(program):
        if participant.person.pk not in done:
            whose = "наставника" if participant.audience == Questionnaire.Audience.MENTOR else "наставляемого"
            missing.append(
                f"Нет итоговой анкеты {whose} ({participant.person.short_name}) и записанного отказа от ответа: "
                "заполнить её может сам участник, отказ на бумаге записывает куратор."
            )
    return missing


# --- tasks on the home page -------------------------------------------------------------------------


ACCUSATIVE = {Response.Stage.MID: "промежуточную", Response.Stage.END: "итоговую"}


def home_tasks(request, person) -> dict | None:
    """What the user has to answer: open pair surveys of their programs and the needs survey sent to them."""
    if person is None:
        return None
    today = timezone.localdate()
    tasks = []
    if roles_of(request.user) & PAIR_RESPONDENTS:
        programs = [program for program in open_programs_of(request, person) if program.in_work]
        answered = set(
            Response.objects.filter(program__in=programs, respondent=person).values_list("program_id", "stage")
        )
        for program in programs:
            progress = plan_progress(program)
            for stage in Response.Stage:
                if (program.pk, stage.value) not in answered and is_open(program, stage, today, progress=progress):
                    tasks.append(
                        {
                            "text": f"Заполните {ACCUSATIVE[stage]} анкету по программе: {program.pairing}",
                            "url": program_stage_url(program, stage),
                        }
                    )
    for response in Response.objects.filter(
        respondent=person, program__isnull=True, submitted_at__isnull=True, declined_at__isnull=True
    ).select_related("questionnaire"):
        tasks.append(
            {
                "text": "Ответьте на анкету куратора о потребности в наставничестве "
                f"({response.questionnaire.year_label})",
                "url": reverse("surveys:needs-answer", args=[response.pk]),
            }
        )
    return {"survey_tasks": tasks} if tasks else None


def program_stage_url(program, stage) -> str:
    return reverse(f"surveys:program-{stage}", args=[program.pk])


# --- the summary ------------------------------------------------------------------------------------


def summary_years() -> list[int]:
    years = set(Questionnaire.objects.values_list("start_year", flat=True).distinct())
    years.add(academic_start_year(timezone.localdate()))
    return sorted(years, reverse=True)


def summary(start_year: int) -> dict:
    """Averages per question and stage of the pair surveys, and the counts of each option of the needs
    survey, for one academic year — no names, no single answer (the council reads this too). Three
    queries whatever the number of answers."""
    questions = list(
        Question.objects.filter(questionnaire__start_year=start_year)
        .exclude(kind=Question.Kind.TEXT)
        .select_related("questionnaire")
        .order_by("questionnaire__audience", "position", "pk")
    )
    averages = {
        (row["question"], row["response__stage"]): row
        for row in scale_averages(
            Answer.objects.filter(question__questionnaire__start_year=start_year), by=("question", "response__stage")
        )
    }
    choices = defaultdict(dict)
    for row in (
        Answer.objects.filter(question__questionnaire__start_year=start_year, question__kind=Question.Kind.CHOICE)
        .values("question", "text")
        .annotate(count=Count("pk"))
    ):
        choices[row["question"]][row["text"]] = row["count"]
    counts = {
        (row["questionnaire__audience"], row["stage"]): row
        for row in Response.objects.filter(questionnaire__start_year=start_year)
        .values("questionnaire__audience", "stage")
        .annotate(
            answered=Count("pk", filter=Q(submitted_at__isnull=False)),
            declined=Count("pk", filter=Q(declined_at__isnull=False)),
            waiting=Count("pk", filter=Q(submitted_at__isnull=True, declined_at__isnull=True)),
        )
    }
    sections = []
    for audience in Questionnaire.Audience:
        own = [question for question in questions if question.questionnaire.audience == audience]
        if audience == Questionnaire.Audience.NEEDS:
            rows = [
                {
                    "question": question,
                    "options": [(option, choices[question.pk].get(option, 0)) for option in question.option_list],
                }
                for question in own
            ]
            sections.append({"audience": audience, "needs": True, "rows": rows, "counts": counts.get((audience, ""))})
            continue
        rows = []
        for question in own:
            cells = []
            for stage in Response.Stage:
                found = averages.get((question.pk, stage.value))
                cells.append(
                    {
                        "average": found["average"] if found else None,
                        "count": found["count"] if found else 0,
                        "width": round(found["average"] * 10) if found else 0,
                    }
                )
            rows.append({"question": question, "cells": cells})
        stage_counts = [
            {**(counts.get((audience, stage.value)) or {"answered": 0, "declined": 0}), "stage": stage}
            for stage in Response.Stage
        ]
        sections.append({"audience": audience, "needs": False, "rows": rows, "stage_counts": stage_counts})
    return {"sections": sections, "stages": list(Response.Stage)}


def scale_averages(answers: QuerySet, *, by: tuple[str, ...]) -> QuerySet:
    """The average, the number of answers and the number of people who gave them, for the scale
    questions among `answers` in sent responses (a refusal or a draft counts for nothing), grouped by
    the fields `by`: rows of {*by, average, count, respondents}. The summary and the mentor's portfolio
    average the same way; whoever shows a group's average decides how few respondents are too few
    to hide one person's answer."""
    return (
        answers.filter(question__kind=Question.Kind.SCALE, response__submitted_at__isnull=False)
        .order_by()
        .values(*by)
        .annotate(
            average=Avg("number"),
            count=Count("pk"),
            respondents=Count("response__respondent", filter=Q(number__isnull=False), distinct=True),
        )
    )


# --- the needs survey ---------------------------------------------------------------------------------


def needs_recipients() -> QuerySet:
    """Our working pedagogical staff not in the bank of mentees nor of mentors and not mentored now: whom
    the yearly needs survey concerns (the same people the refresh page looks at, before its reasons narrow them)."""
    return (
        Person.objects.working()
        .filter(organization__kind=Organization.Kind.OWN, position__is_pedagogical=True)
        .exclude(mentee__is_active=True)
        .exclude(mentor__is_active=True)
        .exclude(pk__in=Pairing.objects.current().values("mentees__person"))
        .select_related("position")
        .order_by("last_name", "first_name", "pk")
    )


def needs_responses(questionnaire) -> list[Response]:
    return list(
        questionnaire.responses.filter(program__isnull=True)
        .select_related("respondent__position")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("question")))
        .order_by("respondent__last_name", "respondent__first_name", "pk")
    )


def wants_mentor(response) -> bool | None:
    for answer in response.answers.all():
        if answer.question.text == standard.WANTS_MENTOR:
            return answer.text == standard.YES
    return None


def refresh_needs(request, _obj=None) -> dict | None:
    """The refresh page (slot «mentorship.refresh.main»): this year's needs survey — who answered, who
    wants a mentor, and a link to include them in the bank. For the curator and the head only: the
    answers are personal (the administrator, who also opens the refresh page, sees nothing)."""
    roles = roles_of(request.user)
    if not roles & ANSWER_READERS:
        return None
    year = academic_start_year(timezone.localdate())
    questionnaire = Questionnaire.objects.filter(audience=Questionnaire.Audience.NEEDS, start_year=year).first()
    responses = needs_responses(questionnaire) if questionnaire else []
    in_bank = set(
        Mentee.objects.filter(person__in=[r.respondent_id for r in responses], is_active=True).values_list(
            "person_id", flat=True
        )
    )
    rows = [
        {"response": response, "wants": wants_mentor(response), "in_bank": response.respondent_id in in_bank}
        for response in responses
    ]
    return {
        "needs_questionnaire": questionnaire,
        "needs_rows": rows,
        "needs_answered": sum(1 for r in responses if r.submitted_at),
        "needs_year": year,
        "can_send": bool(roles & KEEPERS),
    }
