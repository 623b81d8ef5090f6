"""The register of pairs and groups on a date: who opens it, what its PDF and DOCX say (read back),
that a date which is not one is said in Russian, and that its cost does not grow with its rows."""

import io
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from conftest import ROLES, expect, saved_as
from mentorship.models import Pairing
from mentorship.register import register_docx, register_pdf
from mentorship.tests.factories import (
    MenteeFactory,
    MentorFactory,
    PartnerFactory,
    PersonFactory,
    mentee_consents,
    registered,
)
from mentorship.tests.test_access import READERS
from mentorship.tests.test_paperwork_views import fixed_by_order, papers  # noqa: F401 (a fixture)

ON = date(2027, 2, 1)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join([*(p.text for p in document.paragraphs), *cells]).split())


URLS = {
    "page": lambda: reverse("mentorship:register") + f"?date={ON:%Y-%m-%d}",
    "page-today": lambda: reverse("mentorship:register"),
    "pdf": lambda: reverse("mentorship:register-pdf") + f"?date={ON:%Y-%m-%d}",
    "docx": lambda: reverse("mentorship:register-docx") + f"?date={ON:%Y-%m-%d}",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", URLS)
def test_the_register_opens_for_those_who_read_every_pair(world, client_as, role, name):
    response = client_as(role).get(URLS[name]())
    assert response.status_code == expect(READERS)[role]


def test_the_register_lists_the_pairs_in_force_with_their_order_and_agreement(world, papers):  # noqa: F811
    mine, theirs = papers["mine"], papers["theirs"]
    order = papers["my_order"]
    agreement = papers["my_agreement"]
    text = pdf_text(register_pdf(ON))
    assert "РЕЕСТР" in text.replace(" ", "")  # the document's type is set with letter-spacing
    assert f"наставнических пар и групп на {ON:%d.%m.%Y}" in text
    mentor = mine.mentor.person
    assert mentor.full_name in text
    assert world.mentee.person.full_name in text
    assert theirs.mentor.person.full_name in text
    assert "Адаптация в коллективе" in text
    assert "с 11.01.2027 по 31.08.2027" in text
    assert f"№ {order.number_text} от {order.date:%d.%m.%Y}" in text
    assert f"от {agreement.date:%d.%m.%Y}" in text
    # The world's own active pairs (without orders) are in force too: four rows.
    assert "Всего пар и групп: 4, из них групп: 0." in text


def test_a_pair_not_yet_begun_or_already_ended_is_not_in_the_register(world, papers):  # noqa: F811
    theirs = papers["theirs"]
    their_mentee = theirs.mentees.get().person.full_name
    assert their_mentee in pdf_text(register_pdf(ON))
    # It begins on 11.01.2027.
    assert their_mentee not in pdf_text(register_pdf(date(2027, 1, 10)))
    # Terminated with ON as its last day: in force on ON, not the day after.
    Pairing.objects.filter(pk=theirs.pk).update(status=Pairing.Status.TERMINATED, ended_on=ON)
    assert "прекращается 01.02.2027" in pdf_text(register_pdf(ON))
    assert their_mentee not in pdf_text(register_pdf(date(2027, 2, 2)))


def test_the_docx_register_says_the_same(world, papers):  # noqa: F811
    text = docx_text(register_docx(ON))
    assert "РЕЕСТР" in text
    assert papers["theirs"].mentor.person.full_name in text
    assert f"№ {papers['my_order'].number_text} от" in text
    assert "Всего пар и групп: 4" in text
    section = Document(io.BytesIO(register_docx(ON))).sections[0]
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 20  # landscape: 20 mm all round


def test_the_files_are_saved_under_a_russian_name(world, client_as):
    client = client_as("curator")
    pdf = client.get(URLS["pdf"]())
    assert pdf["Content-Type"] == "application/pdf"
    assert saved_as(pdf) == f"Реестр наставнических пар и групп на {ON:%d.%m.%Y}.pdf"
    assert saved_as(client.get(URLS["docx"]())).endswith(".docx")


@pytest.mark.parametrize("value", ["30.02.2026", "abc", "2026-13-01", "0001-01-01"])
@pytest.mark.parametrize("name", ["register", "register-pdf", "register-docx"])
def test_a_date_that_is_not_one_is_said_in_russian(world, client_as, name, value):
    response = client_as("head").get(reverse(f"mentorship:{name}"), {"date": value})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    text = response.content.decode()
    assert "Введите дату полностью" in text or "Проверьте дату" in text


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(URLS["page"]()).status_code == 200
    return len(context)


def test_the_register_costs_the_same_however_many_pairs(world, papers, client_as):  # noqa: F811
    client = client_as("curator")
    few = _queries(client)
    for n in range(3):
        mentor = MentorFactory(person=PersonFactory(last_name=f"Лебедева{'а' * n}", first_name="Ольга"))
        fixed_by_order(world, mentor, [MenteeFactory(), MenteeFactory()])
    assert _queries(client) == few
    assert few == 13  # the pairs' history tells who mentored on the date (mentorship.register.mentors_on)


def test_the_pairs_list_offers_the_register_to_its_readers(world, client_as):
    url = reverse("mentorship:register")
    assert url in client_as("curator").get(reverse("mentorship:pairing-list")).content.decode()
    assert url not in client_as("mentor").get(reverse("mentorship:pairing-list")).content.decode()


def test_a_group_is_one_row_with_every_mentee(world, papers):  # noqa: F811
    mentees = [MenteeFactory(person=PersonFactory(last_name=name, first_name="Анна")) for name in ("Орлова", "Белова")]
    fixed_by_order(world, MentorFactory(), mentees)
    text = pdf_text(register_pdf(ON))
    assert "Орлова Анна" in text and "Белова Анна" in text
    assert "Группа" in text
    assert re.search(r"из них групп: 1\.", text)


@pytest.mark.parametrize("ours", [True, False], ids=["our-mentor", "partners-mentor"])
def test_a_past_date_names_the_mentor_who_mentored_then_not_the_one_now(world, papers, ours):  # noqa: F811
    """A pair fixed from 11.01.2027 whose mentor is replaced from 01.03.2027: the register on 01.02.2027
    names the first mentor (and her agreement), on 01.03.2027 and later the new one."""
    from mentorship.services.pair_orders import pairing_replace_mentor

    mine = papers["mine"]
    first = mine.mentor.person
    # Our new mentor gets an agreement from 01.03.2027; a partner's does not (the old one's ends).
    organization = {} if ours else {"organization": PartnerFactory()}
    new = MentorFactory(
        person=PersonFactory(last_name="Белова", first_name="Людмила", middle_name="Ивановна", **organization)
    )
    registered(
        pairing_replace_mentor,
        pairing=mine,
        new_mentor=new,
        grounds="leaves",
        left_on=date(2027, 2, 28),
        consent_on=date(2027, 2, 20),
        mentee_consents=mentee_consents(mine, date(2027, 2, 20)),
        starts_on=date(2027, 3, 1),
        order_date=date(2027, 2, 26),
        actor=world.users["head"],
    )
    before = pdf_text(register_pdf(ON))
    assert first.full_name in before and new.person.full_name not in before
    assert f"№ ______ от {papers['my_agreement'].date:%d.%m.%Y}" in before
    after = docx_text(register_docx(date(2027, 3, 1)))
    # She mentors another pair of the world as well: one row fewer names her.
    assert new.person.full_name in after and after.count(first.full_name) == before.count(first.full_name) - 1
