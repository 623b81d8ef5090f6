"""The curator corrects a reward proposal the head returned and sends it again: what she sees (the
head's comment, what was proposed), what a correction changes and records in the history, what a
refused correction keeps, and that an approved proposal is never changed, whoever asks."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from growth.models import RewardKind, RewardProposal
from growth.services import reward_proposal_approve, reward_proposal_update
from programs.tests.factories import ProgramFactory
from records.services import order_register


def edit_url(proposal) -> str:
    return reverse("growth:proposal-update", args=[proposal.pk])


def test_the_curator_sees_the_heads_comment_and_what_was_proposed(growth, client_as):
    page = client_as("curator").get(edit_url(growth.returned)).content.decode()
    assert "Комментарий руководителя:" in page and "Основание слишком общее: укажите программу." in page
    assert "За наставническую деятельность" in page  # the ground as proposed
    assert '<option value="certificate" selected>' in page  # the reward as proposed
    mentor = growth.returned.mentors.get()
    assert re.search(rf'name="mentors" value="{mentor.pk}"[^>]*checked', page)  # the mentors as proposed
    # The rewards page offers the correction next to the returned proposal only.
    rewards = client_as("curator").get(reverse("growth:rewards")).content.decode()
    assert rewards.count(reverse("growth:proposal-update", args=[growth.returned.pk])) == 1
    assert reverse("growth:proposal-update", args=[growth.proposal.pk]) not in rewards
    assert edit_url(growth.returned) not in client_as("head").get(reverse("growth:rewards")).content.decode()


def test_the_corrected_proposal_goes_back_to_the_heads_queue_with_its_history(growth, world, client_as):
    program = ProgramFactory(pairing=world.pairing, status="completed")
    proposal = growth.returned
    response = client_as("curator").post(
        edit_url(proposal),
        {
            "mentors": [world.mentor.pk, world.other_mentor.pk],
            "reward_kind": "bonus",
            "amount": "7000",
            "reason": "За завершённую программу по ИКТ",
            "programs": [program.pk],
        },
    )
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()
    proposal.refresh_from_db()
    assert proposal.status == RewardProposal.Status.PROPOSED
    assert (proposal.reward_kind, proposal.amount) == (RewardKind.BONUS, 7000)
    assert proposal.reason == "За завершённую программу по ИКТ"
    assert set(proposal.mentors.all()) == {world.mentor, world.other_mentor}
    assert list(proposal.programs.all()) == [program]
    assert proposal.proposed_by == world.users["curator"]  # still the curator's proposal

    # The history: created, returned by the head with his comment, corrected and sent by the curator.
    rows = list(proposal.history.order_by("history_date", "history_id"))
    returned = next(row for row in rows if row.status == RewardProposal.Status.RETURNED)
    assert returned.history_user == world.users["head"] and "укажите программу" in returned.return_comment
    assert rows[-1].status == RewardProposal.Status.PROPOSED and rows[-1].history_user == world.users["curator"]
    assert rows[-1].reward_kind == RewardKind.BONUS and rows[-1].amount == 7000

    queue = client_as("head").get(reverse("mentorship:approval-queue")).content.decode()
    assert f"proposal-{proposal.pk}" in queue and "За завершённую программу по ИКТ" in queue
    # Sent again, it waits for the head: not the curator's to change any more.
    assert client_as("curator").get(edit_url(proposal)).status_code == 404


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"reward_kind": "bonus", "amount": ""}, "Укажите размер премии в рублях."),
        ({"reward_kind": "bonus", "amount": "-5"}, "Убедитесь, что это значение больше либо равно 0."),
        ({"reward_kind": "bonus", "amount": "²"}, "Введите целое число."),
        ({"reward_kind": "medal"}, "Выберите корректный вариант."),
        ({"mentors": []}, "Выберите хотя бы одного наставника."),
        ({"mentors": ["abc"]}, "abc” является неверным значением."),
        ({"reason": ""}, "Обязательное поле."),
    ],
)
def test_a_refused_correction_keeps_what_was_typed_and_changes_nothing(growth, world, client_as, data, reason):
    typed = {
        "mentors": [world.mentor.pk, world.other_mentor.pk],
        "reward_kind": "gratitude",
        "reason": "За программу «ИКТ в работе воспитателя»",
        **data,
    }
    response = client_as("curator").post(edit_url(growth.returned), typed)
    assert response.status_code == 200
    page = response.content.decode()
    assert reason in page and "Представление не отправлено" in page
    if typed["reason"]:
        assert "За программу «ИКТ в работе воспитателя»" in page  # what was typed stays
    assert "Основание слишком общее" in page  # and the head's comment with it
    stored = RewardProposal.objects.get(pk=growth.returned.pk)
    assert stored.status == RewardProposal.Status.RETURNED
    assert (stored.reward_kind, stored.reason) == (RewardKind.CERTIFICATE, "За наставническую деятельность")
    assert list(stored.mentors.all()) == [world.mentor]


def test_an_approved_proposal_is_not_changed_by_a_pushed_post(growth, world, client_as):
    pushed = {"mentors": [world.other_mentor.pk], "reward_kind": "bonus", "amount": "100000"}
    approved = reward_proposal_approve(proposal=growth.proposal, actor=world.users["head"]).obj
    approved = order_register(order=approved, actor=world.users["head"])
    proposal = RewardProposal.objects.get(order=approved)
    for role in ("curator", "head", "admin"):
        response = client_as(role).post(edit_url(proposal), {**pushed, "reason": "Иначе"})
        assert response.status_code == (404 if role == "curator" else 403), role
    proposal.refresh_from_db()
    assert proposal.status == RewardProposal.Status.APPROVED and proposal.order == approved
    assert (proposal.reward_kind, proposal.amount) == (RewardKind.GRATITUDE, None)
    assert list(proposal.mentors.all()) == [world.mentor]
    # The service refuses it too, whatever a view lets through.
    proposal.reason = "Иначе"
    with pytest.raises(ValidationError, match="Утверждено приказом"):
        reward_proposal_update(proposal=proposal, mentors=[world.mentor], programs=[], actor=world.users["curator"])


def test_only_the_curator_corrects_a_returned_proposal(growth, world):
    for role in ("head", "council", "mentor", "admin"):
        with pytest.raises(PermissionDenied):
            reward_proposal_update(
                proposal=growth.returned, mentors=[world.mentor], programs=[], actor=world.users[role]
            )
    assert RewardProposal.objects.get(pk=growth.returned.pk).status == RewardProposal.Status.RETURNED


def test_a_mentor_who_left_the_bank_stays_on_offer_in_the_returned_proposal(growth, world, client_as):
    world.mentor.is_active = False
    world.mentor.save()
    page = client_as("curator").get(edit_url(growth.returned)).content.decode()
    assert world.mentor.person.full_name in page
    response = client_as("curator").post(
        edit_url(growth.returned),
        {"mentors": [world.mentor.pk], "reward_kind": "certificate", "reason": "За программу по ИКТ"},
    )
    assert response.status_code == 302
    assert RewardProposal.objects.get(pk=growth.returned.pk).status == RewardProposal.Status.PROPOSED
