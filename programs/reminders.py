"""What mentors, mentees and the curator are told about programs (notices.sources): a mentor's plan
items due soon or overdue, a mentee's logged activities to confirm, the curator's programs without a
plan. Each reads through the programs the user may open (programs_for)."""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count
from django.urls import reverse

from notices.sources import Item, Source, register, shorten
from people.roles import Role, person_of

from .models import PlanItem, Program
from .progress import awaiting_confirmation
from .selectors import programs_for


def plan_items_due(user, today: date) -> list[Item]:
    """Open plan items of the mentor's programs in work due within NOTICES_DUE_DAYS days, and overdue."""
    person = person_of(user)
    if person is None:
        return []
    programs = programs_for(user).filter(status__in=Program.IN_WORK_STATUSES, pairing__mentor__person=person)
    horizon = today + timedelta(days=settings.NOTICES_DUE_DAYS)
    items = []
    for plan_item in (
        PlanItem.objects.filter(program__in=programs.values("pk"), done_on__isnull=True, deadline__lte=horizon)
        .select_related("program")
        .order_by("deadline", "pk")
    ):
        activity = shorten(plan_item.activity)
        if plan_item.deadline < today:
            key, text = f"plan-overdue:{plan_item.pk}", f"Просрочен пункт плана (срок {plan_item.deadline:%d.%m.%Y})"
        else:
            key, text = (
                f"plan-due:{plan_item.pk}:{plan_item.deadline:%Y%m%d}",
                (f"Срок пункта плана — {plan_item.deadline:%d.%m.%Y}"),
            )
        items.append(
            Item(key=key, text=f"{text}: {activity}", url=plan_item.program.get_absolute_url(), kind="plan-items")
        )
    return items


def records_to_confirm(user, today: date) -> list[Item]:
    """The mentee's logged activities she has not confirmed yet (the home page's list)."""
    return [
        Item(
            key=f"record-confirm:{record.pk}",
            text=f"Подтвердите проведённое мероприятие от {record.done_on:%d.%m.%Y}: {shorten(record.description)}",
            url=reverse("programs:record-detail", args=[record.pk]),
            kind="records-to-confirm",
        )
        for record in awaiting_confirmation(user)
    ]


def programs_without_plan(user, today: date) -> list[Item]:
    """Programs not closed that have no plan item yet: the curator sees that a pair's work has not begun."""
    programs = (
        programs_for(user)
        .exclude(status__in=Program.CLOSED_STATUSES)
        .annotate(plan_size=Count("items"))
        .filter(plan_size=0)
        .order_by("starts_on", "pk")
    )
    return [
        Item(
            key=f"program-without-plan:{program.pk}",
            text=f"В программе нет плана: {program.pairing.sides}",
            url=program.get_absolute_url(),
            kind="programs-without-plan",
        )
        for program in programs
    ]


def register_sources() -> None:
    register(Source("plan-items", "Сроки пунктов плана", frozenset({Role.MENTOR}), plan_items_due, order=50))
    register(
        Source(
            "records-to-confirm",
            "Проведённые мероприятия, которые нужно подтвердить",
            frozenset({Role.MENTEE}),
            records_to_confirm,
            order=60,
        )
    )
    register(
        Source("programs-without-plan", "Программы без плана", frozenset({Role.CURATOR}), programs_without_plan, 40)
    )
