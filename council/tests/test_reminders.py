"""What the council tells (notices): appeals waiting, the next meeting, the reviews a member writes."""

from datetime import timedelta

from django.utils import timezone

from ..models import Meeting
from ..reminders import appeals_waiting, next_meeting, reviews_to_write
from ..services import appeal_submit, review_save, review_send, reviews_assign


def test_a_member_is_told_of_the_next_meeting_not_a_past_one(world, member):
    today = timezone.localdate()
    Meeting.objects.create(
        date=today - timedelta(days=1), place="Зал", secretary=member, created_by=world.users["curator"]
    )
    later = Meeting.objects.create(
        date=today + timedelta(days=20), place="Кабинет", secretary=member, created_by=world.users["curator"]
    )
    nearest = Meeting.objects.create(
        date=today + timedelta(days=3),
        place="Методический кабинет",
        secretary=member,
        created_by=world.users["curator"],
    )
    [item] = next_meeting(world.users["member"], today)
    assert item.key == f"meeting:{nearest.pk}:{nearest.date:%Y%m%d}"
    assert item.text == f"Заседание МО {nearest.date:%d.%m.%Y}, Методический кабинет"
    nearest.delete()
    assert next_meeting(world.users["member"], today)[0].url == later.get_absolute_url()


def test_a_reviewer_is_told_of_the_review_until_it_is_sent(world, member, program):
    review = reviews_assign(program=program, reviewers=[member], actor=world.users["council"]).obj[0]
    today = timezone.localdate()
    [item] = reviews_to_write(world.users["member"], today)
    assert item.key == f"review:{review.pk}" and item.text.endswith(world.pairing.sides)
    assert reviews_to_write(world.users["council"], today) == []  # the chair assigned it, does not write it
    review_save(review=review, text="Программа соответствует затруднениям.", actor=world.users["member"])
    review_send(review=review, actor=world.users["member"])
    assert reviews_to_write(world.users["member"], today) == []


def test_appeals_waiting_are_told_by_their_title_only(world, member):
    appeal = appeal_submit(pairing=world.pairing, text="Не успеваем встречаться", actor=world.users["mentee"]).obj
    today = timezone.localdate()
    [item] = appeals_waiting(world.users["curator"], today)
    assert item.key == f"appeal-open:{appeal.pk}" and "Не успеваем" not in item.text
    assert item.text == f"Ждёт рассмотрения МО: {appeal.title}"
    assert appeals_waiting(world.users["member"], today) == []  # not named to it
