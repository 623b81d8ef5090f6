"""The roadmap's life: drafting, the state table by role, copying a year, the approval order,
execution marks on the frozen plan."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import User
from mentorship.models import CuratorAppointment
from people.models import Organization
from people.roles import Role, roles_of
from records.models import Order
from roadmap.models import Activity, Roadmap, RoadmapTransition, Stage, academic_start_year
from roadmap.services import (
    BASIS_BLANK,
    BASIS_COPY,
    activity_delete,
    activity_mark,
    activity_save,
    activity_unmark,
    roadmap_approve,
    roadmap_create,
    roadmap_delete,
    roadmap_move,
    stage_delete,
    stage_save,
)
from roadmap.standard import STAGE_TITLES

from .conftest import YEAR, in_year

S = Roadmap.Status
ALL_ROLES = [{role} for role in Role]


@pytest.fixture
def head_and_curator(world) -> User:
    """The head, appointed curator as well: one login holding every role of the table of moves."""
    CuratorAppointment.objects.filter(ended_on__isnull=True).update(ended_on=date(2026, 1, 1))
    CuratorAppointment.objects.create(
        organization=Organization.own(), person=world.person("head"), appointed_on=date(2026, 1, 2)
    )
    user = User.objects.get(pk=world.users["head"].pk)  # a fresh object: roles_of remembers them per object
    assert roles_of(user) >= {Role.HEAD, Role.CURATOR}
    return user


def activities(roadmap) -> list[Activity]:
    return list(Activity.objects.filter(stage__roadmap=roadmap).order_by("stage__number", "number"))


def new_activity(stage, **fields) -> Activity:
    values = {
        "text": "Педагогический совет: итоги наставничества",
        "starts_on": None,
        "ends_on": date(stage.roadmap.start_year + 1, 5, 30),
        "responsible": "Заведующий",
        "expected_result": "Протокол педсовета",
    }
    values.update(fields)
    return Activity(stage=stage, **values)


class TestCreate:
    def test_the_typical_roadmap_has_the_eight_stages_in_order_with_dated_activities(self, draft):
        assert [stage.title for stage in draft.stages.all()] == STAGE_TITLES
        assert [stage.number for stage in draft.stages.all()] == list(range(1, 9))
        rows = activities(draft)
        assert len(rows) >= 16
        assert all(draft.starts_on <= row.ends_on <= draft.ends_on for row in rows)
        assert all(row.responsible and row.expected_result for row in rows)
        assert draft.status == S.DRAFT
        assert draft.transitions.get().comment.startswith("Типовая")

    def test_the_blank_roadmap_has_the_stages_only(self, make):
        roadmap = make(basis=BASIS_BLANK)
        assert roadmap.stages.count() == 8
        assert not activities(roadmap)

    def test_one_roadmap_per_academic_year(self, make):
        make()
        with pytest.raises(ValidationError, match="уже есть"):
            make()

    def test_only_the_current_or_the_next_year(self, world):
        for year in (YEAR - 1, YEAR + 2):
            with pytest.raises(ValidationError, match=r"текущий .* или следующий"):
                roadmap_create(start_year=year, basis="typical", actor=world.users["curator"])
        roadmap_create(start_year=YEAR + 1, basis="typical", actor=world.users["curator"])

    @pytest.mark.parametrize("role", [r for r in Role if r != Role.CURATOR])
    def test_only_the_curator_drafts_it(self, world, role):
        with pytest.raises(PermissionDenied):
            roadmap_create(start_year=YEAR, basis="typical", actor=world.users[role])
        assert not Roadmap.objects.exists()

    def test_an_unknown_basis_is_refused(self, world):
        with pytest.raises(ValidationError, match="с чего начать"):
            roadmap_create(start_year=YEAR, basis="other", actor=world.users["curator"])


class TestCopy:
    def test_a_copy_moves_every_date_a_year_on_and_clears_the_marks(self, world, make, approve):
        last = make(YEAR - 1)
        stage = last.stages.get(number=8)
        activity_save(
            activity=new_activity(stage, starts_on=date(YEAR, 2, 1), ends_on=date(YEAR, 2, 28)),
            actor=world.users["curator"],
        )
        approve(last, date=timezone.localdate())
        marked = activities(last)[0]
        activity_mark(activity=marked, done_on=marked.ends_on, note="Сделано", actor=world.users["curator"])

        copy = make(YEAR, basis=BASIS_COPY, source=last)

        old, new = activities(last), activities(copy)
        assert len(old) == len(new)
        for before, after in zip(old, new, strict=True):
            assert (after.stage.number, after.number, after.text) == (before.stage.number, before.number, before.text)
            assert after.ends_on == before.ends_on.replace(year=before.ends_on.year + 1)
            assert after.responsible == before.responsible
            assert after.done_on is None and after.done_note == "" and after.marked_by is None
        assert copy.status == S.DRAFT and copy.order is None and copy.copied_from == last
        assert [s.title for s in copy.stages.all()] == [s.title for s in last.stages.all()]
        assert "Копия дорожной карты" in copy.transitions.get().comment

    def test_29_february_becomes_28_february(self, world):
        curator = world.users["curator"]
        leap = roadmap_create(start_year=2027, basis=BASIS_BLANK, actor=curator, today=in_year(2027)).obj
        activity_save(activity=new_activity(leap.stages.first(), ends_on=date(2028, 2, 29)), actor=curator)
        copy = roadmap_create(start_year=2028, basis=BASIS_COPY, source=leap, actor=curator, today=in_year(2028)).obj
        assert activities(copy)[0].ends_on == date(2029, 2, 28)

    def test_only_an_earlier_years_roadmap_is_copied(self, world, make):
        curator = world.users["curator"]
        with pytest.raises(ValidationError, match="Выберите дорожную карту"):
            roadmap_create(start_year=YEAR, basis=BASIS_COPY, source=None, actor=curator)
        later = make(YEAR + 1)
        with pytest.raises(ValidationError, match="прошлых"):
            roadmap_create(start_year=YEAR, basis=BASIS_COPY, source=later, actor=curator)
        assert not Roadmap.objects.filter(start_year=YEAR).exists()


class TestEditing:
    def test_an_activity_is_added_last_in_its_stage(self, world, draft):
        stage = draft.stages.get(number=2)
        count = stage.activities.count()
        activity = activity_save(activity=new_activity(stage), actor=world.users["curator"]).obj
        assert activity.number == count + 1
        assert activity.history.first().history_user == world.users["curator"]

    def test_dates_stay_within_the_academic_year(self, world, draft):
        stage = draft.stages.first()
        with pytest.raises(ValidationError) as error:
            activity_save(
                activity=new_activity(stage, starts_on=date(YEAR, 8, 20), ends_on=date(YEAR + 1, 9, 1)),
                actor=world.users["curator"],
            )
        assert set(error.value.error_dict) == {"starts_on", "ends_on"}
        assert "01.09" in str(error.value)

    def test_the_end_is_not_before_the_start(self, world, draft):
        with pytest.raises(ValidationError, match="Окончание раньше начала"):
            activity_save(
                activity=new_activity(draft.stages.first(), starts_on=date(YEAR, 10, 5), ends_on=date(YEAR, 10, 1)),
                actor=world.users["curator"],
            )

    def test_moving_an_activity_to_another_stage_renumbers_both(self, world, draft):
        first, second = draft.stages.get(number=1), draft.stages.get(number=2)
        moving = first.activities.get(number=1)
        moving.stage = second
        activity_save(activity=moving, actor=world.users["curator"])
        assert list(first.activities.values_list("number", flat=True)) == list(range(1, first.activities.count() + 1))
        assert second.activities.order_by("number").last() == moving

    def test_deleting_an_activity_renumbers_the_rest(self, world, draft):
        stage = draft.stages.get(number=6)
        activity_delete(activity=stage.activities.get(number=1), actor=world.users["curator"])
        assert list(stage.activities.values_list("number", flat=True)) == [1, 2]

    def test_a_stage_is_added_last_renamed_and_deleted_only_when_empty(self, world, draft):
        curator = world.users["curator"]
        stage = stage_save(stage=Stage(roadmap=draft, title="Сетевое взаимодействие"), actor=curator).obj
        assert stage.number == 9
        with pytest.raises(ValidationError, match="есть мероприятия"):
            stage_delete(stage=draft.stages.get(number=1), actor=curator)
        first = draft.stages.get(number=1)
        for activity in list(first.activities.all()):
            activity_delete(activity=activity, actor=curator)
        stage_delete(stage=first, actor=curator)
        assert list(draft.stages.values_list("number", flat=True)) == list(range(1, 9))
        assert draft.stages.last().title == "Сетевое взаимодействие"

    @pytest.mark.parametrize("status", [S.AWAITING_APPROVAL, S.APPROVED])
    def test_the_text_does_not_change_out_of_draft(self, world, draft, status):
        Roadmap.objects.filter(pk=draft.pk).update(status=status)
        curator = world.users["curator"]
        stage = draft.stages.first()
        activity = stage.activities.first()
        activity.text = "Другое"
        for attempt in (
            lambda: activity_save(activity=activity, actor=curator),
            lambda: activity_save(activity=new_activity(stage), actor=curator),
            lambda: activity_delete(activity=activity, actor=curator),
            lambda: stage_save(stage=Stage(roadmap=draft, title="Ещё"), actor=curator),
        ):
            with pytest.raises(ValidationError):
                attempt()
        assert Activity.objects.get(pk=activity.pk).text != "Другое"

    def test_a_returned_roadmap_is_edited(self, world, draft, send):
        send(draft)
        roadmap_move(roadmap=draft, target=S.RETURNED, actor=world.users["head"], comment="Уточните сроки")
        activity_save(activity=new_activity(draft.stages.first()), actor=world.users["curator"])

    @pytest.mark.parametrize("role", [Role.HEAD, Role.COUNCIL, Role.ADMIN, Role.MENTOR])
    def test_only_the_curator_edits(self, world, draft, role):
        with pytest.raises(PermissionDenied):
            activity_save(activity=new_activity(draft.stages.first()), actor=world.users[role])

    def test_a_draft_made_by_mistake_is_deleted_but_not_once_the_head_saw_it(self, world, draft, send, make):
        curator = world.users["curator"]
        send(draft)
        roadmap_move(roadmap=draft, target=S.DRAFT, actor=curator)
        with pytest.raises(ValidationError, match="уже была у руководителя"):
            roadmap_delete(roadmap=draft, actor=curator)
        mistake = make(YEAR + 1)
        roadmap_delete(roadmap=mistake, actor=curator)
        assert not Roadmap.objects.filter(pk=mistake.pk).exists()


# Every (from, to) pair of states, and who may make the move: the state table, checked whole.
MOVES = [
    (S.DRAFT, S.AWAITING_APPROVAL, Role.CURATOR),
    (S.RETURNED, S.AWAITING_APPROVAL, Role.CURATOR),
    (S.AWAITING_APPROVAL, S.DRAFT, Role.CURATOR),
    (S.AWAITING_APPROVAL, S.RETURNED, Role.HEAD),
]


class TestLifeCycle:
    @pytest.mark.parametrize(("source", "target", "allowed"), MOVES)
    @pytest.mark.parametrize("role", list(Role))
    def test_each_move_by_each_role(self, world, draft, source, target, allowed, role):
        Roadmap.objects.filter(pk=draft.pk).update(status=source)
        call = lambda: roadmap_move(  # noqa: E731
            roadmap=draft, target=target, actor=world.users[role], comment="Причина"
        )
        if role == allowed:
            call()
            draft.refresh_from_db()
            assert draft.status == target
            step = draft.transitions.last()
            assert (step.source, step.target, step.comment) == (source, target, "Причина")
        else:
            with pytest.raises(PermissionDenied):
                call()
            draft.refresh_from_db()
            assert draft.status == source

    @pytest.mark.parametrize("source", list(S))
    @pytest.mark.parametrize("target", list(S))
    def test_moves_outside_the_table_are_refused(self, draft, head_and_curator, source, target):
        if (source, target) in {(s, t) for s, t, _ in MOVES}:
            return
        Roadmap.objects.filter(pk=draft.pk).update(status=source)
        with pytest.raises(ValidationError):
            roadmap_move(roadmap=draft, target=target, actor=head_and_curator)
        draft.refresh_from_db()
        assert draft.status == source

    def test_an_unknown_target_is_refused(self, world, draft):
        with pytest.raises(ValidationError, match="Неизвестное действие"):
            roadmap_move(roadmap=draft, target="signed", actor=world.users["curator"])

    def test_returning_needs_a_comment(self, world, draft, send):
        send(draft)
        with pytest.raises(ValidationError, match="комментарий"):
            roadmap_move(roadmap=draft, target=S.RETURNED, actor=world.users["head"], comment="  ")

    def test_a_roadmap_with_an_empty_stage_does_not_go_to_the_head(self, world, make):
        roadmap = make(basis=BASIS_BLANK)
        with pytest.raises(ValidationError) as error:
            roadmap_move(roadmap=roadmap, target=S.AWAITING_APPROVAL, actor=world.users["curator"])
        assert len(error.value.messages) == 8
        assert "В этапе 1 «Нормативно-правовое обеспечение: локальные акты» нет мероприятий" in error.value.messages[0]

    def test_sending_warns_about_deadlines_already_past(self, world, draft):
        outcome = roadmap_move(
            roadmap=draft,
            target=S.AWAITING_APPROVAL,
            actor=world.users["curator"],
            today=date(YEAR, 10, 1),
        )
        assert outcome.warnings and "1.1" in outcome.warnings[0] and "2.1" in outcome.warnings[0]


class TestApproval:
    def test_the_head_approves_and_the_order_is_registered(self, world, draft, approve):
        order = approve(draft)
        assert draft.status == S.APPROVED and draft.order == order
        assert order.kind == "roadmap"
        assert order.status == Order.Status.REGISTERED and order.number == 1 and order.pdf
        year = f"{YEAR}/{YEAR + 1}"
        assert order.heading == (
            f"Об утверждении дорожной карты внедрения (реализации) системы наставничества на {year} учебный год"
        )
        assert "Положением о наставничестве" in order.preamble
        assert f"на {year} учебный год (приложение)" in order.clauses[0]
        assert "Морозову" in order.clauses[1]
        assert order.clauses[-1] == "Контроль за исполнением приказа оставляю за собой."
        assert order.acquaintance[0].startswith("Морозова")
        step = draft.transitions.last()
        assert (step.source, step.target, step.actor) == (S.AWAITING_APPROVAL, S.APPROVED, world.users["head"])
        assert step.comment == f"Приказ № {order.number_text} от {order.date:%d.%m.%Y}"
        assert draft.annex_pdf.name.endswith(".pdf")

    @pytest.mark.parametrize("role", [r for r in Role if r != Role.HEAD])
    def test_only_the_head_approves(self, world, draft, send, role):
        send(draft)
        with pytest.raises(PermissionDenied):
            roadmap_approve(roadmap=draft, actor=world.users[role])
        assert not Order.objects.exists()

    @pytest.mark.parametrize("status", [S.DRAFT, S.RETURNED, S.APPROVED])
    def test_only_a_roadmap_on_approval_is_approved(self, world, draft, status):
        Roadmap.objects.filter(pk=draft.pk).update(status=status)
        with pytest.raises(ValidationError, match="на утверждении"):
            roadmap_approve(roadmap=draft, actor=world.users["head"])
        assert not Order.objects.exists()

    def test_without_a_curator_the_order_has_no_one_responsible(self, world, draft, send):
        send(draft)
        CuratorAppointment.objects.update(ended_on=date(2026, 1, 1))
        with pytest.raises(ValidationError, match="Куратор не назначен"):
            roadmap_approve(roadmap=draft, actor=world.users["head"])
        draft.refresh_from_db()
        assert draft.status == S.AWAITING_APPROVAL and not Order.objects.exists()


class TestMarks:
    def test_the_curator_marks_an_activity_done(self, world, approved):
        activity = activities(approved)[0]
        outcome = activity_mark(
            activity=activity,
            done_on=activity.ends_on,
            note=" Приказ № 3-ОД ",
            actor=world.users["curator"],
        )
        activity.refresh_from_db()
        assert (activity.done_on, activity.done_note, activity.marked_by) == (
            activity.ends_on,
            "Приказ № 3-ОД",
            world.users["curator"],
        )
        assert not outcome.warnings

    def test_done_after_the_deadline_is_said_to_be_late(self, world, approved):
        activity = activities(approved)[0]
        today = activity.ends_on + timedelta(days=10)
        outcome = activity_mark(
            activity=activity,
            done_on=activity.ends_on + timedelta(days=2),
            note="",
            actor=world.users["curator"],
            today=today,
        )
        assert "позже срока" in outcome.warnings[0]
        assert Activity.objects.get(pk=activity.pk).is_late

    def test_a_mark_is_not_dated_in_the_future(self, world, approved):
        with pytest.raises(ValidationError, match="позже сегодняшней"):
            activity_mark(
                activity=activities(approved)[0],
                done_on=timezone.localdate() + timedelta(days=1),
                note="",
                actor=world.users["curator"],
            )

    def test_a_draft_takes_no_marks(self, world, draft):
        with pytest.raises(ValidationError, match="утверждённой"):
            activity_mark(
                activity=activities(draft)[0],
                done_on=timezone.localdate(),
                note="",
                actor=world.users["curator"],
            )

    @pytest.mark.parametrize("role", [r for r in Role if r != Role.CURATOR])
    def test_only_the_curator_marks(self, world, approved, role):
        with pytest.raises(PermissionDenied):
            activity_mark(
                activity=activities(approved)[0],
                done_on=timezone.localdate(),
                note="",
                actor=world.users[role],
            )

    def test_a_mark_is_taken_back_and_the_history_keeps_it(self, world, approved):
        activity = activities(approved)[0]
        curator = world.users["curator"]
        activity_mark(activity=activity, done_on=timezone.localdate(), note="Да", actor=curator)
        activity_unmark(activity=activity, actor=curator)
        activity.refresh_from_db()
        assert activity.done_on is None and activity.done_note == ""
        assert activity.history.filter(done_note="Да").exists()
        with pytest.raises(ValidationError, match="Отметки о выполнении нет"):
            activity_unmark(activity=activity, actor=curator)

    def test_the_approved_roadmap_is_frozen_but_for_the_marks(self, world, approved):
        with pytest.raises(ValidationError, match="утверждена приказом"):
            activity_save(activity=activities(approved)[0], actor=world.users["curator"])
        assert not RoadmapTransition.objects.filter(roadmap=approved, target=S.DRAFT).exclude(source="").exists()


def test_academic_year_runs_from_september_to_august():
    assert academic_start_year(date(2026, 9, 1)) == 2026
    assert academic_start_year(date(2027, 8, 31)) == 2026
    assert academic_start_year(date(2026, 8, 31)) == 2025


def test_period_reads_as_a_person_writes_it(draft):
    stage = draft.stages.first()
    assert new_activity(stage, starts_on=None, ends_on=date(YEAR, 9, 15)).period == f"до 15.09.{YEAR}"
    assert (
        new_activity(stage, starts_on=date(YEAR, 9, 1), ends_on=date(YEAR, 9, 15)).period
        == f"01.09.{YEAR}–15.09.{YEAR}"
    )
    assert (
        new_activity(stage, starts_on=date(YEAR, 9, 1), ends_on=date(YEAR + 1, 8, 31)).period
        == "в течение учебного года"
    )
