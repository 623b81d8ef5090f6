"""A new табельный номер with the full name and post of someone in the bank is a probable duplicate:
the curator decides — the same employee (the card is updated, number included) or another person."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from people.imports import NEW_PERSON, ImportPlan, UndecidedDuplicates
from people.models import ImportBatch, Person
from people.services import staff_import_apply, staff_import_prepare
from people.tests.test_imports import HEADER, csv_bytes

# The demo's slip: the sample file's Семёнова under another табельный номер.
SEMENOVA = ["031", "Семёнова", "Дарья", "Игоревна", "Воспитатель", "01.09.2026", "0,5", "без категории"]
ORLOV = ["102", "Орлов", "Павел", "Ильич", "Музыкальный руководитель", "15.01.2020", "7", "Первая"]


@pytest.fixture
def batch(world):
    batch, plan = staff_import_prepare(
        organization=world.other_person.organization,
        name="staff.csv",
        content=csv_bytes([HEADER, SEMENOVA, ORLOV]),
        actor=world.users["curator"],
    )
    assert plan.is_clean
    return batch


def test_the_plan_names_the_probable_duplicate(world, batch):
    from people.services import staff_import_plan

    plan = staff_import_plan(batch)
    assert [row.line for row in plan.undecided] == [2]
    assert plan.undecided[0].candidates == [world.other_person]


def test_an_undecided_duplicate_refuses_the_import_and_writes_nothing(world, batch):
    before = Person.objects.count()
    with pytest.raises(UndecidedDuplicates) as refused:
        staff_import_apply(batch=batch, actor=world.users["curator"])
    (message,) = refused.value.messages
    assert message.startswith("Строка 2: «Семёнова Дарья Игоревна», таб. № 031 — похоже, этот сотрудник уже есть")
    assert world.other_person.personnel_number in message
    assert Person.objects.count() == before  # Орлов, a clean row, is not written either
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEW


def test_the_same_employee_updates_the_card_and_its_number(world, batch):
    person = world.other_person
    before = Person.objects.count()
    staff_import_apply(batch=batch, actor=world.users["curator"], matches={2: person.pk})
    person.refresh_from_db()
    assert person.personnel_number == "031"
    assert Person.objects.count() == before + 1  # Орлов only
    assert Person.objects.filter(last_name="Семёнова", first_name="Дарья").count() == 1


def test_another_person_is_added(world, batch):
    before = Person.objects.count()
    staff_import_apply(batch=batch, actor=world.users["curator"], matches={2: NEW_PERSON})
    assert Person.objects.count() == before + 2
    assert Person.objects.filter(last_name="Семёнова", first_name="Дарья").count() == 2


def test_a_match_to_someone_not_a_candidate_counts_as_undecided(world, batch):
    with pytest.raises(UndecidedDuplicates):
        staff_import_apply(batch=batch, actor=world.users["curator"], matches={2: world.mentor.person.pk})


def test_a_row_matched_to_a_card_that_another_row_updates_is_a_bad_row(world):
    person = world.other_person
    own_row = [person.personnel_number, "Семёнова", "Дарья", "Игоревна", "Воспитатель", "", "", ""]
    batch, _ = staff_import_prepare(
        organization=person.organization,
        name="staff.csv",
        content=csv_bytes([HEADER, own_row, SEMENOVA]),
        actor=world.users["curator"],
    )
    with pytest.raises(ValidationError, match="относятся к одному сотруднику"):
        staff_import_apply(batch=batch, actor=world.users["curator"], matches={3: person.pk})


@pytest.mark.parametrize(
    ("count", "label"),
    [(1, "1 новый сотрудник"), (2, "2 новых сотрудника"), (5, "5 новых сотрудников"), (11, "11 новых сотрудников")],
)
def test_the_counts_agree_with_the_number(count, label):
    plan = ImportPlan(creates=[object()] * count)
    assert f"{count} {plan.creates_label}" == label


class TestPreview:
    def test_the_preview_offers_both_answers_and_no_default(self, world, batch, client_as):
        page = client_as("curator").get(reverse("people:import-preview", args=[batch.pk])).content.decode()
        assert "Возможно, эти сотрудники уже есть в банке" in page
        assert "это тот же сотрудник:" in page and world.other_person.get_absolute_url() in page
        assert "это другой человек" in page
        assert 'name="match-2"' in page and " checked" not in page
        assert "2 новых сотрудника" not in page  # the counts are in words that agree
        assert "новых сотрудника" in page

    def test_applying_without_a_decision_shows_the_preview_with_the_reason(self, world, batch, client_as):
        before = Person.objects.count()
        response = client_as("curator").post(reverse("people:import-preview", args=[batch.pk]))
        page = response.content.decode()
        assert response.status_code == 200
        assert "Строка 2: «Семёнова Дарья Игоревна»" in page
        assert Person.objects.count() == before

    def test_a_decision_keeps_its_mark_when_another_is_missing(self, world, client_as):
        other = ["032", "Семёнова", "Дарья", "Игоревна", "Воспитатель", "", "", ""]
        batch, _ = staff_import_prepare(
            organization=world.other_person.organization,
            name="staff.csv",
            content=csv_bytes([HEADER, SEMENOVA, other]),
            actor=world.users["curator"],
        )
        page = (
            client_as("curator")
            .post(reverse("people:import-preview", args=[batch.pk]), {"match-2": NEW_PERSON})
            .content.decode()
        )
        assert 'id="match-2-new" value="new" checked' in page
        assert "Строка 3:" in page and "Строка 2: «" not in page

    def test_the_curator_matches_and_imports(self, world, batch, client_as):
        person = world.other_person
        response = client_as("curator").post(
            reverse("people:import-preview", args=[batch.pk]), {"match-2": str(person.pk)}
        )
        assert response.status_code == 302
        person.refresh_from_db()
        assert person.personnel_number == "031"
