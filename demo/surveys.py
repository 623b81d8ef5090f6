"""The demo kindergarten's surveys.

- Last year's completed program (Петрова → Ёлкина, ИКТ): both participants answered the mid-term and
  the end survey, written as the services would have left them on those days.
- Иванова's running program: Петрова has answered the mid-term survey (through the service); Иванова
  has not yet — it waits for her on the home page.
- This year's needs survey: the curator sent it to the pedagogical staff outside the bank; three
  answered, one of them wants a mentor.

Idempotent: each part is made only if it is missing.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from core.dates import academic_start_year
from people.models import Person
from programs.models import Program
from surveys.due import is_open
from surveys.models import Answer, Question, Questionnaire, Response
from surveys.selectors import needs_recipients
from surveys.services import needs_send, pair_response_submit, questionnaire_ensure

A = Questionnaire.Audience

# Scale answers per questionnaire and stage, in question order (texts for the free questions).
PAST = {
    (A.MENTOR, Response.Stage.MID): [
        8,
        7,
        9,
        7,
        8,
        9,
        "Быстро осваивает ИКТ; встречи срывались из-за замен.",
    ],
    (A.MENTOR, Response.Stage.END): [
        8,
        9,
        10,
        8,
        9,
        9,
        "Реверсивный формат оправдал себя.",
    ],
    (A.MENTEE, Response.Stage.MID): [7, 8, 9, 6, 7, 8, "Хотелось бы встречаться чаще, хотя бы раз в неделю."],
    (A.MENTEE, Response.Stage.END): [8, 9, 10, 8, 8, 9, "Очень помогли разборы занятий и мастер-классы."],
}
IVANOVA_MID_BY_MENTOR = {
    "scale": [8, 8, 9, 9, 8, 10],
    "text": "Внимательна к советам, хорошо идёт работа с режимом дня.",
}

# Needs survey answers: personnel number → answers in question order.
NEEDS = {
    "006": [
        "Трудно удерживать внимание детей на занятиях, не хватает опыта в разговорах с родителями.",
        "Организация ОД по ФОП ДО, взаимодействие с семьями воспитанников.",
        "Индивидуальная («один на один»)",
        "Да",
    ],
    "010": ["Серьёзных затруднений нет.", "ИКТ: интерактивная доска.", "Разовые консультации по запросу", "Нет"],
    "020": [
        "Оформление документации по новой программе.",
        "Работа с документацией.",
        "В группе",
        "Нет",
    ],
}


def _at(day, hour=11):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _write(questionnaire, *, program, stage, person, values, day) -> None:
    response = Response.objects.create(
        questionnaire=questionnaire,
        program=program,
        stage=stage or "",
        respondent=person,
        submitted_at=_at(day),
        recorded_by=getattr(person, "user", None),
    )
    Response.objects.filter(pk=response.pk).update(created_at=_at(day))
    for question, value in zip(questionnaire.questions.all(), values, strict=False):
        Answer.objects.create(
            response=response,
            question=question,
            number=value if question.kind == Question.Kind.SCALE else None,
            text="" if question.kind == Question.Kind.SCALE else value,
        )


@transaction.atomic
def load(*, curator, mentor, today=None) -> int:
    """Make the missing demo surveys; return how many answers were added."""
    today = today or timezone.localdate()
    year = academic_start_year(today)
    added = 0

    completed = (
        Program.objects.filter(status=Program.Status.COMPLETED, pairing__mentor__person__personnel_number="004")
        .select_related("pairing__mentor__person")
        .prefetch_related("pairing__mentees__person")
        .first()
    )
    if completed is not None and not completed.survey_responses.exists():
        past_year = academic_start_year(completed.starts_on)
        middle = completed.starts_on + (completed.ends_on - completed.starts_on) / 2
        days = {
            Response.Stage.MID: middle + timedelta(days=3),
            Response.Stage.END: completed.ends_on - timedelta(days=10),
        }
        people = [(A.MENTOR, completed.pairing.mentor.person)]
        people += [(A.MENTEE, mentee.person) for mentee in completed.pairing.mentees.all()]
        for audience, person in people:
            questionnaire = questionnaire_ensure(audience=audience, start_year=past_year)
            for stage, day in days.items():
                _write(
                    questionnaire,
                    program=completed,
                    stage=stage,
                    person=person,
                    values=PAST[(audience, stage)],
                    day=day,
                )
                added += 1

    running = (
        Program.objects.filter(
            status__in=Program.IN_WORK_STATUSES,
            pairing__mentor__person__personnel_number="004",
            pairing__mentees__person__personnel_number="005",
        )
        .select_related("pairing__mentor__person")
        .prefetch_related("pairing__mentees__person", "items")
        .first()
    )
    if (
        running is not None
        and is_open(running, Response.Stage.MID, today)
        and not running.survey_responses.filter(respondent=running.pairing.mentor.person).exists()
    ):
        questionnaire = questionnaire_ensure(audience=A.MENTOR, start_year=year)
        values = {}
        scales = iter(IVANOVA_MID_BY_MENTOR["scale"])
        for question in questionnaire.questions.all():
            values[question.pk] = (
                next(scales, 8) if question.kind == Question.Kind.SCALE else IVANOVA_MID_BY_MENTOR["text"]
            )
        pair_response_submit(program=running, stage=Response.Stage.MID, values=values, actor=mentor)
        added += 1
    questionnaire_ensure(audience=A.MENTEE, start_year=year)

    needs = questionnaire_ensure(audience=A.NEEDS, start_year=year)
    if needs.sent_at is None:
        recipients = list(needs_recipients())
        if recipients:
            needs_send(questionnaire=needs, people=recipients, actor=curator)
            answered_on = today - timedelta(days=3)
            for number, values in NEEDS.items():
                person = Person.objects.filter(personnel_number=number).first()
                response = needs.responses.filter(respondent=person).first() if person else None
                if response is None:
                    continue
                for question, value in zip(needs.questions.all(), values, strict=False):
                    Answer.objects.create(response=response, question=question, text=value)
                Response.objects.filter(pk=response.pk).update(submitted_at=_at(answered_on), recorded_by=person.user)
                added += 1
    return added
