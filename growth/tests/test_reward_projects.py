"""The reward order is a project first: the head edits its wording and registers it, and only then
is the proposal approved and the rewards written; a withdrawn project leaves the proposal in the
queue, to be approved into a new one."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import expect
from growth.models import GrowthRecord, RewardProposal
from growth.services import reward_proposal_approve, reward_proposal_move
from records.models import Order
from records.services import order_register, order_update_draft

S = RewardProposal.Status


@pytest.fixture
def project(growth, world) -> Order:
    return reward_proposal_approve(proposal=growth.proposal, actor=world.users["head"]).obj


def test_the_project_decides_nothing_until_registered_and_its_edited_wording_is_what_registers(growth, world, project):
    proposal = growth.proposal
    proposal.refresh_from_db()
    assert project.is_draft and proposal.order == project and proposal.status == S.PROPOSED
    assert not GrowthRecord.objects.filter(order=project).exists()
    order_update_draft(
        order=project,
        date=project.date,
        heading="О поощрении наставников по итогам года",
        preamble=project.preamble,
        clauses=[*project.clauses[:-1], "Вручить грамоты на педагогическом совете.", project.clauses[-1]],
        actor=world.users["head"],
    )
    order = order_register(order=project, actor=world.users["head"])
    proposal.refresh_from_db()
    assert proposal.status == S.APPROVED and order.heading == "О поощрении наставников по итогам года"
    assert "Вручить грамоты на педагогическом совете." in order.clauses
    record = GrowthRecord.objects.get(order=order)
    assert record.status == GrowthRecord.Status.CONFIRMED and record.date == order.date
    assert record.document_number == f"Приказ № {order.number_text} от {order.date:%d.%m.%Y}"


def test_a_proposal_with_a_project_is_not_returned_and_its_registration_needs_it_waiting(growth, world, project):
    with pytest.raises(ValidationError, match="сначала отзовите проект"):
        reward_proposal_move(proposal=growth.proposal, target=S.RETURNED, comment="Нет", actor=world.users["head"])
    with pytest.raises(ValidationError, match="уже подготовлен"):
        reward_proposal_approve(proposal=growth.proposal, actor=world.users["head"])


def test_a_withdrawn_project_leaves_the_proposal_in_the_queue_to_approve_again(growth, world, client_as, project):
    client = client_as("head")
    assert client.post(
        reverse("records:order-void", args=[project.pk]), {"reason": "Не тот вид награды"}
    ).status_code == (302)
    proposal = growth.proposal
    proposal.refresh_from_db()
    assert proposal.order is None and proposal.status == S.PROPOSED
    assert proposal.history.first().history_user == world.users["head"]
    queue = client_as("head").get(reverse("mentorship:approval-queue")).content.decode()
    assert "ожидает регистрации приказа" not in queue
    assert reverse("growth:proposal-approve", args=[proposal.pk]) in queue
    # Now it may be returned to the curator, or approved into a new project.
    again = reward_proposal_approve(proposal=proposal, actor=world.users["head"]).obj
    assert again.pk != project.pk
    order_register(order=again, actor=world.users["head"])
    proposal.refresh_from_db()
    assert proposal.status == S.APPROVED and proposal.order == again
    assert not GrowthRecord.objects.filter(order=project).exists()


@pytest.mark.parametrize(
    "role, status", expect({"head", "curator", "council", "admin"}, not_found={"mentor", "mentee"}).items()
)
def test_the_rewards_page_tells_the_project_waits_for_registration(growth, client_as, project, role, status):
    response = client_as(role).get(reverse("growth:rewards"))
    if response.status_code == 200:
        page = response.content.decode()
        assert "Ожидает регистрации приказа" in page and project.get_absolute_url() in page
    detail = client_as(role).get(reverse("records:order-detail", args=[project.pk]))
    assert detail.status_code == status
    if role == "head":
        page = detail.content.decode()
        assert "ПРОЕКТ приказа" in page and "Отозвать проект" in page and "Зарегистрировать" in page
