"""The log's records: who writes them, the date rules, the plan item's completion mark, editing until
the mentee confirms, and the mentee's confirmation and comments."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from mentorship.models import Pairing
from mentorship.tests.factories import MenteeFactory, UserFactory
from people.roles import Role, roles_of

from ..models import ActivityRecord, PlanItem, Program
from ..progress import program_log_context
from ..services.logging import (
    DUPLICATE_WINDOW,
    AlreadyRecorded,
    record_delete,
    record_log,
    record_respond,
    record_update,
)
from .factories import ActivityRecordFactory, program_in_work

S = Program.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def program(world):
    return program_in_work(world.pairing, done=1, due=2, overdue=1)


def log(world, program, **fields):
    mentor = world.users["mentor"]
    values = {"done_on": timezone.localdate(), "description": "Консультация по режиму дня", **fields}
    return record_log(program=program, actor=mentor, **values)


def overdue_item(program) -> PlanItem:
    return program.items.get(done_on__isnull=True, deadline__lt=timezone.localdate())


# --- writing ------------------------------------------------------------------------------------------


def test_mentor_logs_an_activity_that_completes_a_plan_item(world, program):
    item = overdue_item(program)
    outcome = log(world, program, item=item, item_done=True, result="Составлен конспект")
    record = outcome.obj
    assert (record.program, record.item, record.logged_by) == (program, item, world.users["mentor"])
    item.refresh_from_db()
    assert item.done_on == timezone.localdate() and item.done_note == "Составлен конспект"
    assert outcome.warnings == [f"Пункт {item.position} выполнен позже срока ({item.deadline:%d.%m.%Y})."]
    assert record.history.first().history_user == world.users["mentor"]


def test_an_activity_outside_the_plan_leaves_the_plan_alone(world, program):
    before = list(program.items.values_list("done_on", flat=True))
    log(world, program)
    assert list(program.items.values_list("done_on", flat=True)) == before


def test_item_done_without_an_item_is_refused(world, program):
    with pytest.raises(ValidationError) as error:
        log(world, program, item_done=True)
    assert "item" in error.value.message_dict


@pytest.mark.parametrize(
    ("shift", "message"),
    [(1, "не может быть в будущем"), (None, "мероприятие не может быть раньше")],
)
def test_date_in_the_future_or_before_the_start_is_refused(world, program, shift, message):
    done_on = timezone.localdate() + timedelta(days=1) if shift else program.starts_on - timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        log(world, program, done_on=done_on)
    assert message in error.value.message_dict["done_on"][0]


@pytest.mark.parametrize("status", [S.DRAFT, S.REVIEW, S.APPROVED, S.COMPLETED, S.TERMINATED])
def test_only_a_program_in_work_takes_records(world, program, status):
    Program.objects.filter(pk=program.pk).update(status=status)
    program.refresh_from_db()
    with pytest.raises(ValidationError, match="реализуется или корректируется"):
        log(world, program)


def test_a_program_in_correction_takes_records(world, program):
    Program.objects.filter(pk=program.pk).update(status=S.CORRECTION)
    program.refresh_from_db()
    assert log(world, program).obj.pk


def test_an_item_of_another_program_is_refused(world, program):
    other = program_in_work(world.other_mentor.pairings.get(), due=1)
    with pytest.raises(ValidationError) as error:
        log(world, program, item=other.items.get())
    assert "item" in error.value.message_dict


@pytest.mark.parametrize("role", ["curator", "head", "mentee", "council"])
def test_only_the_programs_mentor_logs(world, program, role):
    user = world.users[role]
    with pytest.raises(PermissionDenied):
        record_log(program=program, done_on=timezone.localdate(), description="x", actor=user)


def test_another_mentor_cannot_log_on_this_program(world, program):
    person = world.other_mentor.person
    person.user = UserFactory()
    person.save()
    assert roles_of(person.user) == {Role.MENTOR}  # a mentor, but of another pair
    with pytest.raises(PermissionDenied):
        record_log(program=program, done_on=timezone.localdate(), description="x", actor=person.user)


# --- editing until confirmed ---------------------------------------------------------------------------


def test_mentor_corrects_the_record_and_moves_the_completion_mark(world, program):
    first, second = program.items.filter(done_on__isnull=True).order_by("position")[:2]
    record = log(world, program, item=first, item_done=True).obj
    mentor = world.users["mentor"]
    outcome = record_update(
        record=record,
        done_on=timezone.localdate() - timedelta(days=1),
        description="Консультация (исправлено)",
        item=second,
        item_done=True,
        actor=mentor,
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.done_on is None and "снята отметка" in outcome.warnings[0]
    assert second.done_on == timezone.localdate() - timedelta(days=1)
    assert ActivityRecord.objects.get().description == "Консультация (исправлено)"


def test_delete_takes_back_the_mark_the_record_set(world, program):
    item = overdue_item(program)
    record = log(world, program, item=item, item_done=True).obj
    mentor = world.users["mentor"]
    record_delete(record=record, actor=mentor)
    item.refresh_from_db()
    assert item.done_on is None and not ActivityRecord.objects.exists()


def test_a_confirmed_record_can_no_longer_be_changed_or_deleted(world, program):
    record = log(world, program).obj
    mentee, mentor = world.users["mentee"], world.users["mentor"]
    record_respond(record=record, confirm=True, comment="", actor=mentee)
    with pytest.raises(ValidationError, match="уже не изменить"):
        record_update(record=record, done_on=record.done_on, description="y", actor=mentor)
    with pytest.raises(ValidationError):
        record_delete(record=record, actor=mentor)


def test_edit_page_of_a_confirmed_record_sends_back_to_the_record(client_as, world, program):
    record = ActivityRecordFactory(program=program, confirmed_at=timezone.now(), confirmed_by=world.mentee.person)
    response = client_as("mentor").get(reverse("programs:record-update", args=[record.pk]))
    assert response.status_code == 302 and response.url == reverse("programs:record-detail", args=[record.pk])


# --- the same record sent twice, and what the mentor sees after saving ---------------------------------


def test_the_same_record_sent_again_is_not_stored_twice(world, program):
    item = overdue_item(program)
    first = log(world, program, item=item, result="Конспект").obj
    with pytest.raises(AlreadyRecorded) as repeat:
        log(world, program, item=item, result=" Конспект ")  # the same text, spaces aside
    assert repeat.value.obj == first
    assert "уже записано" in repeat.value.messages[0]
    assert ActivityRecord.objects.count() == 1


def test_another_record_of_the_same_item_or_a_late_repeat_is_stored(world, program):
    item = overdue_item(program)
    first = log(world, program, item=item).obj
    log(world, program, item=item, description="Разбор занятия после взаимопосещения")
    log(world, program, description=first.description)  # the same text, but outside the plan
    ActivityRecord.objects.filter(pk=first.pk).update(
        logged_at=timezone.now() - DUPLICATE_WINDOW - timedelta(minutes=1)
    )
    log(world, program, item=item)
    assert ActivityRecord.objects.count() == 4


def _record_form(item, **fields):
    return {
        "done_on": f"{timezone.localdate():%Y-%m-%d}",
        "description": "Взаимопосещение утреннего круга",
        "result": "Договорились о приёмах",
        "item": item.pk,
        "item_done": "on",
        **fields,
    }


def test_after_saving_the_mentor_lands_on_the_program_with_the_outcome_on_top(client_as, world, program):
    item = overdue_item(program)
    client = client_as("mentor")
    response = client.post(reverse("programs:record-create", args=[program.pk]), _record_form(item), follow=True)
    record = ActivityRecord.objects.get()
    assert response.redirect_chain == [(program.get_absolute_url(), 302)]  # no jump past the messages
    page = response.content.decode()
    assert page.index("Мероприятие записано") < page.index('id="plan"')
    assert f"Пункт {item.position} выполнен позже срока ({item.deadline:%d.%m.%Y})." in page
    assert f'<a href="{reverse("programs:record-detail", args=[record.pk])}">Открыть запись</a>' in page


def test_a_second_submit_stores_nothing_and_links_to_the_saved_record(client_as, world, program):
    item = overdue_item(program)
    client = client_as("mentor")
    url = reverse("programs:record-create", args=[program.pk])
    client.post(url, _record_form(item))
    # «Back»: the form is asked anew (never cached) and tells about the record just saved.
    form = client.get(url)
    assert "no-store" in form["Cache-Control"]
    record = ActivityRecord.objects.get()
    assert "Вы только что" in form.content.decode()
    response = client.post(url, _record_form(item), follow=True)
    assert ActivityRecord.objects.count() == 1
    page = response.content.decode()
    assert response.redirect_chain == [(program.get_absolute_url(), 302)]
    assert "уже записано" in page and "второй раз не сохраняется" in page
    assert f'<a href="{reverse("programs:record-detail", args=[record.pk])}">Открыть запись</a>' in page


def test_the_edit_form_is_not_cached_either(client_as, world, program):
    record = log(world, program).obj
    response = client_as("mentor").get(reverse("programs:record-update", args=[record.pk]))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


# --- the mentee's answer --------------------------------------------------------------------------------


def test_mentee_confirms_with_a_comment_and_the_mentor_sees_it(client_as, world, program):
    record = log(world, program).obj
    response = client_as("mentee").post(
        reverse("programs:record-respond", args=[record.pk]), {"action": "confirm", "comment": "Было полезно"}
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.confirmed_by == world.mentee.person and record.mentee_comment == "Было полезно"
    page = client_as("mentor").get(reverse("programs:program-log", args=[program.pk])).content.decode()
    assert "✓ подтвердила Иванова" in page and "Было полезно" in page


def test_mentee_may_comment_without_confirming(world, program):
    record = log(world, program).obj
    mentee = world.users["mentee"]
    record_respond(record=record, confirm=False, comment="Не успела посмотреть конспект", actor=mentee)
    record.refresh_from_db()
    assert record.confirmed_at is None and record.mentee_comment == "Не успела посмотреть конспект"


def test_an_empty_answer_is_refused(world, program):
    record = log(world, program).obj
    with pytest.raises(ValidationError):
        record_respond(record=record, confirm=False, comment="  ", actor=world.users["mentee"])


def test_mentee_of_another_pair_cannot_confirm(world, program):
    record = log(world, program).obj
    person = world.other_mentee.person
    person.user = UserFactory()
    person.save()
    assert roles_of(person.user) == {Role.MENTEE}  # a mentee, but of another pair
    with pytest.raises(PermissionDenied):
        record_respond(record=record, confirm=True, comment="", actor=person.user)


def test_in_a_group_each_mentee_signs_the_comment(world, program):
    second = MenteeFactory(person__user=UserFactory(), person__last_name="Орлова", person__first_name="Ксения")
    Pairing.objects.get(pk=program.pairing_id).mentees.add(second)
    record = log(world, program).obj
    record_respond(record=record, confirm=True, comment="Согласна", actor=world.users["mentee"])
    record_respond(record=record, confirm=True, comment="Тоже", actor=second.person.user)
    record.refresh_from_db()
    assert record.confirmed_by == world.mentee.person  # the first confirmation is kept
    assert record.mentee_comment.splitlines() == ["Иванова А.И.: Согласна", "Орлова К.И.: Тоже"]


# --- the section for the program's page ------------------------------------------------------------------


def test_program_section_for_the_mentor_and_the_mentee(world, program):
    log(world, program)
    mentor_view = program_log_context(program, world.users["mentor"])
    assert mentor_view["can_log"] and not mentor_view["can_respond"] and mentor_view["can_see_evidence"]
    assert mentor_view["records"][0].editable and mentor_view["unconfirmed"] == 1
    mentee_view = program_log_context(program, world.users["mentee"])
    assert mentee_view["can_respond"] and not mentee_view["can_log"] and not mentee_view["records"][0].editable
    council_view = program_log_context(program, world.users["council"])
    assert not council_view["can_see_evidence"] and not council_view["can_log"] and council_view["releases"] == []
    assert [item.pk for item in mentor_view["overdue_items"]] == [overdue_item(program).pk]


def test_program_section_costs_a_fixed_number_of_queries(world, program, django_assert_num_queries):
    for _ in range(5):
        ActivityRecordFactory(program=program)
    program = (
        Program.objects.select_related("pairing__mentor__person")
        .prefetch_related("pairing__mentees")
        .get(pk=program.pk)
    )
    user = world.users["mentor"]
    roles_of(user)
    with django_assert_num_queries(5):  # records, evidence, progress, overdue items, releases
        program_log_context(program, user)


def test_log_page_shows_records_progress_and_the_button(client_as, world, program):
    log(world, program, description="Взаимопосещение: утренний круг")
    page = client_as("mentor").get(reverse("programs:program-log", args=[program.pk])).content.decode()
    assert "Взаимопосещение: утренний круг" in page and "Записать мероприятие" in page
    assert "просрочено 1" in page and "Выполнено <strong>1</strong> из 4" in page
    curator_page = client_as("curator").get(reverse("programs:program-log", args=[program.pk])).content.decode()
    assert "Взаимопосещение: утренний круг" in curator_page and "Записать мероприятие" not in curator_page


def test_program_section_from_a_loaded_plan_matches_the_counted_one(world, program, django_assert_num_queries):
    # The program's page passes the plan it has loaded: the same progress and overdue items, two queries fewer.
    ActivityRecordFactory(program=program)
    user = world.users["mentor"]
    counted = program_log_context(program, user)
    items = list(program.items.all())
    with django_assert_num_queries(3):  # records, evidence, releases
        loaded = program_log_context(program, user, items=items)
    assert loaded["progress"] == counted["progress"] and counted["progress"].overdue
    assert [item.pk for item in loaded["overdue_items"]] == [item.pk for item in counted["overdue_items"]]
