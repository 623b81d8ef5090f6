"""The bank out as a workbook; every export is logged (152-ФЗ)."""

from django.utils import timezone
from django.views import View
from django.views.generic import ListView

from core.files import XLSX_CONTENT_TYPE, file_response
from people.access import RoleRequiredMixin
from people.models import ExportLog
from people.services import personal_data_exported

from ..exports import bank_workbook
from ..roles import HISTORY_READERS


class BankExportView(RoleRequiredMixin, View):
    """The bank as XLSX; every export is written to the export log (152-ФЗ)."""

    allowed_roles = HISTORY_READERS

    def get(self, request):
        content, rows = bank_workbook(request.user)
        personal_data_exported(what="Банк наставников и наставляемых (XLSX)", rows=rows, actor=request.user)
        name = f"Банк наставников и наставляемых на {timezone.localdate():%d.%m.%Y}.xlsx"
        return file_response(content, XLSX_CONTENT_TYPE, name)


class ExportLogView(RoleRequiredMixin, ListView):
    allowed_roles = HISTORY_READERS
    template_name = "mentorship/export_log.html"
    paginate_by = 50

    def get_queryset(self):
        return ExportLog.objects.select_related("exported_by__person")
