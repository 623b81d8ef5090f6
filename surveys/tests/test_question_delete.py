"""Deleting a question of a questionnaire is done from the page that says what happens."""

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES, expect
from core.dates import academic_start_year

from ..models import Question, Questionnaire
from ..services import questionnaire_ensure


@pytest.fixture
def question(world):
    questionnaire = questionnaire_ensure(
        audience=Questionnaire.Audience.MENTOR, start_year=academic_start_year(timezone.localdate()) + 1
    )
    return questionnaire.questions.first()


@pytest.mark.parametrize("role", ROLES)
def test_the_confirmation_is_the_curators_only(client_as, question, role):
    response = client_as(role).get(reverse("surveys:question-delete", args=[question.pk]))
    assert response.status_code == expect({"curator"})[role], role
    assert Question.objects.filter(pk=question.pk).exists()


def test_the_question_is_deleted_only_once_confirmed(client_as, question):
    url = reverse("surveys:question-delete", args=[question.pk])
    client = client_as("curator")
    page = client.post(url).content.decode()
    assert "будет удалён из анкеты" in page and ">Удалить вопрос</button>" in page
    assert Question.objects.filter(pk=question.pk).exists()
    response = client.post(url, {"confirmed": "1"})
    assert response.status_code == 302
    assert not Question.objects.filter(pk=question.pk).exists()
