"""The records office on its own: a kind of order registered by the test itself goes through
drafting, numbering, registration, the signed scan, the PDF, the DOCX copy and the order's page,
so the office works for any issuing app and names none of them."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from conftest import saved_as
from core import extensions
from core.tests.files import HOSTILE, has_metadata, hostile_upload, jpeg_with_exif, pixel_bomb_png, tiny_pdf
from core.text import NBSP
from people.models import Organization, Person
from records import kinds
from records.docx import order_docx
from records.models import Order, OrderJournal
from records.selectors import orders_for
from records.services import (
    draft_order,
    issuing_organization,
    order_attach_scan,
    order_draft,
    order_journal_set,
    order_pdf,
    order_register,
    order_update_draft,
)

KIND = "test-reward"
ROWS = [{"name": "Петрова Светлана Николаевна", "reason": "наставник года"}]


def _draft(*, actor, date=None) -> Order:
    own = issuing_organization()
    return draft_order(
        own,
        kind=KIND,
        heading="О поощрении наставников",
        preamble="По итогам учебного года",
        clauses=["Объявить благодарность наставникам согласно таблице."],
        acquaintance=list(Person.objects.filter(user__username="mentor")),
        actor=actor,
        date=date,
        table=ROWS,
    )


def _docx_table(rows):
    return ["№", "ФИО", "За что"], [[str(n), row["name"], row["reason"]] for n, row in enumerate(rows, 1)], [10, 90, 60]


@pytest.fixture(autouse=True)
def reward_kind(settings, tmp_path):
    """A kind of order only this test issues, with a draft and a table of its own."""
    settings.MEDIA_ROOT = tmp_path
    table = kinds.OrderTable(
        page_template="records/tests/table_page.html", pdf_template="records/tests/table_pdf.html", docx=_docx_table
    )
    kinds.register(kinds.OrderKind(KIND, "О поощрении (проверка)", draft=_draft, table=table, order=999))
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], str(tmp_path / "templates")]}]
    folder = tmp_path / "templates" / "records" / "tests"
    folder.mkdir(parents=True)
    (folder / "table_page.html").write_text(
        "<table id='reward'>{% for row in order.table %}<tr><td>{{ row.name }}</td></tr>{% endfor %}</table>"
    )
    (folder / "table_pdf.html").write_text(
        "<table class='doc-table order-table'>{% for row in order.table %}<tr><td>{{ row.name }}</td>"
        "<td>{{ row.reason }}</td></tr>{% endfor %}</table>"
    )
    yield
    kinds.KINDS.pop(KIND, None)


def test_a_registered_kind_is_offered_and_labelled(world):
    assert (KIND, "О поощрении (проверка)") in kinds.choices()
    assert (KIND, "О поощрении (проверка)") in kinds.draftable()
    order = order_draft(kind=KIND, actor=world.users["curator"], date=date(2026, 11, 24))
    assert order.get_kind_display() == "О поощрении (проверка)"
    assert order.place == Organization.own().place
    assert order.signer_name == "Е.И. Соколова"  # the head signs


def test_an_unknown_kind_is_refused_in_russian(world):
    with pytest.raises(ValidationError, match="готовится там, где принимается решение"):
        order_draft(kind="nothing", actor=world.users["curator"])


def test_registration_numbers_freezes_and_prints_the_kinds_table(world):
    order = order_draft(kind=KIND, actor=world.users["curator"], date=date(2026, 11, 24))
    order_journal_set(
        organization=order.organization, year=2026, next_number=45, suffix="-ОД", actor=world.users["head"]
    )
    # Dated before today: registered with the head's reason (records.journal), which the order keeps.
    order = order_register(order=order, actor=world.users["head"], reason="Подписан 24.11, внесён в систему позже")
    assert order.journal_reason == "Подписан 24.11, внесён в систему позже"
    assert (order.status, order.number_text, order.registered_by) == (
        Order.Status.REGISTERED,
        "45-ОД",
        world.users["head"],
    )
    assert OrderJournal.objects.get().next_number == 46
    with order.pdf.open("rb") as handle:
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    assert "О поощрении наставников" in text and "наставник года" in text and "№ 45-ОД" in text
    with pytest.raises(ValidationError, match="уже зарегистрирован"):
        order_register(order=order, actor=world.users["head"])
    with pytest.raises(ValidationError, match="уже зарегистрирован"):
        order_update_draft(
            order=order, date=order.date, heading="x", preamble="y", clauses=["z"], actor=world.users["curator"]
        )


def test_only_the_head_registers_and_a_keeper_attaches_the_scan(world):
    order = _draft(actor=world.users["curator"])
    with pytest.raises(PermissionDenied):
        order_register(order=order, actor=world.users["curator"])
    order.refresh_from_db()
    assert order.is_draft and order.number is None
    with pytest.raises(ValidationError, match="Сначала приказ регистрируется"):
        order_attach_scan(order=order, scan=SimpleUploadedFile("s.pdf", tiny_pdf()), actor=world.users["head"])
    order = order_register(order=order, actor=world.users["head"])
    with pytest.raises(PermissionDenied):
        order_attach_scan(order=order, scan=SimpleUploadedFile("s.pdf", tiny_pdf()), actor=world.users["council"])
    order = order_attach_scan(order=order, scan=SimpleUploadedFile("s.pdf", tiny_pdf()), actor=world.users["admin"])
    assert order.status == Order.Status.SIGNED
    # A better scan replaces the first one: a move of the table too.
    order = order_attach_scan(order=order, scan=SimpleUploadedFile("t.pdf", tiny_pdf()), actor=world.users["curator"])
    assert order.status == Order.Status.SIGNED and order.history.first().history_user == world.users["curator"]


def test_the_preview_is_marked_as_a_project_and_the_docx_carries_the_kinds_table(world):
    order = _draft(actor=world.users["curator"])
    order_page, annex = PdfReader(io.BytesIO(order_pdf(order, draft=True))).pages[:2]
    order_page, annex = order_page.extract_text(), annex.extract_text()
    # ГОСТ Р 7.0.97: the table is the order's annex on a page of its own, and the order refers to it.
    assert "ПРОЕКТ" in order_page and "Таблица приведена в приложении к настоящему приказу." in order_page
    assert "наставник года" not in order_page
    assert f"Приложение\nк приказу от {order.date:%d.%m.%Y} № ____" in annex and "наставник года" in annex
    document = Document(io.BytesIO(order_docx(order)))
    # Non-breaking spaces keep a table's short words with the next one (core.text.nbsp): «За что».
    cells = [cell.text.replace(NBSP, " ") for table in document.tables for row in table.rows for cell in row.cells]
    assert "За что" in cells and "наставник года" in cells


def test_the_order_page_shows_the_kinds_table_and_what_other_apps_add(world, client_as):
    order = order_register(order=_draft(actor=world.users["curator"]), actor=world.users["head"])
    extension = extensions.Extension(
        slot="records.order.side",
        template="records/tests/table_page.html",
        context=lambda request, shown: {"order": shown} if shown.kind == KIND else None,
        order=999,
    )
    extensions.register(extension)
    try:
        page = client_as("curator").get(reverse("records:order-detail", args=[order.pk])).content.decode()
    finally:
        extensions.unregister(extension)
    assert page.count("id='reward'") == 2  # the kind's table and the extension's panel
    assert "Петрова Светлана Николаевна" in page


def test_people_outside_the_register_see_only_the_orders_about_them(world):
    order = _draft(actor=world.users["curator"])
    assert order in orders_for(world.users["council"])
    # Nobody registered this order as being about the mentor: they do not see it.
    assert order not in orders_for(world.users["mentor"])
    assert not orders_for(world.users["norole"]).exists()


# --- the signed scan: what is taken and how it goes out -------------------------------------------


@pytest.fixture
def registered(world, monkeypatch):
    """A registered order waiting for its signed scan (its frozen PDF is a tiny one: WeasyPrint's time saved)."""
    monkeypatch.setattr("records.services.render_pdf", lambda *args, **kwargs: tiny_pdf())
    return order_register(order=_draft(actor=world.users["curator"]), actor=world.users["head"])


def attach(client, order, scan):
    return client.post(reverse("records:order-detail", args=[order.pk]), {"scan": scan}, follow=True)


@pytest.mark.parametrize("case", [*HOSTILE, "pixel-bomb"])
def test_a_file_that_only_starts_like_a_scan_is_not_attached(client_as, registered, case):
    scan = SimpleUploadedFile("скан.png", pixel_bomb_png()) if case == "pixel-bomb" else hostile_upload(case)
    page = attach(client_as("head"), registered, scan).content.decode()
    assert "Изображение повреждено" in page or "PDF повреждён" in page or "Слишком большое разрешение" in page
    registered.refresh_from_db()
    assert not registered.signed_scan and registered.status == Order.Status.REGISTERED


def test_a_photographed_order_is_attached_without_gps_and_camera(client_as, registered):
    attach(client_as("head"), registered, SimpleUploadedFile("приказ.jpg", jpeg_with_exif()))
    registered.refresh_from_db()
    with registered.signed_scan.open("rb") as handle:
        assert not has_metadata(handle.read())
    assert registered.status == Order.Status.SIGNED


@pytest.mark.parametrize("url", ["records:order-scan", "records:order-pdf"])
def test_the_scan_and_the_frozen_pdf_go_out_as_downloads(client_as, registered, url):
    attach(client_as("head"), registered, SimpleUploadedFile("приказ.pdf", tiny_pdf()))
    response = client_as("curator").get(reverse(url, args=[registered.pk]))
    assert b"".join(response.streaming_content) == tiny_pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="')
    registered.refresh_from_db()
    title = f"Приказ {registered.number_text} от {registered.date:%d.%m.%Y}"
    assert saved_as(response) == (f"{title}.pdf" if url == "records:order-pdf" else f"{title} (скан с подписью).pdf")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


# --- the order's history page -----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "head", "curator", "council", "mentor", "mentee", "admin", "norole"])
def test_the_history_is_read_by_exactly_the_orders_readers(world, client_as, role):
    order = _draft(actor=world.users["curator"])
    client = client_as(role)
    detail = client.get(reverse("records:order-detail", args=[order.pk])).status_code
    assert client.get(reverse("records:order-history", args=[order.pk])).status_code == detail


def test_registration_and_the_scans_read_in_words(client_as, registered):
    attach(client_as("head"), registered, SimpleUploadedFile("приказ.pdf", tiny_pdf()))
    url = reverse("records:order-history", args=[registered.pk])
    client = client_as("curator")
    page = client.get(url).content.decode()
    assert "Соколова Е.И., " in page
    assert "состояние «Проект» → «Зарегистрирован»" in page
    assert "скан подписанного приказа: файл загружен" in page
    assert "пункты: «Объявить благодарность наставникам согласно таблице.»" in page
    assert (
        reverse("records:order-history", args=[registered.pk])
        in client.get(registered.get_absolute_url()).content.decode()
    )

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    attach(client_as("head"), registered, SimpleUploadedFile("приказ-2.pdf", tiny_pdf()))
    attach(client_as("head"), registered, SimpleUploadedFile("приказ-3.pdf", tiny_pdf()))
    client = client_as("curator")  # the one test client, signed in as the head meanwhile
    with CaptureQueriesContext(connection) as more:
        page = client.get(url).content.decode()
    assert "скан подписанного приказа файл загружен → загружен другой файл" in page
    assert len(more) == len(few)


def test_the_people_on_the_acquaintance_sheet_are_told_to_read_and_sign_a_registered_order(world, client):
    """The mentor on the sheet reads the order once it is registered (not its draft) and is told to
    sign; the head who registered it is not told, nor anyone not on the sheet."""
    from notices.models import Notice

    mentor = world.users["mentor"]
    order = order_draft(kind=KIND, actor=world.users["curator"], date=date(2026, 11, 24))
    assert list(order.acquainted.all()) == [mentor.person] and order.acquaintance == [mentor.person.full_name]
    assert not orders_for(mentor).filter(pk=order.pk).exists()  # a draft is the office's
    order = order_register(order=order, actor=world.users["head"], reason="Подписан 24.11, внесён в систему позже")
    [notice] = Notice.objects.all()
    assert (notice.user, notice.kind, notice.url) == (mentor, "decisions", order.get_absolute_url())
    assert notice.text == (
        f"Ознакомьтесь с приказом от 24.11.2026 № {order.number_text} «О поощрении наставников» "
        "и распишитесь в листе ознакомления"
    )
    client.force_login(mentor)
    assert client.get(order.get_absolute_url()).status_code == 200
    client.force_login(world.users["mentee"])
    assert client.get(order.get_absolute_url()).status_code == 404
    # Attaching the signed scan later tells nobody again.
    order_attach_scan(
        order=order, scan=SimpleUploadedFile("scan.pdf", tiny_pdf(), "application/pdf"), actor=world.users["curator"]
    )
    assert Notice.objects.count() == 1
