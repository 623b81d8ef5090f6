"""The end of one's own pairs in the calendar (through pairings_for): planned, actual once ended, and
cancelled — not removed — when the pair is cancelled or terminated."""

from datetime import date

import pytest

from mentorship.calendar import pairing_events
from mentorship.models import Pairing


def test_mentor_and_mentee_have_their_pairs_end(world):
    for role in ("mentor", "mentee"):
        (event,) = pairing_events(world.users[role])
        assert event.uid == f"pair-end-{world.pairing.pk}"
        assert event.start == world.pairing.planned_end_on
        assert not event.cancelled
        assert "Петрова С." in event.summary and "Иванова А." in event.summary


@pytest.mark.parametrize("role", ["head", "curator", "council", "admin", "norole"])
def test_those_who_read_every_pair_have_none_of_them(world, role):
    assert pairing_events(world.users[role]) == []


@pytest.mark.parametrize("status", [Pairing.Status.CANCELLED, Pairing.Status.TERMINATED])
def test_a_pair_that_will_not_end_as_planned_is_cancelled(world, status):
    Pairing.objects.filter(pk=world.pairing.pk).update(status=status, ended_on=date(2026, 12, 1))
    (event,) = pairing_events(world.users["mentor"])
    assert event.cancelled
    assert event.start == world.pairing.planned_end_on


def test_a_completed_pair_ends_on_its_actual_date(world):
    Pairing.objects.filter(pk=world.pairing.pk).update(status=Pairing.Status.COMPLETED, ended_on=date(2027, 5, 20))
    (event,) = pairing_events(world.users["mentee"])
    assert event.start == date(2027, 5, 20)
    assert not event.cancelled


def test_two_queries_whatever_the_number_of_pairs(world, django_assert_num_queries):
    from mentorship.tests.factories import MenteeFactory, PairingFactory

    for _ in range(3):
        PairingFactory(mentor=world.mentor, mentees=[MenteeFactory()])
    user = world.users["mentor"]
    pairing_events(user)
    with django_assert_num_queries(3):  # the pairs, their mentees, their people
        assert len(pairing_events(user)) == 4
