"""Progress of programs from their plans: done (marked), overdue (deadline passed, not done), due
(the rest) — counted for many programs at once in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory
from people.roles import roles_of

from ..models import Program
from ..progress import Progress, home_programs, overdue_items_by_program, progress_for, progress_of, with_progress
from .factories import ActivityRecordFactory, PlanItemFactory, program_in_work, program_with_plan


@pytest.fixture
def hand_made(world):
    """A program whose plan is written out by hand around today."""
    today = timezone.localdate()
    program = program_with_plan(world.pairing, Program.Status.RUNNING, items=0)
    rows = [
        (today - timedelta(days=30), today - timedelta(days=31)),  # done early
        (today - timedelta(days=20), today - timedelta(days=5)),  # done late: still done
        (today - timedelta(days=10), None),  # overdue
        (today - timedelta(days=1), None),  # overdue since today
        (today, None),  # due today: not overdue yet
        (today + timedelta(days=14), None),  # due
        (today + timedelta(days=40), today - timedelta(days=2)),  # done ahead of time
    ]
    for position, (deadline, done_on) in enumerate(rows, start=1):
        PlanItemFactory(program=program, position=position, deadline=deadline, done_on=done_on)
    return program


def test_progress_counts_done_due_and_overdue(hand_made):
    progress = progress_for([hand_made])[hand_made.pk]
    assert progress == Progress(done=3, due=2, overdue=2)
    assert (progress.total, progress.percent, progress.overdue_percent) == (7, 43, 29)


def test_the_annotated_queryset_agrees(hand_made):
    annotated = with_progress(Program.objects.filter(pk=hand_made.pk)).get()
    assert progress_of(annotated) == Progress(done=3, due=2, overdue=2)
    assert annotated.records_unconfirmed == 0


def test_a_program_without_a_plan_has_zero_progress(world):
    program = program_with_plan(world.pairing, Program.Status.RUNNING, items=0)
    assert progress_for([program.pk])[program.pk] == Progress(0, 0, 0)
    assert Progress(0, 0, 0).percent == 0
    assert progress_of(with_progress(Program.objects.filter(pk=program.pk)).get()) == Progress(0, 0, 0)


def test_overdue_items_come_earliest_first(hand_made):
    today = timezone.localdate()
    items = overdue_items_by_program([hand_made.pk])[hand_made.pk]
    assert [item.deadline for item in items] == [today - timedelta(days=10), today - timedelta(days=1)]


def test_records_awaiting_confirmation_are_counted(world, hand_made):
    ActivityRecordFactory(program=hand_made)
    ActivityRecordFactory(program=hand_made, confirmed_at=timezone.now(), confirmed_by=world.mentee.person)
    assert with_progress(Program.objects.filter(pk=hand_made.pk)).get().records_unconfirmed == 1


def make_programs(count: int, items: int) -> None:
    for _ in range(count):
        pairing = PairingFactory(mentor=MentorFactory(), mentees=[MenteeFactory(), MenteeFactory()])
        program = program_in_work(pairing, done=items // 3, overdue=items // 3, due=items - 2 * (items // 3))
        for _ in range(3):
            ActivityRecordFactory(program=program)


def test_progress_of_many_programs_is_one_query(world, django_assert_num_queries):
    make_programs(10, 30)
    ids = list(Program.objects.values_list("pk", flat=True))
    with django_assert_num_queries(1):
        progress = progress_for(ids)
    assert all(p == Progress(done=10, due=10, overdue=10) for p in progress.values())


@pytest.mark.parametrize(("programs", "items"), [(2, 3), (10, 30)])
def test_home_programs_cost_four_queries_whatever_the_size(world, django_assert_num_queries, programs, items):
    make_programs(programs, items)
    curator = world.users["curator"]
    roles_of(curator)
    # programs with their counts, mentees with people, overdue items; the counts of all in work
    with django_assert_num_queries(4):
        found = home_programs(curator)
        listed = found["all"]
        for program in listed:
            [mentee.person.short_name for mentee in program.pairing.mentees.all()]
            program.pairing.mentor.person.short_name  # noqa: B018
    assert len(listed) == programs
    assert (found["all_count"], found["all_overdue"]) == (programs, programs)
    assert all(len(program.overdue_items) == items // 3 for program in listed)


def test_home_programs_show_the_first_few_overdue_first_and_count_them_all(world):
    make_programs(3, 3)  # each with an overdue item
    on_time = [program_in_work(PairingFactory(mentor=MentorFactory(), mentees=[MenteeFactory()]), due=2)]
    on_time.append(program_in_work(PairingFactory(mentor=MentorFactory(), mentees=[MenteeFactory()]), done=1))
    found = home_programs(world.users["head"], limit=4)
    assert (found["all_count"], found["all_overdue"]) == (5, 3)
    assert len(found["all"]) == 4
    assert [bool(program.progress.overdue) for program in found["all"]] == [True, True, True, False]
    assert found["all"][3].pk in {program.pk for program in on_time}


def test_home_programs_are_scoped_to_the_user(world):
    mine = program_in_work(world.pairing, done=1, overdue=1)
    program_in_work(world.other_mentor.pairings.get(), due=2)
    program_with_plan(world.pairing, Program.Status.DRAFT, items=1)  # not in work: not listed
    assert [p.pk for p in home_programs(world.users["mentor"])["mine"]] == [mine.pk]
    assert [p.pk for p in home_programs(world.users["mentee"])["as_mentee"]] == [mine.pk]
    assert home_programs(world.users["mentee"])["mine"] == []
    assert len(home_programs(world.users["head"])["all"]) == 2
    nothing = {"all": [], "all_count": 0, "all_overdue": 0, "mine": [], "as_mentee": []}
    assert home_programs(world.users["council"]) == nothing
    assert home_programs(world.users["admin"]) == nothing
    # Overdue programs come first on the curator's list.
    assert home_programs(world.users["curator"])["all"][0].pk == mine.pk
