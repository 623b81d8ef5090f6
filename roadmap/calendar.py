"""The roadmap's activities in the calendar of those responsible for them (feeds.sources), read through
activities_for (the roadmap pages' selector: the head, the curator, the council, the system
administrator). «Ответственные» is written as text («Куратор, методическое объединение, заведующий»),
so an activity is the person's when it names one of their roles or their surname. Only an approved
roadmap: a draft is not yet a plan. One query."""

import re
from datetime import timedelta

from feeds.sources import Event
from people.roles import Role, person_of, roles_of

from .models import Roadmap
from .selectors import activities_for

# How «Ответственные» names each role: word starts (a short one, like «МО», the whole word). The head
# is «заведующий» in the standard plan; «руководитель» alone would also catch «руководитель МО».
ROLE_WORDS = {
    Role.HEAD: ("заведующ",),
    Role.CURATOR: ("куратор",),
    Role.COUNCIL: ("методическ", "мо"),
    Role.ADMIN: ("администратор",),
}
# Longer than this, an activity is a stretch of the year («в течение учебного года»): the calendar
# shows its deadline only, not a banner over every day.
LONGEST_SPAN = timedelta(days=31)


def is_responsible(responsible: str, *, roles, last_name: str) -> bool:
    """«Ответственные» names one of `roles` or the surname `last_name`."""
    words = re.findall(r"\w+", responsible.lower())
    stems = [stem for role in roles for stem in ROLE_WORDS.get(role, ())]
    if any(word == stem or (len(stem) > 3 and word.startswith(stem)) for word in words for stem in stems):
        return True
    return bool(last_name) and last_name.lower() in words


def activity_events(user) -> list[Event]:
    person = person_of(user)
    if person is None:
        return []
    roles = roles_of(user)
    activities = activities_for(user).filter(stage__roadmap__status=Roadmap.Status.APPROVED)
    events = []
    for activity in activities.order_by("ends_on", "pk"):
        if not is_responsible(activity.responsible, roles=roles, last_name=person.last_name):
            continue
        span = activity.starts_on is not None and activity.ends_on - activity.starts_on <= LONGEST_SPAN
        lines = [
            f"Дорожная карта, этап {activity.stage.number}: {activity.stage.title}",
            f"Срок: {activity.period}",
            f"Ответственные: {activity.responsible}",
            f"Ожидаемый результат: {activity.expected_result}",
        ]
        if activity.done_on:
            lines.append(f"Выполнено {activity.done_on:%d.%m.%Y}")
        events.append(
            Event(
                uid=f"roadmap-activity-{activity.pk}",
                summary=("Выполнено: " if activity.done_on else "Дорожная карта: ")
                + " ".join(activity.text.split())[:90],
                start=activity.starts_on if span else activity.ends_on,
                end=activity.ends_on,
                description="\n".join(lines),
                url=activity.stage.roadmap.get_absolute_url(),
                # An approved plan is frozen but for the execution mark: marking it is its last change.
                last_modified=activity.marked_at,
            )
        )
    return events
