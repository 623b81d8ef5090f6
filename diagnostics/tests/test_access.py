"""Every page of the diagnostics, every role: anonymous → login; a role that never reads programs (the
system administrator, a person without a role) → 403; another pair's program → 404 for its outsiders.
A diagnostic has the readers of the program's difficulties (programs.selectors)."""

import pytest
from django.urls import reverse

from conftest import ROLES, expect
from programs.models import Program
from programs.tests.factories import program_with_plan

from ..models import Diagnostic
from .factories import sent

READERS = {"head", "curator", "council", "mentor", "mentee"}
WRITERS = {"curator", "council", "mentor"}


@pytest.fixture
def programs(world):
    own = program_with_plan(world.pairing, Program.Status.DRAFT, items=1)
    other = program_with_plan(world.other_mentor.pairings.get(), Program.Status.DRAFT, items=1)
    sent(own, Diagnostic.Stage.START, Diagnostic.Author.MENTEE, world.mentee.person, [1, 2])
    sent(other, Diagnostic.Stage.START, Diagnostic.Author.MENTEE, world.other_mentee.person, [1, 2])
    return own, other


CASES = [
    # (url name, method, own program's matrix, other pair's program's matrix)
    (
        "diagnostics:program",
        "get",
        expect(READERS),
        expect(READERS - {"mentor", "mentee"}, not_found={"mentor", "mentee"}),
    ),
    ("diagnostics:fill", "get", expect({"mentor", "mentee"}), expect(set(), not_found={"mentor", "mentee"})),
    ("diagnostics:suggest", "get", expect(WRITERS), expect(WRITERS - {"mentor"}, not_found={"mentor"})),
    (
        "diagnostics:difficulties",
        "post",
        expect(WRITERS, ok_status=302),
        expect(WRITERS - {"mentor"}, ok_status=302, not_found={"mentor"}),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "own", "other"), CASES, ids=[case[0] for case in CASES])
def test_who_opens_the_diagnostics(client_as, programs, role, name, method, own, other):
    own_program, other_program = programs
    client = client_as(role)
    for program, matrix in ((own_program, own), (other_program, other)):
        response = getattr(client, method)(reverse(name, args=[program.pk]))
        assert response.status_code == matrix[role], (role, name, program.pk)


def test_the_administrator_does_not_see_the_card_on_a_program_page(client_as, programs, world):
    # The administrator does not open programs at all; a reader sees the card with the statuses.
    own, _other = programs
    assert client_as("admin").get(reverse("programs:program-detail", args=[own.pk])).status_code == 403
    page = client_as("council").get(reverse("programs:program-detail", args=[own.pk])).content.decode()
    assert "Самодиагностика" in page and "отправлена" in page


@pytest.mark.parametrize("query", ["?stage=middle", "?person=abc", "?person=²", "?stage=start&person=999999"])
def test_a_hostile_address_of_a_diagnostic_is_a_404(client_as, programs, query):
    own, _other = programs
    response = client_as("mentee").get(reverse("diagnostics:fill", args=[own.pk]) + query)
    assert response.status_code == 404


def test_a_mentee_cannot_fill_her_mentors_rating_of_another_mentee(client_as, programs, world):
    own, _other = programs
    url = reverse("diagnostics:fill", args=[own.pk]) + f"?person={world.other_mentee.person.pk}"
    assert client_as("mentee").get(url).status_code == 404
