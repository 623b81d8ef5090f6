"""What the council's members and the curator are told: appeals waiting for the council (by their
title only — an appeal's text stays on its page), the next meeting, the programs to read before it,
the reviews to write, and the chair's programs waiting for the council with nothing done yet."""

from datetime import date

from django.db.models import Exists, OuterRef

from notices.sources import Item, Source, register
from people.roles import Role, person_of
from programs.models import Program
from programs.selectors import programs_for

from .models import AgendaItem, Meeting, ProgramReview
from .roles import is_chair
from .selectors import meetings_for, open_appeals, reads_appeals_by_office, reviews_for


def appeals_waiting(user, today: date) -> list[Item]:
    """The home page's rule: the curator and the chair see every appeal not heard yet, another member
    the ones named to them."""
    waiting = open_appeals(user)
    if not reads_appeals_by_office(user):
        waiting = waiting.filter(members__person=person_of(user))
    return [
        Item(
            key=f"appeal-open:{appeal.pk}",
            text=f"Ждёт рассмотрения МО: {appeal.title}",
            url=appeal.get_absolute_url(),
            kind="appeals",
        )
        for appeal in waiting.distinct().order_by("pk")
    ]


def next_meeting(user, today: date) -> list[Item]:
    meeting = meetings_for(user).filter(status=Meeting.Status.SCHEDULED, date__gte=today).order_by("date", "pk").first()
    if meeting is None:
        return []
    return [
        Item(
            key=f"meeting:{meeting.pk}:{meeting.date:%Y%m%d}",
            text=f"Заседание МО {meeting.date:%d.%m.%Y}, {meeting.place}",
            url=meeting.get_absolute_url(),
            kind="council-meetings",
        )
    ]


def reviews_to_write(user, today: date) -> list[Item]:
    person = person_of(user)
    if person is None:
        return []
    drafts = reviews_for(user).filter(status=ProgramReview.Status.DRAFT, reviewer__person=person)
    return [
        Item(
            key=f"review:{review.pk}",
            text=f"Напишите рецензию на программу: {review.program.pairing.sides}",
            url=review.get_absolute_url(),
            kind="reviews",
        )
        for review in drafts.order_by("pk")
    ]


def programs_to_review(user, today: date) -> list[Item]:
    """Every member: the programs on the agenda of the meetings to come, to read before the vote. The
    chair also: programs awaiting the council with no reviewer named and on no agenda yet."""
    readable = programs_for(user).values("pk")
    agenda = (
        AgendaItem.objects.filter(
            kind=AgendaItem.Kind.PROGRAM,
            program__in=readable,
            meeting__status=Meeting.Status.SCHEDULED,
            meeting__date__gte=today,
        )
        .select_related("meeting", "program__pairing__mentor__person")
        .prefetch_related("program__pairing__mentees__person")
        .order_by("meeting__date", "position", "pk")
    )
    items = [
        Item(
            key=f"agenda-program:{item.pk}:{item.meeting.date:%Y%m%d}",
            text=f"К заседанию МО {item.meeting.date:%d.%m.%Y} — программа на согласование: "
            f"{item.program.pairing.sides}",
            url=item.program.get_absolute_url(),
            kind="programs-to-review",
        )
        for item in agenda
    ]
    if is_chair(user):
        untouched = (
            Program.objects.filter(pk__in=readable, status=Program.Status.REVIEW, council_agreed_at__isnull=True)
            .exclude(Exists(ProgramReview.objects.filter(program=OuterRef("pk"))))
            .exclude(
                Exists(AgendaItem.objects.filter(program=OuterRef("pk"), meeting__status=Meeting.Status.SCHEDULED))
            )
            .select_related("pairing__mentor__person")
            .prefetch_related("pairing__mentees__person")
            .order_by("pk")
        )
        items += [
            Item(
                key=f"program-awaits-council:{program.pk}",
                text=f"Программа ждёт МО: {program.pairing.sides} — назначьте рецензентов или внесите в повестку",
                url=program.get_absolute_url(),
                kind="programs-to-review",
            )
            for program in untouched
        ]
    return items


def register_sources() -> None:
    register(
        Source("appeals", "Обращения, ждущие МО", frozenset({Role.CURATOR, Role.COUNCIL}), appeals_waiting, order=45)
    )
    register(Source("council-meetings", "Заседания МО", frozenset({Role.COUNCIL}), next_meeting, order=90))
    register(
        Source("programs-to-review", "Программы к согласованию МО", frozenset({Role.COUNCIL}), programs_to_review, 92)
    )
    register(Source("reviews", "Рецензии на программы", frozenset({Role.COUNCIL}), reviews_to_write, order=95))
