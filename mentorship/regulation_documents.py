"""The regulation on mentoring as it prints (PDF and a DOCX copy to edit): annex 1 of the introduction
order (ГОСТ Р 7.0.97-2016: «Приложение 1 к приказу от … № …» at the top right, the ПРИНЯТО / УЧТЕНО МНЕНИЕ
block on the left and УТВЕРЖДЕНО on the right, the title, the text with its sections and numbered
paragraphs as written), then the sheet on which every pedagogical employee signs that they have read
it (ТК РФ ст. 22: employees are acquainted with the local acts about their work under signature)."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from docx.shared import Pt

from core.declension import Case, organization_name_in_case
from core.docx import DRAFT_MARK, DocxDocument
from core.pdf import render_pdf
from people.models import Person

from .models.regulation import Regulation, requisites

# «1. Общие положения», «3. Организация системы наставничества»: a section's heading (not «1.1.»).
_SECTION = re.compile(r"^\d{1,2}\.\s+\S")
_ITEM = re.compile(r"^(?:[-–—•]\s|\d{1,2}\)\s)")
# A paragraph typed after a list's dash («- 3.4. Куратор …»): the dash is a typing slip, the number stays.
_DASHED_NUMBER = re.compile(r"^[-–—]\s*(\d{1,2}\.\d{1,2}\.\s)")


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "item" (a list's line: «- …», «1) …»), "paragraph"
    text: str


def blocks(text: str) -> list[Block]:
    """The text's lines as the document lays them out; the words and the numbering stay as typed."""
    result = []
    for raw in text.splitlines():
        line = raw.strip().replace("**", "")
        if not line:
            continue
        line = _DASHED_NUMBER.sub(r"\1", line)
        if _SECTION.match(line) and len(line) < 200:
            result.append(Block("heading", line))
        elif _ITEM.match(line):
            result.append(Block("item", line))
        else:
            result.append(Block("paragraph", line))
    return result


def pedagogical_staff(own, on: date) -> list[Person]:
    """Everyone who signs the acquaintance sheet: our pedagogical staff employed on `on` (people.models)."""
    return list(
        Person.objects.pedagogical_staff(on)
        .filter(organization=own)
        .select_related("position")
        .order_by("last_name", "first_name", "middle_name", "pk")
    )


def _context(regulation: Regulation, on: date) -> dict:
    own = regulation.organization
    order = regulation.order if regulation.is_adopted else None
    return {
        "regulation": regulation,
        "organization": own,
        # «Положение о наставничестве педагогических работников Муниципального казённого … учреждения …»;
        # the short name, an abbreviation never declined, when the full one cannot be.
        "organization_genitive": organization_name_in_case(own.full_name, Case.GENITIVE) or own.short_name,
        "order": order,
        "adopted_by": regulation.adopting_order,
        "blocks": blocks(regulation.text),
        "staff": pedagogical_staff(own, on),
        "draft": not regulation.is_adopted,
        "head_position": str(own.head.position) if own.head else "",
    }


def regulation_pdf(regulation: Regulation, *, on: date | None = None) -> bytes:
    """The regulation with its acquaintance sheet of the staff employed on `on` (today by default)."""
    return render_pdf("mentorship/pdf/regulation.html", _context(regulation, on or timezone.localdate()))


def regulation_docx(regulation: Regulation, *, on: date | None = None) -> bytes:
    """The same document as DOCX, marked as a copy to edit (the registered order's annex is the record)."""
    context = _context(regulation, on or timezone.localdate())
    doc = DocxDocument(draft_mark=DRAFT_MARK)
    if context["draft"]:
        doc.paragraph("ПРОЕКТ", align="right", bold=True, indent=False)
    doc.lines(["Приложение 1", f"к приказу {context['adopted_by']}"], left_indent=doc.width * 55 // 100, size=12)
    doc.paragraph(space_after=12, indent=False)
    _approval_blocks(doc, regulation, context)
    doc.paragraph(regulation.title, align="center", bold=True, indent=False, space_before=18)
    doc.paragraph(context["organization_genitive"], align="center", bold=True, indent=False, space_after=12)
    for block in context["blocks"]:
        if block.kind == "heading":
            doc.paragraph(block.text, align="center", bold=True, indent=False, space_before=12, space_after=6)
        else:
            doc.paragraph(block.text, space_after=3)
    doc.page_break()
    _acquaintance(doc, regulation, context)
    return doc.to_bytes()


def _approval_blocks(doc: DocxDocument, regulation: Regulation, context: dict) -> None:
    """ПРИНЯТО (педагогический совет) and УЧТЕНО МНЕНИЕ (профсоюз) on the left, УТВЕРЖДЕНО on the right."""
    left = [
        "ПРИНЯТО",
        "на педагогическом совете",
        f"протокол {regulation.council_protocol}",
        "",
        "УЧТЕНО МНЕНИЕ",
        "выборного органа первичной",
        "профсоюзной организации",
        f"протокол {regulation.union_opinion}",
    ]
    right = ["УТВЕРЖДЕНО", "приказом руководителя", context["adopted_by"]]
    # python-docx's default table style has no borders: two columns side by side, as in the PDF.
    table = doc.document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        for index, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            run = paragraph.add_run(line)
            run.font.size = Pt(12)
            run.bold = line.isupper()


def _acquaintance(doc: DocxDocument, regulation: Regulation, context: dict) -> None:
    doc.paragraph(
        f"Лист ознакомления с {regulation.title_instrumental}",
        align="center",
        bold=True,
        indent=False,
    )
    doc.paragraph(
        f"(приложение 1 к приказу {context['adopted_by']})", align="center", indent=False, size=12, space_after=6
    )
    doc.table(
        ["№ п/п", "ФИО", "Должность", "Дата", "Подпись"],
        [
            [str(number), person.full_name, str(person.position), "", ""]
            for number, person in enumerate(context["staff"], start=1)
        ],
        widths=[12, 60, 48, 20, 20],
        size=11,
    )


__all__ = ["Block", "blocks", "pedagogical_staff", "regulation_docx", "regulation_pdf", "requisites"]
