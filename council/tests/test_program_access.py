"""A council member reads only the programs under their review and those on the agenda of their
meetings (a meeting still to be held calls every member; a held one, those who attended); the chair
also the programs awaiting the council's agreement. programs.selectors asks council's registered scope."""

import pytest
from django.urls import reverse

from council.models import AgendaItem, Meeting
from council.services import reviews_assign
from programs.models import Program
from programs.tests.factories import program_with_plan

from .conftest import held_meeting


@pytest.fixture
def running(world):
    """A running program nobody in the council has to do with."""
    return program_with_plan(world.pairing, Program.Status.RUNNING, items=1)


def status_for(client, user, program) -> int:
    client.force_login(user)
    return client.get(program.get_absolute_url()).status_code


def test_a_member_not_assigned_and_not_at_the_meeting_gets_404(client, world, member, running):
    assert status_for(client, world.users["member"], running) == 404
    client.force_login(world.users["member"])
    listed = client.get(reverse("programs:program-list")).context["object_list"]
    assert running not in listed
    assert client.get(reverse("programs:program-pdf", args=[running.pk])).status_code == 404


def test_the_reviewer_reads_the_program_under_review(client, world, member, running):
    reviews_assign(program=running, reviewers=[member], actor=world.users["council"])
    assert status_for(client, world.users["member"], running) == 200


def test_every_member_reads_the_agenda_of_a_meeting_to_come(client, world, member, chair, running):
    meeting = Meeting.objects.create(date=world.pairing.starts_on, place="Кабинет", created_by=world.users["curator"])
    AgendaItem.objects.create(meeting=meeting, kind="program", program=running, title="О программе")
    assert status_for(client, world.users["member"], running) == 200


def test_after_the_meeting_only_those_who_attended_read_its_programs(client, world, member, chair, running):
    from council.services import meeting_sign

    meeting = held_meeting(world, [chair])  # the member was absent
    AgendaItem.objects.create(meeting=meeting, kind="program", program=running, title="О программе", decided="Да")
    meeting.attendees.set([chair, member])
    meeting_sign(meeting=meeting, actor=world.users["curator"])
    assert status_for(client, world.users["member"], running) == 200
    meeting.attendees.set([chair])  # as if she had not attended
    assert status_for(client, world.users["member"], running) == 404


def test_the_chair_reads_the_programs_awaiting_the_council_and_no_other(client, world, program, running):
    assert status_for(client, world.users["council"], program) == 200  # under review
    assert status_for(client, world.users["council"], running) == 404


def test_the_head_and_the_curator_still_read_every_program(client, world, running):
    assert status_for(client, world.users["head"], running) == 200
    assert status_for(client, world.users["curator"], running) == 200


def test_the_pair_still_reads_its_own_program(client, world, running):
    assert status_for(client, world.users["mentor"], running) == 200
    assert status_for(client, world.users["mentee"], running) == 200


# The pages other apps keep about a program reach it through programs.selectors.programs_for, so the
# council's scope holds there too: a member not assigned reads none of them.
PROGRAM_PAGES = ["diagnostics:program", "programs:program-history", "programs:program-pdf"]


@pytest.mark.parametrize("name", PROGRAM_PAGES)
def test_a_member_reads_other_apps_pages_of_a_program_only_when_assigned(client, world, member, running, name):
    url = reverse(name, args=[running.pk])
    client.force_login(world.users["member"])
    assert client.get(url).status_code == 404
    reviews_assign(program=running, reviewers=[member], actor=world.users["council"])
    assert client.get(url).status_code == 200
