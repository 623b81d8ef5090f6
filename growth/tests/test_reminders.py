"""What growth tells (notices): the curator the records to confirm, a person her records returned."""

from django.utils import timezone

from ..models import GrowthRecord
from ..reminders import records_returned, records_to_confirm
from ..services import record_review


def test_the_curator_is_told_of_records_to_confirm_until_she_confirms(world, growth):
    today = timezone.localdate()
    proposed = GrowthRecord.objects.filter(status=GrowthRecord.Status.PROPOSED).order_by("pk")
    items = records_to_confirm(world.users["curator"], today)
    assert [item.key for item in items] == [f"growth-confirm:{record.pk}" for record in proposed]
    assert growth.mentee_record.pk in [record.pk for record in proposed]
    record_review(record=growth.mentee_record, confirm=True, actor=world.users["curator"])
    assert f"growth-confirm:{growth.mentee_record.pk}" not in {
        item.key for item in records_to_confirm(world.users["curator"], today)
    }
    assert records_to_confirm(world.users["mentee"], today) == []


def test_a_person_is_told_of_her_record_returned_with_a_comment(world, growth):
    today = timezone.localdate()
    assert records_returned(world.users["mentee"], today) == []
    record_review(record=growth.mentee_record, confirm=False, comment="Нет скана", actor=world.users["curator"])
    [item] = records_returned(world.users["mentee"], today)
    assert item.key == f"growth-returned:{growth.mentee_record.pk}"
    assert item.url == growth.mentee_record.get_absolute_url()
    assert records_returned(world.users["mentor"], today) == []
