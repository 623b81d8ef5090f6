"""Every write of the surveys: validated, atomic, with the author recorded (core.services)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from core.dates import academic_start_year
from core.services import Outcome, authored, validated_save
from people.roles import person_of, roles_of

from . import standard
from .due import is_open, participants
from .models import SCALE_MAX, SCALE_MIN, Answer, Question, Questionnaire, Response
from .roles import KEEPERS

FROZEN = "На эту анкету уже отвечали: её вопросы не меняются. Измените вопросы анкеты на следующий учебный год."


# --- questionnaires -------------------------------------------------------------------------------


def _copy_questions(source_questions, target: Questionnaire) -> None:
    # With their history rows, so that the questionnaire's history tells a later change as «old» → «new».
    bulk_create_with_history(
        [
            Question(
                questionnaire=target,
                position=question.position,
                text=question.text,
                kind=question.kind,
                options=question.options,
                required=question.required,
            )
            for question in source_questions
        ],
        Question,
    )


@transaction.atomic
def questionnaire_ensure(*, audience: str, start_year: int) -> Questionnaire:
    """The questionnaire of `audience` for the academic year `start_year`; made if missing, with the
    questions of the latest earlier year (the curator's last changes) or, the first time, the standard
    ones."""
    existing = Questionnaire.objects.filter(audience=audience, start_year=start_year).first()
    if existing is not None:
        return existing
    questionnaire = Questionnaire(audience=audience, start_year=start_year)
    earlier = Questionnaire.objects.filter(audience=audience, start_year__lt=start_year).order_by("-start_year").first()
    questionnaire.intro = earlier.intro if earlier else standard.INTRO[audience]
    validated_save(questionnaire, actor=None)
    if earlier is not None:
        _copy_questions(earlier.questions.all(), questionnaire)
    else:
        _copy_questions(
            [
                Question(position=n, text=text, kind=kind, options=options, required=required)
                for n, (text, kind, options, required) in enumerate(standard.QUESTIONS[audience], start=1)
            ],
            questionnaire,
        )
    return questionnaire


def _require_keeper(actor) -> None:
    if not roles_of(actor) & KEEPERS:
        raise ValidationError("Вопросы анкет меняет и анкеты рассылает куратор.")


@transaction.atomic
def questionnaire_next_year(*, questionnaire: Questionnaire, actor) -> Outcome:
    """Next year's copy of `questionnaire`, to be changed without touching answers given (or the one
    already made)."""
    _require_keeper(actor)
    target = Questionnaire.objects.filter(
        audience=questionnaire.audience, start_year=questionnaire.start_year + 1
    ).first()
    if target is not None:
        return Outcome(target, ["Анкета на следующий учебный год уже была подготовлена."])
    target = Questionnaire(
        audience=questionnaire.audience, start_year=questionnaire.start_year + 1, intro=questionnaire.intro
    )
    validated_save(target, actor=actor)
    _copy_questions(questionnaire.questions.all(), target)
    return Outcome(target)


def questionnaire_is_frozen(questionnaire: Questionnaire) -> bool:
    """Answered (or sent: the people asked have the questions in front of them)."""
    return questionnaire.sent_at is not None or questionnaire.responses.exists()


@transaction.atomic
def questionnaire_save_intro(*, questionnaire: Questionnaire, actor) -> Outcome:
    _require_keeper(actor)
    if questionnaire_is_frozen(Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)):
        raise ValidationError(FROZEN)
    validated_save(questionnaire, actor=actor)
    return Outcome(questionnaire)


@transaction.atomic
def question_save(*, question: Question, actor) -> Outcome:
    """Add or change a question of a questionnaire nobody has answered yet."""
    _require_keeper(actor)
    questionnaire = Questionnaire.objects.select_for_update().get(pk=question.questionnaire_id)
    if questionnaire_is_frozen(questionnaire):
        raise ValidationError(FROZEN)
    validated_save(question, actor=actor)
    return Outcome(question)


@transaction.atomic
def question_delete(*, question: Question, actor) -> None:
    _require_keeper(actor)
    questionnaire = Questionnaire.objects.select_for_update().get(pk=question.questionnaire_id)
    if questionnaire_is_frozen(questionnaire):
        raise ValidationError(FROZEN)
    with authored(question, actor):
        question.delete()


# --- answers --------------------------------------------------------------------------------------


def clean_answers(questions, values: dict) -> dict:
    """{question pk: number or text} from what was typed, or a ValidationError naming each question
    answered wrongly (keyed «q<pk>» so a form shows it under the question)."""
    cleaned, errors = {}, {}
    for question in questions:
        raw = values.get(question.pk)
        raw = raw.strip() if isinstance(raw, str) else raw
        if raw in (None, ""):
            if question.required:
                errors[f"q{question.pk}"] = "Ответьте на этот вопрос."
            continue
        if question.kind == Question.Kind.SCALE:
            number = int(raw) if isinstance(raw, int) or (str(raw).isascii() and str(raw).isdigit()) else None
            if number is None or not SCALE_MIN <= number <= SCALE_MAX:
                errors[f"q{question.pk}"] = "Выберите оценку от 1 до 10."
                continue
            cleaned[question.pk] = number
        elif question.kind == Question.Kind.CHOICE:
            if raw not in question.option_list:
                errors[f"q{question.pk}"] = "Выберите один из предложенных вариантов."
                continue
            cleaned[question.pk] = raw
        else:
            cleaned[question.pk] = str(raw).replace("\x00", "")[:5000]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _write_answers(response: Response, questions, cleaned: dict) -> None:
    Answer.objects.bulk_create(
        Answer(
            response=response,
            question=question,
            number=cleaned[question.pk] if question.kind == Question.Kind.SCALE else None,
            text="" if question.kind == Question.Kind.SCALE else cleaned[question.pk],
        )
        for question in questions
        if question.pk in cleaned
    )


def _participant(program, person):
    for participant in participants(program):
        if participant.person.pk == person.pk:
            return participant
    return None


def _pair_checks(*, program, stage: str, person, today) -> tuple:
    participant = _participant(program, person) if person is not None else None
    if participant is None:
        raise ValidationError("Анкету программы заполняют только наставник и наставляемые этой пары.")
    if stage not in Response.Stage.values:
        raise ValidationError("Такой анкеты нет.")
    if not is_open(program, stage, today):
        raise ValidationError(f"{Response.Stage(stage).label} анкета по этой программе сейчас не заполняется.")
    if Response.objects.filter(program=program, stage=stage, respondent=person).exists():
        raise ValidationError("Эта анкета уже заполнена или записан отказ от ответа.")
    return participant


@transaction.atomic
def pair_response_submit(*, program, stage: str, values: dict, actor) -> Outcome:
    """The actor answers the `stage` survey about their own program (the mentor's or the mentee's
    questionnaire of this academic year)."""
    today = timezone.localdate()
    person = person_of(actor)
    participant = _pair_checks(program=program, stage=stage, person=person, today=today)
    questionnaire = questionnaire_ensure(audience=participant.audience, start_year=academic_start_year(today))
    questions = list(questionnaire.questions.all())
    cleaned = clean_answers(questions, values)
    response = Response(
        questionnaire=questionnaire,
        program=program,
        stage=stage,
        respondent=person,
        submitted_at=timezone.now(),
        recorded_by=actor,
    )
    validated_save(response, actor=actor)
    _write_answers(response, questions, cleaned)
    return Outcome(response)


@transaction.atomic
def pair_response_decline(*, program, stage: str, person, reason: str, actor) -> Outcome:
    """A refusal to answer: by the participant themself, or recorded by the curator when it was given
    on paper (then the reason is required: how it was given)."""
    today = timezone.localdate()
    acting_person = person_of(actor)
    by_self = acting_person is not None and person is not None and acting_person.pk == person.pk
    if not by_self and not roles_of(actor) & KEEPERS:
        raise ValidationError("Отказ от ответа записывает сам участник или куратор.")
    reason = (reason or "").replace("\x00", "").strip()
    if not by_self and not reason:
        raise ValidationError({"reason": "Напишите, как участник отказался (например: «отказ устно, 12.05»)."})
    participant = _pair_checks(program=program, stage=stage, person=person, today=today)
    questionnaire = questionnaire_ensure(audience=participant.audience, start_year=academic_start_year(today))
    response = Response(
        questionnaire=questionnaire,
        program=program,
        stage=stage,
        respondent=person,
        declined_at=timezone.now(),
        decline_reason=reason[:500] or Response.DEFAULT_DECLINE_REASON,
        recorded_by=actor,
    )
    validated_save(response, actor=actor)
    return Outcome(response)


# --- the needs survey -----------------------------------------------------------------------------


@transaction.atomic
def needs_send(*, questionnaire: Questionnaire, people, actor) -> Outcome:
    """Send the needs survey to `people` (each once): each gets it as a task on the home page."""
    _require_keeper(actor)
    if questionnaire.audience != Questionnaire.Audience.NEEDS:
        raise ValidationError("Рассылается только анкета потребности в наставничестве.")
    if not questionnaire.questions.exists():
        raise ValidationError("В анкете нет вопросов: добавьте их перед рассылкой.")
    people = list(people)
    if not people:
        raise ValidationError({"people": "Отметьте, кому отправить анкету."})
    already = set(questionnaire.responses.values_list("respondent_id", flat=True))
    new = [person for person in people if person.pk not in already]
    bulk_create_with_history(
        [Response(questionnaire=questionnaire, respondent=person) for person in new], Response, default_user=actor
    )
    if questionnaire.sent_at is None:
        questionnaire.sent_at = timezone.now()
        validated_save(questionnaire, actor=actor)
    warnings = [] if new else ["Всем отмеченным анкета уже была отправлена."]
    return Outcome(new, warnings)


@transaction.atomic
def needs_answer(*, response: Response, values: dict, actor) -> Outcome:
    response = Response.objects.select_for_update().select_related("questionnaire").get(pk=response.pk)
    person = person_of(actor)
    if person is None or person.pk != response.respondent_id or response.program_id is not None:
        raise ValidationError("Эту анкету заполняет тот, кому она отправлена.")
    if response.is_done:
        raise ValidationError("Анкета уже заполнена.")
    questions = list(response.questionnaire.questions.all())
    cleaned = clean_answers(questions, values)
    response.submitted_at = timezone.now()
    response.recorded_by = actor
    validated_save(response, actor=actor)
    _write_answers(response, questions, cleaned)
    return Outcome(response)
