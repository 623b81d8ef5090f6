"""Programs' entries in the person's calendar (feeds.sources): the deadlines of the plans of the
programs they run as mentor or mentee, the programs' end dates, the activities logged in them and the
mentor's one-off meetings. Everything is read through the selectors the pages use (programs_for,
records_for, meetings_for), narrowed to the person's own programs: the curator's or the head's calendar
is not every plan of the kindergarten. Five queries whatever the number of programs and rows."""

from django.db.models import Q
from django.urls import reverse

from feeds.sources import Event
from people.roles import person_of

from .models import Program
from .progress import meetings_for, records_for
from .selectors import programs_for

# A plan in the calendar is a plan in force: approved, in work or closed (a draft still changes).
SHOWN_STATUSES = (Program.Status.APPROVED, *Program.IN_WORK_STATUSES, *Program.CLOSED_STATUSES)


def _short(text: str, length: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def program_events(user) -> list[Event]:
    person = person_of(user)
    if person is None:
        return []
    own = Program.objects.filter(Q(pairing__mentor__person=person) | Q(pairing__mentees__person=person))
    programs = list(
        programs_for(user).filter(pk__in=own.values("pk"), status__in=SHOWN_STATUSES).prefetch_related("items__form")
    )
    events = []
    for program in programs:
        sides = program.pairing.sides
        terminated = program.status == Program.Status.TERMINATED
        url = program.get_absolute_url()
        for item in program.items.all():
            lines = [f"Программа наставничества: {sides}", f"Форма: {item.form}", f"Ответственный: {item.responsible}"]
            lines.append(f"Ожидаемый результат: {item.expected_result}")
            if item.done_on:
                lines.append(f"Выполнено {item.done_on:%d.%m.%Y}" + (f": {item.done_note}" if item.done_note else ""))
            elif terminated:
                lines.append("Программа прекращена: пункт не выполняется.")
            events.append(
                Event(
                    uid=f"plan-item-{item.pk}",
                    summary=("Выполнено: " if item.done_on else "Срок: ") + _short(item.activity),
                    start=item.deadline,
                    description="\n".join(lines),
                    url=url,
                    # What was done stays done; what remained of a terminated program will not happen.
                    cancelled=terminated and item.done_on is None,
                )
            )
        events.append(
            Event(
                uid=f"program-end-{program.pk}",
                summary=f"Окончание программы наставничества: {sides}",
                start=program.ends_on,
                description=f"Программа с {program.starts_on:%d.%m.%Y} по {program.ends_on:%d.%m.%Y}; "
                f"состояние: {program.get_status_display().lower()}.",
                url=url,
                cancelled=terminated,
            )
        )
    by_pk = {program.pk: program for program in programs}
    for record in records_for(user).filter(program__in=list(by_pk)):
        events.append(
            Event(
                uid=f"activity-record-{record.pk}",
                summary="Проведено: " + _short(record.description),
                start=record.done_on,
                description="\n".join(
                    line
                    for line in (
                        f"Программа наставничества: {by_pk[record.program_id].pairing.sides}",
                        f"Результат: {record.result}" if record.result else "",
                        "Подтверждено наставляемым" if record.confirmed_at else "Ждёт подтверждения наставляемым",
                    )
                    if line
                ),
                url=by_pk[record.program_id].get_absolute_url(),
            )
        )
    for meeting in meetings_for(user).filter(mentor__person=person):
        events.append(
            Event(
                uid=f"meeting-{meeting.pk}",
                summary=f"Разовая встреча: {meeting.form}",
                start=meeting.held_on,
                description="\n".join(
                    line
                    for line in (
                        f"Вопрос, тема: {meeting.topic}",
                        "С кем: " + ", ".join(p.short_name for p in meeting.participants.all()),
                        f"Результат: {meeting.result}" if meeting.result else "",
                    )
                    if line
                ),
                url=reverse("programs:meeting-list"),
            )
        )
    return events
