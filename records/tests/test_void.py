"""A project the head withdraws: «Отозван», no number, its reason kept in the register, never
registered or edited afterwards, its PDF marked as withdrawn, and the issuing app told (`on_void`)."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from conftest import expect
from people.models import Person
from records import kinds
from records.docx import order_docx
from records.models import Order, OrderJournal
from records.selectors import orders_for
from records.services import draft_order, issuing_organization, order_register, order_update_draft, order_void

KIND = "test-void"
VOIDED: list = []


@pytest.fixture(autouse=True)
def void_kind(settings, tmp_path):
    """A kind only this test issues, whose app is told when its project is withdrawn."""
    settings.MEDIA_ROOT = tmp_path
    VOIDED.clear()
    kinds.register(
        kinds.OrderKind(
            KIND, "О проверке отзыва", order=999, on_void=lambda order, actor: VOIDED.append((order.pk, actor))
        )
    )
    yield
    kinds.KINDS.pop(KIND, None)


def _project(world) -> Order:
    return draft_order(
        issuing_organization(),
        kind=KIND,
        heading="О проверке отзыва проекта",
        preamble="В целях проверки",
        clauses=["Проверить отзыв проекта."],
        acquaintance=list(Person.objects.filter(user__username="mentor")),
        actor=world.users["curator"],
    )


def test_the_head_withdraws_a_project_with_a_reason_and_the_issuing_app_is_told(world):
    order = _project(world)
    order = order_void(order=order, reason="  Пары утверждены ошибочно  ", actor=world.users["head"])
    order.refresh_from_db()
    assert order.status == Order.Status.VOIDED and order.get_status_display() == "Отозван"
    assert (order.number, order.number_text, order.void_reason) == (None, "", "Пары утверждены ошибочно")
    assert order.voided_by == world.users["head"] and order.voided_at is not None
    assert [(order.pk, world.users["head"])] == VOIDED
    assert order.history.first().history_user == world.users["head"]
    assert not OrderJournal.objects.exists()  # no number was taken from the journal
    assert str(order).startswith("Приказ отозванный проект от")


def test_a_withdrawn_project_is_neither_registered_nor_edited_nor_withdrawn_again(world):
    order = order_void(order=_project(world), reason="Ошибка", actor=world.users["head"])
    with pytest.raises(ValidationError, match="Проект приказа отозван"):
        order_register(order=order, actor=world.users["head"])
    with pytest.raises(ValidationError, match="Проект приказа отозван"):
        order_update_draft(
            order=order, date=order.date, heading="x", preamble="y", clauses=["z"], actor=world.users["head"]
        )
    with pytest.raises(ValidationError, match="уже отозван"):
        order_void(order=order, reason="Снова", actor=world.users["head"])
    assert len(VOIDED) == 1


def test_a_reason_is_required_only_the_head_withdraws_and_a_registered_order_is_not_withdrawn(world):
    order = _project(world)
    with pytest.raises(ValidationError, match="почему проект отозван"):
        order_void(order=order, reason="  ", actor=world.users["head"])
    for role in ("curator", "council", "admin", "mentor"):
        with pytest.raises(PermissionDenied):
            order_void(order=order, reason="Ошибка", actor=world.users[role])
    order.refresh_from_db()
    assert order.is_draft and VOIDED == []
    order = order_register(order=order, actor=world.users["head"])
    with pytest.raises(ValidationError, match="отменяет или изменяет новый приказ"):
        order_void(order=order, reason="Ошибка", actor=world.users["head"])


def test_a_refusing_hook_keeps_the_project(world):
    def refuse(order, actor):
        raise ValidationError("Нельзя отозвать.")

    kinds.extend(KIND, on_void=refuse)
    order = _project(world)
    with pytest.raises(ValidationError, match="Нельзя отозвать"):
        order_void(order=order, reason="Ошибка", actor=world.users["head"])
    order.refresh_from_db()
    assert order.is_draft and order.void_reason == ""


def test_the_withdrawn_projects_pdf_and_docx_say_so_without_a_number(world):
    order = order_void(order=_project(world), reason="Ошибка в составе пар", actor=world.users["head"])
    from records.services import order_pdf

    text = PdfReader(io.BytesIO(order_pdf(order))).pages[0].extract_text()
    assert "ПРОЕКТ ОТОЗВАН — НЕ ЗАРЕГИСТРИРОВАН" in text and "Причина: Ошибка в составе пар" in text
    assert "№ ____" in text
    paragraphs = [p.text for p in Document(io.BytesIO(order_docx(order))).paragraphs]
    assert "ПРОЕКТ ОТОЗВАН — НЕ ЗАРЕГИСТРИРОВАН" in paragraphs
    assert any("Причина: Ошибка в составе пар" in p for p in paragraphs)


def test_a_withdrawn_project_is_not_sent_to_its_acquaintance_sheet(world):
    order = order_void(order=_project(world), reason="Ошибка", actor=world.users["head"])
    assert order not in orders_for(world.users["mentor"])
    assert order in orders_for(world.users["council"])


# --- the pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role, status", expect({"head"}, ok_status=302).items())
def test_only_the_head_withdraws_on_the_orders_page(world, client_as, role, status):
    order = _project(world)
    response = client_as(role).post(reverse("records:order-void", args=[order.pk]), {"reason": "Ошибка"})
    assert response.status_code == status
    order.refresh_from_db()
    if role == "head":
        assert response.url == order.get_absolute_url()
        assert order.status == Order.Status.VOIDED and order.void_reason == "Ошибка"
    else:
        assert order.is_draft


def test_a_registered_or_withdrawn_order_is_not_found_for_withdrawal(world, client_as):
    client = client_as("head")
    registered = order_register(order=_project(world), actor=world.users["head"])
    voided = order_void(order=_project(world), reason="Ошибка", actor=world.users["head"])
    for order in (registered, voided):
        assert client.post(reverse("records:order-void", args=[order.pk]), {"reason": "Ещё"}).status_code == 404
    voided.refresh_from_db()
    assert voided.void_reason == "Ошибка"


def test_without_a_reason_the_page_comes_back_with_the_form(world, client_as):
    order = _project(world)
    response = client_as("head").post(reverse("records:order-void", args=[order.pk]), {"reason": " "})
    assert response.status_code == 200
    assert "Обязательное поле" in response.content.decode()
    order.refresh_from_db()
    assert order.is_draft


@pytest.mark.parametrize("role", ["head", "curator", "council", "admin"])
def test_the_withdraw_form_is_offered_to_the_head_alone(world, client_as, role):
    order = _project(world)
    page = client_as(role).get(reverse("records:order-detail", args=[order.pk])).content.decode()
    assert ("Отозвать проект" in page) == (role == "head")


@pytest.mark.parametrize("role", ["head", "curator", "council", "admin"])
def test_the_withdrawn_project_reads_as_such_on_its_page_the_register_and_its_pdf(world, client_as, role):
    order = order_void(order=_project(world), reason="Пары утверждены ошибочно", actor=world.users["head"])
    client = client_as(role)
    page = client.get(reverse("records:order-detail", args=[order.pk])).content.decode()
    assert "Отозванный проект приказа" in page and "Причина: Пары утверждены ошибочно" in page
    assert "Зарегистрировать" not in page and "Править текст" not in page and "Отозвать проект</button>" not in page
    listing = client.get(reverse("records:order-list")).content.decode()
    assert "Проект отозван: Пары утверждены ошибочно" in listing and "Отозван" in listing
    response = client.get(reverse("records:order-preview", args=[order.pk]))
    assert response.status_code == 200
    assert "ПРОЕКТ ОТОЗВАН" in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert client.get(reverse("records:order-edit", args=[order.pk])).status_code in (403, 404)
    assert client.post(reverse("records:order-register", args=[order.pk])).status_code in (403, 404)


@pytest.mark.parametrize(
    "role, status", expect({"head", "curator", "council", "admin"}, not_found={"mentor", "mentee"}).items()
)
def test_the_withdrawn_projects_page_for_every_role(world, client_as, role, status):
    order = order_void(order=_project(world), reason="Ошибка", actor=world.users["head"])
    assert client_as(role).get(reverse("records:order-detail", args=[order.pk])).status_code == status
