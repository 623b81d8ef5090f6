"""DOCX copies for the clerk, read back with python-docx: the heading, the names, the annex of an
order's table, the page number field, and the draft mark (in the page header and as the first
paragraph) on orders only."""

import io
from datetime import date
from decimal import Decimal

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from core.docx import DRAFT_MARK, DocxDocument
from core.text import NBSP
from mentorship.docx_documents import agreement_docx, consent_docx
from mentorship.tests.factories import MenteeFactory, MentorFactory, PersonFactory
from mentorship.tests.test_orders import approve, ready_pair
from people.models import Organization
from records.docx import docx_name, order_docx
from records.models import Order
from records.services import order_draft


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def read(content: bytes):
    """(all text of the body, paragraphs and tables in order of appearance, header text); non-breaking
    spaces read as spaces (test_an_orders_table_keeps_numbers_and_units_together checks them)."""
    document = Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    return document, "\n".join(parts).replace(NBSP, " "), header


def assert_not_draft_marked(document, header: str) -> None:
    """A document that is printed from its DOCX as it is (an agreement, a consent) is no draft copy."""
    assert DRAFT_MARK not in header
    assert DRAFT_MARK not in "\n".join(paragraph.text for paragraph in document.paragraphs)


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
        "МУНИЦИПАЛЬНОЕ КАЗЁННОЕ ДОШКОЛЬНОЕ ОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «ДЕТСКИЙ САД „ЛАСТОЧКА“»",
        "ПРИКАЗ",
        "24.11.2026",
        "№ 1-ОД",
        "г. Энск",
        "О закреплении наставнических пар (групп)",
        "ПРИКАЗЫВАЮ:",
        "1. Закрепить наставнические пары (группы) в составе и на срок согласно приложению к настоящему приказу.",
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


def body_texts(document) -> list[str]:
    """The body in order: a paragraph's text, «[table]» followed by a table's first column."""
    texts = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            texts.append("".join(node.text or "" for node in element.iter(qn("w:t"))))
        elif element.tag == qn("w:tbl"):
            texts.append("[table]")
    return texts


def test_an_orders_table_is_its_annex_after_the_signature_and_the_executors_mark(fixed_pair, world):
    _, order = fixed_pair
    head = world.person("head")
    head.phone = "+7 900 123-45-67"
    head.save()
    document = Document(io.BytesIO(order_docx(Order.objects.get(pk=order.pk))))
    body = body_texts(document)
    # The first clause names the annex, so no separate line says where the table is.
    assert "Таблица приведена в приложении к настоящему приказу." not in body
    reference = next(n for n, text in enumerate(body) if "Контроль за исполнением приказа" in text)
    executor = body.index(head.full_name)
    annex = body.index("к приказу от 24.11.2026 № 1-ОД")
    assert body[1 + reference :].index("[table]") + 1 + reference < executor  # the signature's row
    assert body[executor + 1] == "+7 900 123-45-67"
    assert body[annex - 1] == "Приложение" and executor < annex
    pairs = document.tables[-2]
    assert body[annex:].index("[table]") >= 1 and "Новикова Ольга Владимировна" in pairs.rows[1].cells[1].text
    # The annex is a landscape section of its own, numbered on; the acquaintance sheet is portrait again.
    _, annex_section, sheet = document.sections
    assert annex_section.orientation == WD_ORIENT.LANDSCAPE and sheet.orientation == WD_ORIENT.PORTRAIT
    assert annex_section.header.is_linked_to_previous and not annex_section.different_first_page_header_footer
    assert round(sum(cell.width.mm for cell in pairs.rows[0].cells)) == 257  # 297 − 2 × 20 mm


def test_an_orders_table_keeps_numbers_and_units_together(fixed_pair):
    _, order = fixed_pair
    pairs = Document(io.BytesIO(order_docx(order))).tables[-2]
    assert pairs.rows[0].cells[0].text == f"№{NBSP}п/п"
    assert f"педстаж{NBSP}" in pairs.rows[1].cells[1].text  # the mentor's; a mentee's is not printed


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
    assert_not_draft_marked(document, header)
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
    assert_not_draft_marked(document, header)
    assert "на участие в наставнической паре в качестве наставляемой" in text
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
    assert_not_draft_marked(document, header)
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
        "Второй экземпляр соглашения получила",
    ):
        assert expected in text, expected


def test_a_document_is_a4_with_the_gost_margins_and_times():
    document = Document(io.BytesIO(DocxDocument().to_bytes()))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 20)
    assert (round(section.top_margin.mm), round(section.bottom_margin.mm)) == (20, 20)
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_a_landscape_document_keeps_20_mm_all_round():
    section = Document(io.BytesIO(DocxDocument(landscape=True).to_bytes())).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(margin.mm) for margin in margins] == [20, 20, 20, 20]


def page_fields(section) -> list[str]:
    """The field instructions in the section's header from the second page on (`PAGE` for a number)."""
    return [node.text.strip() for node in section.header._element.iter(qn("w:instrText"))]


def test_pages_of_every_docx_are_numbered_at_the_top_centre_from_the_second(fixed_pair):
    pairing, order = fixed_pair
    documents = (
        DocxDocument().to_bytes(),
        order_docx(order),
        agreement_docx(pairing.agreements.get()),
        consent_docx(pairing, pairing.mentor.person),
    )
    for content in documents:
        section = Document(io.BytesIO(content)).sections[0]
        assert page_fields(section) == ["PAGE"]
        assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
        # ГОСТ Р 7.0.97 п. 6.4: the first page is not numbered.
        assert section.different_first_page_header_footer
        assert not list(section.first_page_header._element.iter(qn("w:instrText")))


def test_a_docx_copy_is_named_as_a_copy_to_edit():
    assert docx_name("Приказ 45-ОД от 30.11.2026") == "Приказ 45-ОД от 30.11.2026 (для правки).docx"
