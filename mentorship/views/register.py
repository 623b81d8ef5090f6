"""The register of pairs and groups on a date (реестр наставнических пар): a page to choose the date
and read the rows, and the same register as PDF and DOCX to file."""

from django.views import View
from django.views.generic import TemplateView

from core.docx import DOCX_CONTENT_TYPE
from core.files import file_response
from people.access import RoleRequiredMixin

from ..forms import RegisterDateForm
from ..register import register_context, register_docx, register_pdf, register_title
from ..roles import REGISTER_READERS

PAGE = "mentorship/register.html"


class RegisterView(RoleRequiredMixin, TemplateView):
    """The register on the chosen date (today by default); a date that is not one is said in Russian."""

    allowed_roles = REGISTER_READERS
    template_name = PAGE

    def get(self, request, *args, **kwargs):
        form = RegisterDateForm(request.GET if "date" in request.GET else None)
        day = form.day()
        context = {"form": form, "day": day}
        if day is not None:
            context.update(register_context(day))
        return self.render_to_response(self.get_context_data(**context), status=200 if day else 400)


class RegisterFileView(RoleRequiredMixin, View):
    """The register as PDF or DOCX, saved as «Реестр наставнических пар и групп на 30.11.2026»; a bad
    date gives back the page with the error instead of a file."""

    allowed_roles = REGISTER_READERS
    kind = ""  # "pdf" or "docx"

    def get(self, request):
        form = RegisterDateForm(request.GET if "date" in request.GET else None)
        day = form.day()
        if day is None:
            return RegisterView.as_view()(request)
        name = f"{register_title(day)}.{self.kind}"
        if self.kind == "docx":
            return file_response(register_docx(day), DOCX_CONTENT_TYPE, name)
        return file_response(register_pdf(day), "application/pdf", name, inline=True)
