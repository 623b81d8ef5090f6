"""Every survey page for every role: anonymous → login; 200 / 403; someone else's answer → 404.
Who reads an answer: its author, the curator and the head — never the other member of the pair, nor
the council (averages only), nor the system administrator."""

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES, expect
from core.dates import academic_start_year

from ..models import Questionnaire, Response
from ..services import needs_send, questionnaire_ensure
from .factories import running_program, written_answer

A = Questionnaire.Audience
MID = Response.Stage.MID
EVERYONE_ELSE = frozenset(ROLES) - {"anonymous"}


def year():
    return academic_start_year(timezone.localdate())


def questionnaire(w, audience=A.MENTOR):
    return questionnaire_ensure(audience=audience, start_year=year())


def mentor_answer(w):
    return written_answer(running_program(w.pairing), MID, w.mentor.person)


def mentee_answer(w):
    return written_answer(running_program(w.pairing), MID, w.mentee.person)


def other_pair_answer(w):
    return written_answer(running_program(w.other_mentor.pairings.get()), MID, w.other_mentee.person)


def needs_for_norole(w):
    needs = questionnaire(w, A.NEEDS)
    needs_send(questionnaire=needs, people=[w.person("norole")], actor=w.users["curator"])
    return needs.responses.get()


GET_CASES = [
    ("list", lambda w: reverse("surveys:list"), expect({"head", "curator"})),
    ("summary", lambda w: reverse("surveys:summary"), expect({"head", "curator", "council"})),
    ("questionnaire", lambda w: questionnaire(w).get_absolute_url(), expect({"head", "curator"})),
    (
        "questionnaire-history",
        lambda w: reverse("surveys:questionnaire-history", args=[questionnaire(w).pk]),
        expect({"head", "curator"}),
    ),
    ("question-create", lambda w: reverse("surveys:question-create", args=[questionnaire(w).pk]), expect({"curator"})),
    (
        "question-update",
        lambda w: reverse("surveys:question-update", args=[questionnaire(w).questions.first().pk]),
        expect({"curator"}),
    ),
    ("needs-send", lambda w: reverse("surveys:needs-send"), expect({"curator"})),
    (
        "mentor-answer",
        lambda w: mentor_answer(w).get_absolute_url(),
        expect({"head", "curator", "mentor"}, not_found=EVERYONE_ELSE - {"head", "curator", "mentor"}),
    ),
    (
        "mentee-answer",
        lambda w: mentee_answer(w).get_absolute_url(),
        expect({"head", "curator", "mentee"}, not_found=EVERYONE_ELSE - {"head", "curator", "mentee"}),
    ),
    (
        "other-pair-answer",
        lambda w: other_pair_answer(w).get_absolute_url(),
        expect({"head", "curator"}, not_found=EVERYONE_ELSE - {"head", "curator"}),
    ),
    (
        "own-program-mid",
        lambda w: reverse("surveys:program-mid", args=[running_program(w.pairing).pk]),
        expect({"mentor", "mentee"}),
    ),
    (
        "other-program-mid",
        lambda w: reverse("surveys:program-mid", args=[running_program(w.other_mentor.pairings.get()).pk]),
        expect(set(), not_found=frozenset({"mentor", "mentee"})),
    ),
    (
        "needs-answer",
        lambda w: reverse("surveys:needs-answer", args=[needs_for_norole(w).pk]),
        expect({"norole"}, not_found=EVERYONE_ELSE - {"norole"}),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "url", "expected"), GET_CASES, ids=[case[0] for case in GET_CASES])
def test_get_matrix(world, client_as, role, name, url, expected):
    response = client_as(role).get(url(world))
    assert response.status_code == expected[role], (name, role)


def test_the_mentee_never_reads_the_mentors_answer_even_from_the_program_page(world, client_as):
    answer = mentor_answer(world)
    page = client_as("mentee").get(answer.program.get_absolute_url()).content.decode()
    assert "заполнено" in page
    assert answer.get_absolute_url() not in page
    assert "Свободный ответ Петрова" not in page
    mentor_page = client_as("mentor").get(answer.program.get_absolute_url()).content.decode()
    assert answer.get_absolute_url() in mentor_page


def test_the_council_sees_averages_and_no_single_answer(world, client_as):
    answer = mentor_answer(world)
    written_answer(answer.program, MID, world.mentee.person, score=9)
    page = client_as("council").get(reverse("surveys:summary")).content.decode()
    assert "7,0" in page and "9,0" in page
    assert "Петрова" not in page and "Иванова" not in page and "Свободный ответ" not in page
    program_page = client_as("council").get(answer.program.get_absolute_url()).content.decode()
    assert answer.get_absolute_url() not in program_page
    assert client_as("council").get(answer.get_absolute_url()).status_code == 404


def test_the_administrator_sees_no_survey(world, client_as):
    answer = mentor_answer(world)
    client = client_as("admin")
    assert client.get(answer.get_absolute_url()).status_code == 404
    assert client.get(reverse("surveys:summary")).status_code == 403
    assert client.get(reverse("surveys:list")).status_code == 403
    needs_for_norole(world)
    refresh = client.get(reverse("mentorship:refresh")).content.decode()
    assert "Анкета потребности" not in refresh and "Егорова" not in refresh


@pytest.mark.parametrize("role", ROLES)
def test_decline_matrix(world, client_as, role):
    program = running_program(world.pairing)
    response = client_as(role).post(reverse("surveys:decline-mid", args=[program.pk]), {"reason": "устно"})
    expected = expect({"mentor", "mentee", "curator"}, ok_status=302)
    if role == "curator":
        # The curator is no participant: without naming one there is nobody to record.
        expected[role] = 404
    assert response.status_code == expected[role]
    declined = Response.objects.filter(program=program, declined_at__isnull=False)
    if role in {"mentor", "mentee"}:
        assert declined.get().respondent == world.person(role)
    else:
        assert not declined.exists()


def test_a_participant_cannot_decline_for_the_other(world, client_as):
    program = running_program(world.pairing)
    response = client_as("mentor").post(
        reverse("surveys:decline-mid", args=[program.pk]), {"person": world.mentee.person.pk}
    )
    assert response.status_code == 404
    assert not Response.objects.exists()
