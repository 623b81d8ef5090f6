"""Programs in the person's calendar feed: the mentor's plan deadlines on their dates as all-day
entries in the kindergarten's zone, moved in place when a deadline changes, cancelled with a
terminated program; the log and one-off meetings; nothing of another pair's program."""

from datetime import date

import icalendar
import pytest
from django.urls import reverse

from feeds.services import feed_renew
from mentorship.tests.factories import MenteeFactory, PairingFactory, PersonFactory
from programs.calendar import program_events
from programs.models import Meeting, PlanItem, Program
from programs.tests.factories import ActivityRecordFactory, program_with_plan


def feed_of(client, user) -> icalendar.Calendar:
    token = feed_renew(user=user, actor=user).token
    client.logout()
    response = client.get(reverse("feeds:feed", args=[token]))
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar) -> dict:
    return {str(event["UID"]).removesuffix("@nastavnik"): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def running(world) -> Program:
    return program_with_plan(world.pairing, Program.Status.RUNNING, items=3, done=1)


def test_mentors_feed_holds_her_plan_items_on_their_dates_in_the_kindergartens_zone(client, world, settings, running):
    settings.TIME_ZONE = "Asia/Yekaterinburg"
    calendar = feed_of(client, world.users["mentor"])
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Yekaterinburg"
    events = vevents(calendar)
    items = list(running.items.order_by("position"))
    for item in items:
        event = events[f"plan-item-{item.pk}"]
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event.decoded("DTSTART") == item.deadline
        assert str(event["STATUS"]) == "CONFIRMED"
        assert item.activity in str(event["SUMMARY"])
        assert str(event["URL"]) == f"http://testserver{running.get_absolute_url()}"
    assert str(events[f"plan-item-{items[0].pk}"]["SUMMARY"]).startswith("Выполнено: ")
    assert str(events[f"plan-item-{items[1].pk}"]["SUMMARY"]).startswith("Срок: ")
    end = events[f"program-end-{running.pk}"]
    assert end.decoded("DTSTART") == running.ends_on
    assert "Окончание программы наставничества" in str(end["SUMMARY"])


def test_a_moved_deadline_keeps_its_uid(client, world, running):
    item = running.items.order_by("position").last()
    PlanItem.objects.filter(pk=item.pk).update(deadline=date(2027, 4, 1))
    events = vevents(feed_of(client, world.users["mentee"]))
    assert events[f"plan-item-{item.pk}"].decoded("DTSTART") == date(2027, 4, 1)
    assert sum(1 for uid in events if uid == f"plan-item-{item.pk}") == 1


def test_terminated_program_cancels_what_remains_and_keeps_what_was_done(world, running):
    Program.objects.filter(pk=running.pk).update(status=Program.Status.TERMINATED)
    events = {event.uid: event for event in program_events(world.users["mentor"])}
    done, *remaining = running.items.order_by("position")
    assert not events[f"plan-item-{done.pk}"].cancelled
    assert all(events[f"plan-item-{item.pk}"].cancelled for item in remaining)
    assert events[f"program-end-{running.pk}"].cancelled


def test_a_draft_plan_is_not_in_the_calendar(world):
    draft = program_with_plan(world.pairing, Program.Status.DRAFT, items=2)
    assert not [event for event in program_events(world.users["mentor"]) if event.url == draft.get_absolute_url()]


def test_mentees_feed_has_nothing_of_another_pair(client, world, running):
    other_pair = PairingFactory(mentor=world.other_mentor, mentees=[world.other_mentee])
    other = program_with_plan(other_pair, Program.Status.RUNNING, items=2)
    ActivityRecordFactory(program=other, description="Чужая консультация")
    user = world.users["mentee"]
    token = feed_renew(user=user, actor=user).token
    text = client.get(reverse("feeds:feed", args=[token])).content.decode().replace("\r\n ", "")  # unfolded
    for item in other.items.all():
        assert f"plan-item-{item.pk}@" not in text
    assert f"program-end-{other.pk}@" not in text
    assert "Чужая консультация" not in text
    assert "Новикова" not in text and "Зайцева" not in text
    assert f"program-end-{running.pk}@" in text


def test_the_head_sees_every_program_but_her_calendar_holds_none_of_them(world, running):
    assert program_events(world.users["head"]) == []
    assert program_events(world.users["curator"]) == []


def test_log_and_one_off_meetings_are_in_the_mentors_calendar(world, running):
    record = ActivityRecordFactory(program=running, done_on=date(2026, 10, 5), description="Консультация «Прогулка»")
    from mentorship.models import MentoringForm

    meeting = Meeting.objects.create(
        mentor=world.mentor,
        form=MentoringForm.objects.order_by("pk").first(),
        held_on=date(2026, 10, 7),
        topic="Адаптация ребёнка",
        logged_by=world.users["mentor"],
    )
    meeting.participants.set([world.other_person])
    events = {event.uid: event for event in program_events(world.users["mentor"])}
    assert events[f"activity-record-{record.pk}"].start == date(2026, 10, 5)
    assert "Консультация «Прогулка»" in events[f"activity-record-{record.pk}"].summary
    assert events[f"meeting-{meeting.pk}"].start == date(2026, 10, 7)
    assert "Семёнова Д.И." in events[f"meeting-{meeting.pk}"].description
    # The mentee reads the log of her program, not the mentor's one-off meetings (nor does the app show them).
    mentee_events = {event.uid for event in program_events(world.users["mentee"])}
    assert f"activity-record-{record.pk}" in mentee_events
    assert f"meeting-{meeting.pk}" not in mentee_events


def test_query_count_does_not_grow_with_rows(world, django_assert_num_queries):
    from mentorship.models import MentoringForm

    def add_rows():
        pairing = PairingFactory(mentor=world.mentor, mentees=[MenteeFactory(person=PersonFactory())])
        program = program_with_plan(pairing, Program.Status.RUNNING, items=4)
        ActivityRecordFactory(program=program)
        meeting = Meeting.objects.create(
            mentor=world.mentor,
            form=MentoringForm.objects.order_by("pk").first(),
            held_on=date(2026, 10, 7),
            topic="Тема",
            logged_by=world.users["mentor"],
        )
        meeting.participants.set([world.other_person])

    add_rows()
    user = world.users["mentor"]

    def count() -> int:
        from people.roles import roles_of

        fresh = type(user).objects.get(pk=user.pk)
        roles_of(fresh)
        # Programs, their mentees and people, plan items and forms, the log, meetings and participants.
        with django_assert_num_queries(8):
            return len(program_events(fresh))

    small = count()
    add_rows()
    add_rows()
    assert count() > small
