"""A one-page letter of an employee or of the employer — заявление, уведомление — as PDF and DOCX
from one description, so each app writes what its letter says and none lays one out.

The layout is the one of the consent forms (documents/pdf/base.html's margins and type): the
addressee block at the top right («Заведующему …» / «от …»), the kind of letter in capitals and its
subject, the paragraphs, a date and a signature line with its transcript; then, if the letter has
one, a second part with its own heading and signature (a substitute's consent under an application,
the employee's acquaintance under the employer's notice).
"""

from dataclasses import dataclass, field

from core.docx import DocxDocument
from core.pdf import render_pdf

# A date to write by hand.
BLANK_DATE = "«___» ____________ 20___ г."


@dataclass(frozen=True)
class Signed:
    """A date and a signature line: «date ____ И.О. Фамилия», or a post on the left instead of the date."""

    name: str
    left: str = BLANK_DATE


@dataclass(frozen=True)
class Part:
    heading: str
    paragraphs: list[str]
    signed: Signed


@dataclass(frozen=True)
class Letter:
    kind: str  # «ЗАЯВЛЕНИЕ», «УВЕДОМЛЕНИЕ»
    subject: str  # «об освобождении от основной работы»
    title: str  # the file's name and the PDF's title
    to: list[str]  # the addressee block's lines
    paragraphs: list[str]
    signed: Signed
    parts: list[Part] = field(default_factory=list)


def letter_pdf(letter: Letter) -> bytes:
    return render_pdf("documents/pdf/letter.html", {"letter": letter})


def letter_docx(letter: Letter) -> bytes:
    doc = DocxDocument(size=12, line_spacing=1.0)
    doc.lines(letter.to, left_indent=doc.width // 2)
    doc.paragraph(letter.kind, align="center", bold=True, indent=False, space_before=12)
    doc.paragraph(letter.subject, align="center", bold=True, indent=False, space_after=8)
    for text in letter.paragraphs:
        doc.paragraph(text, space_after=3)
    doc.paragraph(space_after=6, indent=False)
    doc.signature(letter.signed.left, letter.signed.name, hint=True)
    for part in letter.parts:
        doc.paragraph(part.heading, align="center", bold=True, indent=False, space_before=14, space_after=6)
        for text in part.paragraphs:
            doc.paragraph(text, space_after=3)
        doc.paragraph(space_after=6, indent=False)
        doc.signature(part.signed.left, part.signed.name, hint=True)
    return doc.to_bytes()
