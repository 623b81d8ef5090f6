from datetime import date

import pytest

from council.models import AgendaItem, Meeting
from mentorship.models import CouncilMembership
from mentorship.tests.factories import PersonFactory, UserFactory
from programs.models import Program
from programs.tests.factories import program_with_plan

# In the shared world «council» is the chair; «member» is a member without the chair's flag.
MEETING_DAY = date(2026, 10, 15)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def member(world):
    person = PersonFactory(user=UserFactory(username="member"), last_name="Орлова", first_name="Марина")
    membership = CouncilMembership.objects.create(person=person, status="member", joined_on=date(2025, 9, 1))
    world.users["member"] = person.user
    return membership


@pytest.fixture
def chair(world):
    return CouncilMembership.objects.get(is_chair=True)


@pytest.fixture
def program(world):
    return program_with_plan(world.pairing, Program.Status.REVIEW, items=1, council_agreed_at=None)


@pytest.fixture
def meeting(world, member, chair, program):
    """A meeting held, both members present, the program on the agenda with a decision to agree it."""
    meeting = Meeting.objects.create(
        date=MEETING_DAY, place="Методический кабинет", secretary=member, created_by=world.users["curator"]
    )
    meeting.attendees.set([chair, member])
    AgendaItem.objects.create(
        meeting=meeting,
        position=1,
        kind=AgendaItem.Kind.PROGRAM,
        title="О согласовании программы наставничества",
        program=program,
        heard="Петрову С.И. о программе наставничества",
        decided="Согласовать программу",
        votes_for=2,
        agrees_program=True,
    )
    return meeting


def held_meeting(world, members, day=MEETING_DAY, decided="Принять к сведению") -> Meeting:
    meeting = Meeting.objects.create(date=day, place="Кабинет", secretary=members[0], created_by=world.users["curator"])
    meeting.attendees.set(members)
    AgendaItem.objects.create(meeting=meeting, title="Отчёт куратора", kind="report", decided=decided)
    return meeting
