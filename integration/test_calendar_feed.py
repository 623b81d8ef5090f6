"""The whole calendar feed, every app's source together: its query count pinned for a mentor and for a
council member (meetings and roadmap too) and unchanged when every kind of row grows. Here, outside
the layers, because it builds records of all the apps that feed the calendar."""

from datetime import date

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import queries_of
from council.models import Meeting as CouncilMeeting
from feeds.services import feed_renew
from mentorship.models import CouncilMembership, MentoringForm
from mentorship.tests.factories import MenteeFactory, PairingFactory
from programs.models import Meeting, Program
from programs.tests.factories import ActivityRecordFactory, program_with_plan
from roadmap.models import Roadmap, academic_start_year
from roadmap.services import BASIS_TYPICAL, roadmap_approve, roadmap_create, roadmap_move


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def add_rows(world) -> None:
    """One more of everything a mentor's and a council member's calendar holds."""
    pairing = PairingFactory(mentor=world.mentor, mentees=[MenteeFactory()])
    program = program_with_plan(pairing, Program.Status.RUNNING, items=3)
    ActivityRecordFactory(program=program)
    meeting = Meeting.objects.create(
        mentor=world.mentor,
        form=MentoringForm.objects.order_by("pk").first(),
        held_on=date(2026, 10, 7),
        topic="Адаптация",
        logged_by=world.users["mentor"],
    )
    meeting.participants.set([world.other_person])
    council = CouncilMeeting.objects.create(date=date(2026, 11, 12), place="Кабинет", created_by=world.users["curator"])
    council.attendees.set(CouncilMembership.objects.all())


@pytest.fixture
def roadmap(world) -> Roadmap:
    year = academic_start_year(timezone.localdate())
    roadmap = roadmap_create(start_year=year, basis=BASIS_TYPICAL, source=None, actor=world.users["curator"]).obj
    roadmap_move(roadmap=roadmap, target=Roadmap.Status.AWAITING_APPROVAL, actor=world.users["curator"])
    roadmap_approve(roadmap=roadmap, actor=world.users["head"])
    return roadmap


# The token and its owner, the roles; then each source's own (mentorship 3, programs 8, council 1, roadmap 1);
# for the council's chair, programs_for asks once whether she is the chair (council's program scope).
QUERIES = {"mentor": 2 + 3 + 8, "council": 2 + 3 + 8 + 1 + 1 + 1}


@pytest.mark.parametrize("role", sorted(QUERIES))
def test_feed_query_count_is_pinned_and_does_not_grow_with_rows(client, world, roadmap, role):
    user = world.users[role]
    if role == "council":  # the chair also mentors: every source gives her something
        from mentorship.tests.factories import MentorFactory

        mentor = MentorFactory(person=user.person)
        world.mentor = mentor
    add_rows(world)
    url = reverse("feeds:feed", args=[feed_renew(user=user, actor=user).token])
    before = len(icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT"))
    assert queries_of(client, url) == QUERIES[role]
    add_rows(world)
    add_rows(world)
    assert queries_of(client, url) == QUERIES[role]
    assert len(icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")) > before


# The session and its user, the roles, the feed; the sources as in the feed (mentorship 3, programs 8).
PAGE_QUERIES = 2 + 1 + 1 + 3 + 8


def test_my_calendar_page_query_count_does_not_grow_with_rows(client_as, world, roadmap):
    """The page lists the coming entries, so it asks every source too."""
    client = client_as("mentor")
    feed_renew(user=world.users["mentor"], actor=world.users["mentor"])
    add_rows(world)
    url = reverse("feeds:calendar")
    first = queries_of(client, url)
    add_rows(world)
    add_rows(world)
    assert queries_of(client, url) == first == PAGE_QUERIES
