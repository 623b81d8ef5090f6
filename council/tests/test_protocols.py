"""Protocols: numbered within the academic year (1 September – 31 August) with no gaps or doubles,
frozen once signed, their PDF read back, and the program's agreement naming the protocol."""

import io
import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import User
from council.models import AgendaItem, Meeting, ProtocolCounter, academic_year
from council.services import agenda_item_save, meeting_sign, meeting_update, protocol_pdf
from programs.models import Program
from programs.tests.factories import program_with_plan

from .conftest import MEETING_DAY, held_meeting


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.mark.parametrize(
    ("day", "year"),
    [(date(2026, 9, 1), 2026), (date(2026, 12, 31), 2026), (date(2027, 8, 31), 2026), (date(2026, 8, 31), 2025)],
)
def test_academic_year_starts_on_the_first_of_september(day, year):
    assert academic_year(day) == year


def test_two_signings_in_a_row_get_consecutive_numbers(world, member, chair):
    first, second = held_meeting(world, [chair, member]), held_meeting(world, [chair, member])
    meeting_sign(meeting=first, actor=world.users["council"])
    meeting_sign(meeting=second, actor=world.users["curator"])
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert ProtocolCounter.objects.get(academic_year=2026).next_number == 3


def test_a_new_academic_year_starts_from_one(world, member, chair):
    august = held_meeting(world, [chair, member], day=date(2026, 8, 27))
    september = held_meeting(world, [chair, member], day=date(2026, 9, 3))
    october = held_meeting(world, [chair, member], day=date(2026, 10, 1))
    for meeting in (august, september, october):
        meeting_sign(meeting=meeting, actor=world.users["council"])
    numbers = {m.date: (m.academic_year, m.number) for m in Meeting.objects.all()}
    assert numbers == {
        date(2026, 8, 27): (2025, 1),
        date(2026, 9, 3): (2026, 1),
        date(2026, 10, 1): (2026, 2),
    }


def test_a_refused_signing_takes_no_number(world, member, chair):
    undecided = held_meeting(world, [chair, member], decided="")
    with pytest.raises(ValidationError, match="Не записано решение"):
        meeting_sign(meeting=undecided, actor=world.users["council"])
    decided = held_meeting(world, [chair, member])
    meeting_sign(meeting=decided, actor=world.users["council"])
    decided.refresh_from_db()
    assert decided.number == 1


def test_a_meeting_yet_to_come_is_not_signed(world, member, chair):
    ahead = held_meeting(world, [chair, member], day=date(2099, 1, 10))
    with pytest.raises(ValidationError, match="ещё не прошло"):
        meeting_sign(meeting=ahead, actor=world.users["council"])


def test_a_signed_protocol_cannot_be_edited(world, meeting, member, chair):
    meeting_sign(meeting=meeting, actor=world.users["council"])
    meeting.refresh_from_db()
    with pytest.raises(ValidationError, match="уже подписан"):
        meeting_update(
            meeting=meeting,
            date=MEETING_DAY,
            place="Другое",
            secretary=member,
            attendees=[chair],
            actor=world.users["curator"],
        )
    item = meeting.items.get()
    item.decided = "Иное решение"
    with pytest.raises(ValidationError, match="уже подписан"):
        agenda_item_save(item=item, actor=world.users["curator"])
    with pytest.raises(ValidationError, match="уже подписан"):
        meeting_sign(meeting=meeting, actor=world.users["curator"])
    meeting.refresh_from_db()
    assert meeting.place == "Методический кабинет" and meeting.items.get().decided == "Согласовать программу"


def test_two_protocols_never_share_a_number(world, member, chair):
    held_meeting(world, [chair, member]).__class__.objects.update(academic_year=2026, number=1)
    other = held_meeting(world, [chair, member])
    other.academic_year, other.number = 2026, 1
    with pytest.raises(IntegrityError), transaction.atomic():
        other.save()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serializes writers; the race needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_signings_never_share_a_number(world, member, chair):
    meetings = [held_meeting(world, [chair, member]) for _ in range(6)]
    barrier = threading.Barrier(len(meetings))
    errors = []

    def sign(meeting):
        try:
            barrier.wait()
            meeting_sign(meeting=meeting, actor=world.users["curator"])
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign, args=(meeting,)) for meeting in meetings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(Meeting.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]


def test_protocol_pdf_reads_as_the_records_office_layout(world, meeting, program):
    AgendaItem.objects.create(
        meeting=meeting,
        position=2,
        title="Отчёт куратора о первом полугодии",
        heard="Морозову И. об итогах полугодия",
        spoke="Волкова Н. предложила провести открытые занятия",
        decided="Принять отчёт к сведению",
        votes_for=2,
    )
    meeting_sign(meeting=meeting, actor=world.users["council"])
    meeting.refresh_from_db()
    text = text_of(meeting.pdf.read())
    for words in (
        "П Р О Т О К О Л № 1",  # the document type is set spaced, as the order's «ПРИКАЗ»
        "заседания методического объединения",
        "15.10.2026",
        "Присутствовали: 2 из 2",
        "кворум имеется",
        "Повестка дня",
        "Слушали: Петрову С.И. о программе наставничества",
        "Выступили: Волкова Н. предложила провести открытые занятия",
        "Решили: Принять отчёт к сведению",
        "«за» — 2",
        "Председатель",
        "Секретарь",
    ):
        assert words in text, words


def test_program_pdf_names_the_protocol_under_the_council_stamp(client_as, world, meeting, program):
    meeting_sign(meeting=meeting, actor=world.users["council"])
    response = client_as("curator").get(reverse("programs:program-pdf", args=[program.pk]))
    text = text_of(response.content)
    assert "Методическое объединение наставников протокол заседания МО от 15.10.2026 № 1" in text


def test_a_program_agreed_before_the_meeting_keeps_its_stamp(world, meeting, program):
    from django.utils import timezone

    earlier = timezone.now().replace(year=2026, month=10, day=1)
    program.council_agreed_at = earlier
    program.save()
    meeting_sign(meeting=meeting, actor=world.users["council"])
    program.refresh_from_db()
    assert program.council_agreed_at == earlier


def test_more_votes_than_attendees_is_refused(world, meeting):
    meeting.items.update(votes_for=3)  # two attended
    with pytest.raises(ValidationError, match="Голосов больше, чем присутствовавших"):
        meeting_sign(meeting=meeting, actor=world.users["council"])


def _reviewed(world, program, reviewers, text):
    """`program` reviewed by the members named; the first sends hers, the others keep drafts."""
    from council.services import review_save, review_send, reviews_assign

    reviews = reviews_assign(program=program, reviewers=reviewers, actor=world.users["council"]).obj
    for review in reviews:
        author = User.objects.get(person__council_memberships=review.reviewer)
        review_save(review=review, text=f"{text} ({review.reviewer.person.last_name})", actor=author)
    first = reviews[0]
    review_send(review=first, actor=User.objects.get(person__council_memberships=first.reviewer))
    return reviews


def test_protocol_prints_the_sent_reviews_under_the_programs_item(world, meeting, program, member, chair):
    _reviewed(world, program, [member, chair], "Программа реалистична")
    other = program_with_plan(world.pairing, Program.Status.REVIEW, items=0, council_agreed_at=None)
    AgendaItem.objects.create(
        meeting=meeting, position=2, kind=AgendaItem.Kind.PROGRAM, title="О второй программе", program=other
    )
    text = text_of(protocol_pdf(meeting, draft=True))
    items = text.split("Повестка дня:", 1)[1]
    first, second = items.split("1. О согласовании программы наставничества Слушали:")[1].split("2. О второй программе")
    assert (
        "Рецензия: Орлова М.И. Программа реалистична (Орлова) Решили:" in first
        and "Программа реалистична (Орлова)" in first
    )
    # The chair's review is still a draft: the meeting does not hear it.
    assert "Волкова" not in first and "(Волкова)" not in text
    assert "Слушали: — Рецензий нет. Решили:" in second and "Рецензия:" not in second


def test_protocol_reviews_cost_the_same_queries_for_any_number_of_items(world, meeting, program, member, chair):
    _reviewed(world, program, [member], "Отзыв")

    def queries() -> int:
        # Rendered, so that what the template reads is counted too.
        with CaptureQueriesContext(connection) as context:
            protocol_pdf(meeting, draft=True)
        return len(context)

    before = queries()
    for position in (2, 3, 4):
        other = program_with_plan(world.pairing, Program.Status.REVIEW, items=0, council_agreed_at=None)
        _reviewed(world, other, [member, chair], "Отзыв")
        AgendaItem.objects.create(meeting=meeting, position=position, kind="program", title="Ещё", program=other)
    assert queries() == before
