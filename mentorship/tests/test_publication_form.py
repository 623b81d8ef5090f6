"""The printable consent to distribute personal data (152-ФЗ ст. 10.1): who prints it, and what its
PDF and DOCX say (read back) — prefilled from the bank's publication consent when there is one."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from conftest import ROLES, expect, saved_as
from core.declension import Case
from core.text import nested_quotes
from mentorship.publication_form import publication_form_docx, publication_form_pdf
from mentorship.tests.factories import PublicationConsentFactory
from mentorship.tests.test_access import READERS
from mentorship.tests.test_register import docx_text, pdf_text
from people.models import Organization
from records.wording import initials_and_surname

CASES = {
    "pdf": "mentorship:publication-form-pdf",
    "docx": "mentorship:publication-form-docx",
}


@pytest.fixture
def requisites(world):
    own = Organization.own()
    own.address = "623100, Свердловская обл., г. Первоуральск, ул. Ленина, д. 1"
    own.inn = "6625000018"
    own.ogrn = "1026601503453"
    own.save()
    return own


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", CASES)
def test_the_form_is_printed_by_the_readers_of_the_bank(world, client_as, role, kind):
    response = client_as(role).get(reverse(CASES[kind], args=[world.other_person.pk]))
    assert response.status_code == expect(READERS)[role]


@pytest.mark.parametrize("kind", CASES)
def test_a_person_who_does_not_exist_is_404(world, client_as, kind):
    assert client_as("curator").get(reverse(CASES[kind], args=[999999])).status_code == 404


def test_without_a_recorded_consent_every_category_is_left_to_tick(world, requisites):
    text = pdf_text(publication_form_pdf(world.other_person))
    assert "разрешённых субъектом персональных данных для распространения" in text
    assert "Семёнова Дарья Игоревна" in text
    assert nested_quotes(requisites.full_name) in text  # inner quotes print as „лапки“
    assert "ИНН 6625000018" in text and "ОГРН 1026601503453" in text
    assert "г. Первоуральск, ул. Ленина" in text
    assert "официальный сайт организации" in text
    for label in ("ФИО", "Должность", "Стаж и категория", "Фотография", "Достижения и результаты наставничества"):
        assert label in text
    assert "☒" not in text
    assert text.count("☐") == 10
    assert "ч. 12 ст. 10.1" in text and "Молчание или бездействие" in text
    assert initials_and_surname(world.other_person, Case.NOMINATIVE) in text


def test_a_recorded_consent_prefills_what_is_allowed_and_its_term(world, requisites):
    PublicationConsentFactory(
        person=world.other_person, data=["name", "photo"], given_on=date(2026, 9, 1), valid_until=date(2027, 8, 31)
    )
    pdf = publication_form_pdf(world.other_person)
    # Signed on the sheet that holds its text: one page, the signature never alone on a second one.
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = pdf_text(pdf)
    # Five categories: two allowed, three refused, one tick each.
    assert text.count("☒") == 5 and text.count("☐") == 5
    assert "ФИО ☒ ☐" in text and "Фотография ☒ ☐" in text and "Должность ☐ ☒" in text
    assert "с 01.09.2026 по 31.08.2027" in text


def test_a_withdrawn_consent_prefills_nothing(world, requisites):
    PublicationConsentFactory(person=world.other_person, data=["name"], withdrawn_on=date(2026, 10, 1))
    assert "☒" not in pdf_text(publication_form_pdf(world.other_person))


def test_the_docx_form_says_the_same(world, requisites):
    PublicationConsentFactory(person=world.other_person, data=["position"], valid_until=None)
    content = publication_form_docx(world.other_person)
    text = docx_text(content)
    assert "СОГЛАСИЕ" in text and "Семёнова Дарья Игоревна" in text
    assert "6625000018" in text and "1026601503453" in text
    assert "с 01.09.2026 до отзыва" in text
    table = Document(io.BytesIO(content)).tables[-2]
    rows = {row.cells[0].text: (row.cells[1].text, row.cells[2].text) for row in table.rows[1:]}
    assert rows["Должность"] == ("☒", "☐") and rows["ФИО"] == ("☐", "☒")
    section = Document(io.BytesIO(content)).sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 20


def test_the_files_are_saved_under_a_russian_name(world, client_as):
    client = client_as("curator")
    response = client.get(reverse(CASES["pdf"], args=[world.other_person.pk]))
    assert saved_as(response) == "Согласие на распространение персональных данных — Семёнова Дарья Игоревна.pdf"
    assert saved_as(client.get(reverse(CASES["docx"], args=[world.other_person.pk]))).endswith(".docx")


def test_the_persons_card_links_the_form(world, client_as):
    page = client_as("curator").get(world.other_person.get_absolute_url()).content.decode()
    assert reverse(CASES["pdf"], args=[world.other_person.pk]) in page
