"""Council meetings in the calendar of those who read them (meetings_for): members, the curator and the
head; not a mentor or a mentee. The agenda's content stays on the meeting's page."""

import pytest
from django.utils import timezone

from council.calendar import meeting_events
from council.models import Meeting

from .conftest import MEETING_DAY, held_meeting


@pytest.mark.parametrize("role", ["head", "curator", "council", "member"])
def test_meeting_is_in_the_calendar_of_its_readers(world, meeting, role):
    (event,) = meeting_events(world.users[role])
    assert event.uid == f"council-meeting-{meeting.pk}"
    assert event.start == MEETING_DAY
    assert event.location == "Методический кабинет"
    assert event.description == "В повестке 1 вопрос; запланировано."
    assert "программ" not in event.description  # the agenda names programs: not in a calendar
    assert event.url == meeting.get_absolute_url()
    assert event.last_modified is None


@pytest.mark.parametrize("role", ["mentor", "mentee", "admin", "norole"])
def test_others_have_no_council_meetings(world, meeting, role):
    assert meeting_events(world.users[role]) == []


def test_signed_protocol_shows_its_number_and_signing_time(world, meeting):
    signed_at = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.SIGNED, number=4, signed_at=signed_at)
    (event,) = meeting_events(world.users["council"])
    assert event.summary == "Заседание МО (протокол № 4)"
    assert event.last_modified == signed_at


def test_one_query_whatever_the_number_of_meetings(world, member, chair, django_assert_num_queries):
    for _ in range(3):
        held_meeting(world, [chair, member])
    user = world.users["council"]
    meeting_events(user)  # the roles, once per request
    with django_assert_num_queries(1):
        assert len(meeting_events(user)) == 3
