"""The demo kindergarten's council meetings, walked through the services like real ones: two meetings
of the current academic year with their protocols signed (№ 1 and № 2). The first adopts the council's
plan of work and hears the curator on the pairs; the second agrees the program under review (the student's
pair's), hears a mentor and a mentee's appeal about her pair (the mediation case: the council recommends
a weekly meeting hour) — so the program's «СОГЛАСОВАНО» names protocol № 2. A third meeting, in two
weeks, is scheduled with its first question on the agenda.

Idempotent: if any meeting exists, nothing is done. Call it after the programs.
"""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from council.models import AgendaItem, Appeal, AppealOutcome, Meeting, ProgramReview
from council.selectors import composition
from council.services import (
    agenda_item_save,
    appeal_members_assign,
    appeal_submit,
    meeting_schedule,
    meeting_sign,
    meeting_update,
    review_save,
    review_send,
    reviews_assign,
)
from mentorship.models import Pairing
from people.models import Person
from programs.models import Program

PLACE = "Методический кабинет"


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


def _meeting(*, day: date, chair_user, attendees, secretary, items) -> Meeting:
    meeting = meeting_schedule(date=day, place=PLACE, actor=chair_user).obj
    meeting_update(meeting=meeting, date=day, place=PLACE, secretary=secretary, attendees=attendees, actor=chair_user)
    for fields in items:
        agenda_item_save(item=AgendaItem(meeting=meeting, **fields), actor=chair_user)
    return meeting_sign(meeting=meeting, actor=chair_user).obj


@transaction.atomic
def load(today: date) -> int:
    """Hold and sign two meetings, schedule the next; return how many were made."""
    if Meeting.objects.exists():
        return 0
    members = list(composition())
    chair = next((member for member in members if member.is_chair), None)
    if chair is None or chair.person.user is None or len(members) < 3:
        return 0
    chair_user = chair.person.user
    secretary = next(member for member in members if not member.is_chair)
    start = date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    voters = len(members)

    _meeting(
        day=min(today, start + timedelta(days=4)),
        chair_user=chair_user,
        attendees=members,
        secretary=secretary,
        items=[
            {
                "kind": AgendaItem.Kind.LOCAL_ACT,
                "title": "О плане работы методического объединения наставников на учебный год",
                "heard": f"{chair.person.short_name}, председателя МО, о проекте плана работы на учебный год.",
                "spoke": "Члены МО предложили включить в план открытые занятия наставнических пар.",
                "decided": "Одобрить план работы МО с предложенным дополнением и представить его заведующему.",
                "votes_for": voters,
            },
            {
                "kind": AgendaItem.Kind.REPORT,
                "title": "О закреплении наставнических пар на учебный год",
                "heard": "Куратора наставничества о результатах актуализации банка наставляемых.",
                "decided": "Принять информацию к сведению; предложить пары по итогам диагностики затруднений.",
                "votes_for": voters,
            },
        ],
    )

    student = Program.objects.filter(status=Program.Status.REVIEW).select_related("pairing").order_by("pk").first()
    mentor = Person.objects.filter(personnel_number="004").first()
    second = [
        {
            "kind": AgendaItem.Kind.REPORT,
            "title": "О ходе реализации программ наставничества",
            "heard": f"{mentor.short_name if mentor else 'Наставника'} о ходе программы по режимным моментам.",
            "decided": "Принять информацию к сведению; провести открытое занятие пары в следующем месяце.",
            "votes_for": voters - 2,
            "votes_abstained": 1,
        }
    ]
    if student is not None:
        # The chair (the demo's «council» login) reviewed the program before the meeting heard it.
        review = reviews_assign(program=student, reviewers=[chair], actor=chair_user).obj[0]
        review_save(
            review=review,
            text=(
                "Программа составлена по результатам диагностики затруднений наставляемого. Цель и задачи "
                "согласованы между собой, мероприятия плана распределены по сроку программы равномерно. "
                "Рекомендую согласовать программу; в плане стоит предусмотреть открытое занятие наставляемого."
            ),
            actor=chair_user,
        )
        review_send(review=review, actor=chair_user)
        # Written in the days before the meeting that heard the program.
        reviewed_on = min(today, start + timedelta(days=40))
        ProgramReview.objects.filter(pk=review.pk).update(
            assigned_at=_at(reviewed_on - timedelta(days=5)), sent_at=_at(reviewed_on)
        )
    running = (
        Program.objects.filter(status__in=Program.IN_WORK_STATUSES)
        .exclude(pairing__mentor__person=chair.person)
        .order_by("pk")
        .first()
    )
    if running is not None:
        # … and has one to write: a draft on a running program.
        reviews_assign(program=running, reviewers=[chair], actor=chair_user)
    if student is not None:
        second.insert(
            0,
            {
                "kind": AgendaItem.Kind.PROGRAM,
                "title": "О согласовании персонализированной программы наставничества",
                "program": student,
                "heard": f"Куратора о программе наставничества {student.pairing.sides}.",
                "spoke": "Члены МО отметили соответствие программы затруднениям наставляемого.",
                "decided": "Согласовать персонализированную программу наставничества.",
                "votes_for": voters - 1,
                "agrees_program": True,
            },
        )
    pairing = Pairing.objects.filter(status=Pairing.Status.AWAITING_APPROVAL).order_by("pk").first()
    if pairing is not None:
        second.append(
            {
                "kind": AgendaItem.Kind.PAIRING,
                "title": "О предложении наставнической пары",
                "pairing": pairing,
                "heard": f"Председателя МО о предложении пары {pairing.sides}.",
                "decided": "Предложить пару заведующему к закреплению приказом.",
                "votes_for": voters - 1,
            }
        )
    second_day = min(today, start + timedelta(days=45))
    appeal = _appeal(second_day - timedelta(days=8), chair=chair, secretary=secretary, chair_user=chair_user)
    if appeal is not None:
        second.append(
            {
                "kind": AgendaItem.Kind.APPEAL,
                "title": "О рассмотрении обращения наставляемого",
                "appeal": appeal,
                "heard": "Куратора наставничества о содержании обращения и беседе со сторонами.",
                "spoke": "Члены МО предложили закрепить постоянное время встреч пары и сократить план на месяц.",
                "decided": "Рекомендовать наставнику и наставляемому еженедельную встречу по средам в 13:30; "
                "куратору — проверить выполнение рекомендации через месяц.",
                "votes_for": voters - 1,
                "appeal_outcome": AppealOutcome.RECOMMENDATIONS,
            }
        )
    _meeting(
        day=second_day,
        chair_user=chair_user,
        attendees=members[:-1],
        secretary=secretary,
        items=second,
    )
    upcoming = meeting_schedule(date=today + timedelta(days=14), place=PLACE, actor=chair_user).obj
    agenda_item_save(
        item=AgendaItem(
            meeting=upcoming,
            kind=AgendaItem.Kind.REPORT,
            title="О подготовке наставляемых к конкурсу профессионального мастерства",
        ),
        actor=chair_user,
    )
    return 3


def _appeal(day: date, *, chair, secretary, chair_user) -> Appeal | None:
    """A mentee's appeal about her running pair (not the chair's), written `day`, named to the secretary."""
    pairing = (
        Pairing.objects.filter(status__in=Pairing.CURRENT_STATUSES, mentees__person__user__isnull=False)
        .exclude(mentor__person__in=[chair.person_id, secretary.person_id])
        .order_by("pk")
        .first()
    )
    if pairing is None:
        return None
    author = pairing.mentees.exclude(person__user=None).order_by("pk").first().person
    appeal = appeal_submit(
        pairing=pairing,
        text=(
            "Встречи с наставником трижды переносились из-за замен в группах, и мы не успели разобрать "
            "планирование на ноябрь. Наставник не виноват, но я остаюсь без помощи в самое трудное время."
        ),
        wish="Помочь договориться о постоянном времени встреч.",
        actor=author.user,
    ).obj
    Appeal.objects.filter(pk=appeal.pk).update(created_at=_at(day))
    appeal.refresh_from_db()
    appeal_members_assign(appeal=appeal, members=[secretary], actor=chair_user)
    return appeal
