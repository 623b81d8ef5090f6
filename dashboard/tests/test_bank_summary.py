"""The bank's counts on the home page of the head, the curator and the council."""

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
