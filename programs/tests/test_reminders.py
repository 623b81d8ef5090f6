"""What programs tell (notices): a mentor's plan items due within NOTICES_DUE_DAYS days and overdue,
a mentee's records to confirm, the curator's programs without a plan — each only to whom may see it."""

from datetime import timedelta

from django.utils import timezone

from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory

from ..models import Program
from ..reminders import plan_items_due, programs_without_plan, records_to_confirm
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
