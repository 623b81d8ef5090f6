"""The благодарственные письма / почётные грамоты as DOCX, for the clerk who wants to change the
wording or the font before printing on a form: the same text as the PDF (documents.letters_context),
one page a mentor. No draft mark: a letter is not a copy of a registered order, it is the thing that
is printed and signed."""

from docx.shared import Mm

from core.docx import DocxDocument

from .documents import letters_context
from .models import RewardProposal


def letters_docx(proposal: RewardProposal) -> bytes:
    context = letters_context(proposal)
    doc = DocxDocument(draft_mark="")
    # A letter is centred on the page, not bound in a file: even margins, as the PDF's.
    section = doc.document.sections[0]
    section.left_margin = section.right_margin = Mm(20)
    for number, letter in enumerate(context["letters"]):
        first = doc.paragraph(
            context["organization"].full_name, align="center", bold=True, indent=False, size=12, uppercase=True
        )
        # Each letter from the top of its own page.
        first.paragraph_format.page_break_before = number > 0
        doc.paragraph(context["org_details"], align="center", indent=False, size=10, space_after=72)
        doc.paragraph(
            context["title"], align="center", bold=True, indent=False, size=28, uppercase=True, space_after=40
        )
        doc.paragraph(context["lead"], align="center", indent=False, size=15, space_after=14)
        doc.paragraph(letter["name"], align="center", bold=True, italic=True, indent=False, size=20, space_after=24)
        doc.paragraph(context["reason"], align="center", indent=False, size=15, space_after=72)
        doc.paragraph(context["basis"], align="center", indent=False, size=11, space_after=36)
        doc.signature(context["head_position"], context["head_name"], widths=(80, 40))
        doc.paragraph(context["stamp"], align="left", indent=False, size=11, space_before=10)
    return doc.to_bytes()
