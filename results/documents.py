"""A report as a printed document (PDF, the record) and as an editable DOCX (the same text, for an
author who must adjust it before printing). Both read one context, so they never disagree."""

from django.utils import timezone

from core.declension import signature_name
from core.docx import DocxDocument
from core.pdf import render_pdf
from people.models import Organization

from .models import Report

TEMPLATE = "results/pdf/report.html"
TITLES = {
    Report.Kind.MENTOR: "Отчёт наставника о реализации персонализированной программы наставничества",
    Report.Kind.MENTEE: "Отчёт наставляемого о реализации персонализированной программы наставничества",
}


def _position(person) -> str:
    position = str(person.position)
    return position[:1].lower() + position[1:]


def report_context(report: Report) -> dict:
    program = report.program
    pairing = program.pairing
    mentor = pairing.mentor.person
    mentees = [mentee.person for mentee in pairing.mentees.all()]
    author = report.author
    own = Organization.own()
    return {
        "organization": own,
        "report": report,
        "title": TITLES[Report.Kind(report.kind)],
        "facts": [
            ("Период", f"с {report.period_from:%d.%m.%Y} по {report.period_to:%d.%m.%Y}"),
            ("Программа", f"{pairing.direction}, с {program.starts_on:%d.%m.%Y} по {program.ends_on:%d.%m.%Y}"),
            ("Наставник", f"{mentor.full_name}, {_position(mentor)}"),
            (
                "Наставляемые" if len(mentees) > 1 else "Наставляемый",
                "; ".join(f"{person.full_name}, {_position(person)}" for person in mentees),
            ),
        ],
        "sections": report.sections(),
        "signer": "Наставник" if report.is_mentor_report else "Наставляемый",
        "sign": signature_name(author.last_name, author.first_name, author.middle_name),
        "date": f"{timezone.localtime(report.submitted_at):%d.%m.%Y}"
        if report.is_submitted
        else "«___» ________ 20___ г.",
    }


def report_pdf(report: Report) -> bytes:
    return render_pdf(TEMPLATE, report_context(report))


def report_docx(report: Report) -> bytes:
    """The same document in Word: no draft mark, since a report is its author's own text."""
    context = report_context(report)
    document = DocxDocument(draft_mark="")
    if context["organization"] is not None:
        document.paragraph(context["organization"].full_name, align="center", bold=True, indent=False, space_after=12)
    document.paragraph(context["title"], align="center", bold=True, indent=False, space_after=12)
    document.fields(context["facts"], size=12, label_width=40)
    for number, (heading, text) in enumerate(context["sections"], start=1):
        document.paragraph(f"{number}. {heading}", bold=True, indent=False, space_before=10, keep_with_next=True)
        for line in (text or "—").split("\n"):
            document.paragraph(line)
    document.paragraph(space_before=18)
    document.signature(context["signer"], context["sign"], hint=True)
    document.paragraph(f"Дата: {context['date']}", align="left", indent=False, space_before=12)
    return document.to_bytes()
