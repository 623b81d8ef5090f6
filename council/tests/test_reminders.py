"""What the council tells (notices): appeals waiting, the next meeting, the reviews a member writes."""

from datetime import timedelta

from django.utils import timezone

from ..models import AgendaItem, Meeting
from ..reminders import appeals_waiting, next_meeting, programs_to_review, reviews_to_write
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


def test_the_chair_is_told_of_a_program_waiting_for_the_council_until_something_is_done(world, member, program):
    today = timezone.localdate()
    [item] = programs_to_review(world.users["council"], today)
    assert item.key == f"program-awaits-council:{program.pk}" and item.url == program.get_absolute_url()
    assert item.text == f"Программа ждёт МО: {world.pairing.sides} — назначьте рецензентов или внесите в повестку"
    # A member who is not the chair does not read a program nobody put before the council.
    assert programs_to_review(world.users["member"], today) == []
    assert programs_to_review(world.users["mentor"], today) == []
    reviews_assign(program=program, reviewers=[member], actor=world.users["council"])
    assert programs_to_review(world.users["council"], today) == []


def test_every_member_is_told_of_the_programs_on_a_coming_agenda(world, member, program):
    today = timezone.localdate()
    coming = Meeting.objects.create(
        date=today + timedelta(days=5), place="Кабинет", secretary=member, created_by=world.users["curator"]
    )
    item = AgendaItem.objects.create(
        meeting=coming, position=1, kind=AgendaItem.Kind.PROGRAM, title="О согласовании", program=program
    )
    past = Meeting.objects.create(
        date=today - timedelta(days=5), place="Кабинет", secretary=member, created_by=world.users["curator"]
    )
    AgendaItem.objects.create(meeting=past, position=1, kind=AgendaItem.Kind.PROGRAM, title="Ранее", program=program)
    for username in ("member", "council"):
        [told] = programs_to_review(world.users[username], today)
        assert told.key == f"agenda-program:{item.pk}:{coming.date:%Y%m%d}"
        assert told.text == f"К заседанию МО {coming.date:%d.%m.%Y} — программа на согласование: {world.pairing.sides}"
    # Moved to another day: a new notice.
    coming.date += timedelta(days=1)
    coming.save()
    assert programs_to_review(world.users["member"], today)[0].key.endswith(f"{coming.date:%Y%m%d}")
