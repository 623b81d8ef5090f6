"""The DOCX copy of an order for the clerk who must adjust its wording before printing: built from
the same record and laid out as its PDF (templates/records/pdf/order.html: the table as the annex, the
last clause kept with the signature, the executor's mark) and marked as a draft (core.docx.DRAFT_MARK);
the registered PDF stays the record."""

from django.utils import timezone
from docx.shared import Mm

from core.docx import DRAFT_MARK, DocxDocument
from core.text import nbsp

from . import kinds
from .models import Order


def _organization_lines(organization) -> list[str]:
    details = [organization.address] if organization.address else []
    if organization.inn:
        details.append(f"ИНН {organization.inn}")
    if organization.ogrn:
        details.append(f"ОГРН {organization.ogrn}")
    return [", ".join(details)] if details else []


def order_docx(order: Order) -> bytes:
    """The order with all its requisites (ГОСТ Р 7.0.97-2016), its table and the acquaintance sheet."""
    doc = DocxDocument(draft_mark=DRAFT_MARK)
    number = order.number_text or "____"
    if order.is_draft:
        doc.paragraph("ПРОЕКТ", align="right", bold=True, indent=False)
    elif order.is_voided:
        doc.paragraph("ПРОЕКТ ОТОЗВАН — НЕ ЗАРЕГИСТРИРОВАН", align="right", bold=True, indent=False)
        doc.paragraph(
            f"Отозван {timezone.localtime(order.voided_at):%d.%m.%Y}. Причина: {order.void_reason}",
            align="right",
            indent=False,
            size=11,
        )
    organization = order.organization
    doc.paragraph(organization.full_name, align="center", bold=True, indent=False, uppercase=True)
    for line in _organization_lines(organization):
        doc.paragraph(line, align="center", indent=False, size=11)
    doc.paragraph("ПРИКАЗ", align="center", bold=True, indent=False, space_before=12, space_after=12)
    doc.row(f"{order.date:%d.%m.%Y}", f"№ {number}")
    doc.paragraph(order.place, align="center", indent=False, space_before=6, space_after=18)
    doc.paragraph(order.heading, align="left", bold=True, indent=False, space_after=12, keep_with_next=True)
    doc.paragraph(order.preamble, space_after=6)
    doc.paragraph("ПРИКАЗЫВАЮ:", indent=False)
    table = kinds.table_of(order)
    # The last clause, the annex's reference and the spacer before the signature keep with the next
    # paragraph, so Word moves them to the signature's page rather than leave the signature alone.
    clauses = doc.numbered(order.clauses)
    if clauses:
        clauses[-1].paragraph_format.keep_with_next = True
        clauses[-1].paragraph_format.keep_together = True
    if table is not None and table.reference_needed(order.clauses):
        doc.paragraph(table.annex_reference, space_before=3, keep_with_next=True)
    doc.paragraph(space_after=24, indent=False, keep_with_next=True)
    signature = doc.signature(order.signer_position, order.signer_name)
    executor = order.executor
    if executor.name:
        for cell in signature.rows[0].cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
        doc.paragraph(space_after=24, indent=False, keep_with_next=True)
        doc.lines([line for line in executor if line], size=10)
    if table is not None:
        headers, cells, widths = table.docx(order.table)
        doc.new_section(landscape=True)  # as the PDF's annex: the table's columns at full width
        # At the top right, as the PDF's annex: «Приложение / к приказу от … № …».
        annex = ["Приложение", f"к приказу от {order.date:%d.%m.%Y} № {number}"]
        doc.lines(annex, left_indent=doc.width * 55 // 100, size=12)
        doc.paragraph(space_after=12, indent=False)
        doc.table(
            [nbsp(header) for header in headers],
            [[nbsp(cell) for cell in row] for row in cells],
            widths=_fit(widths, doc.width / Mm(1)),
            size=10,
        )
    if order.acquaintance:
        if table is not None:
            doc.new_section(landscape=False)
        else:
            doc.page_break()
        doc.paragraph(
            f"Лист ознакомления с приказом от {order.date:%d.%m.%Y} № {number}",
            align="center",
            bold=True,
            indent=False,
            space_after=6,
        )
        doc.table(["ФИО", "Дата", "Подпись"], [[name, "", ""] for name in order.acquaintance], widths=[85, 40, 40])
    return doc.to_bytes()


def _fit(widths, available: float) -> list[float]:
    """A kind's column widths (mm) spread over the text's width (the annex's landscape page is wider
    than the kind's widths, a portrait page may be narrower)."""
    total = sum(widths)
    return [width * available / total for width in widths]


def docx_name(title: str) -> str:
    """A DOCX copy is a draft to edit, the official one is the PDF: «Приказ 5-ОД от 30.11.2026 (для правки).docx»."""
    return f"{title} (для правки).docx"
