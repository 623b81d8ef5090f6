"""The head withdraws the project of a release order: the request, still «на рассмотрении», is back
in the head's queue, the requester reads why, and it can be approved into a new project."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import expect
from records.models import Order
from records.services import order_register, order_void

from ..models import ReleaseRequest
from ..services.releases import release_approve, release_request
from .factories import program_in_work

S = ReleaseRequest.Status
REASON = "Замену нужно согласовать с работником заново"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def release(world):
    program = program_in_work(world.pairing, done=1, due=2)
    asked = release_request(
        program=program,
        event="Открытый показ НОД",
        date=timezone.localdate() + timedelta(days=7),
        hours=Decimal("2"),
        substitute=world.other_person,
        actor=world.users["mentee"],
    ).obj
    return release_approve(release=asked, actor=world.users["head"], substitute_consent_on=timezone.localdate()).obj


def test_the_request_is_back_in_the_queue_and_approved_into_a_new_project(world, release):
    project = release.order
    order_void(order=project, reason=REASON, actor=world.users["head"])
    release.refresh_from_db()
    assert release.status == S.REQUESTED and release.order is None and release.decided_by is None
    assert release.decision_comment == f"Проект приказа от {project.date:%d.%m.%Y} отозван: {REASON}"
    assert release.history.first().history_user == world.users["head"]
    again = release_approve(release=release, actor=world.users["head"], substitute_consent_on=timezone.localdate()).obj
    assert again.order.pk != project.pk and again.order.is_draft
    order_register(order=again.order, actor=world.users["head"])
    release.refresh_from_db()
    assert release.status == S.APPROVED
    project.refresh_from_db()
    assert project.status == Order.Status.VOIDED and project.number is None


def test_the_queue_offers_the_approval_again_and_the_requester_reads_why(world, client_as, release):
    project = release.order
    client = client_as("head")
    assert client.post(reverse("records:order-void", args=[project.pk]), {"reason": REASON}).status_code == 302
    queue = client_as("head").get(reverse("mentorship:approval-queue")).content.decode()
    assert "ожидает регистрации приказа" not in queue and project.get_absolute_url() not in queue
    assert reverse("programs:release-approve", args=[release.pk]) in queue
    listing = client_as("mentee").get(reverse("programs:release-list")).content.decode()
    assert REASON in listing


@pytest.mark.parametrize("role, status", expect({"head"}, ok_status=302).items())
def test_only_the_head_withdraws_a_release_project(world, client_as, release, role, status):
    project = release.order
    assert client_as(role).post(reverse("records:order-void", args=[project.pk]), {"reason": REASON}).status_code == (
        status
    )
    release.refresh_from_db()
    assert (release.order_id is None) == (role == "head")
    assert release.status == S.REQUESTED


@pytest.mark.parametrize("role, status", expect({"head", "curator", "council", "admin", "mentor", "mentee"}).items())
def test_the_pairs_participants_read_the_withdrawn_release_project(world, client_as, release, role, status):
    project = release.order
    order_void(order=project, reason=REASON, actor=world.users["head"])
    assert client_as(role).get(reverse("records:order-detail", args=[project.pk])).status_code == status
