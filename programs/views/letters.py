"""The application for release from duty (programs.letters) as PDF and DOCX."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views import View

from core.docx import DOCX_CONTENT_TYPE
from core.files import file_response
from core.letters import letter_docx, letter_pdf
from people.access import RoleRequiredMixin

from ..letters import release_letter
from ..progress import releases_for
from ..roles import RELEASE_OVERSEERS, RELEASE_ROLES


class ReleaseLetterView(RoleRequiredMixin, View):
    """The head and the curator print any request's application; otherwise only the one who is to be
    released or who filed it: a colleague of the pair reads the request in the list, not her letter."""

    allowed_roles = RELEASE_ROLES
    fmt = "pdf"

    def get(self, request, pk):
        release = get_object_or_404(releases_for(request.user), pk=pk)
        own = self.person is not None and self.person.pk == release.person_id
        if not (self.roles & RELEASE_OVERSEERS or own or release.requested_by_id == request.user.pk):
            raise Http404("Заявление другого работника недоступно.")
        letter = release_letter(release)
        if self.fmt == "docx":
            return file_response(letter_docx(letter), DOCX_CONTENT_TYPE, f"{letter.title}.docx")
        return file_response(letter_pdf(letter), "application/pdf", f"{letter.title}.pdf", inline=True)
