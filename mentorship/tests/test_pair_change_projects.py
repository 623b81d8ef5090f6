"""A mentor's replacement, a pair's extension and its early end are order projects first
(services.pair_orders): the head's decision writes the order «ПРОЕКТ» and keeps what was decided
(PairChange); the pair changes only when the order is registered, checked again then; a withdrawn
project leaves the pair as it was; one such project per pair at a time."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mentorship.models import MentoringAgreement, PairChange, Pairing
from mentorship.services.pair_orders import (
    pairing_extend,
    pairing_replace_mentor,
    pairing_terminate,
    pending_change,
)
from mentorship.tests.factories import MentorFactory, PersonFactory, mentee_consents
from records.models import Order
from records.services import order_register, order_update_draft, order_void

S = Pairing.Status
BACKDATED = "Приказ подписан в тот день, в систему внесён позже"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def replace(world, **kwargs):
    data = {
        "pairing": world.pairing,
        "new_mentor": MentorFactory(person=PersonFactory(last_name="Белова", first_name="Людмила")),
        "grounds": "request",
        "details": "Просьба наставляемой",
        "initiator": "mentor",
        "notice_on": date(2026, 11, 20),
        "consent_on": date(2026, 11, 23),
        "mentee_consents": mentee_consents(world.pairing, date(2026, 11, 24)),
        "starts_on": date(2026, 11, 26),
        "actor": world.users["head"],
    }
    return pairing_replace_mentor(**{**data, **kwargs}).obj


def extend(world, **kwargs):
    data = {"new_end_on": date(2027, 8, 31), "agreed_on": date(2026, 11, 20)}
    return pairing_extend(pairing=world.pairing, actor=world.users["head"], **{**data, **kwargs}).obj


def terminate(world, **kwargs):
    data = {
        "initiator": "mentor",
        "reason": "Наставник переходит на другую работу",
        "notice_on": date(2026, 11, 20),
        "ends_on": date(2026, 11, 25),
    }
    return pairing_terminate(pairing=world.pairing, actor=world.users["head"], **{**data, **kwargs}).obj


DECIDE = {"replace": replace, "extend": extend, "terminate": terminate}


def pair_as_it_stands(pairing: Pairing) -> tuple:
    pairing.refresh_from_db()
    consents = sorted((consent.person_id, consent.given_on) for consent in pairing.consents.all())
    return (pairing.mentor_id, pairing.status, pairing.planned_end_on, pairing.ended_on, consents)


@pytest.mark.parametrize("kind", ["replace", "extend", "terminate"])
def test_the_decision_is_a_project_and_the_pair_changes_only_when_it_is_registered(world, kind):
    before = pair_as_it_stands(world.pairing)
    agreements = MentoringAgreement.objects.count()
    project = DECIDE[kind](world)
    assert project.is_draft and project.number is None and not project.pdf
    assert project.pair_change.kind == kind and pending_change(world.pairing) == project.pair_change
    assert pair_as_it_stands(world.pairing) == before
    assert MentoringAgreement.objects.count() == agreements
    assert not world.pairing.transitions.filter(comment__contains="приказ").exists()

    order = order_register(order=project, actor=world.users["head"])
    pairing = world.pairing
    pair_as_it_stands(pairing)
    if kind == "replace":
        assert pairing.mentor.person.last_name == "Белова"
        assert pairing.consents.get(person=pairing.mentor.person).given_on == date(2026, 11, 23)
        assert pairing.consents.get(person=world.mentee.person).given_on == date(2026, 11, 24)
        logged = f"приказ № {order.number_text}; основание: обоснованной просьбой наставника или наставляемого"
        assert pairing.transitions.filter(comment__contains=logged).exists()
    elif kind == "extend":
        assert pairing.planned_end_on == date(2027, 8, 31)
        assert pairing.transitions.filter(comment__contains=f"до 31.08.2027, приказ № {order.number_text}").exists()
    else:
        assert (pairing.status, pairing.ended_on, pairing.notice_on) == (
            S.TERMINATED,
            date(2026, 11, 25),
            date(2026, 11, 20),
        )
        assert pairing.termination_reason == "Наставник переходит на другую работу"
        assert pairing.transitions.filter(comment__startswith=f"Приказ № {order.number_text}").exists()
    if kind != "terminate":  # the pair had no agreement to end; the new mentor's and the extension's are written
        assert MentoringAgreement.objects.count() > agreements
    assert pending_change(pairing) is None


def test_a_consent_dated_after_the_final_date_of_the_project_refuses_the_registration(world):
    project = replace(world)
    # The head moves the project's date back before the mentee's consent (24.11.2026).
    order_update_draft(
        order=project,
        date=date(2026, 11, 23),
        heading=project.heading,
        preamble=project.preamble,
        clauses=project.clauses,
        actor=world.users["head"],
    )
    before = pair_as_it_stands(world.pairing)
    with pytest.raises(ValidationError, match=r"датированные позже него: согласие Ивановой А.И. от 24\.11\.2026"):
        order_register(order=project, actor=world.users["head"], reason=BACKDATED)
    project.refresh_from_db()
    assert project.is_draft and project.number is None
    assert pair_as_it_stands(world.pairing) == before


def test_a_pair_ended_meanwhile_refuses_the_registration(world):
    project = extend(world)
    Pairing.objects.filter(pk=world.pairing.pk).update(status=S.COMPLETED, ended_on=date(2026, 11, 30))
    with pytest.raises(ValidationError, match="Продление: пара в состоянии «Завершена»"):
        order_register(order=project, actor=world.users["head"])
    project.refresh_from_db()
    assert project.is_draft
    world.pairing.refresh_from_db()
    assert world.pairing.planned_end_on == date(2027, 5, 31)


def test_a_new_mentor_taken_out_of_the_bank_meanwhile_refuses_the_registration(world):
    project = replace(world)
    new_mentor = project.pair_change.new_mentor
    new_mentor.is_active = False
    new_mentor.save()
    with pytest.raises(ValidationError, match="выведена из банка наставников"):
        order_register(order=project, actor=world.users["head"])
    world.pairing.refresh_from_db()
    assert world.pairing.mentor == world.mentor


def test_the_journal_asks_its_reason_at_registration(world):
    project = terminate(world, order_date=date(2026, 11, 25))
    with pytest.raises(ValidationError, match="укажите причину"):
        order_register(order=project, actor=world.users["head"])
    order = order_register(order=project, actor=world.users["head"], reason=BACKDATED)
    assert order.journal_reason == BACKDATED
    world.pairing.refresh_from_db()
    assert world.pairing.status == S.TERMINATED


@pytest.mark.parametrize("kind", ["replace", "extend", "terminate"])
def test_a_withdrawn_project_leaves_the_pair_as_it_was_and_its_log_says_so(world, kind):
    before = pair_as_it_stands(world.pairing)
    project = DECIDE[kind](world)
    order_void(order=project, reason="Стороны договорились иначе", actor=world.users["head"])
    assert pair_as_it_stands(world.pairing) == before
    last = world.pairing.transitions.last()
    assert "отозван (Стороны договорились иначе): пара осталась без изменений" in last.comment
    assert pending_change(world.pairing) is None
    # The pair is free for another decision again.
    assert extend(world).is_draft


def test_one_pending_project_per_pair(world):
    project = extend(world)
    for decide in (replace, extend, terminate):
        with pytest.raises(ValidationError, match="уже есть проект приказа «О продлении срока наставничества»"):
            decide(world)
    assert PairChange.objects.filter(pairing=world.pairing).count() == 1
    assert Order.objects.filter(kind__in=["replacement", "extension", "termination"]).count() == 1
    assert project.is_draft


def test_the_pair_page_points_to_the_pending_project_and_the_form_refuses_another(world, client_as):
    project = terminate(world)
    page = client_as("head").get(world.pairing.get_absolute_url()).content.decode()
    assert 'id="pending-change"' in page and project.get_absolute_url() in page
    assert "ждёт регистрации приказа" in page
    assert reverse("mentorship:pairing-extend", args=[world.pairing.pk]) not in page  # no buttons for another change
    url = reverse("mentorship:pairing-extend", args=[world.pairing.pk])
    response = client_as("head").post(url, {"new_end_on": "2027-08-31", "agreed_on": "2026-11-20"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "уже есть проект приказа «О досрочном прекращении наставничества»" in body
    assert 'value="2027-08-31"' in body
    # The pair's readers see the notice too; it names no more than the order does.
    assert 'id="pending-change"' in client_as("mentor").get(world.pairing.get_absolute_url()).content.decode()


def test_the_form_lands_on_the_project_with_a_message(world, client_as):
    url = reverse("mentorship:pairing-extend", args=[world.pairing.pk])
    response = client_as("head").post(url, {"new_end_on": "2027-08-31", "agreed_on": "2026-11-20"}, follow=True)
    project = world.pairing.orders.get(kind="extension")
    assert response.redirect_chain == [(project.get_absolute_url(), 302)]
    body = response.content.decode()
    assert "ожидает регистрации" in body and "ПРОЕКТ" in body.upper()
    world.pairing.refresh_from_db()
    assert world.pairing.planned_end_on == date(2027, 5, 31)


def test_a_refusal_at_registration_is_shown_on_the_order_page(world, client_as):
    project = extend(world)
    Pairing.objects.filter(pk=world.pairing.pk).update(status=S.COMPLETED, ended_on=date(2026, 11, 30))
    response = client_as("head").post(reverse("records:order-register", args=[project.pk]), {"reason": ""})
    assert response.status_code == 200
    assert "Продление: пара в состоянии «Завершена»" in response.content.decode()
    project.refresh_from_db()
    assert project.is_draft
