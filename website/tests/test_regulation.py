"""The regulation on mentoring on the website: published once a registered order adopted it, as its text
with the adopting order's requisites and without the staff's acquaintance sheet."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from mentorship.models import Regulation
from mentorship.services.orders import draft_introduction_order
from mentorship.services.regulation import regulation_save
from mentorship.tests.factories import PersonFactory
from people.models import Organization
from records.services import order_register
from website.models import PublicSection

TEXT = """1. Общие положения
1.1. Настоящее Положение определяет цели и порядок наставничества.
2. Участники
2.1. Наставник Загоруйко Ефросинья Павловна назначается приказом."""


@pytest.fixture
def regulation(world):
    PublicSection.objects.create(organization=Organization.own(), is_enabled=True)
    # Someone the text names, without a consent to publish: the redactor hides her on the website.
    PersonFactory(last_name="Загоруйко", first_name="Ефросинья", middle_name="Павловна")
    return regulation_save(
        regulation=Regulation(organization=Organization.own(), text=TEXT), actor=world.users["curator"]
    ).obj


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(content)).pages)


def test_a_project_of_the_regulation_is_not_published(regulation, client):
    draft_introduction_order(actor=regulation.created_by)
    assert "(утверждено приказом" not in client.get(reverse("public:documents")).content.decode()
    assert client.get(reverse("public:document", args=["regulation"])).status_code == 404


def test_the_adopted_regulation_is_published_as_its_text_without_the_sheet(world, regulation, client):
    order = order_register(order=draft_introduction_order(actor=world.users["curator"]), actor=world.users["head"])
    page = client.get(reverse("public:documents")).content.decode()
    assert f"Положение о наставничестве педагогических работников (утверждено приказом от {order.date:%d.%m.%Y}" in page
    response = client.get(reverse("public:document", args=["regulation"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert f"УТВЕРЖДЕНО приказом руководителя от {order.date:%d.%m.%Y} № {order.number_text}" in text
    assert "Муниципального казённого дошкольного образовательного учреждения" in text
    assert "1.1. Настоящее Положение определяет цели" in text
    assert "Лист ознакомления" not in text and "Подпись" not in text
    assert "Загоруйко" not in text
