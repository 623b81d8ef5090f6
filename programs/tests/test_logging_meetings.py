"""One-off mentoring (скоростное, ситуационное): a meeting logged by a mentor with no program."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from mentorship.models import MentoringForm
from mentorship.tests.factories import PartnerFactory, PersonFactory

from ..models import Meeting
from ..services.logging import DUPLICATE_WINDOW, AlreadyRecorded, meeting_delete, meeting_save


@pytest.fixture
def situational():
    return MentoringForm.objects.get(name="Ситуационное")


def save(world, form, participants, *, role="mentor", meeting=None, **fields):
    user = world.users[role]
    values = {"held_on": timezone.localdate(), "topic": "Как успокоить плачущего ребёнка при расставании", **fields}
    return meeting_save(meeting=meeting, form=form, participants=participants, actor=user, **values)


def test_mentor_logs_a_situational_meeting_through_the_form(client_as, world, situational):
    client = client_as("mentor")
    response = client.post(
        reverse("programs:meeting-create"),
        {
            "held_on": timezone.localdate().isoformat(),
            "participants": [world.other_person.pk],
            "form": situational.pk,
            "topic": "Адаптация ребёнка в группе раннего возраста",
            "result": "Составили памятку для родителей",
        },
    )
    assert response.status_code == 302 and response.url == reverse("programs:meeting-list")
    meeting = Meeting.objects.get()
    assert (meeting.mentor, meeting.form, meeting.logged_by) == (world.mentor, situational, world.users["mentor"])
    assert list(meeting.participants.all()) == [world.other_person]
    page = client.get(reverse("programs:meeting-list")).content.decode()
    assert "Адаптация ребёнка в группе раннего возраста" in page and "Семёнова Д.И." in page


def test_the_same_meeting_sent_twice_is_stored_once(client_as, world, situational):
    client = client_as("mentor")
    data = {
        "held_on": timezone.localdate().isoformat(),
        "participants": [world.other_person.pk],
        "form": situational.pk,
        "topic": "Адаптация ребёнка в группе раннего возраста",
    }
    client.post(reverse("programs:meeting-create"), data)
    form = client.get(reverse("programs:meeting-create"))  # «Back»: asked anew, not from the cache
    assert "no-store" in form["Cache-Control"]
    response = client.post(reverse("programs:meeting-create"), data, follow=True)
    meeting = Meeting.objects.get()
    page = response.content.decode()
    assert "Эта встреча уже записана" in page and "второй раз не сохраняется" in page
    assert f'<a href="{reverse("programs:meeting-update", args=[meeting.pk])}">Открыть встречу</a>' in page


def test_another_meeting_on_the_same_topic_is_stored(world, situational):
    first = save(world, situational, [world.other_person]).obj
    with pytest.raises(AlreadyRecorded):
        save(world, situational, [world.other_person])
    save(world, situational, [world.other_person, world.mentee.person])  # with someone else too
    Meeting.objects.filter(pk=first.pk).update(logged_at=timezone.now() - DUPLICATE_WINDOW - timedelta(minutes=1))
    save(world, situational, [world.other_person])  # an hour later: a meeting of its own
    assert Meeting.objects.count() == 3


def test_only_one_off_forms_are_offered_and_accepted(client_as, world):
    form_field = client_as("mentor").get(reverse("programs:meeting-create")).context["form"].fields["form"]
    assert {f.name for f in form_field.queryset} == {"Ситуационное", "Скоростное"}
    with pytest.raises(ValidationError) as error:
        save(world, MentoringForm.objects.get(name="Педагог – педагог"), [world.other_person])
    assert "form" in error.value.message_dict


def test_future_date_no_participants_a_partner_or_oneself_are_refused(world, situational):
    cases = [
        ({"held_on": timezone.localdate() + timedelta(days=1)}, [world.other_person], "held_on"),
        ({}, [], "participants"),
        ({}, [PersonFactory(organization=PartnerFactory())], "participants"),
        ({}, [world.mentor.person], "participants"),
    ]
    for fields, participants, field in cases:
        with pytest.raises(ValidationError) as error:
            save(world, situational, participants, **fields)
        assert field in error.value.message_dict
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("role", ["curator", "head", "mentee", "council"])
def test_only_a_mentor_logs_meetings(world, situational, role):
    with pytest.raises(PermissionDenied):
        save(world, situational, [world.other_person], role=role)


def test_the_mentor_sees_own_meetings_the_curator_and_head_all(client_as, world, situational):
    save(world, situational, [world.other_person], topic="Моя встреча")
    Meeting.objects.create(
        mentor=world.other_mentor, form=situational, held_on=timezone.localdate(), topic="Чужая встреча"
    ).participants.set([world.other_person])
    mine = client_as("mentor").get(reverse("programs:meeting-list")).content.decode()
    assert "Моя встреча" in mine and "Чужая встреча" not in mine
    for role in ("curator", "head"):
        page = client_as(role).get(reverse("programs:meeting-list")).content.decode()
        assert "Моя встреча" in page and "Чужая встреча" in page and "Петрова С.И." in page


def test_mentor_corrects_and_deletes_own_meeting(world, situational):
    meeting = save(world, situational, [world.other_person]).obj
    save(world, situational, [world.other_person], meeting=meeting, topic="Исправленная тема")
    assert Meeting.objects.get().topic == "Исправленная тема"
    meeting_delete(meeting=meeting, actor=world.users["mentor"])
    assert not Meeting.objects.exists()


def test_a_refused_meeting_form_keeps_the_text(client_as, situational):
    response = client_as("mentor").post(
        reverse("programs:meeting-create"),
        {"held_on": timezone.localdate().isoformat(), "form": situational.pk, "topic": "Портфолио педагога"},
    )
    assert response.status_code == 200
    assert "Портфолио педагога" in response.content.decode()
    assert not Meeting.objects.exists()
