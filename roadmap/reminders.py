"""The curator is told of roadmap activities past their end date without an execution mark."""

from datetime import date

from notices.sources import Item, Source, register, shorten

from .roles import DRAFTERS
from .selectors import overdue_activities


def overdue(user, today: date) -> list[Item]:
    return [
        Item(
            key=f"roadmap-overdue:{activity.pk}",
            text=f"Просрочено мероприятие дорожной карты (срок {activity.ends_on:%d.%m.%Y}): {shorten(activity.text)}",
            url=activity.stage.roadmap.get_absolute_url(),
            kind="roadmap-overdue",
        )
        for activity in overdue_activities(today)
    ]


def register_sources() -> None:
    register(Source("roadmap-overdue", "Просроченные мероприятия дорожной карты", DRAFTERS, overdue, order=35))
