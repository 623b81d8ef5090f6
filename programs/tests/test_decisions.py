"""A program's decisions are told (notices.decisions): its mentor when it is returned for rework with
a comment, its mentor and mentees when the head approves it."""

from core.lifecycle import move
from notices.models import Notice

from ..models import Program
from ..services.program import program_move
from .factories import program_with_plan


def test_the_mentor_is_told_when_the_program_is_returned_with_a_comment(world):
    program = program_with_plan(world.pairing, Program.Status.REVIEW, items=1)
    program_move(program=program, target=Program.Status.DRAFT, actor=world.users["curator"], comment="Уточните сроки")
    [notice] = Notice.objects.all()
    assert notice.user == world.users["mentor"] and notice.url == program.get_absolute_url()
    assert notice.text.endswith("возвращена на доработку с комментарием: «Уточните сроки»")


def test_the_mentor_and_mentee_are_told_when_the_head_approves(world):
    program = program_with_plan(world.pairing, Program.Status.REVIEW, items=1)
    move(program, Program.Status.APPROVED, actor=world.users["head"], roles=None, checked=True)
    assert {notice.user.username for notice in Notice.objects.all()} == {"mentor", "mentee"}
