from datetime import date, timedelta

import pytest
from django.utils import timezone

from core.dates import add_months
from mentorship.forms import MenteeForm, MentorForm
from mentorship.models import Direction, MenteeCategory, MentoringForm
from mentorship.tests.factories import MenteeFactory, MentorFactory, OwnOrganizationFactory, PersonFactory, position
from people.forms import PersonForm, reference_form_class
from people.models import Person, Position

pytestmark = pytest.mark.django_db


def person_data(**overrides) -> dict:
    data = {
        "last_name": "Семёнова",
        "first_name": "Дарья",
        "middle_name": "Игоревна",
        "organization": OwnOrganizationFactory().pk,
        "personnel_number": "006",
        "position": position("Воспитатель").pk,
        "qualification_category": "none",
        "status": "working",
    }
    data.update(overrides)
    return data


# --- PersonForm: teaching experience ------------------------------------------------------


def test_experience_on_a_date_becomes_the_date_it_counts_from():
    form = PersonForm(data=person_data(experience_years="18", experience_months="2", experience_on="2026-11-24"))
    assert form.is_valid(), form.errors
    person = form.save()
    person.refresh_from_db()
    assert person.teaching_since == date(2008, 9, 24)


def test_experience_without_a_date_counts_to_today():
    form = PersonForm(data=person_data(experience_years="3", experience_months=""))
    assert form.is_valid(), form.errors
    person = form.save()
    assert person.teaching_since == add_months(timezone.localdate(), -36)
    assert person.teaching_experience == "3 года"


def test_experience_given_in_months_only():
    form = PersonForm(data=person_data(experience_months="7", experience_on="2026-03-31"))
    assert form.is_valid(), form.errors
    assert form.save().teaching_since == date(2025, 8, 31)


def test_experience_on_a_future_date_is_an_error():
    tomorrow = timezone.localdate() + timedelta(days=1)
    form = PersonForm(data=person_data(experience_years="5", experience_on=tomorrow.isoformat()))
    assert not form.is_valid()
    assert form.errors["experience_on"] == ["Дата не может быть в будущем."]


@pytest.mark.parametrize(("field", "value"), [("experience_years", "61"), ("experience_months", "12")])
def test_experience_out_of_range_is_an_error(field, value):
    form = PersonForm(data=person_data(**{field: value}))
    assert not form.is_valid()
    assert field in form.errors


def test_blank_experience_clears_it():
    person = PersonFactory(teaching_since=date(2010, 9, 1))
    data = person_data(organization=person.organization.pk, personnel_number=person.personnel_number)
    form = PersonForm(data=data, instance=person)
    assert form.is_valid(), form.errors
    form.save()
    person.refresh_from_db()
    assert person.teaching_since is None


def test_edit_form_shows_current_experience_as_initial():
    today = timezone.localdate()
    person = PersonFactory(teaching_since=add_months(today, -(18 * 12 + 2)))
    form = PersonForm(instance=person)
    assert form["experience_years"].value() == 18
    assert form["experience_months"].value() == 2
    assert form["experience_on"].value() == today


def test_edit_form_without_experience_leaves_it_blank():
    form = PersonForm(instance=PersonFactory(teaching_since=None))
    assert form["experience_years"].value() is None
    assert form["experience_months"].value() is None


def test_new_person_form_proposes_the_own_organization():
    own = OwnOrganizationFactory()
    assert PersonForm()["organization"].value() == own.pk


def test_bound_form_with_an_error_keeps_the_submitted_values():
    tomorrow = timezone.localdate() + timedelta(days=1)
    form = PersonForm(
        data=person_data(last_name="Ёлкина", experience_years="18", experience_months="2", experience_on=tomorrow)
    )
    assert not form.is_valid()
    assert form["last_name"].value() == "Ёлкина"
    assert form["experience_years"].value() == "18"
    assert form["experience_months"].value() == "2"
    assert not Person.objects.filter(last_name="Ёлкина").exists()


def test_person_form_reports_the_model_rules():
    form = PersonForm(data=person_data(status="left"))
    assert not form.is_valid()
    assert form.errors["left_on"] == ["Укажите дату увольнения."]


# --- MentorForm / MenteeForm: whom they offer ---------------------------------------------


def test_mentor_form_offers_only_working_people_not_yet_mentors(world):
    left = PersonFactory(status=Person.Status.LEFT, left_on=date(2026, 1, 31), last_name="Уволенная")
    offered = set(MentorForm().fields["person"].queryset)
    assert world.other_person in offered
    assert world.person("mentee") in offered
    assert world.person("mentor") not in offered
    assert world.other_mentor.person not in offered
    assert left not in offered


def test_mentor_form_for_an_existing_mentor_has_no_person_choice(world):
    assert "person" not in MentorForm(instance=world.mentor).fields


def test_mentee_form_offers_only_working_people_not_yet_mentees(world):
    offered = set(MenteeForm().fields["person"].queryset)
    assert world.other_person in offered
    assert world.person("mentor") in offered
    assert world.person("mentee") not in offered


def test_inactive_position_is_not_offered_to_a_new_person():
    Position.objects.filter(name="Социальный педагог").update(is_active=False)
    names = set(PersonForm().fields["position"].queryset.values_list("name", flat=True))
    assert "Социальный педагог" not in names
    assert "Воспитатель" in names


def test_inactive_position_stays_offered_to_a_person_who_holds_it():
    person = PersonFactory(position=position("Социальный педагог"))
    Position.objects.filter(name__in=["Социальный педагог", "Учитель"]).update(is_active=False)
    names = set(PersonForm(instance=person).fields["position"].queryset.values_list("name", flat=True))
    assert "Социальный педагог" in names
    assert "Учитель" not in names


def test_inactive_direction_is_offered_only_to_a_mentor_who_has_it():
    mentor = MentorFactory()
    mentor.directions.set(Direction.objects.filter(name="ИКТ"))
    Direction.objects.filter(name__in=["ИКТ", "Работа с документацией"]).update(is_active=False)

    new = set(MentorForm().fields["directions"].queryset.values_list("name", flat=True))
    assert "ИКТ" not in new
    assert "Режимные моменты" in new

    existing = set(MentorForm(instance=mentor).fields["directions"].queryset.values_list("name", flat=True))
    assert "ИКТ" in existing
    assert "Работа с документацией" not in existing
    assert "Режимные моменты" in existing


def test_inactive_mentee_category_is_offered_only_to_a_mentee_who_has_it():
    mentee = MenteeFactory()
    MenteeCategory.objects.filter(name__in=["Молодой специалист", "Студент на практике"]).update(is_active=False)
    assert "Молодой специалист" not in set(MenteeForm().fields["category"].queryset.values_list("name", flat=True))
    existing = set(MenteeForm(instance=mentee).fields["category"].queryset.values_list("name", flat=True))
    assert "Молодой специалист" in existing
    assert "Студент на практике" not in existing


def test_inactive_position_submitted_for_a_new_person_is_refused():
    item = position("Социальный педагог")
    Position.objects.filter(pk=item.pk).update(is_active=False)
    form = PersonForm(data=person_data(position=item.pk))
    assert not form.is_valid()
    assert "position" in form.errors


# --- reference lists ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Position, ["name", "is_pedagogical", "is_deputy_head", "is_active", "sort_order"]),
        (MentoringForm, ["name", "is_one_off", "needs_group", "is_active", "sort_order"]),
        (Direction, ["name", "keywords", "is_active", "sort_order"]),
        (MenteeCategory, ["name", "is_active", "sort_order"]),
    ],
)
def test_reference_form_has_the_models_own_flags(model, fields):
    assert list(reference_form_class(model)().fields) == fields


def test_reference_form_saves_a_flag():
    form = reference_form_class(Position)(
        data={"name": "Тьютор", "is_pedagogical": "on", "is_deputy_head": "", "is_active": "on", "sort_order": "5"}
    )
    assert form.is_valid(), form.errors
    item = form.save()
    assert item.is_pedagogical is True
    assert item.is_deputy_head is False
