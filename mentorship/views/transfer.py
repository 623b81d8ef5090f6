"""Staff spreadsheets in (preview, then all rows or none) and the bank out (logged)."""

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import ListView, TemplateView

from ..access import RoleRequiredMixin
from ..exports import bank_workbook
from ..forms import StaffFileForm
from ..imports import TEMPLATE_EXAMPLE, TEMPLATE_HEADERS, ImportFileError, plan_import
from ..models import ExportLog, ImportBatch
from ..roles import BANK_KEEPERS, HISTORY_READERS
from ..services import bank_exported, staff_import_apply, staff_import_prepare
from .base import report_errors
from .governance import OwnOrganizationMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class StaffImportView(RoleRequiredMixin, OwnOrganizationMixin, TemplateView):
    allowed_roles = BANK_KEEPERS
    template_name = "mentorship/import_upload.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", StaffFileForm())
        kwargs["recent"] = ImportBatch.objects.filter(status=ImportBatch.Status.APPLIED).select_related(
            "created_by__person"
        )[:5]
        kwargs["headers"] = TEMPLATE_HEADERS
        return super().get_context_data(**kwargs)

    def post(self, request):
        form = StaffFileForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        try:
            batch, plan = staff_import_prepare(
                organization=self.get_organization(), name=upload.name, content=upload.read(), actor=request.user
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        if batch is None:
            messages.error(request, "Ничего не загружено: исправьте строки из списка ниже и выберите файл снова.")
            return self.render_to_response(
                self.get_context_data(form=StaffFileForm(), plan=plan, file_name=upload.name)
            )
        return redirect("mentorship:import-preview", batch.pk)


class ImportPreviewView(RoleRequiredMixin, TemplateView):
    allowed_roles = BANK_KEEPERS
    template_name = "mentorship/import_preview.html"

    def get_batch(self) -> ImportBatch:
        # Someone else's upload is not ours to look at or apply.
        return get_object_or_404(ImportBatch, pk=self.kwargs["pk"], created_by=self.request.user)

    def get_context_data(self, **kwargs):
        batch = self.get_batch()
        plan = None
        if batch.status == ImportBatch.Status.PREVIEW:
            plan = plan_import(organization=batch.organization, name=batch.file_name, content=bytes(batch.content))
        return super().get_context_data(batch=batch, plan=plan, **kwargs)

    def post(self, request, pk):
        batch = self.get_batch()
        try:
            batch = staff_import_apply(batch=batch, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
            return redirect("mentorship:import")
        messages.success(
            request,
            f"Список загружен: добавлено {batch.created_count}, обновлено {batch.updated_count}, "
            f"без изменений {batch.unchanged_count}.",
        )
        return redirect(reverse("mentorship:person-list"))


class ImportTemplateView(RoleRequiredMixin, View):
    """An empty list with the expected columns and one example row."""

    allowed_roles = BANK_KEEPERS

    def get(self, request):
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Сотрудники"
        sheet.append(TEMPLATE_HEADERS)
        sheet.append(TEMPLATE_EXAMPLE)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column in "ABCDEFGHIJKLM":
            sheet.column_dimensions[column].width = 18
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="staff-template.xlsx"'
        return response


class BankExportView(RoleRequiredMixin, View):
    """The bank as XLSX; every export is written to the export log (152-ФЗ)."""

    allowed_roles = HISTORY_READERS

    def get(self, request):
        content, rows = bank_workbook(request.user)
        bank_exported(what="Банк наставников и наставляемых (XLSX)", rows=rows, actor=request.user)
        response = HttpResponse(content, content_type=XLSX)
        name = f"bank-{timezone.localdate():%Y-%m-%d}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        return response


class ExportLogView(RoleRequiredMixin, ListView):
    allowed_roles = HISTORY_READERS
    template_name = "mentorship/export_log.html"
    paginate_by = 50

    def get_queryset(self):
        return ExportLog.objects.select_related("exported_by__person")
