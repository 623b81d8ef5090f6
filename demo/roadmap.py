"""The demo kindergarten's roadmap, walked through the services like a real one.

The current academic year's roadmap starts from the typical one: the curator sends it in late
August, the head returns it («add the mentors' seminar on ФОП ДО»), the curator adds the activity
and sends it again, the head approves it by order. Past activities are marked done — one of
them after its deadline — except two left overdue, so the red rows and the home-page list
have something to show. There is no roadmap for the next year: the curator makes it as a copy.

Idempotent: if the current year's roadmap exists, nothing is done. The demo calls it between the
pairs' orders of the year before and those of September, so that the journal runs in date order.
"""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.workdays import is_working_day
from demo.kindergarten import PAPER_ORDER
from people.models import Organization
from records.models import OrderJournal
from records.services import order_register
from roadmap.models import Activity, Roadmap, RoadmapTransition, academic_start_year
from roadmap.services import BASIS_TYPICAL, activity_mark, activity_save, roadmap_approve, roadmap_create, roadmap_move

# (stage, activity) of the typical roadmap → the curator's note when marking it done.
NOTES = {
    (1, 1): "Положение актуализировано, изменения утверждены приказом.",
    (1, 2): "Приказы изданы, сотрудники ознакомлены под подпись.",
    (2, 1): "Анкетирование проведено: 27 педагогов, наставник нужен четверым.",
    (2, 2): "Банк наставляемых актуализирован, письменные согласия получены.",
    (3, 1): "Банк наставников: 6 педагогов, письменные согласия получены.",
    (4, 3): "Консультация проведена, материалы — в методическом кабинете.",
    (5, 1): "Приказ о закреплении наставнических пар издан.",
    (6, 2): "Справка о ходе реализации программ рассмотрена на МО.",
}
# Left without a mark on purpose: they show up as overdue.
OVERDUE = {(4, 1), (5, 2)}
# Marked, but after the deadline.
LATE = {(5, 1)}

FOP_SEMINAR = {
    "text": "Консультация для наставников «Федеральная образовательная программа дошкольного образования: "
    "что учитывать в персонализированной программе»",
    "starts": (9, 20),
    "ends": (9, 30),
    "responsible": "Старший воспитатель, методическое объединение",
    "expected_result": "Наставники учитывают требования ФОП ДО в программах",
}


def _working_day_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@transaction.atomic
def load(*, curator: User, head: User, today: date | None = None) -> int:
    """Create the current year's roadmap of the demo kindergarten; return how many were added."""
    today = today or timezone.localdate()
    own = Organization.own()
    year = academic_start_year(today)
    if own is None or Roadmap.objects.filter(organization=own, start_year=year).exists():
        return 0

    # The order is dated in late August before the year starts, unless the journal has moved on
    # to a later calendar year already (the demo loaded in January–August): then it is today's.
    approved_on = _working_day_on_or_before(date(year, 8, 28))
    journal = OrderJournal.objects.filter(organization=own).first()
    if journal is not None and journal.year > approved_on.year:
        approved_on = today
    drafted_on = approved_on - timedelta(days=10)

    roadmap = roadmap_create(start_year=year, basis=BASIS_TYPICAL, actor=curator, today=today).obj
    roadmap_move(roadmap=roadmap, target=Roadmap.Status.AWAITING_APPROVAL, actor=curator, today=today)
    roadmap_move(
        roadmap=roadmap,
        target=Roadmap.Status.RETURNED,
        actor=head,
        comment="Добавьте консультацию для наставников по ФОП ДО до начала работы пар.",
    )
    stage = roadmap.stages.get(number=4)
    activity_save(
        activity=Activity(
            stage=stage,
            text=FOP_SEMINAR["text"],
            starts_on=date(year, *FOP_SEMINAR["starts"]),
            ends_on=date(year, *FOP_SEMINAR["ends"]),
            responsible=FOP_SEMINAR["responsible"],
            expected_result=FOP_SEMINAR["expected_result"],
        ),
        actor=curator,
    )
    roadmap_move(roadmap=roadmap, target=Roadmap.Status.AWAITING_APPROVAL, actor=curator, today=today)
    # The head approves (a project of the order) and registers it: the roadmap is approved then.
    order = roadmap_approve(roadmap=roadmap, actor=head, date=approved_on).obj
    order_register(order=order, actor=head, reason=PAPER_ORDER)

    # The log tells the story on its days, not on the day the demo was loaded.
    days = [drafted_on, drafted_on + timedelta(days=2), drafted_on + timedelta(days=5), drafted_on + timedelta(days=6)]
    steps = list(RoadmapTransition.objects.filter(roadmap=roadmap).order_by("at", "pk"))
    for step, day in zip(steps, [*days, approved_on], strict=True):
        step.at = _at(min(day, today), 10 + step.pk % 6)
        step.save(update_fields=["at"])

    for activity in Activity.objects.filter(stage__roadmap=roadmap, ends_on__lt=today).select_related("stage"):
        key = (activity.stage.number, activity.number)
        if key in OVERDUE:
            continue
        if key in LATE:
            done_on = activity.ends_on + timedelta(days=5)
        else:
            done_on = max(activity.ends_on - timedelta(days=3), activity.starts_on or activity.ends_on)
        activity_mark(
            activity=activity,
            done_on=min(done_on, today),
            note=NOTES.get(key, "Выполнено."),
            actor=curator,
            today=today,
        )
    return 1
