"""DOCX copies for the clerk, read back with python-docx: the heading, the names, the draft mark
in the page header and as the first paragraph."""

import io
from datetime import date
from decimal import Decimal

import pytest
from docx import Document

from core.docx import DRAFT_MARK, DocxDocument
from mentorship.docx_documents import agreement_docx, consent_docx
from mentorship.tests.factories import MenteeFactory, MentorFactory, PersonFactory
from mentorship.tests.test_orders import approve, ready_pair
from people.models import Organization
from records.docx import docx_name, order_docx
from records.services import order_draft


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def read(content: bytes):
    """(all text of the body, paragraphs and tables in order of appearance, header text)."""
    document = Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    return document, "\n".join(parts), header


def assert_draft_marked(document, header: str) -> None:
    assert DRAFT_MARK in header
    assert document.paragraphs[0].text == DRAFT_MARK
    assert DRAFT_MARK == "Черновая копия для правки. Официальный документ — зарегистрированный PDF."


@pytest.fixture
def fixed_pair(world):
    own = Organization.own()
    own.mentor_pay_rule, own.mentor_pay_amount = Organization.PayRule.FIXED, Decimal("3000.00")
    own.address = "г. Энск, ул. Садовая, 5"
    own.save()
    pairing = ready_pair(
        world,
        mentor=MentorFactory(
            person=PersonFactory(last_name="Новикова", first_name="Ольга", middle_name="Владимировна")
        ),
        mentees=[
            MenteeFactory(person=PersonFactory(last_name="Зайцева", first_name="Алина", middle_name="Руслановна"))
        ],
    )
    order = approve(world, [pairing], date=date(2026, 11, 24))
    return pairing, order


def test_an_order_as_docx_has_every_requisite_the_table_and_the_acquaintance_sheet(fixed_pair):
    _, order = fixed_pair
    document, text, header = read(order_docx(order))
    assert_draft_marked(document, header)
    for expected in (
        "МУНИЦИПАЛЬНОЕ КАЗЁННОЕ ДОШКОЛЬНОЕ ОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «ДЕТСКИЙ САД «ЛАСТОЧКА»",
        "ПРИКАЗ",
        "24.11.2026",
        "№ 1-ОД",
        "г. Энск",
        "О закреплении наставнических пар (групп)",
        "ПРИКАЗЫВАЮ:",
        "1. Закрепить наставнические пары (группы) в составе и на срок согласно таблице.",
        "Новикова Ольга Владимировна",
        "Зайцева Алина Руслановна",
        "по дополнительному соглашению",
        "Заведующий",
        "Е.И. Соколова",
        "Лист ознакомления с приказом от 24.11.2026 № 1-ОД",
    ):
        assert expected in text, expected
    acquaintance = document.tables[-1]
    assert [cell.text for cell in acquaintance.rows[0].cells] == ["ФИО", "Дата", "Подпись"]
    assert "Новикова Ольга Владимировна" in [row.cells[0].text for row in acquaintance.rows]


def test_a_draft_order_as_docx_has_no_number_yet(world):
    order = order_draft(kind="curator", actor=world.users["curator"], date=date(2026, 11, 24))
    document, text, header = read(order_docx(order))
    assert_draft_marked(document, header)
    assert "№ ____" in text
    assert "О назначении куратора реализации программ наставничества" in text
    assert "Морозову" in text


def test_consent_forms_as_docx(fixed_pair):
    pairing, _ = fixed_pair
    mentor, mentee = pairing.mentor.person, pairing.mentees.get().person
    document, text, header = read(consent_docx(pairing, mentor))
    assert_draft_marked(document, header)
    for expected in (
        "СОГЛАСИЕ",
        "педагогического работника на осуществление наставнической деятельности",
        "Я, Новикова Ольга Владимировна, воспитатель",
        "Зайцевой Алины Руслановны",
        "Срок:",
        "с 11.01.2027 по 31.08.2027",
        "Согласие на обработку персональных данных",
        "О.В. Новикова",
    ):
        assert expected in text, expected
    document, text, header = read(consent_docx(pairing, mentee))
    assert_draft_marked(document, header)
    assert "на участие в наставнической паре в качестве наставляемого" in text
    assert "Новикова Ольга Владимировна, воспитатель" in text
    assert "Трудно удерживать внимание детей" not in text  # difficulties are never printed


def test_consent_docx_of_someone_outside_the_pair_is_refused(fixed_pair, world):
    pairing, _ = fixed_pair
    with pytest.raises(ValueError):
        consent_docx(pairing, world.other_person)


def test_an_agreement_as_docx(fixed_pair):
    pairing, _ = fixed_pair
    agreement = pairing.agreements.get()
    document, text, header = read(agreement_docx(agreement))
    assert_draft_marked(document, header)
    for expected in (
        "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № ______",
        "о возложении обязанностей наставника",
        "Новикова Ольга Владимировна, воспитатель, именуемая в дальнейшем «Работник»",
        "1. Работодатель поручает, а Работник",
        "3. Срок наставничества: с 11.01.2027 по 31.08.2027.",
        "3 000,00 руб. (три тысячи рублей 00 копеек) в месяц за каждого наставляемого",
        "Работодатель",
        "Работник",
        "О.В. Новикова",
        "Второй экземпляр соглашения получил(а)",
    ):
        assert expected in text, expected


def test_a_document_is_a4_with_the_gost_margins_and_times():
    document = Document(io.BytesIO(DocxDocument().to_bytes()))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_a_docx_copy_is_named_as_a_copy_to_edit():
    assert docx_name("Приказ 45-ОД от 30.11.2026") == "Приказ 45-ОД от 30.11.2026 (для правки).docx"
