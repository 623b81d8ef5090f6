"""The mentor's journal of a pair for a period: who reads it (another pair's is a 404), what its PDF
and DOCX say (read back), the period's defaults and errors in Russian, and a cost that does not grow
with its rows."""

import io
from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from conftest import ROLES, expect, saved_as
from mentorship.models import Mentee, MentoringForm, Pairing
from mentorship.tests.factories import MenteeFactory, PersonFactory

from ..journal import default_period, journal_docx, journal_pdf
from ..models import Meeting, Program
from .factories import ActivityRecordFactory, PlanItemFactory, ProgramFactory

FIRST, LAST = date(2026, 9, 1), date(2027, 5, 31)
OVERSEERS = {"head", "curator"}


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join([*(p.text for p in document.paragraphs), *cells]).split())


def meeting(world, on, topic, participants, *, form="Ситуационное", result=""):
    held = Meeting.objects.create(
        mentor=world.mentor,
        form=MentoringForm.objects.get(name=form),
        held_on=on,
        topic=topic,
        result=result,
        logged_by=world.users["mentor"],
    )
    held.participants.set(participants)
    return held


@pytest.fixture
def logged(world):
    """The world's pair with a running program, two logged activities (one answering a plan item and
    confirmed by the mentee) and a one-off meeting between them; one activity outside the period."""
    program = ProgramFactory(pairing=world.pairing, status=Program.Status.RUNNING)
    item = PlanItemFactory(program=program, position=3, activity="Взаимопосещение прогулки")
    ActivityRecordFactory(
        program=program,
        item=item,
        done_on=date(2026, 10, 5),
        description="Взаимопосещение прогулки в младшей группе",
        result="Разобрали приёмы организации одевания",
        confirmed_at=timezone.make_aware(datetime(2026, 10, 6, 12)),
        confirmed_by=world.mentee.person,
        mentee_comment="Было полезно",
    )
    ActivityRecordFactory(
        program=program, done_on=date(2026, 11, 20), description="Консультация «Режим дня»", result="Памятка"
    )
    ActivityRecordFactory(program=program, done_on=date(2027, 6, 2), description="После периода")
    meeting(world, date(2026, 10, 20), "Как успокоить плачущего ребёнка", [world.mentee.person], result="Памятка")
    return program


def urls(pairing_pk, query=""):
    return {
        "page": reverse("programs:journal", args=[pairing_pk]) + query,
        "pdf": reverse("programs:journal-pdf", args=[pairing_pk]) + query,
        "docx": reverse("programs:journal-docx", args=[pairing_pk]) + query,
    }


def other_pairing(world):
    return Pairing.objects.get(mentor=world.other_mentor)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["page", "pdf", "docx"])
def test_the_pairs_journal_is_read_by_its_mentor_its_mentees_the_head_and_the_curator(world, client_as, role, name):
    response = client_as(role).get(urls(world.pairing.pk)[name])
    assert response.status_code == expect(OVERSEERS | {"mentor", "mentee"})[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["page", "pdf", "docx"])
def test_another_pairs_journal_is_a_404_for_a_mentor_and_a_mentee(world, client_as, role, name):
    response = client_as(role).get(urls(other_pairing(world).pk)[name])
    assert response.status_code == expect(OVERSEERS, not_found=frozenset({"mentor", "mentee"}))[role]


def test_the_journal_prints_every_activity_and_meeting_of_the_period_in_date_order(world, logged):
    text = pdf_text(journal_pdf(world.pairing, FIRST, LAST))
    assert "ЖУРНАЛНАСТАВНИКА" in text.replace(" ", "")
    assert "за период с 01.09.2026 по 31.05.2027" in text
    assert "Петрова Светлана" in text and "Иванова Анна" in text
    first = text.index("05.10.2026 Мероприятие программы")
    second = text.index("20.10.2026 Разовая встреча Ситуационное Как успокоить плачущего ребёнка")
    third = text.index("20.11.2026 Мероприятие программы")
    assert first < second < third
    assert "Взаимопосещение прогулки в младшей группе" in text
    assert "Разобрали приёмы организации одевания" in text
    assert "пункт плана № 3" in text and "подтверждено" in text and "06.10.2026" in text
    assert "комментарий наставляемого: Было полезно" in text
    assert "не подтверждено наставляемым" in text
    assert "После периода" not in text
    assert "Всего записей: 3, из них мероприятий программы: 2, разовых встреч: 1." in text


def test_the_docx_journal_says_the_same(world, logged):
    content = journal_docx(world.pairing, FIRST, LAST)
    text = docx_text(content)
    assert "ЖУРНАЛ НАСТАВНИКА" in text
    assert "Как успокоить плачущего ребёнка" in text and "Консультация «Режим дня»" in text
    assert "После периода" not in text
    table = Document(io.BytesIO(content)).tables[1]
    assert [row.cells[1].text for row in table.rows[1:]] == ["05.10.2026", "20.10.2026", "20.11.2026"]
    section = Document(io.BytesIO(content)).sections[0]
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 20  # landscape: 20 mm all round


def test_meetings_with_other_people_are_not_the_pairs(world, logged):
    meeting(world, date(2026, 12, 1), "Разговор с коллегой из другой группы", [world.other_person])
    assert "Разговор с коллегой" not in pdf_text(journal_pdf(world.pairing, FIRST, LAST))


def test_a_mentee_reads_only_the_meetings_she_took_part_in(world, logged, client_as):
    second = MenteeFactory(person=PersonFactory(last_name="Орлова", first_name="Мария"))
    world.pairing.mentees.add(second)
    meeting(world, date(2026, 12, 1), "Личная ситуация с родителями", [second.person])
    query = "?first=2026-09-01&last=2027-05-31"
    assert "Личная ситуация" in client_as("mentor").get(urls(world.pairing.pk, query)["page"]).content.decode()
    assert "Личная ситуация" in client_as("curator").get(urls(world.pairing.pk, query)["page"]).content.decode()
    mine = client_as("mentee").get(urls(world.pairing.pk, query)["page"]).content.decode()
    assert "Как успокоить плачущего ребёнка" in mine and "Личная ситуация" not in mine
    assert "Личная ситуация" not in pdf_text(client_as("mentee").get(urls(world.pairing.pk, query)["pdf"]).content)


def test_the_period_is_the_programs_term_by_default_else_the_academic_year(world):
    assert default_period(world.pairing, today=date(2026, 11, 30)) == (date(2026, 9, 1), date(2027, 8, 31))
    ProgramFactory(pairing=world.pairing, starts_on=date(2026, 10, 1), ends_on=date(2027, 3, 31))
    assert default_period(world.pairing) == (date(2026, 10, 1), date(2027, 3, 31))


def test_the_files_are_saved_under_a_russian_name(world, logged, client_as):
    response = client_as("mentor").get(urls(world.pairing.pk, "?first=2026-09-01&last=2027-05-31")["pdf"])
    assert saved_as(response) == "Журнал наставника Петрова С.И. с 01.09.2026 по 31.05.2027.pdf"
    docx = client_as("mentor").get(urls(world.pairing.pk)["docx"])
    assert saved_as(docx).startswith("Журнал наставника Петрова С.И. с ") and saved_as(docx).endswith(".docx")


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("?first=30.02.2026", "Введите дату полностью"),
        ("?last=abc", "Введите дату полностью"),
        ("?first=0001-01-01", "Проверьте дату"),
        ("?first=2027-05-31&last=2026-09-01", "Начало периода позже его конца"),
    ],
)
@pytest.mark.parametrize("name", ["page", "pdf", "docx"])
def test_a_wrong_period_is_said_in_russian(world, client_as, name, query, error):
    response = client_as("mentor").get(urls(world.pairing.pk, query)[name])
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert error in response.content.decode()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("role", ["mentor", "curator"])
def test_the_journal_costs_the_same_however_many_rows(world, logged, client_as, role):
    client = client_as(role)
    url = urls(world.pairing.pk, "?first=2026-09-01&last=2027-05-31")["page"]
    few = _queries(client, url)
    for day in range(1, 6):
        ActivityRecordFactory(program=logged, done_on=date(2027, 2, day), item=PlanItemFactory(program=logged))
        meeting(world, date(2027, 3, day), f"Встреча {day}", [world.mentee.person])
    assert _queries(client, url) == few
    assert few == 13


def test_the_pairs_page_links_the_journal_for_its_readers(world, client_as):
    url = reverse("programs:journal", args=[world.pairing.pk])
    for role in ("mentor", "mentee", "curator", "head"):
        assert url in client_as(role).get(world.pairing.get_absolute_url()).content.decode(), role
    assert url not in client_as("council").get(world.pairing.get_absolute_url()).content.decode()
    assert Mentee.objects.filter(pairings=world.pairing).count() == 1
