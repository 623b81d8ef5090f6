"""A questionnaire's history page: its questions' changes in words, at a cost in queries that does
not grow with the history (who opens it: test_access.py's matrix, the questionnaire's readers)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.dates import academic_start_year

from ..models import Question, Questionnaire
from ..services import question_delete, question_save, questionnaire_ensure


def test_questions_reworded_added_and_removed_read_in_words(world, client_as):
    questionnaire = questionnaire_ensure(
        audience=Questionnaire.Audience.MENTOR, start_year=academic_start_year(timezone.localdate())
    )
    curator = world.users["curator"]
    url = reverse("surveys:questionnaire-history", args=[questionnaire.pk])
    client = client_as("head")
    assert url in client.get(questionnaire.get_absolute_url()).content.decode()
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200

    question = questionnaire.questions.order_by("position").first()
    old = question.text
    question.text = "Насколько полезны были встречи с наставляемым?"
    question_save(question=question, actor=curator)
    added = Question(questionnaire=questionnaire, position=99, text="Что бы вы изменили?", kind=Question.Kind.TEXT)
    question_save(question=added, actor=curator)
    question_delete(question=added, actor=curator)

    with CaptureQueriesContext(connection) as more:
        page = client.get(url).content.decode()
    assert f"вопрос «{old}» → «Насколько полезны были встречи с наставляемым?»" in page
    assert "Вопрос: 99. Что бы вы изменили?" in page
    assert ": удаление" in page and "Морозова И.И., " in page
    assert len(more) == len(few)
