"""Reads of the council's meetings: the list with its counts, a meeting with everything its page and
its protocol print, the current composition and quorum, and a program's protocol."""

from django.db.models import Count, Prefetch, QuerySet

from mentorship.models import CouncilMembership
from people.roles import roles_of

from .models import AgendaItem, Meeting
from .roles import READERS


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


def meeting_page(user) -> QuerySet:
    """A meeting with its agenda (programs and pairs named), attendees and secretary joined."""
    if not roles_of(user) & READERS:
        return Meeting.objects.none()
    items = AgendaItem.objects.select_related(
        "program__pairing__mentor__person", "pairing__mentor__person"
    ).prefetch_related("program__pairing__mentees__person", "pairing__mentees__person")
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
