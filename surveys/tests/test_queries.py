"""Query counts pinned on the survey pages, the curator's summary and the program card: the same
with one answer as with many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.dates import academic_start_year
from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory, PersonFactory

from ..models import Questionnaire, Response
from ..services import needs_send, questionnaire_ensure
from .factories import running_program, written_answer

A = Questionnaire.Audience
MID, END = Response.Stage.MID, Response.Stage.END


def answered_pairs(count: int) -> list:
    """`count` more running programs, each with both mid-term answers."""
    programs = []
    for _ in range(count):
        mentee = MenteeFactory()
        pairing = PairingFactory(mentor=MentorFactory(), mentees=[mentee])
        program = running_program(pairing)
        written_answer(program, MID, pairing.mentor.person)
        written_answer(program, MID, mentee.person, score=9)
        programs.append(program)
    return programs


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("role", ["curator", "council"])
def test_the_summary_costs_the_same_for_one_answer_or_many(world, client_as, role):
    answered_pairs(1)
    client = client_as(role)
    url = reverse("surveys:summary")
    few = queries(client, url)
    answered_pairs(4)
    assert queries(client, url) == few
    assert few <= 12


def test_the_questionnaire_list_and_the_needs_pages_do_not_grow(world, client_as):
    year = academic_start_year(timezone.localdate())
    needs = questionnaire_ensure(audience=A.NEEDS, start_year=year)
    client = client_as("curator")
    needs_send(questionnaire=needs, people=[PersonFactory() for _ in range(2)], actor=world.users["curator"])
    urls = [
        reverse("surveys:list"),
        needs.get_absolute_url(),
        reverse("surveys:needs-send"),
        reverse("mentorship:refresh"),
    ]
    few = {url: queries(client, url) for url in urls}
    answered_pairs(2)
    needs_send(questionnaire=needs, people=[PersonFactory() for _ in range(6)], actor=world.users["curator"])
    for _ in range(3):
        PersonFactory()
    for url in urls:
        assert queries(client, url) == few[url], url


def test_the_program_card_and_an_answer_do_not_grow_with_the_group(world, client_as):
    program = running_program(world.pairing)
    mentor_answer = written_answer(program, MID, world.mentor.person)
    client = client_as("curator")
    few_program = queries(client, program.get_absolute_url())
    few_answer = queries(client, mentor_answer.get_absolute_url())
    for _ in range(3):
        mentee = MenteeFactory()
        world.pairing.mentees.add(mentee)
        written_answer(program, MID, mentee.person)
    assert queries(client, program.get_absolute_url()) <= few_program + 0
    assert queries(client, mentor_answer.get_absolute_url()) == few_answer
    assert few_answer <= 8


def test_the_answer_form_and_the_home_tasks_do_not_grow(world, client_as):
    program = running_program(world.pairing)
    client = client_as("mentee")
    url = reverse("surveys:program-mid", args=[program.pk])
    client.get(url)  # the year's questionnaire is made on the first visit
    few = queries(client, url)
    home = queries(client, "/")
    running_program(world.pairing)
    assert queries(client, url) == few
    assert queries(client, "/") == home
