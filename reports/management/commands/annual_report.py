"""`manage.py annual_report --year 2025-2026 --format pdf|xlsx|docx --output FILE`: the annual analytic
report for the system administrator, without a browser. An approved report prints its frozen figures and
texts; otherwise the figures are computed now, with the draft's texts if a draft exists."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports import documents
from reports.annual import report_data
from reports.models import AnnualReport
from reports.period import Period

RENDERERS = {"pdf": documents.annual_pdf, "xlsx": documents.annual_xlsx, "docx": documents.annual_docx}


class Command(BaseCommand):
    help = "Выгружает итоговый аналитический отчёт за учебный год в PDF, XLSX или DOCX."

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="учебный год, например 2025-2026")
        parser.add_argument("--format", required=True, dest="format", help="pdf, xlsx или docx")
        parser.add_argument("--output", required=True, help="файл, куда записать отчёт; «-» — стандартный вывод")

    def handle(self, *args, year, format, output, **options):
        period = Period.parse_year(year)
        if period is None or not period.is_academic_year:
            raise CommandError(f"Учебный год «{year}» не распознан: укажите два года подряд, например 2025-2026.")
        render = RENDERERS.get(format.strip().lower())
        if render is None:
            raise CommandError(f"Формат «{format}» не поддерживается: укажите pdf, xlsx или docx.")
        report = AnnualReport.objects.filter(start_year=period.start.year).first()
        if report is None:
            # No draft yet: the figures of today and empty texts, as a new draft would print them.
            report = AnnualReport(start_year=period.start.year)
        data = report_data(report)
        if not report.is_approved:
            self.stderr.write(f"Отчёт за {report.year_label} не утверждён: показатели на сегодня")
        content = render(data)
        if output == "-":
            # The bytes as they are, to the command's standard output (a pipe, or call_command's stdout).
            stream = getattr(self.stdout, "buffer", None)
            if stream is None:
                raise CommandError("Стандартный вывод не принимает двоичные данные: укажите файл в --output.")
            self.stdout.flush()
            stream.write(content)
            stream.flush()
            return
        path = Path(output)
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Не удалось записать файл {path}: {error.strerror or error}") from error
        self.stderr.write(f"Записан файл {path} ({len(content) // 1024 + 1} КБ).")
