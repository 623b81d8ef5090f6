"""What programs tell people once, stored by notices (notices.decisions): its mentor and mentees
when the head approves a program, its mentor when it is returned for rework with a comment, and the
mentor when a mentee comments on a logged activity."""

from django.urls import reverse

from notices.decisions import Told, tell

from .models import ActivityRecord, Program

MENTEE_COMMENTS = "mentee-comments"  # the kind of the stored notices of a mentee's comment


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


def mentee_commented(record: ActivityRecord, mentee, *, actor) -> None:
    """Tell the mentor that a mentee commented on their record. The words say whose comment on which
    day's record, not the comment itself: a mentee's difficulties stay on the record's page."""
    text = f"Комментарий наставляемого ({mentee.short_name}) к мероприятию от {record.done_on:%d.%m.%Y}"
    url = reverse("programs:record-detail", args=[record.pk])
    tell([Told(record.program.pairing.mentor.person.user_id, text, url)], actor=actor, kind=MENTEE_COMMENTS)
