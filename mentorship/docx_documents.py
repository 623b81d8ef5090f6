"""DOCX copies of the mentoring documents — consent forms and additional agreements (orders: records.docx)
— for the clerk who must adjust the wording before printing. Each is built from the same record and context
as its PDF and carries the draft mark (core.docx.DRAFT_MARK): the registered PDF stays the record.
"""

from core.docx import DocxDocument

from .documents import agreement_context, consent_context
from .models import MentoringAgreement, Pairing


def consent_docx(pairing: Pairing, person) -> bytes:
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
