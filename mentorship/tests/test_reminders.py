"""What mentorship tells (notices): the head's queue by section, the consents a pair lacks before it
can go to the head, the yearly refresh of the bank."""

from datetime import date

from django.utils import timezone

from mentorship import queue
from mentorship.models import BankRefresh, Pairing

from ..reminders import bank_refresh, head_queue, missing_pair_consents
from .factories import MenteeFactory, MentorFactory, PairingFactory


def test_the_head_is_told_of_each_queue_section_with_records_and_a_new_record_is_new(world):
    today = timezone.localdate()
    assert [item for item in head_queue(world.users["head"], today) if item.key.startswith("queue-pairings")] == []
    Pairing.objects.filter(pk=world.pairing.pk).update(status=Pairing.Status.AWAITING_APPROVAL)
    first = [item for item in head_queue(world.users["head"], today) if item.key.startswith("queue-pairings")]
    assert [item.text for item in first] == ["Пары и группы: ждут вашего решения — 1 запись"]
    assert first[0].url == "/bank/queue/"
    assert first == [item for item in head_queue(world.users["head"], today) if item.key.startswith("queue-pairings")]
    PairingFactory(mentor=MentorFactory(), mentees=[MenteeFactory()], status=Pairing.Status.AWAITING_APPROVAL)
    second = [item for item in head_queue(world.users["head"], today) if item.key.startswith("queue-pairings")]
    assert second[0].text.endswith("2 записи") and second[0].key != first[0].key
    assert {item.key.split(":")[0] for item in head_queue(world.users["head"], today)} <= {
        f"queue-{section.key}" for section in queue.sections()
    }


def test_the_curator_is_told_whose_consent_a_pair_lacks(world):
    Pairing.objects.filter(pk=world.pairing.pk).update(status=Pairing.Status.AWAITING_CONSENTS)
    items = missing_pair_consents(world.users["curator"], timezone.localdate())
    mentor, mentee = world.mentor.person, world.mentee.person
    assert [item.key for item in items] == [f"pair-consents:{world.pairing.pk}:{mentor.pk}-{mentee.pk}"]
    assert items[0].text.endswith(f"нет согласия на участие — {mentor.short_name}, {mentee.short_name}")
    assert items[0].url == world.pairing.get_absolute_url()


def test_the_yearly_refresh_is_told_until_it_is_done(world):
    curator = world.users["curator"]
    [item] = bank_refresh(curator, date(2026, 11, 30))
    assert item.key == "bank-refresh:0" and item.url == "/bank/refresh/"
    BankRefresh.objects.create(organization=world.person("head").organization, done_by=curator)
    assert bank_refresh(curator, timezone.localdate()) == []
