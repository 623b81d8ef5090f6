"""The documents of the system as the website publishes them: PDFs written here from the records,
never the office's own files. An order keeps its heading, number, date, preamble and clauses; every
name of a person without a consent in force is replaced by «(ФИО не публикуется)»; the executor's
mark and the acquaintance sheet (only names and signatures) are left out. The roadmap keeps its
plan — activities, dates, those responsible (names hidden the same way), expected results — and
leaves out the execution marks, which name who marked them."""

from core.declension import Case, organization_name_in_case
from core.pdf import render_pdf
from mentorship.regulation_documents import Block, blocks

from .selectors import Publication, PublicDocument


def document_pdf(publication: Publication, document: PublicDocument) -> bytes:
    redact = publication.redact
    organization = publication.organization
    if document.slug == "regulation":
        # The local act's text, without its acquaintance sheet (names and signatures); the text names
        # no one, and passes the redactor all the same.
        regulation = document.source
        return render_pdf(
            "public/pdf/regulation.html",
            {
                "regulation": regulation,
                "organization_genitive": organization_name_in_case(organization.full_name, Case.GENITIVE)
                or organization.short_name,
                "blocks": [Block(block.kind, redact(block.text)) for block in blocks(regulation.text)],
            },
        )
    if document.slug == "roadmap":
        roadmap = document.source
        order = roadmap.order if roadmap.order is not None and not roadmap.order.is_draft else None
        stages = [
            {
                "number": stage.number,
                "title": redact(stage.title),
                "activities": [
                    {
                        "number": activity.number,
                        "text": redact(activity.text),
                        "starts_on": activity.starts_on,
                        "ends_on": activity.ends_on,
                        "responsible": redact(activity.responsible),
                        "expected_result": redact(activity.expected_result),
                    }
                    for activity in stage.activities.all()
                ],
            }
            for stage in publication.stages_of(roadmap)
        ]
        return render_pdf(
            "public/pdf/roadmap.html",
            {"roadmap": roadmap, "order": order, "organization": organization, "stages": stages},
        )
    order = document.source
    return render_pdf(
        "public/pdf/order.html",
        {
            "order": order,
            "organization": organization,
            "heading": redact(order.heading),
            "preamble": redact(order.preamble),
            "clauses": [redact(clause) for clause in order.clauses],
            "signer_name": redact(order.signer_name),
        },
    )
