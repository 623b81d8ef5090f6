"""The bank's counts on the home page of the head, the curator and the council."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from mentorship.models import Pairing
from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory

from ..selectors import bank_summary


def test_a_mentee_has_a_mentor_only_in_a_pair_fixed_by_order_or_running(world):
    # The world: Иванова in an active pair, Зайцева in another; both have a mentor.
    assert bank_summary()["mentees_without_mentor"] == 0
    proposed = MenteeFactory()
    PairingFactory(mentor=MentorFactory(), mentees=[proposed], status=Pairing.Status.PROPOSED)
    ended = MenteeFactory()
    PairingFactory(mentor=MentorFactory(), mentees=[ended], status=Pairing.Status.COMPLETED)
    MenteeFactory()  # in no pair at all
    fixed = MenteeFactory()
    PairingFactory(mentor=MentorFactory(), mentees=[fixed, MenteeFactory()], status=Pairing.Status.FIXED)
    MenteeFactory(is_active=False)  # out of the bank: not counted at all
    summary = bank_summary()
    assert summary["mentees_without_mentor"] == 3
    assert summary["mentees"] == 7


def test_pairs_in_force_are_those_begun_and_not_ended_today(world):
    today = timezone.localdate()
    # The world's pairs start on 01.09.2026; count from a day all of them have begun.
    Pairing.objects.update(starts_on=today - timedelta(days=30))
    in_force = Pairing.objects.in_force_on(today).count()
    assert bank_summary()["pairs"] == in_force > 0

    def pair(**fields):
        return PairingFactory(mentor=MentorFactory(), mentees=[MenteeFactory()], **fields)

    pair(status=Pairing.Status.FIXED, starts_on=today + timedelta(days=1), planned_end_on=today + timedelta(days=365))
    pair(status=Pairing.Status.PROPOSED, starts_on=today - timedelta(days=5))
    pair(status=Pairing.Status.COMPLETED, starts_on=today - timedelta(days=400), ended_on=today - timedelta(days=1))
    assert bank_summary()["pairs"] == in_force

    pair(status=Pairing.Status.FIXED, starts_on=today, planned_end_on=today + timedelta(days=365))
    pair(status=Pairing.Status.TERMINATED, starts_on=today - timedelta(days=60), ended_on=today + timedelta(days=3))
    pair(status=Pairing.Status.COMPLETED, starts_on=today - timedelta(days=400), ended_on=today)
    assert bank_summary()["pairs"] == in_force + 3


def test_the_home_page_does_not_count_a_pair_that_starts_tomorrow(world, client_as):
    today = timezone.localdate()
    Pairing.objects.all().delete()
    PairingFactory(
        mentor=MentorFactory(),
        mentees=[MenteeFactory()],
        status=Pairing.Status.FIXED,
        starts_on=today + timedelta(days=1),
        planned_end_on=today + timedelta(days=365),
    )
    html = client_as("head").get(reverse("dashboard:home")).content.decode()
    assert re.search(r'<div class="stat">0</div><div class="stat-label">действующих пар и групп', html)
