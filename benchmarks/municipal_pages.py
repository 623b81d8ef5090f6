"""The municipal data set (benchmarks/municipal.py): every busy page's time and queries, each list
page next to the Django admin's changelist of the same model, and a staff import of 2,000 people.

    .venv/bin/python benchmarks/municipal_pages.py [--runs N] [--postgres | --database-url URL]
                                                   [--only TEXT] [--import-runs N]

Builds the data set on a throwaway database (SQLite by default), then requests each page as the
role that uses it (the admin as a superuser) and prints, side by side: best and median of N runs
and the queries of the last run; for a list page also the admin changelist's figures and the ratio
of the medians (the aim: 1.0 or less). Models the admin does not register (programs, logged
activities, meetings, releases, growth records) are compared with a plain changelist of a
benchmark-only admin site showing the same columns, since that is what the admin would cost.
The import goes last (it adds 2,000 people per run): upload and check, preview, import. Prints
figures only; nothing here is asserted.
"""

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import municipal


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--import-runs", type=int, default=2, help="staff imports of 2,000 new people")
    parser.add_argument("--postgres", action="store_true", help="a temporary PostgreSQL 15 cluster")
    parser.add_argument("--database-url", help="an empty database to fill (it is migrated and filled)")
    parser.add_argument("--only", help="only the pages whose label contains this text")
    return parser.parse_args()


ARGS = arguments() if __name__ == "__main__" else None
if ARGS is not None:
    DATABASE = municipal.use_database(postgres=ARGS.postgres, url=ARGS.database_url)

from django.contrib import admin  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import path, reverse  # noqa: E402

# --- a benchmark-only admin for the models the project's admin does not register ---------------

bench_site = admin.AdminSite(name="bench_admin")


def _bench_admin():
    from growth.models import GrowthRecord
    from programs.models import ActivityRecord, Meeting, Program, ReleaseRequest

    class ProgramBenchAdmin(admin.ModelAdmin):
        list_display = ("__str__", "starts_on", "ends_on", "status")
        list_select_related = ("pairing__mentor__person", "pairing__direction")

    class RecordBenchAdmin(admin.ModelAdmin):
        list_display = ("__str__", "program", "done_on", "confirmed_at")
        list_select_related = ("program__pairing__mentor__person", "program__pairing__direction")

    class MeetingBenchAdmin(admin.ModelAdmin):
        list_display = ("__str__", "mentor", "held_on")
        list_select_related = ("mentor__person", "form")

    class ReleaseBenchAdmin(admin.ModelAdmin):
        list_display = ("__str__", "substitute", "status")
        list_select_related = ("person", "substitute")

    class GrowthBenchAdmin(admin.ModelAdmin):
        list_display = ("__str__", "person", "date", "status")
        list_select_related = ("person",)

    bench_site.register(Program, ProgramBenchAdmin)
    bench_site.register(ActivityRecord, RecordBenchAdmin)
    bench_site.register(Meeting, MeetingBenchAdmin)
    bench_site.register(ReleaseRequest, ReleaseBenchAdmin)
    bench_site.register(GrowthRecord, GrowthBenchAdmin)


_bench_admin()

from config.urls import urlpatterns as project_urls  # noqa: E402

urlpatterns = [path("bench-admin/", bench_site.urls), *project_urls]


# --- measuring ---------------------------------------------------------------------------------


def measure(client: Client, url: str, runs: int, before=None) -> dict:
    """`before`, if given, runs ahead of each timed request, outside the time (e.g. forgetting the
    kept PDFs, to measure the first download after a change)."""
    response = client.get(url)  # warm: the session, the templates, the fonts
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            response = client.get(url)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
            times.append(time.perf_counter() - started)
    return {
        "best": min(times) * 1000,
        "median": statistics.median(times) * 1000,
        "queries": len(context.captured_queries),
        "status": response.status_code,
        "size": len(response.content) if not getattr(response, "streaming", False) else 0,
    }


# The pay list's PDF is kept while its rows stay the same (core.pdf.render_pdf_cached): the line
# above measures the download as the accountant gets it (written at night or by the first
# download), this one the first download after a change of the month's rows (nothing kept).
PAYROLL_AFTER_CHANGE = "доплата, PDF после изменения"


def forget_kept_pdfs() -> None:
    import shutil

    from django.conf import settings

    shutil.rmtree(settings.PDF_CACHE_DIR, ignore_errors=True)


def pages(data) -> list[tuple]:
    """(label, role, url, admin changelist url or None). The pay list is this month's."""
    year, month = data.pay_year, data.pay_month
    return [
        ("очередь «На утверждение»", "head", reverse("mentorship:approval-queue"), None),
        ("главная руководителя", "head", reverse("dashboard:home"), None),
        ("главная куратора", "curator", reverse("dashboard:home"), None),
        ("доплата за месяц (страница)", "head", reverse("mentorship:payroll") + f"?month={year}-{month:02d}", None),
        ("доплата за месяц, PDF", "head", reverse("mentorship:payroll-pdf", args=[year, month]), None),
        (PAYROLL_AFTER_CHANGE, "head", reverse("mentorship:payroll-pdf", args=[year, month]), None),
        ("доплата за месяц, XLSX", "head", reverse("mentorship:payroll-xlsx", args=[year, month]), None),
        ("выгрузка банка, XLSX", "curator", reverse("mentorship:export"), None),
        ("сотрудники", "curator", reverse("people:person-list"), "/admin/people/person/"),
        ("организации", "curator", reverse("people:organization-list"), "/admin/people/organization/"),
        ("наставники", "curator", reverse("mentorship:mentor-list"), "/admin/mentorship/mentor/"),
        ("наставляемые", "curator", reverse("mentorship:mentee-list"), "/admin/mentorship/mentee/"),
        ("пары и группы", "curator", reverse("mentorship:pairing-list"), "/admin/mentorship/pairing/"),
        ("программы", "curator", reverse("programs:program-list"), "/bench-admin/programs/program/"),
        ("разовые встречи", "curator", reverse("programs:meeting-list"), "/bench-admin/programs/meeting/"),
        ("освобождение от работы", "head", reverse("programs:release-list"), "/bench-admin/programs/releaserequest/"),
        ("приказы", "head", reverse("records:order-list"), "/admin/records/order/"),
        ("достижения (все)", "curator", reverse("growth:record-list"), "/bench-admin/growth/growthrecord/"),
        ("журнал выгрузок", "head", reverse("mentorship:export-log"), "/admin/people/exportlog/"),
        *reports_pages(),
    ]


def reports_pages() -> list[tuple]:
    """Monitoring and the annual analytic report of the current academic year, in each format (a draft
    report: its figures are computed from the records on every request, the heaviest case)."""
    from django.utils import timezone

    from core.dates import academic_start_year
    from reports.models import AnnualReport

    year = academic_start_year(timezone.localdate())
    AnnualReport.objects.get_or_create(start_year=year, defaults={"conclusions": "Выводы."})
    return [
        ("мониторинг", "curator", reverse("reports:monitoring"), None),
        ("итоговый отчёт, страница", "curator", reverse("reports:annual", args=[year]), None),
        *(
            (f"итоговый отчёт, {fmt.upper()}", "head", reverse("reports:annual-download", args=[year, fmt]), None)
            for fmt in ("pdf", "xlsx", "docx")
        ),
    ]


def staff_file(first_number: int, count: int = 2000) -> bytes:
    """An XLSX of `count` new people, as a kindergarten's HR would export it."""
    from openpyxl import Workbook

    from people.imports import TEMPLATE_HEADERS

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(TEMPLATE_HEADERS)
    for n in range(first_number, first_number + count):
        sheet.append(
            [f"{n:06d}", "Новикова", "Мария", "Петровна", "Воспитатель", "01.09.2025", "01.09.2025", "2,5",
             "Первая", "Высшее педагогическое", "+7 900 000-00-00", "", ""]
        )  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class QueryCounter:
    """Counts the queries of a block (CaptureQueriesContext keeps only the last 9,000)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self._wrapped = connection.execute_wrapper(self)
        self._wrapped.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapped.__exit__(*exc)


def measure_import(client: Client, runs: int) -> list[dict]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from people.models import ImportBatch

    results = []
    for run in range(runs):
        content = staff_file(100_000 + run * 10_000)
        steps = {}
        with QueryCounter() as counter:
            started = time.perf_counter()
            upload = SimpleUploadedFile("staff.xlsx", content)
            response = client.post(reverse("people:import"), {"file": upload})
            steps["upload"] = (time.perf_counter() - started, counter.count, response.status_code)
        batch = ImportBatch.objects.latest("created_at")
        url = reverse("people:import-preview", args=[batch.pk])
        with QueryCounter() as counter:
            started = time.perf_counter()
            response = client.get(url)
            steps["preview"] = (time.perf_counter() - started, counter.count, response.status_code)
        with QueryCounter() as counter:
            started = time.perf_counter()
            response = client.post(url)
            steps["import"] = (time.perf_counter() - started, counter.count, response.status_code)
        batch.refresh_from_db()
        steps["created"] = batch.created_count
        results.append(steps)
    return results


def main() -> None:
    data = municipal.build()
    counts = ", ".join(f"{name}: {count}" for name, count in data.counts.items())
    print(f"База: {DATABASE}. Набор собран за {data.seconds:.1f} с — {counts}")
    from accounts.models import User

    clients = {}

    def client_for(role: str) -> Client:
        if role not in clients:
            clients[role] = Client(HTTP_HOST="localhost")
            clients[role].force_login(User.objects.get(username=role))
        return clients[role]

    runs = ARGS.runs
    header = (
        f"{'страница':<30} {'роль':<8} {'запр.':>5} {'лучш. мс':>9} {'мед. мс':>9} │ "
        f"{'админка: запр.':>14} {'лучш. мс':>9} {'мед. мс':>9} │ {'отношение':>9}"
    )
    print(f"\n{runs} прогонов на страницу; отношение — медиана страницы ÷ медиана списка админки.\n")
    print(header)
    print("─" * len(header))
    kept_pdfs = tempfile.mkdtemp(prefix="nastavnik-pdf-cache-")
    with override_settings(ROOT_URLCONF=__name__, PDF_CACHE_DIR=kept_pdfs):
        for label, role, url, admin_url in pages(data):
            if ARGS.only and ARGS.only not in label:
                continue
            page = measure(client_for(role), url, runs, forget_kept_pdfs if label == PAYROLL_AFTER_CHANGE else None)
            line = f"{label:<30} {role:<8} {page['queries']:>5} {page['best']:>9.0f} {page['median']:>9.0f} │ "
            if admin_url:
                changelist = measure(client_for("admin"), admin_url, runs)
                ratio = page["median"] / changelist["median"]
                line += f"{changelist['queries']:>14} {changelist['best']:>9.0f} {changelist['median']:>9.0f} │ "
                line += f"{ratio:>8.2f}×"
                if changelist["status"] != 200:
                    line += f"  (админка ответила {changelist['status']})"
            else:
                line += f"{'—':>14} {'':>9} {'':>9} │ {'':>9}"
            if page["status"] != 200:
                line += f"  (ответ {page['status']})"
            print(line, flush=True)

        if ARGS.import_runs and not ARGS.only:
            print(f"\nЗагрузка списка сотрудников: XLSX из 2 000 новых людей, {ARGS.import_runs} раза (куратор)")
            for steps in measure_import(client_for("curator"), ARGS.import_runs):
                parts = "; ".join(
                    f"{step} {steps[step][0]:.2f} с, {steps[step][1]} запр."
                    + ("" if steps[step][2] in (200, 302) else f" (ответ {steps[step][2]})")
                    for step in ("upload", "preview", "import")
                )
                total = sum(steps[step][0] for step in ("upload", "preview", "import"))
                print(f"  {parts}; всего {total:.2f} с; добавлено {steps['created']}")


if __name__ == "__main__":
    main()
