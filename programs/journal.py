"""The mentor's journal of a pair or group for a period (журнал наставника), as PDF and DOCX: every
logged activity of the pair's programs and every one-off meeting of its mentor with its mentees in the
period, in date order — for a kindergarten that also keeps the journal on paper.

Who reads it: the head and the curator any pair's (they oversee the whole log, roles.LOG_OVERSEERS);
the pair's mentor and mentees their own pair's. A mentee's journal holds the one-off meetings she took
part in only: a situational meeting with one member of a group is that member's business. The council
and the system administrator do not read it (they do not read the log nor the meetings).

The log records no hours, so the journal has no hours column; a plan item's number is printed among
the marks when the record answers one.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from core.dates import academic_year_start
from core.declension import Case
from core.docx import DocxDocument
from core.pdf import render_pdf
from mentorship.models import Pairing
from mentorship.selectors import scoped
from people.models import Organization, Person
from people.roles import Role, person_of, roles_of
from records.wording import initials_and_surname, position_phrase

from .models import ActivityRecord, Meeting
from .roles import LOG_OVERSEERS

TEMPLATE = "programs/pdf/journal.html"
JOURNAL_ROLES = LOG_OVERSEERS | {Role.MENTOR, Role.MENTEE}
HEADERS = ("№ п/п", "Дата", "Вид и форма", "Содержание (тема)", "Результат", "Отметки")


@dataclass
class JournalEntry:
    day: date
    kind: str
    form: str
    content: str
    result: str
    marks: list[str] = field(default_factory=list)


def journal_pairings_for(user) -> QuerySet:
    """The pairs whose journal the user may read, with what the journal's heading prints."""
    base = Pairing.objects.select_related("mentor__person__position", "mentor__person__organization", "direction")
    base = base.prefetch_related("mentees__person__position", "mentees__person__organization", "programs")
    return scoped(
        base,
        user,
        as_mentor=lambda person: Q(mentor__person=person),
        as_mentee=lambda person: Q(mentees__person=person),
        distinct=True,
        readers=LOG_OVERSEERS,
    )


def may_read_journal(user, pairing: Pairing) -> bool:
    """The same rule as journal_pairings_for, on a pair already read with its mentees (no query):
    whether the pair's page offers the journal."""
    roles = roles_of(user)
    if roles & LOG_OVERSEERS:
        return True
    person = person_of(user)
    if person is None:
        return False
    if Role.MENTOR in roles and pairing.mentor.person_id == person.pk:
        return True
    return Role.MENTEE in roles and any(mentee.person_id == person.pk for mentee in pairing.mentees.all())


def only_meetings_of(user, pairing: Pairing) -> Person | None:
    """Whose meetings a reader's journal is narrowed to: a mentee who neither oversees the log nor
    mentors the pair reads only the meetings she took part in."""
    roles = roles_of(user)
    person = person_of(user)
    if roles & LOG_OVERSEERS or person is None:
        return None
    if Role.MENTOR in roles and pairing.mentor.person_id == person.pk:
        return None
    return person


def default_period(pairing: Pairing, *, today: date | None = None) -> tuple[date, date]:
    """The term of the pair's programs (first start to last end), else the academic year of today."""
    programs = list(pairing.programs.all())
    if programs:
        return min(p.starts_on for p in programs), max(p.ends_on for p in programs)
    start = academic_year_start(today or timezone.localdate())
    return start, date(start.year + 1, 8, 31)


def journal_entries(
    pairing: Pairing, first: date, last: date, *, only_with: Person | None = None
) -> list[JournalEntry]:
    """Activities and one-off meetings of `pairing` from `first` to `last`, by date — two queries for
    the activities (with their plan items' forms) and two for the meetings, however many rows."""
    records = (
        ActivityRecord.objects.filter(program__pairing=pairing, done_on__range=(first, last))
        .select_related("item__form", "confirmed_by")
        .order_by("done_on", "logged_at", "pk")
    )
    mentee_people = [mentee.person_id for mentee in pairing.mentees.all()]
    meetings = Meeting.objects.filter(
        mentor_id=pairing.mentor_id, held_on__range=(first, last), participants__in=mentee_people
    )
    if only_with is not None:
        meetings = meetings.filter(participants=only_with)
    meetings = (
        Meeting.objects.filter(pk__in=meetings.values("pk"))
        .select_related("form")
        .prefetch_related("participants")
        .order_by("held_on", "logged_at", "pk")
    )
    entries = [_record_entry(record) for record in records]
    entries += [_meeting_entry(meeting) for meeting in meetings]
    entries.sort(key=lambda entry: entry.day)
    return entries


def _record_entry(record: ActivityRecord) -> JournalEntry:
    marks = []
    if record.item is not None:
        marks.append(f"пункт плана № {record.item.position}")
    if record.confirmed_at:
        who = initials_and_surname(record.confirmed_by, Case.NOMINATIVE) if record.confirmed_by else ""
        marks.append(f"подтверждено {who} {timezone.localdate(record.confirmed_at):%d.%m.%Y}".replace("  ", " "))
    else:
        marks.append("не подтверждено наставляемым")
    if record.mentee_comment:
        marks.append(f"комментарий наставляемого: {record.mentee_comment}")
    return JournalEntry(
        day=record.done_on,
        kind="Мероприятие программы",
        form=str(record.item.form) if record.item is not None else "",
        content=record.description,
        result=record.result,
        marks=marks,
    )


def _meeting_entry(meeting: Meeting) -> JournalEntry:
    people = sorted(meeting.participants.all(), key=lambda p: (p.last_name, p.first_name))
    return JournalEntry(
        day=meeting.held_on,
        kind="Разовая встреча",
        form=str(meeting.form),
        content=meeting.topic,
        result=meeting.result,
        marks=["участники: " + ", ".join(initials_and_surname(p, Case.NOMINATIVE) for p in people)],
    )


def journal_title(pairing: Pairing, first: date, last: date) -> str:
    """The name the journal is saved under."""
    return f"Журнал наставника {pairing.mentor.person.short_name} с {first:%d.%m.%Y} по {last:%d.%m.%Y}"


def journal_context(pairing: Pairing, first: date, last: date, *, only_with: Person | None = None) -> dict:
    own = Organization.own()
    mentor = pairing.mentor.person
    mentees = sorted((m.person for m in pairing.mentees.all()), key=lambda p: (p.last_name, p.first_name))
    entries = journal_entries(pairing, first, last, only_with=only_with)
    programs = sorted(pairing.programs.all(), key=lambda p: p.starts_on)
    return {
        "organization": own,
        "pairing": pairing,
        "first": first,
        "last": last,
        "title": "ЖУРНАЛ НАСТАВНИКА",
        "period": f"с {first:%d.%m.%Y} по {last:%d.%m.%Y}",
        "fields": [
            ("Наставник", f"{mentor.full_name}, {position_phrase(mentor, own, Case.NOMINATIVE)}"),
            (
                "Наставляемые" if len(mentees) > 1 else "Наставляемый",
                "; ".join(f"{p.full_name}, {position_phrase(p, own, Case.NOMINATIVE)}" for p in mentees),
            ),
            ("Направление", str(pairing.direction)),
            ("Срок наставничества", f"с {pairing.starts_on:%d.%m.%Y} по {pairing.planned_end_on:%d.%m.%Y}"),
            (
                "Программа наставничества",
                "; ".join(f"с {p.starts_on:%d.%m.%Y} по {p.ends_on:%d.%m.%Y}" for p in programs) or "не составлена",
            ),
        ],
        "entries": entries,
        "summary": _summary(entries),
        "mentor_signature": initials_and_surname(mentor, Case.NOMINATIVE),
    }


def _summary(entries: list[JournalEntry]) -> str:
    if not entries:
        return "За период записей нет."
    activities = sum(1 for entry in entries if entry.kind == "Мероприятие программы")
    meetings = len(entries) - activities
    return f"Всего записей: {len(entries)}, из них мероприятий программы: {activities}, разовых встреч: {meetings}."


def journal_pdf(pairing: Pairing, first: date, last: date, *, only_with: Person | None = None) -> bytes:
    return render_pdf(TEMPLATE, journal_context(pairing, first, last, only_with=only_with))


def journal_docx(pairing: Pairing, first: date, last: date, *, only_with: Person | None = None) -> bytes:
    context = journal_context(pairing, first, last, only_with=only_with)
    doc = DocxDocument(size=12, line_spacing=1.0, landscape=True, draft_mark="")
    section = doc.document.sections[0]
    section.right_margin = section.top_margin  # 20 mm
    if context["organization"]:
        doc.paragraph(context["organization"].full_name, align="center", bold=True, indent=False, space_after=8)
    doc.paragraph(context["title"], align="center", bold=True, indent=False)
    doc.paragraph(f"за период {context['period']}", align="center", bold=True, indent=False, space_after=8)
    doc.fields(context["fields"], size=11)
    doc.paragraph(space_after=6, indent=False)
    doc.table(
        HEADERS,
        [
            (
                str(number),
                f"{entry.day:%d.%m.%Y}",
                f"{entry.kind}\n{entry.form}" if entry.form else entry.kind,
                entry.content,
                entry.result,
                "\n".join(entry.marks),
            )
            for number, entry in enumerate(context["entries"], start=1)
        ],
        widths=(12, 22, 38, 70, 55, 50),
        size=10,
    )
    doc.paragraph(context["summary"], indent=False, space_before=6, space_after=12)
    doc.signature("Наставник", context["mentor_signature"], hint=True)
    return doc.to_bytes()


def pair_journal(request, pairing) -> dict | None:
    """The journal's link on the pair's page (the slot «mentorship.pairing.side»), for its readers."""
    if not may_read_journal(request.user, pairing):
        return None
    return {"journal_pairing": pairing}
