"""A growth record's history on its page: who, when, what (added, returned with the comment,
corrected and sent again, confirmed, corrected by the curator), read from the record's own history;
the same readers as the record; the queries do not grow with the steps."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import ROLES, expect
from growth.history import record_history
from growth.models import GrowthRecord
from growth.services import record_review, record_save, reward_proposal_approve
from programs.tests.factories import ProgramFactory
from records.services import order_register


def return_correct_confirm(growth, world):
    """The curator returns the mentee's open event, the mentee corrects it, the curator confirms it."""
    record = growth.mentee_record
    record_review(record=record, confirm=False, comment="Уточните тему и группу", actor=world.users["curator"])
    record = GrowthRecord.objects.get(pk=record.pk)
    record.title = "Открытый показ: утренний круг в младшей группе"
    record_save(record=record, actor=world.users["mentee"])
    record_review(record=record, confirm=True, actor=world.users["curator"])
    return record


def test_the_steps_of_a_returned_and_corrected_record(growth, world):
    record = return_correct_confirm(growth, world)
    steps = record_history(record)
    assert [(step.what, step.who) for step in steps] == [
        ("Внесена и отправлена куратору на подтверждение", "Иванова А.И."),
        ("Возвращена с комментарием", "Морозова И.И."),
        ("Исправлена и снова отправлена куратору", "Иванова А.И."),
        ("Подтверждена", "Морозова И.И."),
    ]
    added, returned, corrected, confirmed = steps
    assert ("Тема мероприятия (открытый показ, мастер-класс, выступление)", "—", "Открытый показ: утренний круг") in [
        (change.label, change.old, change.new) for change in added.changes
    ]
    assert returned.comment == "Уточните тему и группу" and not returned.changes
    assert [(c.label, c.old, c.new) for c in corrected.changes] == [
        (
            "Тема мероприятия (открытый показ, мастер-класс, выступление)",
            "Открытый показ: утренний круг",
            "Открытый показ: утренний круг в младшей группе",
        )
    ]
    assert not confirmed.comment and not confirmed.changes


def test_the_curators_correction_names_the_fields_as_the_kind_calls_them(growth, world):
    record = growth.mentor_record
    record.hours, record.program = 72, ProgramFactory(pairing=world.pairing)
    record_save(record=record, actor=world.users["curator"])
    steps = record_history(record)
    assert steps[0].what == "Внесена куратором и сразу подтверждена"
    assert steps[-1].what == "Исправлена" and steps[-1].who == "Морозова И.И."
    changes = {change.label: (change.old, change.new) for change in steps[-1].changes}
    assert changes["Объём, часов"] == ("36", "72")
    assert changes["Программа наставничества"] == ("—", str(record.program))


def test_a_reward_written_by_an_order_says_so(growth, world):
    order = reward_proposal_approve(proposal=growth.proposal, actor=world.users["head"]).obj
    order = order_register(order=order, actor=world.users["head"])  # the reward is written with the registration
    record = GrowthRecord.objects.get(order=order)
    (step,) = record_history(record)
    assert step.what == "Внесена приказом о поощрении" and step.who == "Соколова Е.И."


READERS = {"head", "curator", "mentor", "mentee"}  # the mentee's own record: her mentor reads it too


@pytest.mark.parametrize("role", ROLES)
def test_the_history_has_the_records_readers(growth, world, client_as, role):
    record = return_correct_confirm(growth, world)
    response = client_as(role).get(record.get_absolute_url())
    assert response.status_code == expect(READERS, not_found=set(ROLES) - READERS - {"anonymous"})[role]
    if response.status_code == 200:
        page = response.content.decode()
        assert "История" in page and "Возвращена с комментарием" in page
        assert "Комментарий: Уточните тему и группу" in page
        assert "Исправлена и снова отправлена куратору" in page and "в младшей группе" in page


def test_the_record_page_reads_the_history_in_constant_queries(growth, world, client_as):
    record = growth.mentor_record
    record.program = ProgramFactory(pairing=world.pairing)
    record_save(record=record, actor=world.users["curator"])
    client = client_as("curator")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(record.get_absolute_url()).status_code == 200
        return len(queries)

    few = count()
    for hours in range(40, 46):
        record.hours, record.program = hours, ProgramFactory(pairing=world.pairing)
        record_save(record=record, actor=world.users["curator"])
    # Session, user, roles, the record (its program named in full: the pair's mentees and their people),
    # its history, the programs its steps name: one query for all of them, and their mentees.
    assert count() == few == 10


def test_a_record_page_without_history_rows_says_so(growth, client_as):
    growth.mentee_record.history.all().delete()  # written before the history was kept
    page = client_as("mentee").get(reverse("growth:record-detail", args=[growth.mentee_record.pk])).content.decode()
    assert "Изменений не записано." in page


@pytest.mark.parametrize("role", ROLES)
def test_the_persons_history_page_lists_her_records_for_the_head_and_the_curator_only(growth, world, client_as, role):
    return_correct_confirm(growth, world)
    response = client_as(role).get(reverse("people:person-history", args=[world.mentee.person.pk]))
    # The page is the head's, the curator's and the administrator's; the records only the first two's.
    assert response.status_code == expect({"head", "curator", "admin"})[role], role
    if response.status_code != 200:
        return
    page = response.content.decode()
    named = "Достижения: открытое мероприятие «Открытый показ: утренний круг в младшей группе»"
    if role == "admin":
        assert "Достижения" not in page and "Уточните тему и группу" not in page and "Открытый показ" not in page
        assert "Карточка сотрудника" in page  # the rest of the page as before
    else:
        assert named in page and "Уточните тему и группу" in page
        assert "карточка сотрудника" in page and "достижения." in page  # what the page lists
