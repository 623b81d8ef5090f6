"""Every page of the log, every role: anonymous → login; a role without access → 403; a program,
record or meeting of another pair → 404."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES, expect
from mentorship.models import MentoringForm

from ..models import ActivityRecord, Meeting, Program, ReleaseRequest
from .factories import ActivityRecordFactory, program_in_work

PROGRAM_READERS = {"head", "curator", "council", "mentor", "mentee"}


@dataclass
class Log:
    program: Program
    record: ActivityRecord
    other_program: Program
    other_record: ActivityRecord
    meeting: Meeting
    release: ReleaseRequest
    other_meeting: Meeting
    other_release: ReleaseRequest


@pytest.fixture
def log(world) -> Log:
    program = program_in_work(world.pairing, done=1, due=1, overdue=1)
    other = program_in_work(world.other_mentor.pairings.get(), due=1)
    meeting = Meeting.objects.create(
        mentor=world.mentor,
        form=MentoringForm.objects.get(name="Ситуационное"),
        held_on=timezone.localdate(),
        topic="Конфликт с родителем на прогулке",
        logged_by=world.users["mentor"],
    )
    meeting.participants.set([world.other_person])
    release = ReleaseRequest.objects.create(
        program=program,
        person=world.mentee.person,
        event="Открытый показ",
        date=timezone.localdate() + timedelta(days=3),
        hours=2,
        requested_by=world.users["mentee"],
    )
    other_meeting = Meeting.objects.create(
        mentor=world.other_mentor,
        form=MentoringForm.objects.get(name="Скоростное"),
        held_on=timezone.localdate(),
        topic="Как вести портфолио",
    )
    other_release = ReleaseRequest.objects.create(
        program=other,
        person=world.other_mentee.person,
        event="Мастер-класс",
        date=timezone.localdate() + timedelta(days=3),
        hours=1,
    )
    return Log(
        program=program,
        record=ActivityRecordFactory(program=program),
        other_program=other,
        other_record=ActivityRecordFactory(program=other),
        meeting=meeting,
        release=release,
        other_meeting=other_meeting,
        other_release=other_release,
    )


MENTOR_ONLY = {"mentor"}
OTHERS_OWN = frozenset({"mentor", "mentee"})
MEETING_READERS = {"head", "curator", "mentor"}
RELEASE_READERS = {"head", "curator", "mentor", "mentee"}

CASES = [
    ("program-log", lambda g: reverse("programs:program-log", args=[g.program.pk]), expect(PROGRAM_READERS)),
    (
        "other-program-log",
        lambda g: reverse("programs:program-log", args=[g.other_program.pk]),
        expect({"head", "curator", "council"}, not_found=OTHERS_OWN),
    ),
    ("record-create", lambda g: reverse("programs:record-create", args=[g.program.pk]), expect(MENTOR_ONLY)),
    (
        "other-record-create",
        lambda g: reverse("programs:record-create", args=[g.other_program.pk]),
        expect(set(), not_found=frozenset({"mentor"})),
    ),
    ("record-detail", lambda g: reverse("programs:record-detail", args=[g.record.pk]), expect(PROGRAM_READERS)),
    (
        "other-record-detail",
        lambda g: reverse("programs:record-detail", args=[g.other_record.pk]),
        expect({"head", "curator", "council"}, not_found=OTHERS_OWN),
    ),
    ("record-history", lambda g: reverse("programs:record-history", args=[g.record.pk]), expect(PROGRAM_READERS)),
    (
        "other-record-history",
        lambda g: reverse("programs:record-history", args=[g.other_record.pk]),
        expect({"head", "curator", "council"}, not_found=OTHERS_OWN),
    ),
    ("record-update", lambda g: reverse("programs:record-update", args=[g.record.pk]), expect(MENTOR_ONLY)),
    (
        "other-record-update",
        lambda g: reverse("programs:record-update", args=[g.other_record.pk]),
        expect(set(), not_found=frozenset({"mentor"})),
    ),
    ("meeting-list", lambda g: reverse("programs:meeting-list"), expect(MEETING_READERS)),
    ("meeting-create", lambda g: reverse("programs:meeting-create"), expect(MENTOR_ONLY)),
    ("meeting-update", lambda g: reverse("programs:meeting-update", args=[g.meeting.pk]), expect(MENTOR_ONLY)),
    ("meeting-history", lambda g: reverse("programs:meeting-history", args=[g.meeting.pk]), expect(MEETING_READERS)),
    (
        "other-meeting-history",
        lambda g: reverse("programs:meeting-history", args=[g.other_meeting.pk]),
        expect({"head", "curator"}, not_found=MENTOR_ONLY),
    ),
    ("release-list", lambda g: reverse("programs:release-list"), expect(RELEASE_READERS)),
    ("release-history", lambda g: reverse("programs:release-history", args=[g.release.pk]), expect(RELEASE_READERS)),
    (
        "other-release-history",
        lambda g: reverse("programs:release-history", args=[g.other_release.pk]),
        expect({"head", "curator"}, not_found=OTHERS_OWN),
    ),
    ("release-create", lambda g: reverse("programs:release-create", args=[g.program.pk]), expect(OTHERS_OWN)),
    (
        "other-release-create",
        lambda g: reverse("programs:release-create", args=[g.other_program.pk]),
        expect(set(), not_found=OTHERS_OWN),
    ),
]


@pytest.mark.parametrize(("name", "url", "expected"), CASES, ids=[case[0] for case in CASES])
def test_every_log_page_for_every_role(client_as, log, name, url, expected):
    address = url(log)
    for role in ROLES:
        response = client_as(role).get(address)
        assert response.status_code == expected[role], f"{name} as {role}: {response.status_code}"


def test_another_mentors_meeting_is_not_found(client_as, world, log):
    other = Meeting.objects.create(
        mentor=world.other_mentor,
        form=MentoringForm.objects.get(name="Скоростное"),
        held_on=timezone.localdate(),
        topic="Как вести портфолио",
    )
    client = client_as("mentor")
    assert client.get(reverse("programs:meeting-update", args=[other.pk])).status_code == 404
    assert client.post(reverse("programs:meeting-delete", args=[other.pk])).status_code == 404
    assert Meeting.objects.filter(pk=other.pk).exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("head", 403), ("curator", 403), ("council", 403), ("mentor", 403), ("mentee", 302)],
)
def test_only_a_mentee_may_post_a_confirmation(client_as, log, role, status):
    response = client_as(role).post(reverse("programs:record-respond", args=[log.record.pk]), {"action": "confirm"})
    assert response.status_code == status
    log.record.refresh_from_db()
    assert (log.record.confirmed_at is not None) == (role == "mentee")


@pytest.mark.parametrize(("role", "status"), [("curator", 403), ("mentor", 403), ("mentee", 403), ("head", 302)])
def test_only_the_head_decides_on_a_release(client_as, log, role, status):
    response = client_as(role).post(
        reverse("programs:release-refuse", args=[log.release.pk]), {"comment": "Нет замены"}
    )
    assert response.status_code == status
    log.release.refresh_from_db()
    assert (log.release.status == "refused") == (role == "head")


@pytest.mark.parametrize(("role", "status"), [("mentee", 403), ("curator", 403), ("head", 403), ("mentor", 302)])
def test_only_the_mentor_who_logged_it_deletes_a_record(client_as, log, role, status):
    response = client_as(role).post(reverse("programs:record-delete", args=[log.record.pk]))
    assert response.status_code == status
    assert ActivityRecord.objects.filter(pk=log.record.pk).exists() == (role != "mentor")


def test_a_mentor_cannot_delete_another_pairs_record(client_as, log):
    assert client_as("mentor").post(reverse("programs:record-delete", args=[log.other_record.pk])).status_code == 404
    assert ActivityRecord.objects.filter(pk=log.other_record.pk).exists()


def test_a_participant_who_did_not_ask_cannot_withdraw(client_as, log):
    assert client_as("mentor").post(reverse("programs:release-withdraw", args=[log.release.pk])).status_code == 403
    assert client_as("curator").post(reverse("programs:release-withdraw", args=[log.release.pk])).status_code == 403
    log.release.refresh_from_db()
    assert log.release.status == ReleaseRequest.Status.REQUESTED
