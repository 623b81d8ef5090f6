"""What the council's members and the curator are told: appeals waiting for the council (by their
title only — an appeal's text stays on its page), the next meeting, and the reviews to write."""

from datetime import date

from notices.sources import Item, Source, register
from people.roles import Role, person_of

from .models import Meeting, ProgramReview
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


def register_sources() -> None:
    register(
        Source("appeals", "Обращения, ждущие МО", frozenset({Role.CURATOR, Role.COUNCIL}), appeals_waiting, order=45)
    )
    register(Source("council-meetings", "Заседания МО", frozenset({Role.COUNCIL}), next_meeting, order=90))
    register(Source("reviews", "Рецензии на программы", frozenset({Role.COUNCIL}), reviews_to_write, order=95))
