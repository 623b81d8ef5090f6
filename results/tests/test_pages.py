"""The reports as their users meet them: the form prefilled, a refused send that keeps what was typed,
the draft, the sent report; the card on the program's page, the completion page, the home page's
task; the report's PDF and DOCX and the program's PDF read back; the pages' queries pinned."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from core.declension import signature_name
from programs.tests.factories import PlanItemFactory

from ..models import Report
from .factories import MENTOR_FIELDS, closing_program, report

Kind = Report.Kind


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def form_data(program, **fields) -> dict:
    data = {"period_from": program.starts_on.isoformat(), "period_to": program.ends_on.isoformat()}
    data.update({name: str(value) for name, value in fields.items()})
    return data


@pytest.fixture
def program(world):
    return closing_program(world.pairing)


def test_the_mentor_writes_her_report_from_the_prefilled_form(client_as, world, program):
    client = client_as("mentor")
    url = reverse("results:write", args=[program.pk])
    page = client.get(url).content.decode()
    assert "Запланировано мероприятий: 2, выполнено: 2" in page and "Отправить отчёт" in page

    # Sent half-written: refused, every empty field marked, what she typed still there.
    response = client.post(url, {**form_data(program, characterization="Уверенно ведёт утренний круг."), "submit": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Уверенно ведёт утренний круг." in page and page.count("Заполните перед отправкой.") == 6
    assert not Report.objects.filter(submitted_at__isnull=False).exists()

    response = client.post(url, {**form_data(program, characterization="Уверенно ведёт утренний круг."), "submit": "0"})
    assert response.status_code == 302 and response["Location"] == url
    draft = Report.objects.get()
    assert draft.characterization == "Уверенно ведёт утренний круг." and not draft.is_submitted
    assert "Черновик от" in client.get(url).content.decode()

    response = client.post(url, {**form_data(program, **MENTOR_FIELDS), "submit": "1"})
    draft.refresh_from_db()
    assert draft.is_submitted and response["Location"] == draft.get_absolute_url()
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Старательна." in page and "Завершить наставничество" in page
    # A sent report opens for reading, not in the form.
    assert client.get(url)["Location"] == draft.get_absolute_url()


def test_a_typed_text_longer_than_the_limit_is_refused_in_russian(client_as, program):
    url = reverse("results:write", args=[program.pk])
    response = client_as("mentor").post(url, {**form_data(program, growth="я" * 20001), "submit": "0"})
    assert response.status_code == 200 and "не более 20000" in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.parametrize("value", ["31.02.2026", "не дата", "0001-01-01", "\x00"])
def test_a_hostile_period_is_refused_not_a_500(client_as, program, value):
    url = reverse("results:write", args=[program.pk])
    response = client_as("mentee").post(url, {**form_data(program), "period_from": value, "submit": "0"})
    assert response.status_code == 200 and "Не сохранено" in response.content.decode()


def test_the_program_page_completion_page_and_home_page_show_the_reports(client_as, world, program):
    report(program, Kind.MENTOR, world.mentor.person)
    page = client_as("curator").get(program.get_absolute_url()).content.decode()
    assert "Отчёты по итогам программы" in page and "Рекомендация: завершить наставничество" in page
    assert re.search(r"Отчёт наставляемого — Иванова А\.[^:]*:\s*<span[^>]*>не начат", page)
    page = client_as("curator").get(reverse("programs:program-complete", args=[program.pk])).content.decode()
    assert "Отчёты участников" in page and "Отчёт наставника не отправлен" not in page
    assert "Отчёт наставляемого не отправлен: его пишет наставляемый" in page
    # The mentee has her report to write on her home page; the mentor, whose report is sent, has not.
    assert "Напишите отчёт наставляемого" in client_as("mentee").get("/").content.decode()
    assert "Напишите отчёт наставника" not in client_as("mentor").get("/").content.decode()
    page = client_as("mentee").get(program.get_absolute_url()).content.decode()
    assert reverse("results:write", args=[program.pk]) in page and "Написать отчёт" in page


def test_the_report_pdf_and_docx_read_back(client_as, world, program):
    sent = report(program, Kind.MENTOR, world.mentor.person, characterization="Самостоятельно планирует работу.")
    client = client_as("head")
    pdf = client.get(reverse("results:report-pdf", args=[sent.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf["Cache-Control"] == "private, no-store"
    text = text_of(pdf.content)
    for part in (
        "Отчёт наставника о реализации персонализированной программы наставничества",
        "Характеристика наставляемого",
        "Самостоятельно планирует работу.",
        "Рекомендация",
        signature_name(world.mentor.person.last_name, world.mentor.person.first_name, world.mentor.person.middle_name),
    ):
        assert part in text, part
    docx = client.get(reverse("results:report-docx", args=[sent.pk]))
    assert docx["Content-Disposition"].startswith("attachment;")
    paragraphs = [p.text for p in Document(io.BytesIO(docx.content)).paragraphs]
    assert "3. Характеристика наставляемого" in paragraphs and "Самостоятельно планирует работу." in paragraphs
    assert not any("Черновая копия" in p for p in paragraphs)  # a report is its author's text, not an order copy


def test_the_program_pdf_closes_with_the_reports(client_as, world, program):
    report(program, Kind.MENTOR, world.mentor.person)
    report(program, Kind.MENTEE, world.mentee.person, satisfaction=8)
    text = text_of(client_as("curator").get(reverse("programs:program-pdf", args=[program.pk])).content)
    assert "Отчёты участников" in text
    assert "рекомендация наставника: завершить наставничество" in text
    assert "удовлетворённость наставничеством: 8 из 10" in text


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


# Both pages: the session, the user, her staff record (3). The report page: + the report joined with its
# program, pair and people, the pair's mentees and their people (3). The form: + the program joined, its
# mentees and their people, its plan, the report (a draft here; a new one reads the diagnostics instead).
PINNED = {"results:report": 6, "results:write": 8}


@pytest.mark.parametrize("name", list(PINNED))
def test_the_reports_pages_queries_are_pinned_and_do_not_grow_with_the_plan(client_as, world, program, name):
    client = client_as("mentee")
    target = report(program, Kind.MENTEE, world.mentee.person, sent=name == "results:report")
    url = reverse(name, args=[target.pk if name == "results:report" else program.pk])
    few = _queries(client, url)
    for n in range(20):
        PlanItemFactory(program=program, position=10 + n, done_on=program.starts_on)
    assert (few, _queries(client, url)) == (PINNED[name], PINNED[name])
