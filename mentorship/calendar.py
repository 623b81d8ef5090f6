"""The end of the person's own pairs in their calendar (feeds.sources), read through pairings_for (what
the pair pages show), narrowed to the pairs they are in: a curator's calendar is not every pair's."""

from django.db.models import Q

from feeds.sources import Event
from people.roles import person_of

from .models import Pairing
from .selectors import pairings_for

# A pair that will not reach its planned end: the end in the calendar is cancelled, not removed.
NOT_ENDING = (Pairing.Status.CANCELLED, Pairing.Status.TERMINATED)


def pairing_events(user) -> list[Event]:
    """One all-day entry a pair: its planned end (its actual end once it has ended). Two queries."""
    person = person_of(user)
    if person is None:
        return []
    own = Pairing.objects.filter(Q(mentor__person=person) | Q(mentees__person=person)).values("pk")
    pairings = pairings_for(user).filter(pk__in=own).prefetch_related(None).prefetch_related("mentees__person")
    events = []
    for pairing in pairings:
        status = pairing.get_status_display().lower()
        lines = [f"Пара (группа) с {pairing.starts_on:%d.%m.%Y}, направление: {pairing.direction}; {status}."]
        if pairing.ended_on:
            lines.append(f"Фактическое окончание: {pairing.ended_on:%d.%m.%Y}.")
        events.append(
            Event(
                uid=f"pair-end-{pairing.pk}",
                summary=f"Окончание наставничества: {pairing.sides}",
                start=pairing.planned_end_on
                if pairing.status in NOT_ENDING
                else pairing.ended_on or pairing.planned_end_on,
                description="\n".join(lines),
                url=pairing.get_absolute_url(),
                cancelled=pairing.status in NOT_ENDING,
            )
        )
    return events
