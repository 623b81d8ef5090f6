"""The printed program: read back from the PDF."""

import io
from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from ..models import Program
from ..pdf import program_context
from ..services.program import program_agree, program_move
from .factories import PlanItemFactory, program_with_plan

S = Program.Status


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def approved(world):
    program = program_with_plan(
        world.pairing, S.REVIEW, items=0, curator_agreed_at=None, council_agreed_at=None, goal="Освоить утренний круг"
    )
    PlanItemFactory(
        program=program,
        position=1,
        activity="Консультация «Режим дня в группе раннего возраста»",
        deadline=date(2026, 9, 30),
        responsible="Петрова С.И.",
        expected_result="Памятка по режиму дня",
        done_on=date(2026, 9, 28),
        done_note="Памятка в папке группы",
    )
    PlanItemFactory(program=program, position=2, activity="Взаимопосещение прогулки", deadline=date(2026, 11, 15))
    program_agree(program=program, on_behalf="curator", actor=world.users["curator"])
    program_agree(program=program, on_behalf="council", actor=world.users["council"])
    program_move(program=program, target=S.APPROVED, actor=world.users["head"])
    return program


def test_the_pdf_has_the_approval_block_participants_text_and_plan(world, client_as, approved):
    response = client_as("mentee").get(reverse("programs:program-pdf", args=[approved.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    text = text_of(response.content)
    for expected in (
        "УТВЕРЖДАЮ",
        "СОГЛАСОВАНО",
        "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА",
        "Е.И. Соколова",  # the head who approved
        "И.И. Морозова",  # the curator who agreed
        "Н.И. Волкова",  # the council member who agreed
        world.mentor.person.full_name,
        world.mentee.person.full_name,
        "Режимные моменты",
        "с 01.09.2026 по 31.05.2027",
        "индивидуальное",
        approved.difficulties,
        "Освоить утренний круг",
        "Консультация «Режим дня в группе раннего возраста»",
        "Памятка по режиму дня",
        "28.09.2026",
        "Памятка в папке группы",
        "Взаимопосещение прогулки",
        "15.11.2026",
        "Итоговая оценка",
    ):
        assert expected in text, expected
    assert "«___»" not in text.split("УТВЕРЖДАЮ")[1].split("ПЕРСОНАЛИЗИРОВАННАЯ")[0]


def test_a_draft_prints_blank_dates_for_the_signatures(world, client_as):
    program = program_with_plan(world.pairing, S.DRAFT, items=1, curator_agreed_at=None)
    text = text_of(client_as("curator").get(reverse("programs:program-pdf", args=[program.pk])).content)
    assert "УТВЕРЖДАЮ" in text and "«___» ____________ 20___ г." in text
    assert "Методическое объединение наставников" not in text


def test_a_group_program_lists_every_mentee(world, client_as):
    from mentorship.tests.factories import MenteeFactory

    second = MenteeFactory()
    world.pairing.mentees.add(second)
    program = program_with_plan(world.pairing, S.DRAFT, items=1)
    text = text_of(client_as("mentor").get(reverse("programs:program-pdf", args=[program.pk])).content)
    assert "Наставляемые" in text and "групповое" in text
    assert world.mentee.person.full_name in text and second.person.full_name in text


def test_experience_and_post_are_those_of_the_day_it_was_approved(world, client_as, approved):
    # The mentee started teaching on 01.09.2025: on the day of approval, 01.12.2025, three months.
    approved.approved_at = timezone.make_aware(datetime(2025, 12, 1, 10))
    approved.save(update_fields=["approved_at"])
    text = text_of(client_as("mentee").get(reverse("programs:program-pdf", args=[approved.pk])).content)
    assert "стаж 3 мес." in text
    assert f"стаж {world.mentee.person.teaching_experience}" not in text


def test_a_program_not_yet_approved_describes_the_pair_as_it_starts(world):
    program = program_with_plan(world.pairing, S.DRAFT, items=0)
    program.starts_on = date(2025, 10, 1)
    program.save(update_fields=["starts_on"])
    assert program_context(program)["mentees"][0]["experience"] == "1 мес."
