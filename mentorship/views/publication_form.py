"""The printable consent to distribute personal data (152-ФЗ ст. 10.1), prefilled for a person of the
bank: rendered on request from the records, nothing is stored."""

from django.shortcuts import get_object_or_404
from django.views import View

from core.docx import DOCX_CONTENT_TYPE
from core.files import file_response
from people.access import RoleRequiredMixin
from people.selectors import people_for

from ..publication_form import publication_form_docx, publication_form_pdf, publication_form_title
from ..roles import PUBLICATION_FORM_READERS


class PublicationFormView(RoleRequiredMixin, View):
    """The form as PDF or DOCX, for the readers of the bank, about a person they may open."""

    allowed_roles = PUBLICATION_FORM_READERS
    kind = ""  # "pdf" or "docx"

    def get(self, request, person_pk):
        person = get_object_or_404(people_for(request.user), pk=person_pk)
        name = f"{publication_form_title(person)}.{self.kind}"
        if self.kind == "docx":
            return file_response(publication_form_docx(person), DOCX_CONTENT_TYPE, name)
        return file_response(publication_form_pdf(person), "application/pdf", name, inline=True)
