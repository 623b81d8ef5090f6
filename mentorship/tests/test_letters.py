"""The letters about a pair (mentorship.letters): the mentor's notice of giving up the duties early,
the employer's notice to the mentor, a mentee's application to replace the mentor or to end the pair
— their words from the records, their dates by ТК РФ ст. 60.2 (three working days), and who prints
which."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from conftest import ROLES, expect, page_text
from core.workdays import notice_end_date
from mentorship.letters import pair_letter
from mentorship.models import Pairing
from people.models import Organization
from records.models import Order


@pytest.fixture
def fixed(world):
    """The world's pair, fixed by order 3-ОД of 01.09.2026 and active."""
    Pairing.objects.filter(pk=world.pairing.pk).update(status=Pairing.Status.ACTIVE)
    world.pairing.refresh_from_db()
    order = Order.objects.create(
        organization=Organization.own(),
        kind="pairing",
        status=Order.Status.REGISTERED,
        date=date(2026, 9, 1),
        year=2026,
        number=3,
        number_text="3-ОД",
        heading="О закреплении наставнических пар (групп)",
        preamble="В соответствии с Положением о наставничестве",
        clauses=["Закрепить пары."],
        signer_position="Заведующий",
        signer_name="Е.В. Соколова",
        created_by=world.users["head"],
    )
    world.pairing.orders.add(order)
    return world.pairing


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_the_mentors_notice_names_the_order_the_mentee_and_the_earliest_last_day(world, fixed):
    # Notice on Tuesday 29.12.2026: the third working day after it falls past the January holidays.
    earliest = notice_end_date(date(2026, 12, 29))
    assert earliest >= date(2027, 1, 11)
    letter = pair_letter(fixed, world.person("mentor"), "mentor-notice", today=date(2026, 12, 29))
    text = " ".join(letter.paragraphs)
    assert letter.kind == "УВЕДОМЛЕНИЕ" and "отказе от выполнения обязанностей наставника" in letter.subject
    assert "наставляемой Ивановой Анны" in text and "приказом от 01.09.2026 №\u00a03-ОД" in text
    assert f"не ранее {earliest:%d.%m.%Y} при уведомлении 29.12.2026" in text
    assert text.startswith("В соответствии со статьями 60.2 и 351.8 Трудового кодекса")
    assert letter.to[-2].startswith("от Петровой Светланы")
    assert "Соколовой" in letter.to[2]


def test_a_notice_already_given_prints_its_dates(world, fixed):
    Pairing.objects.filter(pk=fixed.pk).update(
        status=Pairing.Status.TERMINATED, notice_on=date(2026, 11, 2), ended_on=date(2026, 11, 6)
    )
    fixed.refresh_from_db()
    letter = pair_letter(fixed, world.person("mentor"), "mentor-notice")
    assert letter.signed.left == "02.11.2026"
    assert "Последний день выполнения обязанностей наставника — 06.11.2026." in " ".join(letter.paragraphs)


def test_the_employers_notice_goes_to_the_mentor_with_an_acquaintance_line(world, fixed):
    letter = pair_letter(fixed, world.person("mentor"), "employer-notice", today=date(2026, 12, 1))
    assert letter.to[-1].endswith("Петровой")
    assert "уведомляем Вас о досрочной отмене поручения" in letter.paragraphs[0]
    assert letter.signed.left == "Заведующий" and letter.signed.name.endswith("Соколова")
    assert letter.parts[0].heading.startswith("С уведомлением ознакомлена, один экземпляр получила")


@pytest.mark.parametrize(
    ("slug", "words"),
    [("mentee-replace", "Прошу заменить наставника"), ("mentee-end", "Прошу досрочно прекратить наставничество")],
)
def test_a_mentees_application_names_her_mentor_and_no_difficulty(world, fixed, slug, words):
    world.mentee.difficulties = "Не справляется с дисциплиной в группе"
    letter = pair_letter(fixed, world.person("mentee"), slug)
    text = " ".join(letter.paragraphs)
    assert letter.kind == "ЗАЯВЛЕНИЕ" and words in text and "наставник — Петрова Светлана" in text
    assert "дисциплин" not in text  # the reason is hers to write, nothing from the bank is printed


def test_a_person_writes_only_the_letters_of_their_side(world, fixed):
    with pytest.raises(ValueError):
        pair_letter(fixed, world.person("mentee"), "mentor-notice")
    with pytest.raises(ValueError):
        pair_letter(fixed, world.person("mentor"), "mentee-end")
    with pytest.raises(ValueError):
        pair_letter(fixed, world.other_person, "mentee-end")


def test_pdf_and_docx_carry_the_same_words(world, fixed, client_as):
    client = client_as("curator")
    args = [fixed.pk, "mentor-notice", world.person("mentor").pk]
    pdf = client.get(reverse("mentorship:pairing-letter", args=args))
    docx = client.get(reverse("mentorship:pairing-letter-docx", args=args))
    assert pdf.status_code == docx.status_code == 200
    pdf_text = text_of(pdf.content)
    docx_text = " ".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    for words in ("УВЕДОМЛЕНИЕ", "о досрочном отказе от выполнения обязанностей наставника", "3-ОД"):
        assert words in pdf_text and words in docx_text


def url(world, pairing, slug, role):
    return reverse("mentorship:pairing-letter", args=[pairing.pk, slug, world.person(role).pk])


@pytest.mark.parametrize(
    ("slug", "writer", "matrix"),
    [
        ("mentor-notice", "mentor", expect({"head", "curator", "council", "admin", "mentor"}, not_found={"mentee"})),
        ("employer-notice", "mentor", expect({"head", "curator", "council", "admin"}, not_found={"mentor", "mentee"})),
        ("mentee-replace", "mentee", expect({"head", "curator", "council", "admin", "mentee"}, not_found={"mentor"})),
        ("mentee-end", "mentee", expect({"head", "curator", "council", "admin", "mentee"}, not_found={"mentor"})),
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_who_prints_which_letter(world, fixed, client_as, slug, writer, matrix, role):
    assert client_as(role).get(url(world, fixed, slug, writer)).status_code == matrix[role]


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_another_pairs_letters_are_not_found(world, client_as, role):
    other = Pairing.objects.exclude(pk=world.pairing.pk).get()
    Pairing.objects.filter(pk=other.pk).update(status=Pairing.Status.ACTIVE)
    mentor_person = other.mentor.person
    response = client_as(role).get(
        reverse("mentorship:pairing-letter", args=[other.pk, "mentor-notice", mentor_person.pk])
    )
    assert response.status_code == 404


def test_an_unknown_letter_is_not_found(world, fixed, client_as):
    response = client_as("head").get(
        reverse("mentorship:pairing-letter", args=[fixed.pk, "x", world.person("mentor").pk])
    )
    assert response.status_code == 404


def test_the_pair_page_offers_each_reader_their_letters(world, fixed, client_as):
    page = reverse("mentorship:pairing-detail", args=[fixed.pk])
    for_curator = page_text(client_as("curator"), page)
    assert url(world, fixed, "employer-notice", "mentor") in for_curator
    assert url(world, fixed, "mentee-end", "mentee") in for_curator
    for_mentor = page_text(client_as("mentor"), page)
    assert url(world, fixed, "mentor-notice", "mentor") in for_mentor
    assert url(world, fixed, "employer-notice", "mentor") not in for_mentor
    assert url(world, fixed, "mentee-end", "mentee") not in for_mentor


def test_a_proposed_pair_has_no_letters(world, client_as):
    Pairing.objects.filter(pk=world.pairing.pk).update(status=Pairing.Status.PROPOSED)
    page = page_text(client_as("curator"), reverse("mentorship:pairing-detail", args=[world.pairing.pk]))
    assert f"/pairs/{world.pairing.pk}/letters/" not in page


def test_a_partners_mentor_gets_no_labour_law_notice(world, fixed):
    from mentorship.tests.factories import PartnerFactory

    person = world.person("mentor")
    person.organization = PartnerFactory()
    person.save()
    with pytest.raises(ValueError):
        pair_letter(fixed, person, "mentor-notice")
    assert pair_letter(fixed, world.person("mentee"), "mentee-end").kind == "ЗАЯВЛЕНИЕ"


def test_the_pair_page_lists_no_partners_mentor_without_letters(world, fixed, client_as):
    """A partner's mentor writes none of these letters: the list names only those who have some."""
    from mentorship.tests.factories import PartnerFactory

    mentor = world.person("mentor")
    mentor.organization = PartnerFactory()
    mentor.save()
    page = page_text(client_as("curator"), reverse("mentorship:pairing-detail", args=[fixed.pk]))
    assert f"<li>{mentor.short_name}: </li>" not in page
    assert f"<li>{world.person('mentee').short_name}: " in page
