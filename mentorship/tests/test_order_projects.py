"""The head withdraws the project of an approval order: its pairs go back to the approval queue,
their log says why, and they can be approved again into a new project."""

from datetime import date

import pytest
from django.urls import reverse

from conftest import expect
from mentorship.models import Pairing
from mentorship.services.pair_orders import approval_project, pairings_approve
from mentorship.services.pairs import pairing_consent_record
from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory
from records.models import Order
from records.services import order_register, order_void

S = Pairing.Status
REASON = "В составе пар ошибка: наставник в отпуске"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def ready_pair(world, *, mentor=None, mentees=None):
    pairing = PairingFactory(
        mentor=mentor or MentorFactory(),
        mentees=mentees or [MenteeFactory()],
        status=S.AWAITING_APPROVAL,
        starts_on=date(2027, 1, 11),
        planned_end_on=date(2027, 8, 31),
    )
    for person in [pairing.mentor.person, *(m.person for m in pairing.mentees.all())]:
        pairing_consent_record(
            pairing=pairing, person=person, given_on=date(2026, 11, 20), actor=world.users["curator"]
        )
    return pairing


def test_a_withdrawn_projects_pairs_return_to_the_queue_and_are_approved_into_a_new_project(world):
    first, second = ready_pair(world), ready_pair(world)
    project = pairings_approve(pairings=[first, second], actor=world.users["head"]).obj
    assert approval_project(first) == project
    order_void(order=project, reason=REASON, actor=world.users["head"])
    for pairing in (first, second):
        pairing.refresh_from_db()
        assert pairing.status == S.AWAITING_APPROVAL
        assert approval_project(pairing) is None
        last = pairing.transitions.last()
        assert (last.source, last.target, last.actor) == (S.AWAITING_APPROVAL, S.AWAITING_APPROVAL, world.users["head"])
        assert f"Проект приказа от {project.date:%d.%m.%Y} отозван ({REASON})" in last.comment
    # Approved again: a new project, which fixes the pairs when registered; the withdrawn one stays as it was.
    again = pairings_approve(pairings=[first], actor=world.users["head"]).obj
    assert again.pk != project.pk and approval_project(first) == again
    order_register(order=again, actor=world.users["head"])
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == S.FIXED and second.status == S.AWAITING_APPROVAL
    project.refresh_from_db()
    assert project.status == Order.Status.VOIDED and project.number is None
    assert set(project.pairings.all()) == {first, second}  # the register keeps what it was about


def test_the_queue_offers_the_pairs_again_after_the_withdrawal(world, client_as):
    pairing = ready_pair(world)
    project = pairings_approve(pairings=[pairing], actor=world.users["head"]).obj
    client = client_as("head")
    response = client.post(reverse("records:order-void", args=[project.pk]), {"reason": REASON})
    assert response.status_code == 302
    queue = client.get(reverse("mentorship:approval-queue")).content.decode()
    assert "ожидает регистрации приказа" not in queue and project.get_absolute_url() not in queue
    assert f'value="{pairing.pk}"' in queue
    page = client_as("curator").get(pairing.get_absolute_url()).content.decode()
    assert 'id="pairing-project"' not in page and REASON in page
    response = client_as("head").post(
        reverse("mentorship:approval-queue"), {"action": "approve", "pairings": [pairing.pk], "confirmed": "1"}
    )
    new = Order.objects.filter(status=Order.Status.DRAFT).get()
    assert response["Location"] == new.get_absolute_url()


@pytest.mark.parametrize("role, status", expect({"head"}, ok_status=302).items())
def test_only_the_head_withdraws_a_pair_approval(world, client_as, role, status):
    world.pairing.status = S.COMPLETED  # the mentor and the mentee of the world pair again
    world.pairing.save()
    pairing = ready_pair(world, mentor=world.mentor, mentees=[world.mentee])
    project = pairings_approve(pairings=[pairing], actor=world.users["head"]).obj
    assert (
        client_as(role).post(reverse("records:order-void", args=[project.pk]), {"reason": REASON}).status_code == status
    )
    project.refresh_from_db()
    assert project.is_voided == (role == "head")
    assert (approval_project(pairing) is None) == (role == "head")


@pytest.mark.parametrize(
    "role, status",
    expect({"head", "curator", "council", "admin"}, not_found={"mentor", "mentee"}).items(),
)
def test_someone_elses_withdrawn_project_is_not_shown(world, client_as, role, status):
    project = pairings_approve(pairings=[ready_pair(world)], actor=world.users["head"]).obj
    order_void(order=project, reason=REASON, actor=world.users["head"])
    assert client_as(role).get(reverse("records:order-detail", args=[project.pk])).status_code == status
    assert client_as(role).get(reverse("records:order-preview", args=[project.pk])).status_code == status


def test_the_pairs_participants_read_their_withdrawn_project(world, client_as):
    pairing = ready_pair(world, mentor=world.other_mentor, mentees=[MenteeFactory()])
    world.pairing.status = S.COMPLETED
    world.pairing.save()
    own = ready_pair(world, mentor=world.mentor, mentees=[world.mentee])
    project = pairings_approve(pairings=[own, pairing], actor=world.users["head"]).obj
    order_void(order=project, reason=REASON, actor=world.users["head"])
    for role in ("mentor", "mentee"):
        page = client_as(role).get(reverse("records:order-detail", args=[project.pk])).content.decode()
        assert "Отозванный проект приказа" in page and REASON in page
