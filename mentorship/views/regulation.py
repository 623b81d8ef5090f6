"""The regulation on mentoring: every employee reads it (the rules they work by); the head, the curator
and the administrator keep its text until the introduction order adopts it; then it is frozen and a
change is a new edition. It prints as annex 1 of that order with the staff's acquaintance sheet."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from core.docx import DOCX_CONTENT_TYPE
from core.files import file_response
from core.history import Source
from core.views import RecordHistoryView, form_errors, report_errors, show_outcome
from people.access import ProtectedFileView, RoleRequiredMixin
from people.models import Organization
from people.roles import EVERYONE

from ..models import Regulation
from ..regulation_documents import blocks, regulation_docx, regulation_pdf
from ..regulation_forms import RegulationForm
from ..roles import REGULATION_KEEPERS
from ..services.regulation import regulation_in_force, regulation_new_edition, regulation_project, regulation_save


def regulations():
    """The regulations of our organization, each with the order that adopts it."""
    return Regulation.objects.filter(organization=Organization.own()).select_related("order", "replaces__order")


class RegulationReaderMixin(RoleRequiredMixin):
    """Every employee with a login reads the regulation, whatever their role in mentoring (ТК РФ ст. 22:
    the local acts about one's work are known to the employee)."""

    allowed_roles = EVERYONE
    allow_without_role = True

    def get_queryset(self):
        return regulations()


class RegulationListView(RegulationReaderMixin, TemplateView):
    template_name = "mentorship/regulation/list.html"

    def get_context_data(self, **kwargs):
        own = Organization.own()
        in_force = regulation_in_force(own) if own else None
        project = regulation_project(own) if own else None
        return super().get_context_data(
            in_force=in_force,
            project=project,
            others=[r for r in regulations() if r not in (in_force, project)],
            can_keep=bool(self.roles & REGULATION_KEEPERS),
            **kwargs,
        )


class RegulationDetailView(RegulationReaderMixin, DetailView):
    template_name = "mentorship/regulation/detail.html"
    context_object_name = "regulation"

    def get_context_data(self, **kwargs):
        regulation = self.object
        can_keep = bool(self.roles & REGULATION_KEEPERS)
        own = regulation.organization
        return super().get_context_data(
            blocks=blocks(regulation.text),
            can_edit=can_keep and not regulation.is_adopted,
            can_start_edition=can_keep
            and regulation.is_adopted
            and regulation == regulation_in_force(own)
            and regulation_project(own) is None,
            can_keep=can_keep,
            **kwargs,
        )


class RegulationFormMixin(RoleRequiredMixin):
    allowed_roles = REGULATION_KEEPERS
    form_class = RegulationForm
    template_name = "mentorship/regulation/form.html"

    def form_valid(self, form):
        try:
            outcome = regulation_save(regulation=form.instance, actor=self.request.user)
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        show_outcome(self.request, outcome, "Положение сохранено")
        return redirect(outcome.obj.get_absolute_url())


class RegulationCreateView(RegulationFormMixin, FormView):
    def get_form_kwargs(self):
        own = Organization.own()
        if own is None:
            raise ValidationError("Не заданы организация и её руководитель: заполните «Настройки организации».")
        return {**super().get_form_kwargs(), "instance": Regulation(organization=own)}

    def get(self, request, *args, **kwargs):
        project = regulation_project(Organization.own())
        if project is not None:
            messages.info(request, "Проект Положения уже есть: правьте его.")
            return redirect(project.get_absolute_url())
        return super().get(request, *args, **kwargs)


class RegulationUpdateView(RegulationFormMixin, FormView):
    """Only a project opens here; an adopted regulation is a 404 (it is frozen with its order)."""

    @cached_property
    def regulation(self) -> Regulation:
        adopted = regulations().filter(order__status__in=["registered", "signed"])
        return get_object_or_404(regulations().exclude(pk__in=adopted), pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.regulation}

    def get_context_data(self, **kwargs):
        return super().get_context_data(regulation=self.regulation, **kwargs)


class RegulationNewEditionView(RoleRequiredMixin, View):
    """A new edition of the adopted regulation: its text copied into a project to edit."""

    allowed_roles = REGULATION_KEEPERS

    def post(self, request, pk):
        regulation = get_object_or_404(regulations(), pk=pk)
        try:
            outcome = regulation_new_edition(regulation=regulation, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
            return redirect(regulation.get_absolute_url())
        show_outcome(request, outcome, "Начата новая редакция Положения: правьте текст, её утвердит новый приказ")
        return redirect(outcome.obj.get_absolute_url())


class RegulationFileView(RegulationReaderMixin, DetailView):
    """The regulation as annex 1 with the acquaintance sheet of today's pedagogical staff."""

    fmt = "pdf"

    def get(self, request, *args, **kwargs):
        regulation = self.get_object()
        if self.fmt == "docx":
            return file_response(
                regulation_docx(regulation), DOCX_CONTENT_TYPE, f"{regulation.file_title} (для правки).docx"
            )
        return file_response(regulation_pdf(regulation), "application/pdf", f"{regulation.file_title}.pdf", inline=True)


class RegulationAnnexView(RegulationReaderMixin, ProtectedFileView):
    """The annex exactly as it was when the order adopted it."""

    file_field = "annex_pdf"

    def file_title(self, regulation) -> str:
        return f"{regulation.file_title}, как утверждено"


class RegulationHistoryView(RoleRequiredMixin, RecordHistoryView):
    allowed_roles = REGULATION_KEEPERS

    def get_queryset(self):
        return regulations()

    def history_sources(self):
        return [Source("Положение", Regulation.history.filter(id=self.object.pk))]
