"""What a pair order prints about people: their facts as of the order's date, frozen once it is
registered, and nothing that tells a mentee's category or a disciplinary ground (the order is read
by every participant and the whole staff)."""

import io
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from mentorship.models import MenteeCategory, Pairing
from mentorship.order_kinds import pairs_table_docx
from mentorship.services.orders import PAIRING
from mentorship.services.pair_orders import pairing_replace_mentor, pairing_terminate
from mentorship.services.pairs import pairing_consent_record
from mentorship.tests.factories import (
    MenteeFactory,
    MentorFactory,
    PairingFactory,
    PersonFactory,
    mentee_consents,
    registered,
)
from mentorship.tests.test_orders import approve
from people.models import QualificationCategory
from records.services import draft_order, issuing_organization, order_pdf, order_update_draft

S = Pairing.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def stored_text(order) -> str:
    with order.pdf.open("rb") as handle:
        return text_of(handle.read())


def ready_pair(world, *, mentor, mentee):
    pairing = PairingFactory(
        mentor=mentor,
        mentees=[mentee],
        status=S.AWAITING_APPROVAL,
        starts_on=date(2025, 9, 1),
        planned_end_on=date(2026, 5, 31),
    )
    for person in (mentor.person, mentee.person):
        pairing_consent_record(pairing=pairing, person=person, given_on=date(2025, 8, 25), actor=world.users["curator"])
    return pairing


def dated(person, moment: date):
    """Date the card's latest history row as if it had been saved on `moment`."""
    row = person.history.filter(id=person.pk).latest("history_id")
    row.history_date = timezone.make_aware(datetime(moment.year, moment.month, moment.day, 12))
    row.save()


@pytest.fixture
def pair(world):
    mentor = MentorFactory(
        person=PersonFactory(
            last_name="Новикова",
            first_name="Ольга",
            middle_name="Владимировна",
            teaching_since=date(2015, 9, 1),
            qualification_category=QualificationCategory.FIRST,
            category_assigned_on=date(2020, 4, 1),
        )
    )
    dated(mentor.person, date(2020, 4, 1))
    mentee = MenteeFactory(
        person=PersonFactory(last_name="Зайцева", first_name="Алина", teaching_since=date(2023, 8, 1)),
        category=MenteeCategory.objects.get(name="Педагог с профессиональными затруднениями"),
    )
    return ready_pair(world, mentor=mentor, mentee=mentee)


def test_the_order_prints_experience_on_its_date_not_today(world, pair):
    # Today the mentor has 11 years of experience; on 01.09.2025, the order's date, she had 10.
    order = approve(world, [pair], date=date(2025, 9, 1))
    text = stored_text(order)
    assert "педстаж 10 лет" in text
    assert "11 лет" not in text
    assert order.table[0]["mentor_experience"] == "10 лет"


def test_a_category_assigned_after_the_order_is_not_in_it(world, pair):
    person = pair.mentor.person
    person.qualification_category, person.category_assigned_on = QualificationCategory.HIGHEST, date(2026, 3, 1)
    person.save()
    order = approve(world, [pair], date=date(2025, 9, 1))
    text = stored_text(order)
    assert "первая категория" in text
    assert "высшая" not in text


def test_a_registered_order_keeps_the_facts_it_was_registered_with(world, pair):
    order = approve(world, [pair], date=date(2025, 9, 1))
    rows, pdf = list(order.table), order.pdf.read()
    person = pair.mentor.person
    person.qualification_category, person.category_assigned_on = QualificationCategory.HIGHEST, date(2025, 1, 1)
    person.teaching_since = date(2000, 9, 1)
    person.save()
    order.refresh_from_db()
    assert order.table == rows
    assert order.pdf.read() == pdf


def test_a_project_follows_a_change_of_its_date(world, pair):
    own = issuing_organization()
    order = draft_order(
        own,
        kind=PAIRING,
        heading="О закреплении наставнических пар (групп)",
        preamble="В соответствии со статьёй 351.8 Трудового кодекса Российской Федерации",
        clauses=["Закрепить наставнические пары согласно таблице."],
        acquaintance=[],
        actor=world.users["head"],
        date=date(2025, 9, 1),
    )
    order.pairings.set([pair])
    order = order_update_draft(
        order=order,
        date=date(2026, 9, 1),
        heading=order.heading,
        preamble=order.preamble,
        clauses=order.clauses,
        actor=world.users["head"],
    )
    assert order.table[0]["mentor_experience"] == "11 лет"
    assert "педстаж 11 лет" in text_of(order_pdf(order, draft=True))


def test_no_mentee_category_in_the_order_nor_its_copy(world, pair):
    order = approve(world, [pair], date=date(2025, 9, 1))
    text = stored_text(order).lower()
    assert "зайцева алина" in text
    for category in MenteeCategory.objects.values_list("name", flat=True):
        assert category.lower() not in text
    assert "затруднени" not in text
    headers, cells, _ = pairs_table_docx(order.table)
    copy = " ".join([*headers, *(cell for row in cells for cell in row)]).lower()
    assert "затруднени" not in copy and "молодой специалист" not in copy


def test_an_early_end_names_the_notice_as_its_basis_not_the_reason(world):
    order = registered(
        pairing_terminate,
        pairing=world.pairing,
        initiator="mentor",
        reason="Наставник не справляется с нагрузкой",
        notice_on=date(2026, 11, 20),
        ends_on=date(2026, 11, 25),
        actor=world.users["head"],
    ).obj
    text = stored_text(order)
    assert "на основании письменного уведомления наставника Петровой С.И. от 20.11.2026" in text
    assert "решения работодателя" not in text
    assert "не справляется" not in text and "Причина" not in text
    world.pairing.refresh_from_db()
    assert world.pairing.termination_reason == "Наставник не справляется с нагрузкой"


def test_an_early_end_by_the_employer_names_the_decision_and_its_notice(world):
    order = registered(
        pairing_terminate,
        pairing=world.pairing,
        initiator="employer",
        reason="Просьба наставляемой",
        notice_on=date(2026, 11, 20),
        ends_on=date(2026, 11, 25),
        actor=world.users["head"],
    ).obj
    text = stored_text(order)
    assert (
        "на основании решения работодателя и его письменного уведомления от 20.11.2026, врученного наставнику "
        "Петровой С.И." in text
    )
    assert "Просьба" not in text and "уведомления наставника" not in text


@pytest.mark.parametrize("grounds", ["discipline", "incompatibility", "failure"])
def test_a_replacement_order_carries_no_ground_about_a_person(world, grounds):
    new = MentorFactory(person=PersonFactory(last_name="Белова", first_name="Людмила", middle_name="Ивановна"))
    order = registered(
        pairing_replace_mentor,
        pairing=world.pairing,
        new_mentor=new,
        grounds=grounds,
        details="выговор от 01.11.2026",
        initiator="employer",
        notice_on=date(2026, 11, 20),
        consent_on=date(2026, 11, 23),
        mentee_consents=mentee_consents(world.pairing, date(2026, 11, 24)),
        starts_on=date(2026, 12, 1),
        actor=world.users["head"],
    ).obj
    text = stored_text(order)
    assert (
        "на основании решения работодателя и его письменного уведомления от 20.11.2026, врученного наставнику "
        "Петровой С.И., письменного согласия нового наставника Беловой Л.И. от 23.11.2026 и письменного согласия "
        "наставляемой Ивановой А.И. от 24.11.2026"
    ) in text
    for word in ("дисциплинар", "несовместим", "неисполнени", "выговор", "В связи с"):
        assert word not in text
    assert "выговор" in world.pairing.transitions.last().comment


def test_the_agreement_names_the_post_held_on_the_orders_date(world, pair):
    from people.models import Position

    person = pair.mentor.person
    person.position, person.position_since = Position.objects.get(name="Старший воспитатель"), date(2026, 1, 12)
    person.save()
    agreement = approve(world, [pair], date=date(2025, 9, 1)).agreements.get()
    assert "Новикова Ольга Владимировна, воспитатель," in agreement.parties
    assert "старший" not in agreement.parties
    assert agreement.employee.endswith(", воспитатель")


def test_the_curator_order_names_the_post_held_on_its_date(world):
    from mentorship.services.orders import draft_curator_order
    from people.models import Position

    curator = world.users["curator"].person
    dated(curator, date(2025, 8, 1))
    curator.position, curator.position_since = Position.objects.get(name="Старший воспитатель"), date(2026, 2, 1)
    curator.save()
    order = draft_curator_order(actor=world.users["head"], date=date(2025, 9, 1))
    assert "заместителя заведующего Морозову" in order.clauses[0]


def _terminated(world):
    return registered(
        pairing_terminate,
        pairing=world.pairing,
        initiator="employer",
        reason="Педагог с профессиональными затруднениями просит другого наставника",
        notice_on=date(2026, 11, 20),
        ends_on=date(2026, 11, 25),
        actor=world.users["head"],
    ).obj


def _replaced(world):
    return registered(
        pairing_replace_mentor,
        pairing=world.pairing,
        new_mentor=MentorFactory(),
        grounds="request",
        details="молодой специалист просит сменить наставника",
        initiator="employer",
        notice_on=date(2026, 11, 20),
        consent_on=date(2026, 11, 23),
        mentee_consents=mentee_consents(world.pairing, date(2026, 11, 24)),
        starts_on=date(2026, 12, 1),
        actor=world.users["head"],
    ).obj


def _extended(world):
    from mentorship.services.pair_orders import pairing_extend

    return registered(
        pairing_extend,
        pairing=world.pairing,
        new_end_on=world.pairing.starts_on.replace(year=world.pairing.starts_on.year + 1) - timedelta(days=1),
        agreed_on=date(2026, 11, 20),
        actor=world.users["head"],
    ).obj


@pytest.mark.parametrize("write", [_terminated, _replaced, _extended])
def test_no_order_about_a_pair_tells_a_mentee_category(world, write):
    world.mentee.category = MenteeCategory.objects.get(name="Педагог с профессиональными затруднениями")
    world.mentee.save()
    text = stored_text(write(world)).lower()
    for category in MenteeCategory.objects.values_list("name", flat=True):
        assert category.lower() not in text
    assert "затруднени" not in text
