"""What growth tells (notices.sources): the curator the records of professional growth waiting for her
confirmation, a person her own records returned with a comment — the home page's rule, by record."""

from datetime import date

from notices.sources import Item, Source, register
from people.roles import EVERYONE, person_of

from .models import GrowthRecord
from .roles import KEEPERS
from .selectors import awaiting_confirmation, own_records, records_for


def records_to_confirm(user, today: date) -> list[Item]:
    waiting = records_for(user).filter(pk__in=awaiting_confirmation().values("pk")).order_by("pk")
    return [
        Item(
            key=f"growth-confirm:{record.pk}",
            text=f"Подтвердите запись о профессиональном росте: {record.person.short_name} — {record}",
            url=record.get_absolute_url(),
            kind="growth-confirm",
        )
        for record in waiting
    ]


def records_returned(user, today: date) -> list[Item]:
    if person_of(user) is None:
        return []
    returned = own_records(user).filter(status=GrowthRecord.Status.RETURNED).order_by("pk")
    return [
        Item(
            key=f"growth-returned:{record.pk}",
            text=f"Куратор вернул запись о профессиональном росте с комментарием: {record}",
            url=record.get_absolute_url(),
            kind="growth-returned",
        )
        for record in returned
    ]


def register_sources() -> None:
    register(
        Source("growth-confirm", "Записи о профессиональном росте к подтверждению", KEEPERS, records_to_confirm, 42)
    )
    register(
        Source("growth-returned", "Записи о профессиональном росте, возвращённые вам", EVERYONE, records_returned, 85)
    )
