"""The register of mentoring pairs and groups on a date (реестр наставнических пар и групп), as PDF and
DOCX: every pair or group under order that works on the date, with its mentor, mentees, forms,
direction, term, the orders that fixed or changed it and the mentor's additional agreement.

The register prints the requisites of the agreement (number and date), never its pay terms: the
pay is the employee's personal data (mentorship.roles.PAY_READERS), the register is read wider.
"""

from datetime import date

from core.declension import Case
from core.docx import DocxDocument
from core.pdf import render_pdf
from people.models import Organization
from records.wording import position_phrase

from .documents import BLANK_NUMBER
from .models import Pairing
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


def _agreement(pairing: Pairing) -> str:
    own = [agreement for agreement in pairing.last_agreements if agreement.mentor_id == pairing.mentor_id]
    if not own:
        return NOTHING
    agreement = own[-1]
    return f"№ {agreement.number or BLANK_NUMBER} от {agreement.date:%d.%m.%Y}"


def register_rows(day: date) -> list[dict]:
    """One row a pair or group in force on `day`, every cell already worded."""
    own = Organization.own()
    rows = []
    for number, pairing in enumerate(pairings_in_force_for_register(day), start=1):
        mentor = pairing.mentor.person
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
                "agreement": _agreement(pairing),
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
