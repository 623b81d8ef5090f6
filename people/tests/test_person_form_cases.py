"""The name's case forms are computed and shown as text; they are corrected only on request."""

from django.urls import reverse

from people.forms import PersonForm
from people.models import Person


def test_the_form_shows_the_computed_cases_of_a_stored_name(world, client_as):
    person = world.other_person  # Семёнова Дарья Игоревна
    page = client_as("curator").get(reverse("people:person-update", args=[person.pk])).content.decode()
    assert "Семёновой Дарьи Игоревны" in page  # родительный
    assert "Семёновой Дарье Игоревне" in page  # дательный
    assert "Семёнову Дарью Игоревну" in page  # винительный
    assert "<summary" in page and "исправить падежи" in page
    assert "<details>" in page  # closed: nothing to correct


def test_a_new_employee_form_says_the_cases_are_computed(world, client_as):
    page = client_as("curator").get(reverse("people:person-create")).content.decode()
    assert "Вычисляются из ФИО при сохранении" in page
    assert "<details>" in page


def test_an_untouched_correction_keeps_the_computed_forms(world):
    person = world.other_person
    form = PersonForm(data=_data(person, name_dative=""), instance=person)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name_dative"] == ""
    assert ("дательный (кому?)", "Семёновой Дарье Игоревне") in form.computed_cases
    assert person.in_case(_case("DATIVE")) == "Семёновой Д.И."


def test_a_typed_correction_opens_the_corrections_and_wins(world):
    person = world.other_person
    form = PersonForm(data=_data(person, name_genitive="Семёновой-Ким Дарьи Игоревны"), instance=person)
    assert form.cases_corrected
    assert form.is_valid(), form.errors
    person = form.save()
    assert Person.objects.get(pk=person.pk).name_genitive == "Семёновой-Ким Дарьи Игоревны"


def _case(name):
    from core.declension import Case

    return Case[name]


def _data(person, **changes) -> dict:
    data = {
        "last_name": person.last_name,
        "first_name": person.first_name,
        "middle_name": person.middle_name,
        "organization": person.organization_id,
        "personnel_number": person.personnel_number,
        "position": person.position_id,
        "status": person.status,
        "qualification_category": person.qualification_category,
        "name_genitive": "",
        "name_dative": "",
        "name_accusative": "",
    }
    data.update(changes)
    return data
