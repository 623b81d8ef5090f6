"""Answering, refusing, the questions frozen once answered, the needs survey, the due dates, and the
end surveys that completion needs."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.dates import academic_start_year
from programs.completion import conditions_suspended, missing_for_completion, register_condition
from programs.models import Program
from programs.services.program import program_move

from ..due import is_open, opens_on
from ..models import Answer, Question, Questionnaire, Response
from ..selectors import missing_end_surveys
from ..services import (
    needs_answer,
    needs_send,
    pair_response_decline,
    pair_response_submit,
    question_save,
    questionnaire_ensure,
    questionnaire_next_year,
)
from .factories import running_program, scale_values, written_answer

A = Questionnaire.Audience
MID, END = Response.Stage.MID, Response.Stage.END


def this_year():
    return academic_start_year(timezone.localdate())


def test_the_mentee_fills_the_mid_term_survey_in_the_browser_form(world, client_as):
    program = running_program(world.pairing)
    url = reverse("surveys:program-mid", args=[program.pk])
    client = client_as("mentee")
    page = client.get(url).content.decode()
    assert "Промежуточная анкета" in page and "Насколько комфортным было общение с наставником?" in page
    questionnaire = Questionnaire.objects.get(audience=A.MENTEE, start_year=this_year())
    questions = list(questionnaire.questions.all())
    data = {f"q{q.pk}": "9" for q in questions if q.kind == Question.Kind.SCALE}
    data[f"q{questions[-1].pk}"] = "Спасибо наставнику"
    assert client.post(url, data).status_code == 302
    response = Response.objects.get(program=program, stage=MID)
    assert response.respondent == world.mentee.person and response.submitted_at
    assert list(response.answers.values_list("number", flat=True)) == [9] * 6 + [None]
    assert response.answers.get(number=None).text == "Спасибо наставнику"


def test_a_bad_answer_keeps_what_was_typed_and_says_why(world, client_as):
    program = running_program(world.pairing)
    url = reverse("surveys:program-mid", args=[program.pk])
    client = client_as("mentor")
    client.get(url)
    questions = list(Questionnaire.objects.get(audience=A.MENTOR, start_year=this_year()).questions.all())
    data = {f"q{questions[0].pk}": "11", f"q{questions[-1].pk}": "Мой длинный ответ"}
    page = client.post(url, data)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Выберите один из предложенных вариантов." in text and "Ответьте на этот вопрос." in text
    assert "Мой длинный ответ" in text
    assert not Response.objects.exists()


def test_the_service_refuses_a_score_off_the_scale(world):
    program = running_program(world.pairing)
    questionnaire = questionnaire_ensure(audience=A.MENTOR, start_year=this_year())
    values = scale_values(questionnaire)
    values[questionnaire.questions.first().pk] = "²"
    with pytest.raises(ValidationError) as refusal:
        pair_response_submit(program=program, stage=MID, values=values, actor=world.users["mentor"])
    assert "Выберите оценку от 1 до 10." in refusal.value.messages
    assert not Response.objects.exists()


def test_one_answer_per_participant_and_stage(world):
    program = running_program(world.pairing)
    questionnaire = questionnaire_ensure(audience=A.MENTOR, start_year=this_year())
    pair_response_submit(program=program, stage=MID, values=scale_values(questionnaire), actor=world.users["mentor"])
    with pytest.raises(ValidationError, match="уже заполнена"):
        pair_response_submit(
            program=program, stage=MID, values=scale_values(questionnaire), actor=world.users["mentor"]
        )


def test_the_participant_records_their_own_refusal(world, client_as):
    program = running_program(world.pairing)
    client_as("mentee").post(reverse("surveys:decline-mid", args=[program.pk]))
    response = Response.objects.get()
    assert response.respondent == world.mentee.person
    assert response.declined_at and response.submitted_at is None
    assert response.decline_reason == "Отказ от ответа"
    assert response.recorded_by == world.users["mentee"]
    assert not Answer.objects.exists()
    assert response.history.first().history_user == world.users["mentee"]


def test_the_curator_records_a_refusal_given_on_paper_with_how(world, client_as):
    program = running_program(world.pairing)
    url = reverse("surveys:decline-mid", args=[program.pk])
    client = client_as("curator")
    client.post(url, {"person": world.mentor.person.pk, "reason": ""})
    assert not Response.objects.exists()  # how it was given is required
    client.post(url, {"person": world.mentor.person.pk, "reason": "Письменный отказ от 12.01"})
    response = Response.objects.get()
    assert response.respondent == world.mentor.person
    assert response.decline_reason == "Письменный отказ от 12.01"
    assert response.recorded_by == world.users["curator"]
    page = client.get(program.get_absolute_url()).content.decode()
    assert "отказ (" in page


def test_someone_outside_the_pair_cannot_answer(world):
    program = running_program(world.pairing)
    with pytest.raises(ValidationError, match="только наставник и наставляемые"):
        pair_response_submit(program=program, stage=MID, values={}, actor=world.users["council"])


def test_questions_freeze_once_answered_and_next_year_is_a_copy(world):
    program = running_program(world.pairing)
    answer = written_answer(program, MID, world.mentor.person)
    questionnaire = answer.questionnaire
    question = questionnaire.questions.first()
    question.text = "Другой вопрос"
    with pytest.raises(ValidationError, match="уже отвечали"):
        question_save(question=question, actor=world.users["curator"])
    copy = questionnaire_next_year(questionnaire=questionnaire, actor=world.users["curator"]).obj
    assert copy.start_year == questionnaire.start_year + 1
    assert copy.questions.count() == questionnaire.questions.count()
    changed = copy.questions.first()
    changed.text = "Насколько полезным было наставничество для вас лично?"
    question_save(question=changed, actor=world.users["curator"])
    question.refresh_from_db()
    assert question.text != "Другой вопрос"  # the answered year keeps its questions
    assert answer.answers.first().question == question
    # The next year's questionnaire made on demand copies the curator's latest changes.
    later = questionnaire_ensure(audience=A.MENTOR, start_year=questionnaire.start_year + 2)
    assert later.questions.first().text == "Насколько полезным было наставничество для вас лично?"


def test_only_the_curator_changes_questions(world):
    questionnaire = questionnaire_ensure(audience=A.MENTOR, start_year=this_year())
    question = Question(questionnaire=questionnaire, position=9, text="Ещё вопрос", kind=Question.Kind.SCALE)
    with pytest.raises(ValidationError, match="куратор"):
        question_save(question=question, actor=world.users["head"])


def test_a_choice_needs_options(world, client_as):
    questionnaire = questionnaire_ensure(audience=A.NEEDS, start_year=this_year())
    url = reverse("surveys:question-create", args=[questionnaire.pk])
    page = client_as("curator").post(
        url, {"position": "5", "text": "Когда удобно?", "kind": "choice", "options": "Утром"}
    )
    assert "хотя бы два варианта" in page.content.decode()
    assert "Когда удобно?" in page.content.decode()  # what was typed stays


def test_the_mid_term_survey_opens_at_the_middle_or_after_a_third_of_the_plan(world):
    program = running_program(world.pairing, done=0, due=3)
    today = timezone.localdate()
    assert opens_on(program, MID) == program.starts_on + timedelta(days=(program.ends_on - program.starts_on).days // 2)
    assert is_open(program, MID, opens_on(program, MID))
    assert not is_open(program, MID, opens_on(program, MID) - timedelta(days=1))
    done = running_program(world.other_mentor.pairings.get(), done=1, due=2)
    assert is_open(done, MID, program.starts_on)
    assert not is_open(done, END, program.starts_on)
    finished = running_program(world.other_mentor.pairings.get(), done=3, due=0)
    assert is_open(finished, END, finished.starts_on)
    program.status = Program.Status.COMPLETED
    assert not is_open(program, MID, today)


@pytest.fixture
def only_surveys():
    # The other apps that close the cycle (diagnostics…) add their own conditions; theirs are tested there.
    with conditions_suspended():
        register_condition("surveys.end", missing_end_surveys, order=50)
        yield


def test_completion_needs_both_end_surveys_answered_or_declined(world, only_surveys):
    program = running_program(world.pairing, done=3, due=0)
    missing = missing_for_completion(program)
    assert any(sentence.startswith("Нет итоговой анкеты наставника (Петрова") for sentence in missing)
    assert any(sentence.startswith("Нет итоговой анкеты наставляемого (Иванова") for sentence in missing)
    with pytest.raises(ValidationError) as refusal:
        program_move(
            program=program,
            target=Program.Status.COMPLETED,
            actor=world.users["curator"],
            final_assessment="Цели достигнуты.",
            curator_conclusion="Программа выполнена.",
        )
    assert any("Нет итоговой анкеты" in message for message in refusal.value.messages)

    written_answer(program, END, world.mentor.person)
    pair_response_decline(
        program=program, stage=END, person=world.mentee.person, reason="", actor=world.users["mentee"]
    )
    assert not [sentence for sentence in missing_for_completion(program) if "анкету" in sentence]
    program_move(
        program=program,
        target=Program.Status.COMPLETED,
        actor=world.users["curator"],
        final_assessment="Цели достигнуты.",
        curator_conclusion="Программа выполнена.",
    )
    program.refresh_from_db()
    assert program.status == Program.Status.COMPLETED


def test_the_needs_survey_is_sent_answered_and_listed_on_the_refresh_page(world, client_as):
    needs = questionnaire_ensure(audience=A.NEEDS, start_year=this_year())
    recipient = world.person("norole")
    client = client_as("curator")
    page = client.get(reverse("surveys:needs-send")).content.decode()
    assert world.other_person.full_name in page  # pedagogical staff outside the bank
    assert world.mentor.person.full_name not in page and world.mentee.person.full_name not in page
    client.post(reverse("surveys:needs-send"), {"people": [world.other_person.pk]})
    assert needs.responses.get().respondent == world.other_person
    needs.refresh_from_db()
    assert needs.sent_at is not None

    # A person with no role answers it from the home page.
    needs_send(questionnaire=needs, people=[recipient], actor=world.users["curator"])
    home = client_as("norole").get("/").content.decode()
    response = needs.responses.get(respondent=recipient)
    answer_url = reverse("surveys:needs-answer", args=[response.pk])
    assert answer_url in home
    questions = list(needs.questions.all())
    wants = next(q for q in questions if q.text == "Хотели бы вы, чтобы у вас был наставник?")
    client_as("norole").post(answer_url, {f"q{wants.pk}": "Да", f"q{questions[0].pk}": "Не хватает опыта"})
    response.refresh_from_db()
    assert response.submitted_at is not None
    assert answer_url not in client_as("norole").get("/").content.decode()

    refresh = client_as("curator").get(reverse("mentorship:refresh")).content.decode()
    assert recipient.full_name in refresh and "Включить в банк" in refresh
    assert f"?person={recipient.pk}" in refresh
    assert response.get_absolute_url() in refresh


def test_a_needs_answer_cannot_be_given_twice(world):
    needs = questionnaire_ensure(audience=A.NEEDS, start_year=this_year())
    needs_send(questionnaire=needs, people=[world.person("norole")], actor=world.users["curator"])
    response = needs.responses.get()
    wants = needs.questions.get(text="Хотели бы вы, чтобы у вас был наставник?")
    needs_answer(response=response, values={wants.pk: "Нет"}, actor=world.users["norole"])
    with pytest.raises(ValidationError, match="уже заполнена"):
        needs_answer(response=response, values={wants.pk: "Да"}, actor=world.users["norole"])
    with pytest.raises(ValidationError):
        needs_answer(response=response, values={wants.pk: "Да"}, actor=world.users["curator"])


def test_the_home_page_asks_the_participant_for_an_open_survey(world, client_as):
    program = running_program(world.pairing)
    home = client_as("mentee").get("/").content.decode()
    assert "Заполните промежуточную анкету" in home
    assert reverse("surveys:program-mid", args=[program.pk]) in home
    written_answer(program, MID, world.mentee.person)
    assert "Заполните промежуточную анкету" not in client_as("mentee").get("/").content.decode()


def test_the_program_pdf_says_who_answered_and_not_what(world, client_as):
    program = running_program(world.pairing)
    written_answer(program, MID, world.mentor.person)
    response = client_as("curator").get(reverse("programs:program-pdf", args=[program.pk]))
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Анкеты участников" in text and "Петрова" in text
    assert "Свободный ответ" not in text
