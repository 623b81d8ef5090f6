"""The register of mentoring pairs and groups on a date (реестр наставнических пар и групп), as PDF and
DOCX: every pair or group under order that works on the date, with its mentor, mentees, forms,
direction, term, the orders that fixed or changed it and the mentor's additional agreement.

The register prints the requisites of the agreement (number and date), never its pay terms: the
pay is the employee's personal data (mentorship.roles.PAY_READERS), the register is read wider.
"""

from datetime import date, timedelta

from django.utils import timezone

from core.declension import Case
from core.docx import DocxDocument
from core.pdf import render_pdf
from people.models import Organization
from records.wording import position_phrase

from .documents import BLANK_NUMBER
from .models import Mentor, Pairing
from .selectors import pairings_in_force_for_register

TEMPLATE = "mentorship/pdf/register.html"
HEADERS = (
    "№ п/п",
    "Наставник (ФИО, должность)",
    "Наставляемые (ФИО, должность)",
    "Форма наставничества",
    "Направление",
    "Срок",
    "Приказ",
    "Дополнительное соглашение",
)
NOTHING = "—"


def register_title(day: date) -> str:
    """The name the register is saved under."""
    return f"Реестр наставнических пар и групп на {day:%d.%m.%Y}"


def _term(pairing: Pairing) -> str:
    end = pairing.ended_on if pairing.ended_on and pairing.ended_on < pairing.planned_end_on else None
    term = f"с {pairing.starts_on:%d.%m.%Y} по {pairing.planned_end_on:%d.%m.%Y}"
    if end is not None:
        # A pair terminated from a later date is still in force: its last day is what the order says.
        term += f" (прекращается {end:%d.%m.%Y})"
    return term


def _orders(pairing: Pairing) -> str:
    return "\n".join(f"№ {order.number_text} от {order.date:%d.%m.%Y}" for order in pairing.numbered_orders) or NOTHING


def _agreement(pairing: Pairing, mentor_id: int) -> str:
    own = [agreement for agreement in pairing.last_agreements if agreement.mentor_id == mentor_id]
    if not own:
        return NOTHING
    agreement = own[-1]
    return f"№ {agreement.number or BLANK_NUMBER} от {agreement.date:%d.%m.%Y}"


def _mentor_changes(pairing: Pairing, history: list) -> list[tuple[date, int]]:
    """(first day, mentor id) for each mentor the pair has had, oldest first.

    Who mentored when is told by the pair's history (Pairing.history: the mentor before and after
    each replacement); from which day is told by the agreements the replacement wrote (the new
    mentor's starts on that day, the old one's ends the day before: mentorship.services.paperwork).
    A replacement between two partners' mentors writes no agreement: then the day the replacement
    was recorded is the nearest the records tell."""
    mentors = []
    for record in history:
        if not mentors or mentors[-1][1] != record.mentor_id:
            mentors.append((timezone.localdate(record.history_date), record.mentor_id))
    if not mentors:
        return [(pairing.starts_on, pairing.mentor_id)]
    changes = [(pairing.starts_on, mentors[0][1])]
    for (recorded_on, mentor_id), (_, previous_id) in zip(mentors[1:], mentors, strict=False):
        starts = [a.starts_on for a in pairing.last_agreements if a.mentor_id == mentor_id]
        ends = [a.ended_on for a in pairing.last_agreements if a.mentor_id == previous_id and a.ended_on]
        if starts and max(starts) > pairing.starts_on:
            first_day = max(starts)
        elif ends:
            first_day = max(ends) + timedelta(days=1)
        else:
            first_day = recorded_on
        changes.append((first_day, mentor_id))
    return changes


def mentors_on(pairings: list[Pairing], day: date) -> dict[int, Mentor]:
    """The mentor of each pair on `day` (pk → Mentor): after a replacement, a past date names the
    mentor who mentored then, not the one who mentors now. Two queries however many pairs."""
    history: dict[int, list] = {}
    records = Pairing.history.filter(id__in=[p.pk for p in pairings]).order_by("history_date", "history_id")
    for record in records.only("id", "mentor_id", "history_date"):
        history.setdefault(record.id, []).append(record)
    wanted = {}
    for pairing in pairings:
        changes = _mentor_changes(pairing, history.get(pairing.pk, []))
        on_day = [mentor_id for first_day, mentor_id in changes if first_day <= day]
        wanted[pairing.pk] = on_day[-1] if on_day else changes[0][1]
    others = set(wanted.values()) - {p.mentor_id for p in pairings}
    mentors = {p.mentor_id: p.mentor for p in pairings}
    if others:
        mentors |= Mentor.objects.select_related("person__position", "person__organization").in_bulk(others)
    return {pk: mentors[mentor_id] for pk, mentor_id in wanted.items()}


def register_rows(day: date) -> list[dict]:
    """One row a pair or group in force on `day`, every cell already worded."""
    own = Organization.own()
    pairings = list(pairings_in_force_for_register(day))
    mentors = mentors_on(pairings, day)
    # Ordered by the mentor of the day, as the register names them.
    pairings.sort(key=lambda p: (mentors[p.pk].person.last_name, mentors[p.pk].person.first_name, p.starts_on, p.pk))
    rows = []
    for number, pairing in enumerate(pairings, start=1):
        mentor = mentors[pairing.pk].person
        mentees = sorted((m.person for m in pairing.mentees.all()), key=lambda p: (p.last_name, p.first_name))
        rows.append(
            {
                "number": number,
                "mentor": f"{mentor.full_name}, {position_phrase(mentor, own, Case.NOMINATIVE)}",
                "mentees": [
                    f"{person.full_name}, {position_phrase(person, own, Case.NOMINATIVE)}" for person in mentees
                ],
                "kind": pairing.kind_label,
                "forms": "; ".join(str(form) for form in pairing.forms.all()),
                "direction": str(pairing.direction),
                "term": _term(pairing),
                "orders": _orders(pairing),
                "agreement": _agreement(pairing, mentors[pairing.pk].pk),
            }
        )
    return rows


def register_context(day: date) -> dict:
    own = Organization.own()
    rows = register_rows(day)
    groups = sum(1 for row in rows if len(row["mentees"]) > 1)
    if rows:
        summary = f"Всего пар и групп: {len(rows)}, из них групп: {groups}."
    else:
        summary = f"На {day:%d.%m.%Y} действующих наставнических пар и групп нет."
    return {
        "organization": own,
        "day": day,
        "title": "РЕЕСТР",
        "subtitle": f"наставнических пар и групп на {day:%d.%m.%Y}",
        "rows": rows,
        "summary": summary,
        "head": own.head if own else None,
    }


def register_pdf(day: date) -> bytes:
    return render_pdf(TEMPLATE, register_context(day))


def register_docx(day: date) -> bytes:
    context = register_context(day)
    doc = DocxDocument(size=12, line_spacing=1.0, landscape=True, draft_mark="")
    section = doc.document.sections[0]
    section.right_margin = section.top_margin  # 20 mm, as every document's right margin
    if context["organization"]:
        doc.paragraph(context["organization"].full_name, align="center", bold=True, indent=False, space_after=8)
    doc.paragraph(context["title"], align="center", bold=True, indent=False)
    doc.paragraph(context["subtitle"], align="center", bold=True, indent=False, space_after=8)
    doc.table(
        HEADERS,
        [
            (
                str(row["number"]),
                row["mentor"],
                "\n".join(row["mentees"]),
                f"{row['kind']}\n{row['forms']}",
                row["direction"],
                row["term"],
                row["orders"],
                row["agreement"],
            )
            for row in context["rows"]
        ],
        widths=(12, 42, 46, 36, 32, 30, 25, 24),
        size=10,
    )
    doc.paragraph(context["summary"], indent=False, space_before=6)
    return doc.to_bytes()
