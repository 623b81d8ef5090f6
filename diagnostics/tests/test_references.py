"""Competencies and typical activities are reference lists under «Справочники»: the curator and the
council extend them (the issue names both); the others read them or do not open them."""

import pytest
from django.urls import reverse

from conftest import ROLES, expect
from mentorship.models import Direction
from programs.models import ActivityForm

from ..models import Competency, TypicalActivity

KEEPERS = {"curator", "council"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["competencies", "typical-activities"])
def test_who_reads_and_who_extends_the_lists(client_as, world, role, kind):
    client = client_as(role)
    assert (
        client.get(reverse("people:reference-list", args=[kind])).status_code
        == expect({"head", "curator", "council", "admin"})[role]
    )
    assert client.get(reverse("people:reference-create", args=[kind])).status_code == expect(KEEPERS)[role]


def test_the_council_adds_a_competency_and_its_typical_activity(client_as, world):
    client = client_as("council")
    direction = Direction.objects.get(name="Режимные моменты")
    response = client.post(
        reverse("people:reference-create", args=["competencies"]),
        {"name": "Организация дневного сна", "direction": direction.pk, "is_active": "on", "sort_order": 5},
    )
    assert response.status_code == 302
    competency = Competency.objects.get(name="Организация дневного сна")
    assert competency.direction == direction
    form = ActivityForm.objects.get(name="Консультация")
    response = client.post(
        reverse("people:reference-create", args=["typical-activities"]),
        {
            "name": "Консультация «Укладывание детей на дневной сон»",
            "competency": competency.pk,
            "form": form.pk,
            "expected_result": "Памятка",
            "is_active": "on",
            "sort_order": 10,
        },
    )
    assert response.status_code == 302
    assert TypicalActivity.objects.get(competency=competency).expected_result == "Памятка"


@pytest.mark.django_db
def test_the_preschool_defaults_are_seeded():
    assert Competency.objects.count() >= 10
    for competency in Competency.objects.all():
        assert 3 <= competency.activities.count() <= 5, competency
    names = set(Competency.objects.values_list("name", flat=True))
    assert {
        "Планирование образовательной работы по ФОП ДО",
        "Работа с детьми с ограниченными возможностями здоровья (ОВЗ)",
    } <= names
