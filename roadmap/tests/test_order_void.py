"""The head withdraws the project of the roadmap's approval order: the roadmap awaits approval again,
its log says why, and it can be approved into a new project."""

import pytest
from django.urls import reverse

from conftest import expect
from records.models import Order
from records.services import order_register, order_void
from roadmap.models import Roadmap
from roadmap.services import roadmap_approve

S = Roadmap.Status
REASON = "В приказе не тот учебный год"


@pytest.fixture
def project(world, draft, send) -> Order:
    send(draft)
    return roadmap_approve(roadmap=draft, actor=world.users["head"]).obj


def test_the_roadmap_awaits_approval_again_and_is_approved_into_a_new_project(world, draft, project):
    order_void(order=project, reason=REASON, actor=world.users["head"])
    draft.refresh_from_db()
    assert draft.status == S.AWAITING_APPROVAL and draft.order is None and not draft.annex_pdf
    last = draft.transitions.order_by("at", "pk").last()
    assert (last.source, last.target, last.actor) == (S.AWAITING_APPROVAL, S.AWAITING_APPROVAL, world.users["head"])
    assert last.comment == f"Проект приказа от {project.date:%d.%m.%Y} отозван: {REASON}"
    assert draft.history.first().history_user == world.users["head"]
    again = roadmap_approve(roadmap=draft, actor=world.users["head"]).obj
    assert again.pk != project.pk
    order_register(order=again, actor=world.users["head"])
    draft.refresh_from_db()
    assert draft.status == S.APPROVED and draft.order == again
    project.refresh_from_db()
    assert project.status == Order.Status.VOIDED and project.number is None


def test_the_queue_offers_the_approval_again_and_the_page_no_longer_waits_for_the_project(
    world, client_as, draft, project
):
    client = client_as("head")
    assert client.post(reverse("records:order-void", args=[project.pk]), {"reason": REASON}).status_code == 302
    queue = client.get(reverse("mentorship:approval-queue")).content.decode()
    assert 'id="queue-roadmap"' in queue and "ожидает регистрации приказа" not in queue
    assert reverse("roadmap:approve", args=[draft.pk]) in queue
    page = client.get(reverse("roadmap:detail", args=[draft.pk])).content.decode()
    assert "ожидает регистрации приказа" not in page and REASON in page


@pytest.mark.parametrize("role, status", expect({"head"}, ok_status=302).items())
def test_only_the_head_withdraws_the_roadmaps_project(world, client_as, draft, project, role, status):
    assert client_as(role).post(reverse("records:order-void", args=[project.pk]), {"reason": REASON}).status_code == (
        status
    )
    draft.refresh_from_db()
    assert (draft.order_id is None) == (role == "head")
    assert draft.status == S.AWAITING_APPROVAL
