"""An order's PDF as ГОСТ Р 7.0.97-2016 lays it out, read back page by page with pypdf: the signature
never opens a page alone, whatever the length of the text, and the отметка об исполнителе (п. 5.26)
closes the order on the signature's page."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from records.models import Order
from records.services import issuing_organization, order_pdf

SIGNER = "Е.И. Соколова"


def order_of(clauses: int, *, actor) -> Order:
    """An order of `clauses` one-line clauses (not saved: the PDF needs only its fields)."""
    return Order(
        organization=issuing_organization(),
        kind="test-layout",
        date=date(2026, 11, 24),
        number_text="7-ОД",
        heading="О проверке вёрстки",
        preamble="В целях проверки вёрстки приказа",
        clauses=[f"Пункт {number} исполнить в срок." for number in range(1, clauses + 1)],
        signer_position="Заведующий",
        signer_name=SIGNER,
        created_by=actor,
    )


def pages(order: Order) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(order_pdf(order))).pages]


@pytest.fixture
def full_page(world) -> int:
    """How many one-line clauses fill the first page exactly."""
    first = pages(order_of(60, actor=world.users["curator"]))[0]
    return max(number for number in range(1, 61) if f"Пункт {number} исполнить" in first)


@pytest.mark.parametrize("short_of_full", [0, 1, 2, 3])
def test_the_signature_never_stands_alone_on_a_page(world, full_page, short_of_full):
    # Clauses that end at the foot of the first page, or a line or three above it: the signature
    # would not fit under them and would open the second page alone.
    clauses = full_page - short_of_full
    text = pages(order_of(clauses, actor=world.users["curator"]))
    signed = [page for page in text if SIGNER in page]
    assert len(signed) == 1
    assert f"Пункт {clauses} исполнить" in signed[0]  # the last clause stands with the signature


def test_the_executors_mark_closes_the_order_on_the_signatures_page(world):
    curator = world.person("curator")
    curator.phone = "+7 900 123-45-67"
    curator.save()
    order = order_of(3, actor=world.users["curator"])
    (page,) = pages(order)
    lines = page.splitlines()
    signature = next(index for index, line in enumerate(lines) if SIGNER in line)
    assert lines[signature + 1 :] == [curator.full_name, "+7 900 123-45-67"]


def test_the_executor_without_a_staff_record_is_the_accounts_name(world):
    from accounts.models import User

    clerk = User.objects.create(username="clerk", first_name="Галина", last_name="Орлова")
    (page,) = pages(order_of(3, actor=clerk))
    assert page.splitlines()[-1] == "Галина Орлова"
