"""Rewarding mentors end to end: the curator proposes, the head approves from the queue, the order
«О поощрении наставников» is registered, a confirmed reward record naming the order is written for
each mentor, and the letters print (the PDF read back with pypdf, the DOCX with python-docx); query
counts of the list pages pinned."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from conftest import ROLES, expect, saved_as
from core.docx import DOCX_CONTENT_TYPE, DRAFT_MARK
from core.text import nested_quotes
from growth.documents import dative_full_name
from growth.models import GrowthRecord, Kind, Level, RewardKind, RewardProposal
from growth.services import record_save, reward_proposal_approve, reward_proposal_create
from mentorship.models import CuratorAppointment
from mentorship.tests.factories import MentorFactory, PersonFactory
from programs.tests.factories import ProgramFactory
from records.models import Order
from records.services import order_pdf, order_register


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_proposal_waits_in_the_queue_and_the_head_approves_it_by_order(growth, world, client_as):
    second = MentorFactory(person=PersonFactory(last_name="Лебедева", first_name="Марина", middle_name="Юрьевна"))
    program = ProgramFactory(pairing=world.pairing, status="completed")
    proposal = reward_proposal_create(
        proposal=RewardProposal(
            reward_kind=RewardKind.CERTIFICATE, reason="За успешную реализацию программы наставничества"
        ),
        mentors=[world.mentor, second],
        programs=[program],
        actor=world.users["curator"],
    ).obj
    head = client_as("head")
    queue = head.get(reverse("mentorship:approval-queue")).content.decode()
    assert "Поощрение наставников" in queue and f"proposal-{proposal.pk}" in queue

    response = head.post(
        reverse("growth:proposal-approve", args=[proposal.pk]), {"next": "/bank/queue/", "confirmed": "1"}
    )
    # A project first: the head is led to it; nothing is rewarded until he registers it.
    proposal.refresh_from_db()
    order = proposal.order
    assert response.status_code == 302 and response["Location"] == order.get_absolute_url()
    assert order.is_draft and order.number is None and proposal.status == RewardProposal.Status.PROPOSED
    assert not GrowthRecord.objects.filter(order=order).exists()
    queue = head.get(reverse("mentorship:approval-queue")).content.decode()
    assert "ожидает регистрации приказа" in queue and order.get_absolute_url() in queue
    page = head.get(order.get_absolute_url()).content.decode()
    assert "ПРОЕКТ приказа" in page and "Править текст" in page and "Зарегистрировать" in page
    again = head.post(reverse("growth:proposal-approve", args=[proposal.pk]), {"confirmed": "1"}, follow=True)
    assert "Проект приказа о поощрении уже подготовлен" in again.content.decode()
    assert Order.objects.filter(kind="rewards").count() == 1
    head.post(reverse("records:order-register", args=[order.pk]))
    proposal.refresh_from_db()
    order.refresh_from_db()
    assert proposal.status == RewardProposal.Status.APPROVED
    assert order.kind == "rewards" and order.status == Order.Status.REGISTERED and order.number_text
    assert order.heading == "О поощрении наставников"
    assert [row["mentor"] for row in order.table] == [second.person.full_name, world.mentor.person.full_name]
    assert "почётная грамота" in order.table[0]["reward"]
    assert "порядком поощрения наставников" in order.preamble  # the rule in force is the basis
    # The mentors rewarded and the curator the order charges with its control.
    curator = CuratorAppointment.objects.get(ended_on__isnull=True).person
    assert set(order.acquaintance) == {second.person.full_name, world.mentor.person.full_name, curator.full_name}
    assert "наставникам согласно приложению к настоящему приказу" in order.clauses[0]

    rewards = GrowthRecord.objects.filter(order=order)
    assert {record.person_id for record in rewards} == {world.mentor.person_id, second.person_id}
    assert all(r.kind == Kind.REWARD and r.status == GrowthRecord.Status.CONFIRMED for r in rewards)
    assert rewards.get(person=world.mentor.person).program == program  # the program it came from
    assert rewards.get(person=second.person).program is None
    assert f"№ {order.number_text}" in rewards.first().document_number

    text = pdf_text(order_pdf(order))
    assert "О поощрении наставников" in text and "Лебедева Марина Юрьевна" in text

    letters = client_as("curator").get(reverse("growth:proposal-letters", args=[proposal.pk]))
    assert letters.status_code == 200 and letters["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(letters.content))
    assert len(reader.pages) == 2  # one A4 page a mentor
    text = pdf_text(letters.content)
    assert text.count("ПОЧЁТНАЯ ГРАМОТА") == 2 or text.count("ПОЧЁТНАЯ") == 2
    assert "Лебедевой Марине Юрьевне" in text
    assert dative_full_name(world.mentor.person) in text
    assert "за успешную реализацию программы наставничества" in text
    assert f"№ {order.number_text}" in text
    # The reward is the mentor's achievement now; an order's reward is not edited by hand.
    mentor_page = client_as("mentor").get(reverse("growth:my")).content.decode()
    assert "Почётная грамота" in mentor_page
    assert client_as("curator").get(reverse("growth:record-update", args=[rewards.first().pk])).status_code == 404


def test_the_head_returns_with_a_comment_and_the_curator_sends_again(growth, client_as):
    proposal = growth.proposal
    client_as("head").post(reverse("growth:proposal-move", args=[proposal.pk]), {"comment": "", "confirmed": "1"})
    proposal.refresh_from_db()
    assert proposal.status == RewardProposal.Status.PROPOSED  # no comment, nothing happens
    client_as("head").post(
        reverse("growth:proposal-move", args=[proposal.pk]), {"comment": "Добавьте программу", "confirmed": "1"}
    )
    proposal.refresh_from_db()
    assert proposal.status == RewardProposal.Status.RETURNED and proposal.return_comment == "Добавьте программу"
    assert "Добавьте программу" in client_as("curator").get(reverse("growth:rewards")).content.decode()
    client_as("curator").post(reverse("growth:proposal-move", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == RewardProposal.Status.PROPOSED


def test_a_bonus_is_ordered_with_its_amount_and_prints_no_letters(world, client_as):
    proposal = reward_proposal_create(
        proposal=RewardProposal(reward_kind=RewardKind.BONUS, amount=5000, reason="За конкурс"),
        mentors=[world.mentor],
        programs=[],
        actor=world.users["curator"],
    ).obj
    client_as("head").post(reverse("growth:proposal-approve", args=[proposal.pk]), {"confirmed": "1"})
    proposal.refresh_from_db()
    assert proposal.order.table[0]["reward"] == "премия в размере 5\u00a0000 ₽"
    order_register(order=proposal.order, actor=world.users["head"])
    response = client_as("head").get(reverse("growth:proposal-letters", args=[proposal.pk]))
    assert response.status_code == 302


def _many_records(world, n: int) -> None:
    curator = world.users["curator"]
    for i in range(n):
        person = PersonFactory()
        record_save(
            record=GrowthRecord(
                person=person, kind=Kind.CONTEST, title=f"Конкурс {i}", level=Level.REGIONAL, date=date(2025, 3, 1)
            ),
            actor=curator,
        )
        record_save(
            record=GrowthRecord(
                person=world.mentor.person,
                kind=Kind.OPEN_EVENT,
                title=f"Показ {i}",
                level=Level.KINDERGARTEN,
                date=date(2025, 3, 2),
                program=ProgramFactory(pairing=world.pairing) if i == 0 else None,
            ),
            actor=curator,
        )
        reward_proposal_create(
            proposal=RewardProposal(reward_kind=RewardKind.GRATITUDE, reason=f"Основание {i}"),
            mentors=[world.mentor, MentorFactory()],
            programs=[],
            actor=curator,
        )


# Queries of each page (session, user, roles, the page's own reads, prefetches): pinned, and the same
# with 3× the rows. The head's queue gathers every app's sections, so only its growth is checked.
PINNED = [
    # +2: the program's pair is named by both sides (its mentees and their people, one prefetch each)
    ("curator", "growth:record-list", 7),
    ("mentor", "growth:record-list", 7),
    ("mentor", "growth:my", 7),
    ("head", "growth:rewards", 9),
    ("head", "mentorship:approval-queue", None),
]


@pytest.mark.parametrize(("role", "url", "pinned"), PINNED)
def test_query_counts_are_pinned_and_do_not_grow_with_the_rows(growth, world, client_as, role, url, pinned):
    client = client_as(role)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(url)).status_code == 200
        return len(queries)

    _many_records(world, 2)
    few = count()
    _many_records(world, 6)
    assert count() == few, url
    if pinned is not None:
        assert few == pinned, url


@pytest.fixture
def certificates(world):
    """A почётная грамота to two mentors, approved by order."""
    second = MentorFactory(person=PersonFactory(last_name="Лебедева", first_name="Марина", middle_name="Юрьевна"))
    proposal = reward_proposal_create(
        proposal=RewardProposal(
            reward_kind=RewardKind.CERTIFICATE, reason="За успешную реализацию программы наставничества."
        ),
        mentors=[world.mentor, second],
        programs=[],
        actor=world.users["curator"],
    ).obj
    # Dated in the past: registered with the head's reason (records.journal).
    order = reward_proposal_approve(proposal=proposal, actor=world.users["head"], date=date(2026, 5, 25)).obj
    order_register(order=order, actor=world.users["head"], reason="Подписан 25.05.2026")
    proposal.refresh_from_db()
    return proposal


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", ["growth:proposal-letters", "growth:proposal-letters-docx"])
def test_the_letters_print_as_pdf_and_docx_for_the_same_readers(certificates, client_as, role, url_name):
    response = client_as(role).get(reverse(url_name, args=[certificates.pk]))
    assert response.status_code == expect({"head", "curator"})[role], role
    if response.status_code == 200:
        assert response["Cache-Control"] == "private, no-store"


def test_the_docx_letters_have_the_pdfs_text_one_page_a_mentor(certificates, world, client_as):
    response = client_as("head").get(reverse("growth:proposal-letters-docx", args=[certificates.pk]))
    assert response.status_code == 200 and response["Content-Type"] == DOCX_CONTENT_TYPE
    order = certificates.order
    assert response["Content-Disposition"].startswith("attachment;")
    assert saved_as(response) == f"Поощрение по приказу {order.number_text} от {order.date:%d.%m.%Y}.docx"
    document = Document(io.BytesIO(response.content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    text = "\n".join(paragraphs)
    # One letter a mentor, each from the top of a new page, in the order's order (by surname).
    starts = [p for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert len(starts) == 1 and starts[0].text == document.paragraphs[0].text == nested_quotes(
        order.organization.full_name.upper()
    )
    assert text.count("ПОЧЁТНАЯ ГРАМОТА") == 2 and text.count("вручается") == 2
    names = [name for name in paragraphs if name in ("Лебедевой Марине Юрьевне", dative_full_name(world.mentor.person))]
    assert names == ["Лебедевой Марине Юрьевне", dative_full_name(world.mentor.person)]
    assert text.count("за успешную реализацию программы наставничества") == 2
    assert text.count(f"Приказ от 25.05.2026 № {order.number_text} «О поощрении наставников»") == 2
    assert "25 мая 2026 г." in text
    # The head's signature under each letter; no draft mark: a letter is what is signed.
    signatures = [cell.text for table in document.tables for cell in table.rows[0].cells]
    assert signatures.count(order.signer_name) == 2 and order.signer_name
    assert DRAFT_MARK not in text and not "".join(p.text for p in document.sections[0].header.paragraphs)
    # The same words as the PDF.
    pdf = pdf_text(client_as("head").get(reverse("growth:proposal-letters", args=[certificates.pk])).content)
    for line in ("Лебедевой Марине Юрьевне", "за успешную реализацию программы наставничества", order.signer_name):
        assert line in pdf


def test_the_rewards_page_links_the_docx_next_to_the_pdf(certificates, growth, client_as):
    page = client_as("curator").get(reverse("growth:rewards")).content.decode()
    assert reverse("growth:proposal-letters", args=[certificates.pk]) in page
    assert reverse("growth:proposal-letters-docx", args=[certificates.pk]) in page
    assert reverse("growth:proposal-letters-docx", args=[growth.proposal.pk]) not in page  # waits: no letters
