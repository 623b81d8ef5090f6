"""A program ends with its pair: early termination by order or a withdrawn proposal."""

from datetime import date

from core.workdays import notice_end_date
from mentorship.models import Pairing
from mentorship.services.pair_orders import pairing_terminate
from mentorship.services.pairs import pairing_move
from mentorship.tests.factories import registered

from ..models import Program
from .factories import program_with_plan

S = Program.Status


def test_early_termination_of_the_pair_ends_its_running_program(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    program = program_with_plan(world.pairing, S.RUNNING)
    head = world.users["head"]
    notice = date(2026, 11, 2)
    registered(
        pairing_terminate,
        pairing=world.pairing,
        initiator=Pairing.Initiator.MENTOR,
        reason="Наставник переходит на другую работу",
        notice_on=notice,
        ends_on=notice_end_date(notice),
        actor=head,
        order_date=notice,
        journal_reason="Уведомление и приказ от 02.11.2026, внесены позже",
    )
    program.refresh_from_db()
    assert program.status == S.TERMINATED
    assert program.termination_reason.startswith("Наставничество прекращено досрочно: Приказ № ")
    assert "Наставник переходит на другую работу" in program.termination_reason
    last = program.transitions.last()
    assert (last.source, last.target, last.actor) == (S.RUNNING, S.TERMINATED, head)


def test_a_closed_program_stays_as_it_was(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    program = program_with_plan(world.pairing, S.COMPLETED)
    notice = date(2026, 11, 2)
    registered(
        pairing_terminate,
        pairing=world.pairing,
        initiator=Pairing.Initiator.EMPLOYER,
        reason="Просьба наставляемой",
        notice_on=notice,
        ends_on=notice_end_date(notice),
        actor=world.users["head"],
        order_date=notice,
        journal_reason="Уведомление и приказ от 02.11.2026, внесены позже",
    )
    program.refresh_from_db()
    assert program.status == S.COMPLETED and program.termination_reason == ""


def test_withdrawing_a_returned_pair_ends_its_draft(world):
    world.pairing.status = Pairing.Status.RETURNED
    world.pairing.save()
    program = program_with_plan(world.pairing, S.DRAFT)
    pairing_move(
        pairing=world.pairing,
        target=Pairing.Status.CANCELLED,
        actor=world.users["curator"],
        comment="Наставляемая переведена в другую группу",
    )
    program.refresh_from_db()
    assert program.status == S.TERMINATED
    assert program.termination_reason == "Предложение пары отозвано: Наставляемая переведена в другую группу"


def test_other_moves_of_the_pair_leave_the_program_alone(world):
    world.pairing.status = Pairing.Status.ACTIVE
    world.pairing.save()
    program = program_with_plan(world.pairing, S.RUNNING)
    pairing_move(pairing=world.pairing, target=Pairing.Status.COMPLETED, actor=world.users["curator"])
    program.refresh_from_db()
    assert program.status == S.RUNNING
