"""Destructive and legally meaningful actions are done only from a page that says what will happen."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from mentorship.models import CouncilMembership, Pairing, PairingConsent
from mentorship.services.pairs import pairing_consent_record
from mentorship.tests.factories import MenteeFactory, PairingFactory

S = Pairing.Status


def _consent(world) -> PairingConsent:
    return pairing_consent_record(
        pairing=world.pairing, person=world.mentor.person, given_on=date(2026, 11, 20), actor=world.users["curator"]
    ).obj


def test_the_pair_page_offers_a_named_button_not_a_one_click_form(world, client_as):
    consent = _consent(world)
    page = client_as("curator").get(world.pairing.get_absolute_url()).content.decode()
    url = reverse("mentorship:pairing-consent-withdraw", args=[consent.pk])
    assert f'href="{url}">Отозвать согласие</a>' in page
    assert f'action="{url}"' not in page


def test_withdrawing_a_consent_first_says_what_will_happen(world, client_as):
    consent = _consent(world)
    url = reverse("mentorship:pairing-consent-withdraw", args=[consent.pk])
    page = client_as("curator").get(url).content.decode()
    today = timezone.localdate()
    assert "будет отмечено отозванным" in page
    assert f"с {today:%d.%m.%Y}" in page
    assert world.mentor.person.full_name in page
    assert ">Отозвать согласие</button>" in page
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


def test_a_post_without_confirmation_changes_nothing(world, client_as):
    consent = _consent(world)
    url = reverse("mentorship:pairing-consent-withdraw", args=[consent.pk])
    response = client_as("curator").post(url)
    assert response.status_code == 200
    assert "будет отмечено отозванным" in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


def test_the_confirmed_post_withdraws_the_consent(world, client_as):
    consent = _consent(world)
    url = reverse("mentorship:pairing-consent-withdraw", args=[consent.pk])
    response = client_as("curator").post(url, {"confirmed": "1"})
    assert response["Location"] == world.pairing.get_absolute_url()
    consent.refresh_from_db()
    assert consent.withdrawn_on == timezone.localdate()


def test_a_withdrawn_consent_has_no_second_withdrawal(world, client_as):
    consent = _consent(world)
    client_as("curator").post(reverse("mentorship:pairing-consent-withdraw", args=[consent.pk]), {"confirmed": "1"})
    assert (
        client_as("curator").get(reverse("mentorship:pairing-consent-withdraw", args=[consent.pk])).status_code == 404
    )


def test_cancelling_a_proposal_asks_first_and_carries_the_comment(world, client_as):
    pairing = PairingFactory(mentor=world.other_mentor, mentees=[MenteeFactory()], status=S.PROPOSED)
    url = reverse("mentorship:pairing-move", args=[pairing.pk])
    client = client_as("curator")
    page = client.post(url, {"target": S.CANCELLED, "comment": "Ошиблись направлением"}).content.decode()
    assert "Предложение пары будет отозвано" in page
    assert "Ошиблись направлением" in page
    assert 'name="target" value="cancelled"' in page
    pairing.refresh_from_db()
    assert pairing.status == S.PROPOSED
    client.post(url, {"target": S.CANCELLED, "comment": "Ошиблись направлением", "confirmed": "1"})
    pairing.refresh_from_db()
    assert pairing.status == S.CANCELLED


def test_a_harmless_move_needs_no_confirmation(world, client_as):
    pairing = PairingFactory(mentor=world.other_mentor, mentees=[MenteeFactory()], status=S.PROPOSED)
    response = client_as("curator").post(
        reverse("mentorship:pairing-move", args=[pairing.pk]), {"target": S.AWAITING_CONSENTS}
    )
    assert response.status_code == 302
    pairing.refresh_from_db()
    assert pairing.status == S.AWAITING_CONSENTS


def test_the_head_returns_a_pair_from_the_queue_only_after_confirming(world, client_as):
    pairing = PairingFactory(mentor=world.other_mentor, mentees=[MenteeFactory()], status=S.AWAITING_APPROVAL)
    data = {"action": "return", "pairing": pairing.pk, "comment": "Уточните срок"}
    page = client_as("head").post(reverse("mentorship:approval-queue"), data).content.decode()
    assert "Пара вернётся куратору" in page
    pairing.refresh_from_db()
    assert pairing.status == S.AWAITING_APPROVAL


def test_approving_by_order_names_the_pairs_first(world, client_as):
    pairing = PairingFactory(mentor=world.other_mentor, mentees=[MenteeFactory()], status=S.AWAITING_APPROVAL)
    page = (
        client_as("head")
        .post(reverse("mentorship:approval-queue"), {"action": "approve", "pairings": [pairing.pk]})
        .content.decode()
    )
    assert "Будет подготовлен проект одного приказа" in page and "пары закрепляются с регистрацией приказа" in page
    assert pairing.sides in page
    pairing.refresh_from_db()
    assert pairing.status == S.AWAITING_APPROVAL


def test_taking_a_member_out_of_the_council_asks_first(world, client_as):
    membership = CouncilMembership.objects.create(
        person=world.other_person, status=CouncilMembership.Status.MEMBER, joined_on=date(2026, 9, 1)
    )
    url = reverse("mentorship:council-decide", args=[membership.pk])
    page = client_as("head").post(url, {"action": "remove"}).content.decode()
    assert "выводится из наставнического совета" in page
    membership.refresh_from_db()
    assert membership.status == CouncilMembership.Status.MEMBER
    client_as("head").post(url, {"action": "remove", "confirmed": "1"})
    membership.refresh_from_db()
    assert membership.status == CouncilMembership.Status.LEFT
