"""Decisions about a program, told by notices (notices.decisions): its mentor and mentees when the
head approves it, its mentor when it is returned for rework with a comment."""

from notices.decisions import Told

from .models import Program


def program_decisions(program, source, target, comment) -> list[Told]:
    url = program.get_absolute_url()
    pairing = program.pairing
    if target == Program.Status.APPROVED:
        people = [pairing.mentor.person, *(mentee.person for mentee in pairing.mentees.all())]
        return [Told(person.user_id, f"Программа наставничества утверждена: {pairing.sides}", url) for person in people]
    if source == Program.Status.REVIEW and target == Program.Status.DRAFT:
        text = f"Программа {pairing.sides} возвращена на доработку с комментарием: «{comment}»"
        return [Told(pairing.mentor.person.user_id, text, url)]
    return []
