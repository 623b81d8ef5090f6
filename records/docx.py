"""The DOCX copy of an order for the clerk who must adjust its wording before printing: built from
the same record as its PDF and marked as a draft (core.docx.DRAFT_MARK); the registered PDF stays the
record."""

from core.docx import DocxDocument

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
    table = kinds.table_of(order)
    if table is not None:
        headers, cells, widths = table.docx(order.table)
        doc.paragraph(space_after=6, indent=False)
        doc.table(headers, cells, widths=widths, size=10)
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


def docx_name(title: str) -> str:
    """A DOCX copy is a draft to edit, the official one is the PDF: «Приказ 5-ОД от 30.11.2026 (для правки).docx»."""
    return f"{title} (для правки).docx"
