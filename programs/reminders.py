"""What mentors, mentees and the curator are told about programs (notices.sources): a mentor's plan
items due soon or overdue and the mentees' comments on their records, a mentee's logged activities to
confirm and the program's activities of tomorrow, the curator's programs without a plan and the
requests for release from duty waiting for the head. Each reads through the programs the user may
open (programs_for, releases_for)."""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count
from django.urls import reverse

from notices.selectors import stored
from notices.sources import Item, Source, register, shorten
from people.roles import Role, person_of

from .decisions import MENTEE_COMMENTS
from .models import PlanItem, Program, ReleaseRequest
from .progress import awaiting_confirmation, releases_for
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


def activities_tomorrow(user, today: date) -> list[Item]:
    """The mentee's day before: the open plan items of her programs in work due tomorrow — the meeting,
    the open lesson or the consultation she goes to with her mentor."""
    person = person_of(user)
    if person is None:
        return []
    tomorrow = today + timedelta(days=1)
    programs = programs_for(user).filter(status__in=Program.IN_WORK_STATUSES, pairing__mentees__person=person)
    plan_items = (
        PlanItem.objects.filter(program__in=programs.values("pk"), done_on__isnull=True, deadline=tomorrow)
        .select_related("program__pairing__mentor__person", "form")
        .order_by("position", "pk")
    )
    return [
        Item(
            key=f"plan-tomorrow:{plan_item.pk}:{tomorrow:%Y%m%d}",
            text=f"Завтра, {tomorrow:%d.%m.%Y}: {shorten(plan_item.activity)} ({plan_item.form}; наставник "
            f"{plan_item.program.pairing.mentor.person.short_name})",
            url=plan_item.program.get_absolute_url(),
            kind="plan-tomorrow",
        )
        for plan_item in plan_items
    ]


def releases_waiting(user, today: date) -> list[Item]:
    """Requests for release from duty not decided yet: the curator plans the day around the absence
    (the head decides them from the queue)."""
    waiting = releases_for(user).filter(status=ReleaseRequest.Status.REQUESTED).order_by("date", "pk")
    return [
        Item(
            key=f"release-requested:{release.pk}",
            text=f"Просьба об освобождении от работы {release.date:%d.%m.%Y}: {release.person.short_name} — "
            f"ждёт решения руководителя",
            url=reverse("programs:release-list"),
            kind="releases",
        )
        for release in waiting
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
        Source(MENTEE_COMMENTS, "Комментарии наставляемых", frozenset({Role.MENTOR}), stored(MENTEE_COMMENTS), order=55)
    )
    register(
        Source("plan-tomorrow", "Мероприятия программы на завтра", frozenset({Role.MENTEE}), activities_tomorrow, 65)
    )
    register(Source("releases", "Просьбы об освобождении от работы", frozenset({Role.CURATOR}), releases_waiting, 42))
    register(
        Source("programs-without-plan", "Программы без плана", frozenset({Role.CURATOR}), programs_without_plan, 40)
    )
