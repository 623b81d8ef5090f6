"""Survey records for the tests: answers written as the services leave them."""

from django.utils import timezone

from core.dates import academic_start_year
from programs.tests.factories import program_in_work

from ..models import Answer, Question, Questionnaire, Response
from ..services import questionnaire_ensure

A = Questionnaire.Audience


def running_program(pairing, *, done: int = 2, due: int = 1):
    """A program in work whose mid-term survey is open (a third of the plan done) and end survey not."""
    return program_in_work(pairing, done=done, due=due)


def written_answer(program, stage, person, *, audience=None, score: int = 7, declined: bool = False) -> Response:
    """An answer (or a refusal) of `person` about `program`, with every scale at `score`."""
    if audience is None:
        audience = A.MENTOR if program.pairing.mentor.person_id == person.pk else A.MENTEE
    questionnaire = questionnaire_ensure(audience=audience, start_year=academic_start_year(timezone.localdate()))
    response = Response.objects.create(
        questionnaire=questionnaire,
        program=program,
        stage=stage,
        respondent=person,
        submitted_at=None if declined else timezone.now(),
        declined_at=timezone.now() if declined else None,
        decline_reason="Отказ от ответа" if declined else "",
    )
    if not declined:
        for question in questionnaire.questions.all():
            scale = question.kind == Question.Kind.SCALE
            Answer.objects.create(
                response=response,
                question=question,
                number=score if scale else None,
                text="" if scale else f"Свободный ответ {person.last_name}",
            )
    return response


def scale_values(questionnaire, score: int = 8, text: str = "Всё хорошо") -> dict:
    return {
        question.pk: (str(score) if question.kind == Question.Kind.SCALE else text)
        for question in questionnaire.questions.all()
    }
