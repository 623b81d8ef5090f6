"""Reads of the council's meetings: the list with its counts, a meeting with everything its page and
its protocol print, the current composition and quorum, and a program's protocol."""

from django.db.models import Count, Prefetch, Q, QuerySet

from mentorship.models import CouncilMembership
from people.roles import Role, person_of, roles_of

from .models import AgendaItem, Meeting, ProgramReview
from .roles import READERS, is_chair


def composition() -> QuerySet:
    """The approved composition of the council, the chair first."""
    return CouncilMembership.objects.filter(status=CouncilMembership.Status.MEMBER).select_related("person__position")


def quorum_needed(members: int) -> int:
    """More than half of the composition: 5 members → 3, 4 members → 3."""
    return members // 2 + 1


def meetings_for(user) -> QuerySet:
    """The meetings the user may open, with the counts the list prints."""
    if not roles_of(user) & READERS:
        return Meeting.objects.none()
    return Meeting.objects.annotate(
        item_count=Count("items", distinct=True), attendee_count=Count("attendees", distinct=True)
    )


def sent_reviews_of_programs() -> Prefetch:
    """For agenda items: each program's sent reviews as `program.sent_reviews`, the reviewers named
    (the meeting page and the protocol list them under the item; drafts stay the reviewer's)."""
    sent = ProgramReview.objects.filter(status=ProgramReview.Status.SENT).select_related("reviewer__person")
    return Prefetch("program__council_reviews", queryset=sent, to_attr="sent_reviews")


def meeting_page(user) -> QuerySet:
    """A meeting with its agenda (programs and pairs named), attendees and secretary joined."""
    if not roles_of(user) & READERS:
        return Meeting.objects.none()
    items = AgendaItem.objects.select_related(
        "program__pairing__mentor__person", "pairing__mentor__person"
    ).prefetch_related(
        "program__pairing__mentees__person",
        "pairing__mentees__person",
        sent_reviews_of_programs(),
    )
    return Meeting.objects.select_related("secretary__person").prefetch_related(
        Prefetch("items", queryset=items),
        Prefetch("attendees", queryset=CouncilMembership.objects.select_related("person")),
    )


def protocol_of_program(program) -> Meeting | None:
    """The latest signed meeting whose decision agreed `program`."""
    return (
        Meeting.objects.filter(status=Meeting.Status.SIGNED, items__program=program, items__agrees_program=True)
        .order_by("-date", "-pk")
        .first()
    )


def program_protocol_basis(program) -> str | None:
    """«протокол заседания МО от 15.10.2026 № 2» for the program's «СОГЛАСОВАНО» (programs.agreement)."""
    meeting = protocol_of_program(program)
    if meeting is None:
        return None
    return f"протокол заседания МО от {meeting.date:%d.%m.%Y} № {meeting.number}"


def reviews_for(user) -> QuerySet:
    """Reviews the user may open: the curator, the head and the chair all of them; another member of
    the council the ones assigned to them and the sent ones (they go to the meeting)."""
    roles = roles_of(user)
    base = ProgramReview.objects.select_related(
        "program__pairing__mentor__person", "reviewer__person", "assigned_by"
    ).prefetch_related("program__pairing__mentees__person")
    if roles & {Role.HEAD, Role.CURATOR} or is_chair(user):
        return base
    person = person_of(user)
    if Role.COUNCIL not in roles or person is None:
        return base.none()
    return base.filter(Q(reviewer__person=person) | Q(status=ProgramReview.Status.SENT))


def program_reviews(request, program) -> dict | None:
    """The program's reviews on its page (the slot «programs.program.side»): the sent ones for every
    reader of the program, the reader's own assigned drafts, and the chair's link to assign reviewers."""
    person = person_of(request.user)
    reviews = list(program.council_reviews.select_related("reviewer__person"))
    sent = [review for review in reviews if review.is_sent]
    own = [review for review in reviews if not review.is_sent and person and review.reviewer.person_id == person.pk]
    can_assign = program.status not in program.CLOSED_STATUSES and is_chair(request.user)
    if not (sent or own or can_assign):
        return None
    return {"sent_reviews": sent, "own_drafts": own, "can_assign_reviewers": can_assign}


def council_program_scope(user) -> Q:
    """The programs a council member reads (programs.selectors.register_scope): those under their
    review, those on the agenda of a meeting still to be held (every member is called to it) or of a
    held one they attended, and those they wrote; the chair also those awaiting the council's
    agreement, to name their reviewers and put them on the agenda. Not the others: the mentee's consent
    promises the program only to the members who review it."""
    person = person_of(user)
    if person is None:
        return Q(pk__in=[])
    scope = (
        Q(council_reviews__reviewer__person=person)
        | Q(council_items__meeting__status=Meeting.Status.SCHEDULED)
        | Q(council_items__meeting__attendees__person=person)
        | Q(created_by=user)
    )
    if is_chair(user):
        scope |= Q(status="review")
    return scope
