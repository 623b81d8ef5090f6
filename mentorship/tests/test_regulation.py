"""The regulation on mentoring: kept as a project, adopted (and frozen) by the registered introduction
order, printed as its annex 1 with the staff's acquaintance sheet; the introduction order cites the
pedagogical council and the trade union and refers to the curator's and the roadmap's own orders."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from conftest import ROLES, expect
from mentorship.models import Regulation
from mentorship.regulation_documents import blocks, regulation_docx, regulation_pdf
from mentorship.services.orders import draft_curator_order, draft_introduction_order
from mentorship.services.regulation import regulation_new_edition, regulation_project, regulation_save
from mentorship.tests.factories import PersonFactory
from people.models import Organization
from people.tests.factories import position
from records.models import Order
from records.services import draft_order, order_register, order_void

TEXT = """1. Общие положения

1.1. Настоящее Положение определяет порядок наставничества педагогических работников.

1.2. В Положении используются следующие понятия:

Наставник - педагогический работник, назначаемый ответственным за адаптацию.

- 3.4. Куратор реализации программ наставничества:
- назначается руководителем из числа заместителей руководителя;

2. Цель и задачи системы наставничества

2.1. Цель — профессиональный рост педагогов."""


def text_of_pdf(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def text_of_docx(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join([*(p.text for p in document.paragraphs), *cells]).split())


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def make_regulation(world, **fields) -> Regulation:
    regulation = Regulation(organization=Organization.own(), text=TEXT, **fields)
    return regulation_save(regulation=regulation, actor=world.users["curator"]).obj


def adopt(world, regulation=None) -> Order:
    regulation = regulation or make_regulation(world)
    order = draft_introduction_order(actor=world.users["curator"])
    return order_register(order=order, actor=world.users["head"])


class TestKeeping:
    def test_a_project_is_edited_and_the_missing_protocols_are_named(self, world):
        outcome = regulation_save(
            regulation=Regulation(organization=Organization.own(), text=f"  {TEXT}\n"), actor=world.users["curator"]
        )
        regulation = outcome.obj
        assert regulation.text == TEXT and regulation.created_by == world.users["curator"]
        assert any("педагогического совета" in warning for warning in outcome.warnings)
        assert any("ст. 372" in warning for warning in outcome.warnings)
        regulation.council_protocol_date, regulation.council_protocol_number = date(2026, 8, 28), "1"
        regulation.union_opinion_date, regulation.union_opinion_number = date(2026, 8, 27), "3"
        assert regulation_save(regulation=regulation, actor=world.users["head"]).warnings == []
        assert regulation.history.count() == 2

    def test_the_registered_order_adopts_and_freezes_it_and_a_change_is_a_new_edition(self, world):
        regulation = make_regulation(world, council_protocol_date=date(2026, 8, 28), council_protocol_number="1")
        order = adopt(world, regulation)
        regulation.refresh_from_db()
        assert regulation.order == order and regulation.is_adopted and regulation.annex_pdf
        assert "к приказу от" in text_of_pdf(regulation.annex_pdf.read())
        regulation.text = "Другой текст"
        with pytest.raises(ValidationError, match="новой редакцией"):
            regulation_save(regulation=regulation, actor=world.users["curator"])
        edition = regulation_new_edition(regulation=Regulation.objects.get(pk=regulation.pk), actor=world.users["head"])
        assert edition.obj.text == TEXT and edition.obj.replaces == regulation and not edition.obj.is_adopted
        with pytest.raises(ValidationError, match="уже есть"):
            regulation_new_edition(regulation=regulation, actor=world.users["head"])

    def test_the_layout_keeps_sections_numbered_paragraphs_and_lists(self):
        laid_out = blocks(TEXT)
        assert laid_out[0].kind == "heading" and laid_out[0].text == "1. Общие положения"
        assert laid_out[1].kind == "paragraph" and laid_out[1].text.startswith("1.1. Настоящее")
        # «- 3.4. Куратор…»: a paragraph typed after a dash keeps its number, not the dash.
        assert ("paragraph", "3.4. Куратор реализации программ наставничества:") in [(b.kind, b.text) for b in laid_out]
        assert [b.kind for b in laid_out].count("item") == 1
        assert laid_out[-2] == blocks("2. Цель и задачи системы наставничества")[0]


class TestIntroductionOrder:
    def test_it_cites_the_council_and_the_union_and_links_the_regulation_as_annex_1(self, world):
        regulation = make_regulation(
            world,
            council_protocol_date=date(2026, 8, 28),
            council_protocol_number="1",
            union_opinion_date=date(2026, 8, 27),
            union_opinion_number="3",
        )
        order = draft_introduction_order(actor=world.users["curator"])
        regulation.refresh_from_db()
        assert regulation.order == order and not regulation.is_adopted
        assert "педагогического совета (протокол от 28.08.2026 № 1)" in order.preamble
        assert (
            "с учётом мнения выборного органа первичной профсоюзной организации (ст. 372 ТК РФ), протокол от "
            "27.08.2026 № 3" in order.preamble
        )
        assert any("(приложение 1)" in clause for clause in order.clauses)

    def test_a_withdrawn_project_of_the_order_gives_the_regulation_back_as_a_project(self, world):
        regulation = make_regulation(world)
        order = draft_introduction_order(actor=world.users["curator"])
        order_void(order=order, reason="Педсовет перенесён", actor=world.users["head"])
        regulation.refresh_from_db()
        assert regulation.order is None and not regulation.is_adopted
        assert regulation_project(Organization.own()) == regulation
        regulation.text = "Уточнённый текст"
        assert regulation_save(regulation=regulation, actor=world.users["curator"]).obj.text == "Уточнённый текст"
        # The next project carries it again, and its registration adopts it.
        adopted = order_register(
            order=draft_introduction_order(actor=world.users["curator"]), actor=world.users["head"]
        )
        regulation.refresh_from_db()
        assert regulation.order == adopted and regulation.is_adopted

    def test_what_the_system_does_not_know_prints_as_a_blank_line(self, world):
        make_regulation(world, council_protocol_number="2")
        order = order_register(order=draft_introduction_order(actor=world.users["curator"]), actor=world.users["head"])
        assert "педагогического совета (протокол от ________ № 2)" in order.preamble
        assert order.preamble.endswith("(ст. 372 ТК РФ), протокол от ________ № ____")
        with order.pdf.open("rb") as handle:
            text = text_of_pdf(handle.read())
        assert "от ________ № ____" in text and "ст. 372 ТК РФ" in text

    def test_without_their_own_orders_it_approves_the_roadmap_and_appoints_the_curator(self, world):
        order = draft_introduction_order(actor=world.users["curator"])
        text = " ".join(order.clauses)
        assert "Утвердить дорожную карту" in text and "(приложение 2)" in text
        assert "Назначить куратором реализации программ наставничества заместителя заведующего Морозову" in text

    def test_a_registered_curator_or_roadmap_order_is_referred_to_not_repeated(self, world):
        head = world.users["head"]
        curator_order = order_register(order=draft_curator_order(actor=world.users["curator"]), actor=head)
        roadmap_order = order_register(
            order=draft_order(
                Organization.own(),
                kind="roadmap",
                heading="Об утверждении дорожной карты",
                preamble="В соответствии с Положением",
                clauses=["Утвердить дорожную карту."],
                acquaintance=[],
                actor=head,
            ),
            actor=head,
        )
        order = draft_introduction_order(actor=world.users["curator"])
        text = " ".join(order.clauses)
        assert "Назначить куратором" not in text and "Утвердить дорожную карту" not in text
        assert f"назначенный приказом от {curator_order.date:%d.%m.%Y} № {curator_order.number_text}" in text
        assert f"утверждённой приказом от {roadmap_order.date:%d.%m.%Y} № {roadmap_order.number_text}" in text

    def test_a_project_of_a_curator_order_does_not_count(self, world):
        draft_curator_order(actor=world.users["curator"])
        order = draft_introduction_order(actor=world.users["curator"])
        assert any(clause.startswith("Назначить куратором") for clause in order.clauses)

    def test_every_pedagogical_employee_acquaints_themselves_with_the_order(self, world):
        order = draft_introduction_order(actor=world.users["curator"])
        names = set(order.acquaintance)
        assert {"Петрова Светлана", "Морозова Ирина"} <= {" ".join(name.split()[:2]) for name in names}
        assert not any(name.startswith("Егорова") for name in names)  # помощник воспитателя


class TestDocuments:
    def test_the_pdf_is_annex_1_with_its_stamps_text_and_the_whole_staff_sheet(self, world):
        PersonFactory(last_name="Лебедева", first_name="Ольга", position=position("Музыкальный руководитель"))
        regulation = make_regulation(world, council_protocol_date=date(2026, 8, 28), council_protocol_number="1")
        project = text_of_pdf(regulation_pdf(regulation))
        assert "ПРОЕКТ" in project and "Приложение 1 к приказу от ________ № ____" in project
        order = adopt(world, regulation)
        regulation.refresh_from_db()
        text = text_of_pdf(regulation_pdf(regulation))
        for phrase in [
            f"Приложение 1 к приказу от {order.date:%d.%m.%Y} № {order.number_text}",
            "ПРИНЯТО на педагогическом совете протокол от 28.08.2026 № 1",
            "УЧТЕНО МНЕНИЕ",
            "УТВЕРЖДЕНО",
            "Положение о наставничестве педагогических работников",
            # The title names whose regulation it is, in the genitive (not «… работников Муниципальное …»).
            "Муниципального казённого дошкольного образовательного учреждения",
            "1. Общие положения",
            "1.1. Настоящее Положение",
            "2.1. Цель",
            "Лист ознакомления с Положением о наставничестве педагогических работников",
            "Лебедева Ольга",
            "Петрова Светлана",
            "Музыкальный руководитель",
        ]:
            assert phrase in text, phrase
        assert "ПРОЕКТ" not in text and "Егорова" not in text

    def test_the_docx_copy_carries_the_same(self, world):
        regulation = make_regulation(world, union_opinion_date=date(2026, 8, 27), union_opinion_number="3")
        order = adopt(world, regulation)
        regulation.refresh_from_db()
        text = text_of_docx(regulation_docx(regulation))
        for phrase in [
            f"к приказу от {order.date:%d.%m.%Y} № {order.number_text}",
            "протокол от 27.08.2026 № 3",
            "протокол от ________ № ____",
            "УТВЕРЖДЕНО",
            "Муниципального казённого дошкольного образовательного учреждения",
            "1.2. В Положении используются следующие понятия:",
            "Лист ознакомления с Положением",
            "Петрова Светлана",
            "Подпись",
        ]:
            assert phrase in text, phrase


KEEPERS = {"head", "curator", "admin"}
EVERYONE = {"head", "curator", "council", "mentor", "mentee", "admin", "norole"}


def _urls(regulation) -> dict:
    return {
        "list": (reverse("mentorship:regulation-list"), "get", EVERYONE),
        "detail": (reverse("mentorship:regulation-detail", args=[regulation.pk]), "get", EVERYONE),
        "pdf": (reverse("mentorship:regulation-pdf", args=[regulation.pk]), "get", EVERYONE),
        "docx": (reverse("mentorship:regulation-docx", args=[regulation.pk]), "get", EVERYONE),
        "create": (reverse("mentorship:regulation-create"), "get", KEEPERS),
        "history": (reverse("mentorship:regulation-history", args=[regulation.pk]), "get", KEEPERS),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["list", "detail", "pdf", "docx", "create", "history"])
def test_every_employee_reads_it_and_the_keepers_keep_it(world, client_as, role, page):
    regulation = make_regulation(world)
    url, _method, allowed = _urls(regulation)[page]
    if page == "create":
        Regulation.objects.all().delete()
    assert client_as(role).get(url).status_code == expect(allowed)[role]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_keepers_edit_a_project(world, client_as, role):
    regulation = make_regulation(world)
    url = reverse("mentorship:regulation-update", args=[regulation.pk])
    client = client_as(role)
    data = {"title": regulation.title, "text": "1. Общие положения\n1.1. Новый пункт.", "council_protocol_number": "4"}
    response = client.post(url, data)
    if role in KEEPERS:
        assert response.status_code == 302
        regulation.refresh_from_db()
        assert regulation.text.endswith("Новый пункт.") and regulation.council_protocol_number == "4"
    else:
        assert response.status_code == expect(KEEPERS)[role]
        assert Regulation.objects.get(pk=regulation.pk).text == TEXT


@pytest.mark.parametrize("role", ROLES)
def test_an_adopted_regulation_is_not_edited_and_a_keeper_starts_a_new_edition(world, client_as, role):
    regulation = make_regulation(world)
    adopt(world, regulation)
    client = client_as(role)
    status = client.get(reverse("mentorship:regulation-update", args=[regulation.pk])).status_code
    assert status == (404 if role in KEEPERS else expect(KEEPERS)[role])
    response = client.post(reverse("mentorship:regulation-edition", args=[regulation.pk]))
    assert response.status_code == expect(KEEPERS, ok_status=302)[role]
    assert Regulation.objects.filter(replaces=regulation).exists() == (role in KEEPERS)


def test_the_pages_show_the_text_the_state_and_the_keepers_buttons(world, client_as):
    regulation = make_regulation(world)
    page = client_as("curator").get(reverse("mentorship:regulation-detail", args=[regulation.pk])).content.decode()
    assert "1.1. Настоящее Положение" in page and "Править текст" in page and "от ________ № ____" in page
    page = client_as("mentee").get(reverse("mentorship:regulation-detail", args=[regulation.pk])).content.decode()
    assert "1.1. Настоящее Положение" in page and "Править текст" not in page
    order = adopt(world, regulation)
    listing = client_as("mentor").get(reverse("mentorship:regulation-list")).content.decode()
    assert f"Утверждено приказом от {order.date:%d.%m.%Y} № {order.number_text}" in listing
    detail = client_as("head").get(reverse("mentorship:regulation-detail", args=[regulation.pk])).content.decode()
    assert "Начать новую редакцию" in detail and "Править текст" not in detail
    side = client_as("head").get(order.get_absolute_url()).content.decode()
    assert "Приложение 1" in side and reverse("mentorship:regulation-pdf", args=[regulation.pk]) in side


def test_the_list_costs_a_fixed_number_of_queries(world, client_as, django_assert_num_queries):
    for _ in range(3):
        adopt(world)
    make_regulation(world)
    client = client_as("mentor")
    url = reverse("mentorship:regulation-list")
    client.get(url)
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200


def test_today_is_the_default_date_of_the_sheet(world):
    # The sheet lists the staff employed on the day it prints (timezone.localdate(), Moscow).
    regulation = make_regulation(world)
    new = PersonFactory(last_name="Белова", first_name="Инна", hired_on=timezone.localdate())
    assert "Белова Инна" in text_of_pdf(regulation_pdf(regulation)) and new.is_working


@pytest.mark.parametrize("role", ROLES)
def test_the_annex_as_adopted_is_read_by_every_employee(world, client_as, role, monkeypatch):
    monkeypatch.setattr("mentorship.regulation_documents.regulation_pdf", lambda *args, **kwargs: b"%PDF-1.4 annex")
    monkeypatch.setattr("records.services.render_pdf", lambda *args, **kwargs: b"%PDF-1.4 order")
    regulation = make_regulation(world)
    project_annex = reverse("mentorship:regulation-annex", args=[regulation.pk])
    adopt(world, regulation)
    response = client_as(role).get(project_annex)
    assert response.status_code == expect(EVERYONE)[role]
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == b"%PDF-1.4 annex"
