"""The cooperation agreement with a partner written from the template (mentorship.cooperation): the
parties and who signs for each, no money between them, personal data, the term to the end of the
academic year; PDF and DOCX; for those who record cooperation agreements."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from conftest import ROLES, expect, page_text
from mentorship.cooperation import cooperation_context
from people.models import Organization
from people.tests.factories import PartnerFactory


@pytest.fixture
def partner(world):
    return PartnerFactory(full_name="ГАПОУ «Педагогический колледж № 1»", short_name="Колледж № 1", inn="")


def test_the_draft_names_the_parties_and_leaves_lines_for_what_is_not_recorded(world, partner):
    context = cooperation_context(partner, today=date(2026, 11, 30))
    own = Organization.own()
    assert context["number"] == "______" and context["date"] == "«___» ____________ 2026 г."
    parties = context["parties"]
    assert parties.startswith(f"{own.full_name} (далее — Организация) в лице заведующего Соколовой Елены")
    assert "действующей на основании Устава" in parties
    assert "ГАПОУ «Педагогический колледж № 1» (далее — Партнёр) в лице ____________" in parties
    text = " ".join(clause for _, clauses in context["sections"] for clause in clauses)
    assert "Договор безвозмездный" in text and "доплата за наставничество Организацией не устанавливается" in text
    assert "152-ФЗ" in text and "по 31.08.2027" in text
    (_, own_lines, own_post, own_name), (_, partner_lines, partner_post, partner_name) = context["sides"]
    assert own_lines[0] == own.full_name and own_post == "Заведующий" and own_name.endswith("Соколова")
    assert "ИНН: ____________" in partner_lines
    assert "Сайт: ____________" in partner_lines
    assert partner_post == "Руководитель" and partner_name == "____________"


def test_in_september_the_term_runs_to_the_end_of_that_academic_year(world, partner):
    text = " ".join(c for _, cs in cooperation_context(partner, today=date(2027, 9, 2))["sections"] for c in cs)
    assert "по 31.08.2028" in text


def test_with_ourselves_there_is_no_cooperation_agreement(world):
    with pytest.raises(ValueError):
        cooperation_context(Organization.own(), today=date(2026, 11, 30))


def test_pdf_and_docx_carry_the_same_text(world, partner, client_as):
    client = client_as("curator")
    pdf = client.get(reverse("mentorship:cooperation-draft", args=[partner.pk]))
    docx = client.get(reverse("mentorship:cooperation-draft-docx", args=[partner.pk]))
    assert pdf.status_code == docx.status_code == 200
    pdf_text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split())
    docx_text = " ".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    for words in ("ДОГОВОР", "о сетевом взаимодействии и сотрудничестве", "1. Предмет договора", "Реквизиты"):
        assert words in pdf_text and words in docx_text


MATRIX = expect({"head", "curator"})


@pytest.mark.parametrize("role", ROLES)
def test_who_prints_the_draft(world, partner, client_as, role):
    assert client_as(role).get(reverse("mentorship:cooperation-draft", args=[partner.pk])).status_code == MATRIX[role]


def test_our_own_organization_has_no_draft(world, client_as):
    own = Organization.own()
    assert client_as("head").get(reverse("mentorship:cooperation-draft", args=[own.pk])).status_code == 404


def test_the_organizations_list_offers_it_to_those_who_record_agreements(world, partner, client_as):
    link = reverse("mentorship:cooperation-draft", args=[partner.pk])
    assert link in page_text(client_as("curator"), reverse("people:organization-list"))
    assert link not in page_text(client_as("council"), reverse("people:organization-list"))


def test_the_requisites_print_each_sides_website(world, partner, client_as):
    own = Organization.own()
    own.website = "https://ds-lastochka.ru"
    own.save()
    partner.website = "https://pk1.example.ru"
    partner.save()
    pdf = client_as("curator").get(reverse("mentorship:cooperation-draft", args=[partner.pk]))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split())
    assert "Сайт: https://ds-lastochka.ru" in text and "Сайт: https://pk1.example.ru" in text
