"""Reads of the council's meetings: the list with its counts, a meeting with everything its page and
its protocol print, the current composition and quorum, and a program's protocol."""

from django.db.models import Count, Prefetch, Q, QuerySet

from mentorship.models import CouncilMembership, Pairing
from mentorship.order_bases import OrderBasis
from people.roles import Role, person_of, roles_of

from .models import OUTCOME_ORDER_ACTIONS, AgendaItem, Appeal, Meeting, ProgramReview
from .roles import APPEAL_READERS, READERS, is_chair


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
    # Ordered here: a GROUP BY query does not take Meta.ordering (Django 3.1+), and the list paginates.
    return Meeting.objects.annotate(
        item_count=Count("items", distinct=True), attendee_count=Count("attendees", distinct=True)
    ).order_by("-date", "-pk")


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
        "program__pairing__mentor__person", "pairing__mentor__person", "appeal"
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


# --- mediation appeals ----------------------------------------------------------------------------


def _participant(person) -> Q:
    """The pairs `person` is a side of, as a condition on appeals."""
    return Q(pairing__in=Pairing.objects.filter(Q(mentor__person=person) | Q(mentees__person=person)).values("pk"))


def appeals_for(user) -> QuerySet:
    """The appeals `user` may open. By office: the curator and the chair all, another council member
    those the chair named them to and those heard at a meeting they attended. As a participant of the
    pair: their own, and the other side's only if its author agreed. A participant never reads an
    appeal about their own pair by office: the other side's trust is the point of mediation."""
    person = person_of(user)
    if person is None:
        return Appeal.objects.none()
    roles = roles_of(user)
    participant = _participant(person)
    scope = Q(author=person) | (participant & Q(shared_with_pair=True))
    if Role.CURATOR in roles or is_chair(user):
        scope |= ~participant
    elif Role.COUNCIL in roles:
        named = Q(members__person=person) | Q(agenda_items__meeting__attendees__person=person)
        scope |= Q(pk__in=Appeal.objects.filter(named).values("pk")) & ~participant
    return (
        Appeal.objects.filter(scope)
        .select_related("pairing__mentor__person", "author", "meeting", "order")
        .prefetch_related("pairing__mentees__person")
    )


def reads_appeals_by_office(user) -> bool:
    """The curator and the chair: the appeals list shows them every appeal, not only their own."""
    return Role.CURATOR in roles_of(user) or is_chair(user)


def appeal_page(user) -> QuerySet:
    """An appeal with the members named to it and the meetings that have it on the agenda."""
    members = CouncilMembership.objects.select_related("person")
    items = AgendaItem.objects.select_related("meeting").order_by("meeting__date", "pk")
    return appeals_for(user).prefetch_related(
        Prefetch("members", queryset=members), Prefetch("agenda_items", queryset=items)
    )


def open_appeals(user) -> QuerySet:
    """Appeals not heard yet that `user` reads by office: what the agenda may take up."""
    return appeals_for(user).filter(status=Appeal.Status.SUBMITTED)


def appeal_order_bases(pairing) -> list[OrderBasis]:
    """The council's decisions on `pairing` that wait for the head's order (mentorship.order_bases):
    replace the mentor or end the pair, with the appeal and the protocol as the order's basis. The
    head reads the decision here and in the protocol, not the appeal itself."""
    from .services import appeal_order_record

    waiting = Appeal.objects.filter(
        pairing=pairing, status=Appeal.Status.HEARD, outcome__in=list(OUTCOME_ORDER_ACTIONS), order__isnull=True
    ).select_related("meeting")
    bases = []
    for appeal in waiting:
        meeting = appeal.meeting
        protocol = f"протокол заседания МО от {meeting.date:%d.%m.%Y} № {meeting.number}"
        bases.append(
            OrderBasis(
                key=f"appeal:{appeal.pk}",
                action=OUTCOME_ORDER_ACTIONS[appeal.outcome],
                label=f"{appeal.title}, {protocol}: {appeal.get_outcome_display().lower()}.",
                preamble=f"решения методического объединения по {appeal.title_dative} ({protocol})",
                reason=appeal.decision,
                carried_out=lambda order, actor, appeal=appeal: appeal_order_record(
                    appeal=appeal, order=order, actor=actor
                ),
            )
        )
    return bases


def appeals_waiting_for_order() -> QuerySet:
    """Decisions to replace a mentor or end a pair that no order has carried out yet (the head's home)."""
    return (
        Appeal.objects.filter(status=Appeal.Status.HEARD, outcome__in=list(OUTCOME_ORDER_ACTIONS), order__isnull=True)
        .select_related("pairing__mentor__person", "meeting")
        .prefetch_related("pairing__mentees__person")
        .order_by("meeting__date", "pk")
    )


def appeals_home(request, person) -> dict | None:
    """On the home page: the curator and the chair see the appeals waiting for the council, a member
    the ones named to them, the head the council's decisions waiting for an order."""
    user = request.user
    roles = roles_of(user)
    context = {}
    if roles & {Role.CURATOR, Role.COUNCIL}:
        waiting = open_appeals(user)
        if not reads_appeals_by_office(user):
            waiting = waiting.filter(members__person=person)
        count = waiting.count()
        if count:
            context["open_appeals"] = count
    if Role.HEAD in roles:
        decisions = list(appeals_waiting_for_order())
        if decisions:
            context["decisions"] = decisions
    return context or None


def side_in(pairing, person) -> str | None:
    """Which side of the pair `person` is (an appeal's author writes as it), or None for someone else;
    reads the pair's mentees as prefetched."""
    if person is None:
        return None
    if pairing.mentor.person_id == person.pk:
        return Appeal.Side.MENTOR
    if any(mentee.person_id == person.pk for mentee in pairing.mentees.all()):
        return Appeal.Side.MENTEE
    return None


def pair_appeals(request, pairing) -> dict | None:
    """On the pair's page: its appeals the reader may open, and for a side of a running pair the way
    to write one."""
    person = person_of(request.user)
    if person is None:
        return None
    roles = roles_of(request.user)
    is_side = side_in(pairing, person) is not None
    can_write = is_side and pairing.status in Pairing.CURRENT_STATUSES and bool(roles & {Role.MENTOR, Role.MENTEE})
    appeals = list(appeals_for(request.user).filter(pairing=pairing).distinct()) if roles & APPEAL_READERS else []
    if not (appeals or can_write):
        return None
    return {"appeals": appeals, "can_write_appeal": can_write}
