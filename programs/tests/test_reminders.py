"""What programs tell (notices): a mentor's plan items due within NOTICES_DUE_DAYS days and overdue
and the mentees' comments, a mentee's records to confirm and tomorrow's activities, the curator's
programs without a plan and the releases waiting — each only to whom may see it."""

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory
from notices.models import Notice
from notices.sources import items_for

from ..models import Program, ReleaseRequest
from ..reminders import (
    activities_tomorrow,
    plan_items_due,
    programs_without_plan,
    records_to_confirm,
    releases_waiting,
)
from ..services.logging import record_respond
from .factories import ActivityRecordFactory, PlanItemFactory, program_with_plan


def keys(items) -> list[str]:
    return [item.key for item in items]


def test_a_mentor_is_told_of_items_due_soon_and_overdue_not_later_ones_nor_done(world, settings):
    settings.NOTICES_DUE_DAYS = 7
    today = timezone.localdate()
    program = program_with_plan(world.pairing, Program.Status.RUNNING, items=0)
    overdue = PlanItemFactory(program=program, deadline=today - timedelta(days=3), activity="Открытое занятие")
    soon = PlanItemFactory(program=program, deadline=today + timedelta(days=7))
    PlanItemFactory(program=program, deadline=today + timedelta(days=8))
    PlanItemFactory(program=program, deadline=today - timedelta(days=1), done_on=today)
    items = plan_items_due(world.users["mentor"], today)
    assert keys(items) == [f"plan-overdue:{overdue.pk}", f"plan-due:{soon.pk}:{soon.deadline:%Y%m%d}"]
    assert items[0].text == f"Просрочен пункт плана (срок {overdue.deadline:%d.%m.%Y}): Открытое занятие"
    assert items[0].url == program.get_absolute_url()
    # The setting widens the horizon; another mentor's program is never told.
    settings.NOTICES_DUE_DAYS = 8
    assert len(plan_items_due(world.users["mentor"], today)) == 3
    assert plan_items_due(world.users["mentee"], today) == []


def test_a_draft_programs_plan_is_not_told(world):
    today = timezone.localdate()
    program = program_with_plan(world.pairing, Program.Status.DRAFT, items=0)
    PlanItemFactory(program=program, deadline=today)
    assert plan_items_due(world.users["mentor"], today) == []


def test_a_mentee_is_told_of_her_records_to_confirm(world):
    program = program_with_plan(world.pairing, Program.Status.RUNNING, items=1)
    record = ActivityRecordFactory(program=program, description="Консультация «Режим дня»")
    ActivityRecordFactory(program=program, confirmed_at=timezone.now())
    other = PairingFactory(mentor=MentorFactory(), mentees=[MenteeFactory()])
    ActivityRecordFactory(program=program_with_plan(other, Program.Status.RUNNING, items=1))
    items = records_to_confirm(world.users["mentee"], timezone.localdate())
    assert keys(items) == [f"record-confirm:{record.pk}"]
    assert "Консультация «Режим дня»" in items[0].text


def test_the_curator_is_told_of_programs_without_a_plan_not_closed_ones(world):
    empty = program_with_plan(world.pairing, Program.Status.DRAFT, items=0)
    program_with_plan(world.pairing, Program.Status.DRAFT, items=2)
    program_with_plan(world.pairing, Program.Status.TERMINATED, items=0)
    items = programs_without_plan(world.users["curator"], timezone.localdate())
    assert keys(items) == [f"program-without-plan:{empty.pk}"]
    assert items[0].text == f"В программе нет плана: {world.pairing.sides}"
    assert programs_without_plan(world.users["norole"], timezone.localdate()) == []


def test_a_mentor_is_told_of_a_mentees_comment_once_until_she_opens_it(world, client):
    program = program_with_plan(world.pairing, Program.Status.RUNNING, items=1)
    record = ActivityRecordFactory(program=program, done_on=program.starts_on)
    mentee, mentor = world.users["mentee"], world.users["mentor"]
    record_respond(record=record, confirm=False, comment="Мне трудно с родителями группы", actor=mentee)
    record_respond(record=record, confirm=False, comment="И ещё с планированием", actor=mentee)
    [item] = [item for item in items_for(mentor, timezone.localdate()) if item.kind == "mentee-comments"]
    # Whose comment on which day's record — never the comment itself (a mentee's difficulties).
    assert item.text == f"Комментарий наставляемого (Иванова А.И.) к мероприятию от {record.done_on:%d.%m.%Y}"
    assert "трудно" not in item.text
    # A confirmation alone says nothing new; the mentee and the curator are not told.
    record_respond(record=record, confirm=True, comment="", actor=mentee)
    assert Notice.objects.count() == 1
    assert not [i for i in items_for(world.users["curator"], timezone.localdate()) if i.kind == "mentee-comments"]
    # Opened from the centre: the record's page, and it leaves the centre; the next comment is new.
    client.force_login(mentor)
    response = client.get(item.url)
    assert response.status_code == 302 and response.url == reverse("programs:record-detail", args=[record.pk])
    assert not [i for i in items_for(mentor, timezone.localdate()) if i.kind == "mentee-comments"]
    record_respond(record=record, confirm=False, comment="Спасибо", actor=mentee)
    assert Notice.objects.filter(read_at__isnull=True).count() == 1


def test_a_mentee_is_told_the_day_before_of_her_programs_activity(world):
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    program = program_with_plan(world.pairing, Program.Status.RUNNING, items=0)
    due = PlanItemFactory(program=program, deadline=tomorrow, activity="Посещение занятия наставника")
    PlanItemFactory(program=program, deadline=tomorrow, done_on=today)
    PlanItemFactory(program=program, deadline=today + timedelta(days=2))
    draft = program_with_plan(
        PairingFactory(mentor=world.mentor, mentees=[world.mentee]), Program.Status.DRAFT, items=0
    )
    PlanItemFactory(program=draft, deadline=tomorrow)
    items = activities_tomorrow(world.users["mentee"], today)
    assert keys(items) == [f"plan-tomorrow:{due.pk}:{tomorrow:%Y%m%d}"]
    assert items[0].text.startswith(f"Завтра, {tomorrow:%d.%m.%Y}: Посещение занятия наставника (")
    assert items[0].text.endswith("наставник Петрова С.И.)") and items[0].url == program.get_absolute_url()
    # The mentor has it among her deadlines (plan_items_due), not as a mentee.
    assert activities_tomorrow(world.users["mentor"], today) == []


def test_the_curator_is_told_of_releases_waiting_for_the_head(world):
    program = program_with_plan(world.pairing, Program.Status.RUNNING, items=1)
    day = timezone.localdate() + timedelta(days=3)
    fields = {"program": program, "person": world.mentee.person, "event": "Семинар", "hours": Decimal("4")}
    waiting = ReleaseRequest.objects.create(date=day, **fields)
    ReleaseRequest.objects.create(date=day, status=ReleaseRequest.Status.REFUSED, **fields)
    items = releases_waiting(world.users["curator"], timezone.localdate())
    assert keys(items) == [f"release-requested:{waiting.pk}"]
    assert (
        items[0].text == f"Просьба об освобождении от работы {day:%d.%m.%Y}: Иванова А.И. — ждёт решения руководителя"
    )
    assert items[0].url == reverse("programs:release-list")
    assert [i.kind for i in items_for(world.users["curator"], timezone.localdate())].count("releases") == 1
    assert not [i for i in items_for(world.users["mentor"], timezone.localdate()) if i.kind == "releases"]
