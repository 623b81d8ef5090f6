"""DOCX copies of the mentoring documents — orders, consent forms, additional agreements — for the
clerk who must adjust the wording before printing. Each is built from the same record and context
as its PDF and carries the draft mark (core.docx.DRAFT_MARK): the registered PDF stays the record.
"""

from django.utils.text import slugify

from core.docx import DocxDocument
from people.models import Person

from .documents import agreement_context, consent_context
from .models import MentoringAgreement, Order, Pairing


def _organization_lines(organization) -> list[str]:
    details = [organization.address] if organization.address else []
    if organization.inn:
        details.append(f"ИНН {organization.inn}")
    if organization.ogrn:
        details.append(f"ОГРН {organization.ogrn}")
    return [", ".join(details)] if details else []


def order_docx(order: Order) -> bytes:
    """The order with all its requisites (ГОСТ Р 7.0.97-2016), its table and the acquaintance sheet."""
    doc = DocxDocument()
    organization = order.organization
    doc.paragraph(organization.full_name, align="center", bold=True, indent=False, uppercase=True)
    for line in _organization_lines(organization):
        doc.paragraph(line, align="center", indent=False, size=11)
    doc.paragraph("ПРИКАЗ", align="center", bold=True, indent=False, space_before=12, space_after=12)
    doc.row(f"{order.date:%d.%m.%Y}", f"№ {order.number_text or '____'}")
    doc.paragraph(order.place, align="center", indent=False, space_before=6, space_after=18)
    doc.paragraph(order.heading, align="left", bold=True, indent=False, space_after=12, keep_with_next=True)
    doc.paragraph(order.preamble, space_after=6)
    doc.paragraph("ПРИКАЗЫВАЮ:", indent=False)
    doc.numbered(order.clauses)
    if order.table:
        doc.paragraph(space_after=6, indent=False)
        doc.table(
            [
                "№ п/п",
                "Наставник: ФИО, должность, категория, педстаж",
                "Наставляемый: ФИО, должность, стаж, категория",
                "Форма",
                "Вид",
                "Срок",
                "Доплата",
            ],
            [
                [
                    str(number),
                    f"{row['mentor']}\n{row['mentor_position']}, {row['mentor_category']}, "
                    f"педстаж {row['mentor_experience']}",
                    f"{row['mentee']}\n{row['mentee_position']}, стаж {row['mentee_experience']}, "
                    f"{row['mentee_category']}",
                    row["forms"],
                    row["kind"],
                    f"{row['starts_on']}–\n{row['ends_on']}",
                    row["payment"],
                ]
                for number, row in enumerate(order.table, start=1)
            ],
            widths=[9, 35, 35, 22, 20, 22, 22],
            size=10,
        )
    doc.paragraph(space_after=24, indent=False)
    doc.signature(order.signer_position, order.signer_name)
    if order.acquaintance:
        doc.page_break()
        doc.paragraph(
            f"Лист ознакомления с приказом от {order.date:%d.%m.%Y} № {order.number_text or '____'}",
            align="center",
            bold=True,
            indent=False,
            space_after=6,
        )
        doc.table(["ФИО", "Дата", "Подпись"], [[name, "", ""] for name in order.acquaintance], widths=[85, 40, 40])
    return doc.to_bytes()


def consent_docx(pairing: Pairing, person: Person) -> bytes:
    """A participant's consent form as DOCX. ValueError if the person is not in the pair."""
    context = consent_context(pairing, person)
    doc = DocxDocument(size=12, line_spacing=1.0)
    addressee = context["addressee"]
    block = doc.width // 2
    doc.lines(
        [
            addressee["position"],
            addressee["organization"],
            addressee["name"],
            f"от {context['sender_name']},",
            *context["sender_position"],
        ],
        left_indent=block,
    )
    doc.paragraph("СОГЛАСИЕ", align="center", bold=True, indent=False, space_before=8)
    doc.paragraph(context["title"], align="center", bold=True, indent=False, space_after=6)
    doc.paragraph(context["statement"], space_after=3)
    doc.fields(context["terms"], size=11)
    doc.paragraph(context["acquainted"], space_before=4, space_after=3)
    doc.paragraph(context["ending"], space_after=6)
    doc.signature(context["blank_date"], context["signature"], hint=True)
    doc.paragraph("Согласие на обработку персональных данных", align="center", bold=True, indent=False, space_before=8)
    personal = context["personal_data"]
    doc.paragraph(
        f"Я, {context['name']}, паспорт: серия ________ № ______________, выдан "
        "________________________________________________________________, "
        f"{personal['gender_registered']} по адресу: ________________________________________________, "
        f"{personal['text']}",
        indent=False,
        size=11,
        space_after=3,
    )
    doc.paragraph(personal["limits"], size=11, space_after=6)
    doc.signature(context["blank_date"], context["signature"], hint=True)
    return doc.to_bytes()


def agreement_docx(agreement: MentoringAgreement) -> bytes:
    """The additional agreement to the employment contract as DOCX."""
    context = agreement_context(agreement)
    doc = DocxDocument(size=12, line_spacing=1.0)
    doc.paragraph(f"{context['title']} № {context['number']}", align="center", bold=True, indent=False)
    doc.paragraph(context["contract"], align="center", indent=False)
    doc.paragraph(context["subject"], align="center", indent=False, space_after=10)
    doc.row(context["place"], context["date"])
    doc.paragraph(context["parties"], space_before=10, space_after=6)
    doc.numbered(context["clauses"], space_between=2)
    doc.paragraph(space_after=12, indent=False)
    doc.sides(
        ["Работодатель", agreement.employer, agreement.employer_signer_position],
        ["Работник", agreement.employee],
        agreement.employer_signer_name,
        agreement.employee_signer_name,
    )
    doc.paragraph("М. П.", indent=False, space_after=12)
    doc.signature(context["received"], context["blank_date"], widths=(88, 17))
    return doc.to_bytes()


def docx_name(prefix: str, *parts) -> str:
    """An ASCII file name: «prikaz-2026-45-chernovik.docx»."""
    tail = "-".join(slug for slug in (slugify(str(part)) for part in parts) if slug)
    return f"{prefix}-{tail}-chernovik.docx" if tail else f"{prefix}-chernovik.docx"
