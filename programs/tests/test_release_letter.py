"""The application for release from duty (programs.letters): the request's words, the substitute's
written consent under it (ТК РФ ст. 60.2, 151), who prints it."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from conftest import ROLES, expect, page_text

from ..letters import release_letter
from ..services.releases import release_request
from .factories import program_in_work


@pytest.fixture
def release(world):
    program = program_in_work(world.pairing, due=2)
    return release_request(
        program=program,
        item=None,
        event="Посещение открытого занятия наставника",
        date=timezone.localdate() + timedelta(days=7),
        hours=2,
        substitute=world.other_person,
        actor=world.users["mentee"],
    ).obj


def test_the_application_asks_for_the_day_and_names_the_substitute_who_consents_under_it(world, release):
    letter = release_letter(release)
    text = " ".join(letter.paragraphs)
    assert letter.kind == "ЗАЯВЛЕНИЕ" and letter.to[3].startswith("от Ивановой Анны")
    assert f"Прошу освободить меня от основной работы {release.date:%d.%m.%Y} на 2 ч" in text
    assert "«Посещение открытого занятия наставника»" in text
    # The post in apposition first, in the dative of the sentence; the pronoun agrees with her.
    assert "поручить выполнение моих обязанностей воспитателю Семёновой Дарье Игоревне с её письменного" in text
    assert "статьи 60.2 и 151" in text
    consent = letter.parts[0]
    assert "статья 60.2" in consent.heading
    assert consent.paragraphs[0].startswith("Я, Семёнова Дарья Игоревна,") and "согласна" in consent.paragraphs[0]
    assert "обязанности" in consent.paragraphs[0] and "Ивановой Анны" in consent.paragraphs[0]
    assert consent.signed.name.endswith("Семёнова")


def test_without_a_substitute_the_consent_is_left_to_fill_in(world, release):
    release.substitute = None
    letter = release_letter(release)
    text = " ".join(letter.paragraphs)
    assert "другому педагогическому работнику с его письменного согласия" in text
    assert "доплатой за дополнительную работу в размере, установленном соглашением сторон" in text
    assert letter.parts[0].paragraphs[0].startswith("Я, ____")


def test_pdf_and_docx(world, release, client_as):
    client = client_as("mentee")
    pdf = client.get(reverse("programs:release-letter", args=[release.pk]))
    docx = client.get(reverse("programs:release-letter-docx", args=[release.pk]))
    assert pdf.status_code == docx.status_code == 200
    pdf_text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split())
    docx_text = " ".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    for words in ("ЗАЯВЛЕНИЕ", "Прошу освободить меня от основной работы", "Согласие работника"):
        assert words in pdf_text and words in docx_text


# The mentee asked; the head and the curator print any; the mentor reads the request in the list but
# not her colleague's letter; the others do not reach the requests at all.
MATRIX = expect({"head", "curator", "mentee"}, not_found={"mentor"})


@pytest.mark.parametrize("role", ROLES)
def test_who_prints_the_application(world, release, client_as, role):
    assert client_as(role).get(reverse("programs:release-letter", args=[release.pk])).status_code == MATRIX[role]


def test_the_list_links_the_application_for_those_who_print_it(world, release, client_as):
    link = reverse("programs:release-letter", args=[release.pk])
    assert link in page_text(client_as("mentee"), reverse("programs:release-list"))
    assert link in page_text(client_as("curator"), reverse("programs:release-list"))
    assert link not in page_text(client_as("mentor"), reverse("programs:release-list"))
