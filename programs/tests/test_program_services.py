"""Services of programs: the term rule, creation, the plan, agreements, every transition allowed and
refused, versions, completion, best practice and copying."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mentorship.models import CouncilMembership, Pairing
from mentorship.tests.factories import MenteeFactory, MentorFactory, PairingFactory
from people.roles import Role, roles_of

from ..models import PlanItem, Program, ProgramTransition
from ..services.program import (
    plan_item_delete,
    plan_item_mark,
    plan_item_save,
    program_agree,
    program_create,
    program_move,
    program_prefill,
    program_set_best_practice,
    program_update,
)
from .factories import PlanItemFactory, program_with_plan

S = Program.Status
PEOPLE_ROLES = ("head", "curator", "council", "mentor", "mentee")
TEXT = {
    "difficulties": "Трудно организовать умывание",
    "strengths": "Творческий подход",
    "goal": "Освоить режимные моменты",
    "tasks": "1. Изучить режим дня.",
    "expected_results": "Самостоятельно проводит режимные моменты",
}


def create(pairing, starts_on, ends_on, actor, **extra):
    return program_create(pairing=pairing, starts_on=starts_on, ends_on=ends_on, actor=actor, **{**TEXT, **extra}).obj


@pytest.fixture
def year_pair(world):
    """The mentor's pair for a whole academic year 2025/26: the boundaries of 1.2 fit inside it."""
    Pairing.objects.filter(pk=world.pairing.pk).update(starts_on=date(2025, 9, 1), planned_end_on=date(2026, 8, 31))
    world.pairing.refresh_from_db()
    return world.pairing


# --- the term: 3 months to a year (1.2), within the pair ------------------------------------------


@pytest.mark.parametrize(
    ("ends_on", "accepted"),
    [
        (date(2025, 11, 30), True),
        (date(2025, 11, 29), False),
        (date(2026, 8, 31), True),
        (date(2026, 9, 1), False),
    ],
)
def test_term_boundaries_through_the_service(world, year_pair, ends_on, accepted):
    curator = world.users["curator"]
    if accepted:
        program = create(year_pair, date(2025, 9, 1), ends_on, curator)
        assert program.status == S.DRAFT and program.ends_on == ends_on
    else:
        with pytest.raises(ValidationError) as error:
            create(year_pair, date(2025, 9, 1), ends_on, curator)
        text = " ".join(error.value.messages)
        assert ("не меньше трёх месяцев" in text) or ("не больше года" in text)
        assert not Program.objects.exists()


def test_program_cannot_start_before_the_pair(world, year_pair):
    with pytest.raises(ValidationError, match="не раньше пары"):
        create(year_pair, date(2025, 8, 1), date(2026, 1, 31), world.users["curator"])


def test_program_cannot_outlast_the_pair(world):
    # world.pairing: 01.09.2026 – 31.05.2027; a year would be allowed by 1.2 but not by the pair.
    with pytest.raises(ValidationError, match="не позже срока пары"):
        create(world.pairing, date(2026, 9, 1), date(2027, 6, 30), world.users["curator"])


def test_extension_keeps_the_start_and_stays_within_a_year(world, year_pair):
    curator = world.users["curator"]
    program = program_with_plan(year_pair, S.CORRECTION, starts_on=date(2025, 9, 1), ends_on=date(2026, 5, 31))
    fields = {**TEXT, "actor": curator}
    program_update(program=program, starts_on=date(2025, 9, 1), ends_on=date(2026, 8, 31), **fields)
    program.refresh_from_db()
    assert program.ends_on == date(2026, 8, 31)
    with pytest.raises(ValidationError, match="не больше года"):
        program_update(program=program, starts_on=date(2025, 9, 1), ends_on=date(2026, 9, 1), **fields)
    with pytest.raises(ValidationError, match="Начало утверждённой программы не меняется"):
        program_update(program=program, starts_on=date(2025, 10, 1), ends_on=date(2026, 8, 31), **fields)
    program.refresh_from_db()
    assert (program.starts_on, program.ends_on) == (date(2025, 9, 1), date(2026, 8, 31))


def test_shortening_the_term_below_plan_deadlines_is_refused(world):
    program = program_with_plan(world.pairing, S.DRAFT, items=3)
    last = program.items.order_by("-deadline").first()
    with pytest.raises(ValidationError, match=f"№ {last.position}"):
        program_update(
            program=program,
            starts_on=program.starts_on,
            ends_on=last.deadline - timedelta(days=1),
            actor=world.users["mentor"],
            **TEXT,
        )


# --- who creates, for which pair -------------------------------------------------------------------


@pytest.mark.parametrize("role", ["mentor", "council", "curator"])
def test_the_pairs_mentor_the_council_and_the_curator_create_a_program(world, role):
    program = create(world.pairing, world.pairing.starts_on, world.pairing.planned_end_on, world.users[role])
    assert program.created_by == world.users[role]
    step = program.transitions.get()
    assert (step.source, step.target, step.actor) == ("", S.DRAFT, world.users[role])


@pytest.mark.parametrize("role", ["head", "mentee"])
def test_the_head_and_the_mentee_do_not_create_programs(world, role):
    with pytest.raises(PermissionDenied):
        create(world.pairing, world.pairing.starts_on, world.pairing.planned_end_on, world.users[role])


def test_a_mentor_cannot_create_a_program_for_another_pair(world):
    other = world.other_mentor.pairings.get()
    with pytest.raises(PermissionDenied):
        create(other, other.starts_on, other.planned_end_on, world.users["mentor"])


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (Pairing.Status.PROPOSED, False),
        (Pairing.Status.AWAITING_CONSENTS, False),
        (Pairing.Status.AWAITING_APPROVAL, True),
        (Pairing.Status.RETURNED, False),
        (Pairing.Status.FIXED, True),
        (Pairing.Status.ACTIVE, True),
        (Pairing.Status.COMPLETED, False),
        (Pairing.Status.TERMINATED, False),
        (Pairing.Status.CANCELLED, False),
    ],
)
def test_a_program_is_written_for_a_pair_with_all_consents(world, status, allowed):
    Pairing.objects.filter(pk=world.pairing.pk).update(status=status)
    world.pairing.refresh_from_db()
    args = (world.pairing, world.pairing.starts_on, world.pairing.planned_end_on, world.users["curator"])
    if allowed:
        assert create(*args).pk
    else:
        with pytest.raises(ValidationError, match="программу составляют для пары"):
            create(*args)


def test_one_program_in_work_per_pair(world):
    program_with_plan(world.pairing, S.RUNNING)
    with pytest.raises(ValidationError, match="уже есть незавершённая программа"):
        create(world.pairing, world.pairing.starts_on, world.pairing.planned_end_on, world.users["curator"])
    Program.objects.update(status=S.TERMINATED)
    assert create(world.pairing, world.pairing.starts_on, world.pairing.planned_end_on, world.users["curator"]).pk


def test_prefill_takes_the_mentees_difficulties_and_strengths(world):
    data = program_prefill(world.pairing)
    assert data["difficulties"] == world.mentee.difficulties
    assert data["strengths"] == world.mentee.strengths
    assert (data["starts_on"], data["ends_on"]) == (world.pairing.starts_on, world.pairing.planned_end_on)


def test_prefill_of_a_group_names_each_mentee(world):
    second = MenteeFactory(difficulties="Не ведёт документацию группы")
    world.pairing.mentees.add(second)
    data = program_prefill(world.pairing)
    assert f"{world.mentee.person.full_name}: {world.mentee.difficulties}" in data["difficulties"]
    assert f"{second.person.full_name}: Не ведёт документацию группы" in data["difficulties"]


# --- the plan ----------------------------------------------------------------------------------------


def _item(program, **fields):
    base = PlanItemFactory.build(program=program, deadline=program.starts_on + timedelta(days=20))
    for name, value in fields.items():
        setattr(base, name, value)
    return base


def test_plan_lines_are_numbered_and_kept_within_the_term(world):
    program = program_with_plan(world.pairing, S.DRAFT, items=2)
    item = plan_item_save(item=_item(program), actor=world.users["mentor"]).obj
    assert item.position == 3
    with pytest.raises(ValidationError, match="Срок — в пределах программы"):
        plan_item_save(
            item=_item(program, deadline=program.ends_on + timedelta(days=1)),
            actor=world.users["mentor"],
        )


@pytest.mark.parametrize("status", [s for s in S if s not in Program.EDITABLE_STATUSES])
def test_plan_is_not_changed_outside_draft_and_correction(world, status):
    program = program_with_plan(world.pairing, status, items=1)
    with pytest.raises(ValidationError, match="только в черновике и при корректировке"):
        plan_item_save(item=_item(program), actor=world.users["curator"])
    with pytest.raises(ValidationError):
        plan_item_delete(item=program.items.get(), actor=world.users["curator"])


def test_removing_a_line_renumbers_the_rest_and_keeps_done_ones(world):
    program = program_with_plan(world.pairing, S.CORRECTION, items=3, done=1)
    first, second, third = program.items.order_by("position")
    with pytest.raises(ValidationError, match="удалить его нельзя"):
        plan_item_delete(item=first, actor=world.users["mentor"])
    plan_item_delete(item=second, actor=world.users["mentor"])
    third.refresh_from_db()
    assert third.position == 2 and program.items.count() == 2


def test_the_mentee_does_not_edit_the_plan(world):
    program = program_with_plan(world.pairing, S.DRAFT, items=1)
    with pytest.raises(PermissionDenied):
        plan_item_save(item=_item(program), actor=world.users["mentee"])


def test_marks_are_put_while_the_program_runs_by_its_mentor_or_the_curator(world):
    program = program_with_plan(world.pairing, S.RUNNING, items=1)
    item = program.items.get()
    plan_item_mark(item=item, done_on=program.starts_on, note="Конспект готов", actor=world.users["mentor"])
    item.refresh_from_db()
    assert (item.done_on, item.done_note) == (program.starts_on, "Конспект готов")
    plan_item_mark(item=item, done_on=None, actor=world.users["curator"])
    item.refresh_from_db()
    assert item.done_on is None and item.done_note == ""
    for role in ("head", "council", "mentee"):
        with pytest.raises(PermissionDenied):
            plan_item_mark(item=item, done_on=program.starts_on, actor=world.users[role])
    with pytest.raises(ValidationError, match="не в будущем"):
        plan_item_mark(
            item=item,
            done_on=timezone.localdate() + timedelta(days=1),
            actor=world.users["mentor"],
        )
    Program.objects.filter(pk=program.pk).update(status=S.APPROVED)
    with pytest.raises(ValidationError, match="пока она реализуется"):
        plan_item_mark(item=item, done_on=program.starts_on, actor=world.users["mentor"])


# --- agreements --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("on_behalf", "role"), [("curator", "curator"), ("council", "council")])
def test_the_curator_and_a_council_member_agree(world, on_behalf, role):
    program = program_with_plan(world.pairing, S.REVIEW, curator_agreed_at=None, council_agreed_at=None)
    program_agree(program=program, on_behalf=on_behalf, actor=world.users[role])
    program.refresh_from_db()
    assert getattr(program, f"{on_behalf}_agreed_at") is not None
    assert getattr(program, f"{on_behalf}_agreed_by") == world.person(role)
    assert program.transitions.get().comment.startswith("Согласовано")
    with pytest.raises(ValidationError, match="уже согласовал"):
        program_agree(program=program, on_behalf=on_behalf, actor=world.users[role])


@pytest.mark.parametrize("role", ["head", "mentor", "mentee"])
@pytest.mark.parametrize("on_behalf", ["curator", "council"])
def test_others_do_not_agree(world, role, on_behalf):
    program = program_with_plan(world.pairing, S.REVIEW, curator_agreed_at=None, council_agreed_at=None)
    with pytest.raises(PermissionDenied):
        program_agree(program=program, on_behalf=on_behalf, actor=world.users[role])


@pytest.mark.parametrize("status", [s for s in S if s != S.REVIEW])
def test_agreement_outside_review_is_refused(world, status):
    program = program_with_plan(world.pairing, status, curator_agreed_at=None, council_agreed_at=None)
    with pytest.raises(ValidationError, match="Согласуют программу на согласовании"):
        program_agree(program=program, on_behalf="curator", actor=world.users["curator"])


def test_the_pairs_own_mentor_does_not_agree_for_the_council(world):
    # The pair's mentor is also a member of the council: a council member, but not for this program.
    CouncilMembership.objects.create(person=world.mentor.person, status="member", joined_on=date(2025, 9, 1))
    assert roles_of(world.users["mentor"]) == {Role.COUNCIL, Role.MENTOR}
    program = program_with_plan(world.pairing, S.REVIEW, council_agreed_at=None)
    with pytest.raises(ValidationError, match="не согласует свою программу"):
        program_agree(program=program, on_behalf="council", actor=world.users["mentor"])


# --- every transition, every role --------------------------------------------------------------------


def _prepared(world, source, target):
    program = program_with_plan(world.pairing, source, items=2, done=2 if target == S.COMPLETED else 0)
    transition = Program.transition(source, target)
    kwargs = {}
    if transition.needs_comment:
        kwargs["comment"] = "Уточнить сроки мероприятий"
    if (source, target) == (S.CORRECTION, S.RUNNING):
        kwargs["agreed"] = True
    if target == S.COMPLETED:
        kwargs.update(final_assessment="Затруднения сняты", curator_conclusion="Программа выполнена")
    return program, kwargs


@pytest.mark.parametrize("role", PEOPLE_ROLES)
@pytest.mark.parametrize(("source", "target"), list(Program.TRANSITIONS))
def test_every_transition_allowed_to_its_roles_and_refused_to_others(world, source, target, role):
    program, kwargs = _prepared(world, source, target)
    user = world.users[role]
    assert roles_of(user) == {Role(role)}  # the services read the actor's roles from the records
    if role in Program.transition(source, target).roles:
        program_move(program=program, target=target, actor=user, **kwargs)
        program.refresh_from_db()
        assert program.status == target
        step = program.transitions.get()
        assert (step.source, step.target, step.actor) == (source, target, user)
        assert step.comment == kwargs.get("comment", "")
    else:
        with pytest.raises(PermissionDenied):
            program_move(program=program, target=target, actor=user, **kwargs)
        program.refresh_from_db()
        assert program.status == source and not program.transitions.exists()


WRONG_MOVES = [(source, target) for source in S for target in S if (source, target) not in Program.TRANSITIONS]


@pytest.mark.parametrize(("source", "target"), WRONG_MOVES)
def test_a_move_not_in_the_table_is_refused_in_russian(world, source, target):
    program = program_with_plan(world.pairing, source, items=1, done=1)
    with pytest.raises(ValidationError) as error:
        program_move(
            program=program,
            target=target,
            actor=world.users["curator"],
            comment="Комментарий",
            agreed=True,
            final_assessment="Оценка",
            curator_conclusion="Заключение",
        )
    assert "нельзя перевести" in error.value.messages[0]
    program.refresh_from_db()
    assert program.status == source


def test_an_unknown_target_is_refused(world):
    program = program_with_plan(world.pairing, S.DRAFT)
    with pytest.raises(ValidationError, match="Неизвестное состояние"):
        program_move(program=program, target="published", actor=world.users["curator"])


def test_the_mentor_of_another_pair_cannot_move_its_program(world):
    program = program_with_plan(world.other_mentor.pairings.get(), S.DRAFT)
    with pytest.raises(PermissionDenied):
        program_move(program=program, target=S.REVIEW, actor=world.users["mentor"])


# --- conditions of the moves -------------------------------------------------------------------------


def test_submission_needs_a_plan_and_a_fixed_pair_and_drops_old_agreements(world):
    program = program_with_plan(world.pairing, S.DRAFT, items=0, curator_agreed_at=timezone.now())
    mentor = world.users["mentor"]
    with pytest.raises(ValidationError, match="нет ни одного мероприятия"):
        program_move(program=program, target=S.REVIEW, actor=mentor)
    PlanItemFactory(program=program, deadline=program.starts_on + timedelta(days=10))
    Pairing.objects.filter(pk=world.pairing.pk).update(status=Pairing.Status.AWAITING_APPROVAL)
    with pytest.raises(ValidationError, match="после приказа о закреплении"):
        program_move(program=program, target=S.REVIEW, actor=mentor)
    Pairing.objects.filter(pk=world.pairing.pk).update(status=Pairing.Status.FIXED)
    program_move(program=program, target=S.REVIEW, actor=mentor)
    program.refresh_from_db()
    assert program.status == S.REVIEW and program.curator_agreed_at is None


def test_returning_to_draft_needs_a_comment_and_drops_agreements(world):
    program = program_with_plan(world.pairing, S.REVIEW)
    with pytest.raises(ValidationError, match="Напишите комментарий"):
        program_move(program=program, target=S.DRAFT, actor=world.users["head"], comment="  ")
    program_move(program=program, target=S.DRAFT, actor=world.users["head"], comment="Добавьте РППС")
    program.refresh_from_db()
    assert program.curator_agreed_at is None and program.council_agreed_at is None


def test_approval_needs_the_curator_and_the_council_and_writes_version_one(world):
    head = world.users["head"]
    program = program_with_plan(world.pairing, S.REVIEW, curator_agreed_at=None, council_agreed_at=None)
    with pytest.raises(ValidationError, match="куратор, методическое объединение"):
        program_move(program=program, target=S.APPROVED, actor=head)
    program_agree(program=program, on_behalf="curator", actor=world.users["curator"])
    with pytest.raises(ValidationError, match="ещё не согласовали: методическое объединение"):
        program_move(program=program, target=S.APPROVED, actor=head)
    program_agree(program=program, on_behalf="council", actor=world.users["council"])
    program_move(program=program, target=S.APPROVED, actor=head)
    program.refresh_from_db()
    assert program.approved_by == head and program.approved_at is not None
    version = program.versions.get()
    assert version.number == 1
    assert version.data["goal"] == program.goal
    assert [row["activity"] for row in version.data["items"]] == list(
        program.items.order_by("position").values_list("activity", flat=True)
    )


def test_without_a_council_the_curators_agreement_is_enough(world):
    CouncilMembership.objects.update(status=CouncilMembership.Status.LEFT)
    program = program_with_plan(world.pairing, S.REVIEW, council_agreed_at=None)
    program_move(program=program, target=S.APPROVED, actor=world.users["head"])
    assert Program.objects.get(pk=program.pk).status == S.APPROVED


def test_approval_of_a_program_of_a_pair_no_longer_fixed_is_refused(world):
    program = program_with_plan(world.pairing, S.REVIEW)
    Pairing.objects.filter(pk=world.pairing.pk).update(status=Pairing.Status.TERMINATED)
    with pytest.raises(ValidationError, match="утверждают программу закреплённой пары"):
        program_move(program=program, target=S.APPROVED, actor=world.users["head"])


def test_implementation_starts_not_before_the_programs_start(world):
    today = timezone.localdate()
    pairing = PairingFactory(
        mentor=MentorFactory(),
        mentees=[MenteeFactory()],
        status=Pairing.Status.FIXED,
        starts_on=today + timedelta(days=10),
        planned_end_on=today + timedelta(days=200),
    )
    program = program_with_plan(pairing, S.APPROVED)
    with pytest.raises(ValidationError, match="не раньше начала программы"):
        program_move(program=program, target=S.RUNNING, actor=world.users["curator"])


def test_correction_needs_a_comment_and_ends_with_both_sides_agreeing_and_a_new_version(world):
    mentor = world.users["mentor"]
    program = program_with_plan(world.pairing, S.APPROVED)
    program_move(program=program, target=S.RUNNING, actor=mentor)
    program.versions.create(number=1, data={"goal": program.goal, "items": []}, created_by=world.users["head"])
    with pytest.raises(ValidationError, match="Напишите комментарий"):
        program_move(program=program, target=S.CORRECTION, actor=mentor)
    program_move(program=program, target=S.CORRECTION, actor=mentor, comment="Перенести открытый показ")
    with pytest.raises(ValidationError, match="наставник и наставляемый согласны"):
        program_move(program=program, target=S.RUNNING, actor=mentor)
    program_move(program=program, target=S.RUNNING, actor=mentor, agreed=True)
    version = program.versions.get(number=2)
    assert version.comment == "Перенести открытый показ" and version.created_by == mentor
    program_move(program=program, target=S.CORRECTION, actor=mentor, comment="Ещё раз")
    program_move(program=program, target=S.RUNNING, actor=mentor, agreed=True, comment="Сдвинут срок")
    assert program.versions.get(number=3).comment == "Сдвинут срок"


def test_completion_needs_every_item_done_the_assessment_and_the_conclusion(world):
    curator = world.users["curator"]
    program = program_with_plan(world.pairing, S.RUNNING, items=3, done=1)
    with pytest.raises(ValidationError) as error:
        program_move(program=program, target=S.COMPLETED, actor=curator)
    assert error.value.messages == [
        "Не отмечено выполнение пунктов плана № 2, 3.",
        "Напишите итоговую оценку.",
        "Напишите заключение куратора.",
    ]
    PlanItem.objects.filter(program=program).update(done_on=program.starts_on)
    program_move(
        program=program,
        target=S.COMPLETED,
        actor=curator,
        final_assessment="Освоила режимные моменты",
        curator_conclusion="Программа реализована в полном объёме",
    )
    program.refresh_from_db()
    assert program.status == S.COMPLETED
    assert program.final_assessment == "Освоила режимные моменты"
    assert program.curator_conclusion == "Программа реализована в полном объёме"


def test_termination_needs_a_reason_and_keeps_it(world):
    program = program_with_plan(world.pairing, S.RUNNING)
    with pytest.raises(ValidationError, match="Напишите причину прекращения"):
        program_move(program=program, target=S.TERMINATED, actor=world.users["head"])
    program_move(
        program=program,
        target=S.TERMINATED,
        actor=world.users["head"],
        comment="Наставляемая уволилась",
    )
    program.refresh_from_db()
    assert program.termination_reason == "Наставляемая уволилась"
    assert ProgramTransition.objects.get(program=program).comment == "Наставляемая уволилась"


# --- best practice and copying --------------------------------------------------------------------


def test_only_the_curator_marks_a_completed_program_a_best_practice(world):
    program = program_with_plan(world.pairing, S.RUNNING)
    with pytest.raises(ValidationError, match="завершённую программу"):
        program_set_best_practice(program=program, value=True, actor=world.users["curator"])
    Program.objects.filter(pk=program.pk).update(status=S.COMPLETED)
    for role in ("head", "council", "mentor", "mentee"):
        with pytest.raises(PermissionDenied):
            program_set_best_practice(program=program, value=True, actor=world.users[role])
    program_set_best_practice(program=program, value=True, actor=world.users["curator"])
    assert Program.objects.get(pk=program.pk).is_best_practice
    assert program.transitions.get().comment == "Отмечена как лучшая практика"


def test_a_copy_takes_the_text_and_plan_but_not_the_other_mentees_difficulties(world):
    source_pair = world.other_mentor.pairings.get()
    Pairing.objects.filter(pk=source_pair.pk).update(
        status=Pairing.Status.COMPLETED, starts_on=date(2025, 9, 1), planned_end_on=date(2026, 5, 31)
    )
    source_pair.refresh_from_db()
    source = program_with_plan(
        source_pair,
        S.COMPLETED,
        items=3,
        done=3,
        starts_on=date(2025, 9, 1),
        ends_on=date(2026, 5, 31),
        difficulties="Секрет прежней наставляемой",
        strengths="Сильные стороны прежней",
        is_best_practice=True,
    )
    program = create(
        world.pairing,
        date(2026, 9, 1),
        date(2027, 5, 31),
        world.users["curator"],
        copied_from=source,
        goal=source.goal,
        tasks=source.tasks,
        expected_results=source.expected_results,
        difficulties=world.mentee.difficulties,
        strengths=world.mentee.strengths,
    )
    assert program.copied_from == source
    assert "прежней" not in program.difficulties + program.strengths
    old = list(source.items.order_by("position"))
    new = list(program.items.order_by("position"))
    assert [i.activity for i in new] == [i.activity for i in old]
    shift = date(2026, 9, 1) - date(2025, 9, 1)
    assert [i.deadline for i in new] == [i.deadline + shift for i in old]
    assert all(i.done_on is None for i in new)
